#include "cli/desk_session.h"

#include "calendar/zone.h"
#include "cli/engine_setup.h"
#include "cli/store_access.h"
#include "ingest/byte_source.h"
#include "ingest/open_reader.h"
#include "pipeline/batch_ingest.h"
#include "store/ops_log.h"

namespace oversight::cli {

base::Result<std::unique_ptr<DeskSession>> DeskSession::Open(const StoreArgs& store,
                                                             const CalendarArgs& calendar,
                                                             const std::string& rules_dir,
                                                             const std::string& now,
                                                             const Environment& env) {
  auto session = std::unique_ptr<DeskSession>(new DeskSession());
  session->now_ = env.clock();
  if (!now.empty()) {
    base::Result<base::Instant> parsed = base::ParseInstant(now);
    if (!parsed.ok()) return base::InvalidArgument("--now: " + parsed.status().message());
    session->now_ = *parsed;
  }
  OVS_ASSIGN_OR_RETURN(session->store_, OpenExistingStore(store, env));
  if (!rules_dir.empty()) {
    OVS_ASSIGN_OR_RETURN(engine::Engine engine,
                         supervisor::MakeEngineForStore(
                             *session->store_, EngineSetupFrom(rules_dir, calendar, /*active_only=*/true)));
    session->engine_.emplace(std::move(engine));
    session->judge_.emplace(*session->store_, *session->engine_);
  }
  return session;
}

base::Result<base::Instant> DeskSession::At(const std::string& at) const {
  if (at.empty()) return now_;
  base::Result<base::Instant> parsed = base::ParseInstant(at);
  if (!parsed.ok()) return base::InvalidArgument("--at: " + parsed.status().message());
  return *parsed;
}

complaints::EventSink DeskSession::sink() {
  return [this](std::string_view source, std::string jsonl) -> base::Status {
    OVS_ASSIGN_OR_RETURN(std::vector<model::Department> departments, store_->ListDepartments());
    OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store_->ListItems());
    OVS_ASSIGN_OR_RETURN(calendar::Zone zone, calendar::Zone::Locate("Asia/Shanghai"));
    pipeline::ValidatorOptions vopts;
    vopts.source = std::string(source);
    vopts.now = now_;
    vopts.from_local = [zone](base::Instant wall) { return zone.FromLocal(wall); };
    pipeline::EventValidator validator(vopts, departments, items);
    std::unique_ptr<ingest::RecordReader> reader = ingest::MakeRecordReader(
        ingest::ByteSourceFromString(std::move(jsonl), "cli"), ingest::ReaderOptions{});
    pipeline::BatchOptions bopts;
    bopts.source = std::string(source);
    bopts.input_name = "cli";
    bopts.now = now_;
    OVS_ASSIGN_OR_RETURN(pipeline::BatchOutcome outcome,
                         pipeline::IngestRecords(*store_, *reader, ingest::Mapping::Identity(),
                                                 validator, bopts));
    for (const pipeline::RecordOutcome& r : outcome.records) {
      if (r.status == "quarantined") {
        return base::Internal("the step's event was refused by ingest (" + r.reason + "): " + r.message);
      }
    }
    if (judge_ && outcome.stored > 0) judge_->Stored(outcome.events, outcome.appended);
    return base::Status::Ok();
  };
}

base::Result<std::int64_t> DeskSession::Finish() {
  if (!judge_) return std::int64_t{0};
  OVS_ASSIGN_OR_RETURN(supervisor::SuperviseSummary summary, judge_->Finish(now_));
  return summary.raised;
}

base::Status DeskSession::Record(const std::string& by, std::string_view action,
                                 const std::string& object, std::string_view result,
                                 std::string_view detail) {
  const store::OpsActor who{by, "cli", "local"};
  return store::RecordOp(store_->ops_log(), now_, who, action, object, result, detail).status();
}

}  // namespace oversight::cli
