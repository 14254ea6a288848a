#include "pipeline/ingest_runner.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace oversight::pipeline {

IngestRunner::IngestRunner(store::Store& store, const ingest::Mapping& mapping,
                           EventValidator& validator, RunnerOptions options)
    : store_(store), mapping_(mapping), validator_(validator), options_(std::move(options)) {
  events_.reserve(options_.batch_size);
}

base::Status IngestRunner::Run(ingest::RecordReader& reader, const std::string& input_name) {
  ingest::RawRecord record;
  base::Status read_status;
  while (true) {
    record.Clear();
    base::Result<bool> more = reader.Next(record);
    if (!more.ok()) {
      read_status = more.status().WithContext(input_name);
      break;
    }
    if (!*more) break;
    Take(record, input_name);
    if (events_.size() >= options_.batch_size || rejected_.size() >= options_.batch_size) {
      OVS_RETURN_IF_ERROR(Flush());
    }
  }
  OVS_RETURN_IF_ERROR(Flush());
  return read_status;
}

void IngestRunner::Take(const ingest::RawRecord& record, const std::string& input_name) {
  ++summary_.read;
  if (!record.parse_error.empty()) {
    Quarantine(record, input_name, reason::kParseError, record.parse_error);
    return;
  }
  base::Result<ingest::MappedRecord> mapped = mapping_.Apply(record);
  if (!mapped.ok()) {
    Quarantine(record, input_name, reason::kMappingError, mapped.status().message());
    return;
  }
  Checked checked = validator_.Validate(*mapped);
  if (auto* rejection = std::get_if<Rejection>(&checked)) {
    Quarantine(record, input_name, rejection->reason, std::move(rejection->message));
    return;
  }
  events_.push_back(std::move(std::get<model::Event>(checked)));
}

void IngestRunner::Quarantine(const ingest::RawRecord& record, const std::string& input_name,
                              std::string_view reason, std::string message) {
  store::QuarantineRecord q;
  q.source = options_.source;
  q.input = input_name;
  q.line = record.line;
  q.reason = std::string(reason);
  q.message = std::move(message);
  q.original_text = record.text;
  q.fields_json = record.parse_error.empty() ? FieldsToJson(record) : "";
  q.received_at = options_.now;
  ++summary_.quarantined;
  ++summary_.reasons[q.reason];
  rejected_.push_back(std::move(q));
}

base::Status IngestRunner::Flush() {
  // Reference data first: the events of this batch may name what was just registered.
  for (const model::Department& dept : validator_.TakeNewDepartments()) {
    OVS_RETURN_IF_ERROR(store_.UpsertDepartment(dept, /*auto_registered=*/true));
    ++summary_.departments_registered;
  }
  for (const model::Item& item : validator_.TakeNewItems()) {
    OVS_RETURN_IF_ERROR(store_.UpsertItem(item, /*auto_registered=*/true));
    ++summary_.items_registered;
  }
  if (!events_.empty()) {
    OVS_ASSIGN_OR_RETURN(store::AppendResult appended, store_.AppendBatch(events_, options_.now));
    summary_.stored += appended.stored;
    summary_.duplicate += appended.duplicates;
    events_.clear();
  }
  if (!rejected_.empty()) {
    OVS_ASSIGN_OR_RETURN(std::int64_t added, store_.AddQuarantine(rejected_));
    summary_.quarantine_new += added;
    rejected_.clear();
  }
  if (options_.on_progress) options_.on_progress(summary_.read);
  return base::Status::Ok();
}

std::string FieldsToJson(const ingest::RawRecord& record) {
  std::string out = "{";
  for (const auto& [name, value] : record.fields) {
    if (out.size() > 1) out += ",";
    out += "\"" + base::JsonEscape(name) + "\":\"" + base::JsonEscape(value) + "\"";
  }
  out += "}";
  return out;
}

base::Status FieldsFromJson(std::string_view json, ingest::RawRecord& record) {
  nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(json, nullptr, false);
  if (!parsed.is_object()) return base::InvalidArgument("stored fields are not a JSON object");
  record.fields.clear();
  for (const auto& [name, value] : parsed.items()) {
    record.fields.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return base::Status::Ok();
}

}  // namespace oversight::pipeline
