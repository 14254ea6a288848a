#include "pipeline/quarantine_retry.h"

#include "base/strings.h"
#include "pipeline/ingest_runner.h"

namespace oversight::pipeline {
namespace {

// Maps and validates one stored record; the event, or why it still fails.
Checked Recheck(const store::QuarantineRecord& held, const ingest::Mapping& mapping,
                EventValidator& validator) {
  if (held.fields_json.empty()) {
    // The reader could not parse it: only a corrected re-send can replace it.
    return Rejection{held.reason, held.message};
  }
  ingest::RawRecord raw;
  raw.line = held.line;
  raw.text = held.original_text;
  if (base::Status s = FieldsFromJson(held.fields_json, raw); !s.ok()) {
    return Rejection{std::string(reason::kParseError), s.message()};
  }
  base::Result<ingest::MappedRecord> mapped = mapping.Apply(raw);
  if (!mapped.ok()) return Rejection{std::string(reason::kMappingError), mapped.status().message()};
  return validator.Validate(*mapped);
}

}  // namespace

base::Result<RetrySummary> RetryQuarantine(store::Store& store, const std::string& source,
                                           const ingest::Mapping& mapping,
                                           EventValidator& validator, base::Instant now) {
  RetrySummary summary;
  store::QuarantineFilter filter;
  filter.source = source;
  filter.limit = INT64_MAX;
  OVS_ASSIGN_OR_RETURN(std::vector<store::QuarantineRecord> held, store.ListQuarantine(filter));
  for (const store::QuarantineRecord& record : held) {
    ++summary.retried;
    Checked checked = Recheck(record, mapping, validator);
    if (auto* rejection = std::get_if<Rejection>(&checked)) {
      ++summary.still_quarantined;
      ++summary.reasons[rejection->reason];
      OVS_RETURN_IF_ERROR(store.UpdateQuarantineReason(record.id, rejection->reason, rejection->message));
      continue;
    }
    for (const model::Department& dept : validator.TakeNewDepartments()) {
      OVS_RETURN_IF_ERROR(store.UpsertDepartment(dept, true));
    }
    for (const model::Item& item : validator.TakeNewItems()) {
      OVS_RETURN_IF_ERROR(store.UpsertItem(item, true));
    }
    std::vector<model::Event> one{std::move(std::get<model::Event>(checked))};
    OVS_ASSIGN_OR_RETURN(store::AppendResult appended, store.AppendBatch(one, now));
    summary.stored += appended.stored;
    summary.duplicate += appended.duplicates;
    OVS_RETURN_IF_ERROR(store.ResolveQuarantine(record.id, appended.seqs[0]));
  }
  return summary;
}

std::string RetrySummary::ToJson() const {
  std::string out = "{\"retried\":" + std::to_string(retried) + ",\"stored\":" +
                    std::to_string(stored) + ",\"duplicate\":" + std::to_string(duplicate) +
                    ",\"still_quarantined\":" + std::to_string(still_quarantined) + ",\"reasons\":{";
  bool first = true;
  for (const auto& [reason, count] : reasons) {
    if (!first) out += ",";
    first = false;
    out += "\"" + base::JsonEscape(reason) + "\":" + std::to_string(count);
  }
  return out + "}}";
}

std::string RetrySummary::ToText() const {
  std::string out = "retried " + std::to_string(retried) + ", stored " + std::to_string(stored) +
                    ", duplicate " + std::to_string(duplicate) + ", still quarantined " +
                    std::to_string(still_quarantined) + "\n";
  for (const auto& [reason, count] : reasons) out += "  " + reason + ": " + std::to_string(count) + "\n";
  return out;
}

}  // namespace oversight::pipeline
