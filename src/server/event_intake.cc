#include "server/event_intake.h"

#include <spdlog/spdlog.h>

#include "calendar/zone.h"
#include "complaints/event_sink.h"
#include "ingest/byte_source.h"

namespace oversight::server {

base::Result<pipeline::BatchOutcome> IngestAndJudge(Service& svc, IntakeRequest request,
                                                    base::Instant now) {
  if (!svc.ready()) return base::Unavailable("the engine is still loading");
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> departments, svc.store().ListDepartments());
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, svc.store().ListItems());
  OVS_ASSIGN_OR_RETURN(calendar::Zone zone, calendar::Zone::Locate(svc.options().zone));
  pipeline::ValidatorOptions vopts;
  vopts.source = request.source;
  vopts.now = now;
  vopts.from_local = [zone](base::Instant wall) { return zone.FromLocal(wall); };
  pipeline::EventValidator validator(vopts, departments, items);
  ingest::ReaderOptions ropts;
  ropts.format = request.format;
  std::unique_ptr<ingest::RecordReader> reader = ingest::MakeRecordReader(
      ingest::MaybeGunzip(ingest::ByteSourceFromString(std::move(request.text), "api")), ropts);
  pipeline::BatchOptions bopts;
  bopts.source = request.source;
  bopts.input_name = request.per_record ? "api" : "api-import";
  bopts.now = now;
  bopts.max_records = request.per_record ? svc.options().max_events_per_request : 1'000'000;
  bopts.admit = request.admit;
  OVS_ASSIGN_OR_RETURN(pipeline::BatchOutcome outcome,
                       pipeline::IngestRecords(svc.store(), *reader, ingest::Mapping::Identity(),
                                               validator, bopts));
  svc.metrics().AddEventsIngested(outcome.stored);
  svc.metrics().AddEventsDuplicate(outcome.duplicates);
  svc.metrics().AddEventsQuarantined(outcome.quarantined);
  if (outcome.stored > 0) {
    OVS_ASSIGN_OR_RETURN(supervisor::LiveChanges changes,
                         svc.live().Stored(outcome.events, outcome.appended, now));
    svc.Publish(changes);
  }
  return outcome;
}

std::function<base::Status(std::string_view source, std::string jsonl)> IntakeSink(Service& svc,
                                                                                  base::Instant now) {
  return [&svc, now](std::string_view source, std::string jsonl) -> base::Status {
    const std::string request_source(source);
    IntakeRequest request;
    request.source = request_source;
    request.text = std::move(jsonl);
    OVS_ASSIGN_OR_RETURN(pipeline::BatchOutcome outcome, IngestAndJudge(svc, std::move(request), now));
    for (const pipeline::RecordOutcome& r : outcome.records) {
      if (r.status == "quarantined") {
        // The desks check what they send; a refusal here is a defect to look into.
        spdlog::error("msg=\"desk event refused\" source={} reason={} detail=\"{}\"", request_source,
                      r.reason, r.message);
        return base::Internal("the step's event was refused by ingest (" + r.reason + "): " + r.message);
      }
    }
    return base::Status::Ok();
  };
}

ApiError DeskError(const base::Status& status, const std::string& fallback_field) {
  std::string field = complaints::FieldOf(status);
  ApiError e = ErrorFromStatus(status, field.empty() ? fallback_field : field);
  if (status.code() == base::StatusCode::kInvalidArgument) e.code = "invalid_field";
  if (status.code() == base::StatusCode::kFailedPrecondition) e.code = "illegal_transition";
  return e;
}

}  // namespace oversight::server
