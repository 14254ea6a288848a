#include "pipeline/batch_ingest.h"

#include "pipeline/quarantine_record.h"

namespace oversight::pipeline {

base::Result<BatchOutcome> IngestRecords(store::Store& store, ingest::RecordReader& reader,
                                         const ingest::Mapping& mapping,
                                         EventValidator& validator, const BatchOptions& options) {
  BatchOutcome out;
  std::vector<store::QuarantineRecord> rejected;
  std::vector<std::size_t> event_record;  // events[i] came from records[event_record[i]]
  ingest::RawRecord record;
  ingest::MappedRecord mapped;
  auto quarantine = [&](std::string_view reason, std::string message) {
    RecordOutcome& o = out.records.back();
    o.status = "quarantined";
    o.reason = std::string(reason);
    o.message = message;
    rejected.push_back(MakeQuarantineRecord(options.source, options.input_name, record, reason,
                                            std::move(message), options.now));
  };
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool more, reader.Next(record));
    if (!more) break;
    if (out.records.size() == options.max_records) {
      return base::InvalidArgument("a request holds at most " + std::to_string(options.max_records) +
                                   " records; split the batch");
    }
    out.records.emplace_back();
    out.records.back().line = static_cast<std::int64_t>(out.records.size());
    if (!record.parse_error.empty()) {
      quarantine(reason::kParseError, record.parse_error);
      continue;
    }
    if (base::Status s = mapping.ApplyTo(record, mapped); !s.ok()) {
      quarantine(reason::kMappingError, s.message());
      continue;
    }
    Checked checked = validator.Validate(mapped);
    if (auto* rejection = std::get_if<Rejection>(&checked)) {
      quarantine(rejection->reason, std::move(rejection->message));
      continue;
    }
    if (options.admit) {
      if (std::optional<Rejection> refused = options.admit(std::get<model::Event>(checked))) {
        quarantine(refused->reason, std::move(refused->message));
        continue;
      }
    }
    out.records.back().case_id = std::get<model::Event>(checked).case_id;
    event_record.push_back(out.records.size() - 1);
    out.events.push_back(std::move(std::get<model::Event>(checked)));
  }
  if (!out.events.empty()) {
    OVS_ASSIGN_OR_RETURN(out.appended, store.AppendBatch(out.events, options.now));
    for (std::size_t i = 0; i < out.events.size(); ++i) {
      RecordOutcome& o = out.records[event_record[i]];
      o.seq = out.appended.seqs[i];
      o.status = o.seq == 0 ? "duplicate" : "stored";
    }
    out.stored = out.appended.stored;
    out.duplicates = out.appended.duplicates;
  }
  if (!rejected.empty()) OVS_RETURN_IF_ERROR(store.AddQuarantine(rejected).status());
  out.quarantined = static_cast<std::int64_t>(rejected.size());
  return out;
}

}  // namespace oversight::pipeline
