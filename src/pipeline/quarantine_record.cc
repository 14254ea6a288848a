#include "pipeline/quarantine_record.h"

#include "codes/redact.h"
#include "pipeline/ingest_runner.h"

namespace oversight::pipeline {

store::QuarantineRecord MakeQuarantineRecord(const std::string& source, const std::string& input,
                                             const ingest::RawRecord& record,
                                             std::string_view reason, std::string message,
                                             base::Instant received_at) {
  store::QuarantineRecord q;
  q.source = source;
  q.input = input;
  q.line = record.line;
  q.reason = std::string(reason);
  q.message = std::move(message);
  q.original_text = codes::RedactIdNumbers(record.text);
  q.fields_json = record.parse_error.empty() ? codes::RedactIdNumbers(FieldsToJson(record)) : "";
  q.received_at = received_at;
  return q;
}

}  // namespace oversight::pipeline
