#pragma once

// One request's worth of records, ingested synchronously with an outcome per
// record (the HTTP API's POST /events): read → map → validate → one store
// transaction for the batch's events → quarantine for the rest. When it returns
// OK, every stored event and every quarantined record is committed.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/mapping.h"
#include "ingest/raw_record.h"
#include "pipeline/event_validator.h"
#include "store/store.h"

namespace oversight::pipeline {

struct RecordOutcome {
  std::int64_t line = 0;  // 1-based position in the request
  std::string status;     // "stored" | "duplicate" | "quarantined"
  std::int64_t seq = 0;   // when stored
  std::string case_id;
  std::string reason;     // when quarantined: the reason code
  std::string message;    // when quarantined: what is wrong, naming the field
};

struct BatchOutcome {
  std::vector<RecordOutcome> records;
  std::vector<model::Event> events;  // the valid events, in input order
  store::AppendResult appended;      // what the store did with `events`
  std::int64_t stored = 0;
  std::int64_t duplicates = 0;
  std::int64_t quarantined = 0;
};

struct BatchOptions {
  std::string source;
  std::string input_name = "api";
  base::Instant now{};
  std::size_t max_records = 10'000;  // more is an error before anything is stored
  // A last check on a valid event (e.g. that the sender may send for its
  // department); a rejection sends the record to quarantine with that reason.
  std::function<std::optional<Rejection>(const model::Event&)> admit;
};

base::Result<BatchOutcome> IngestRecords(store::Store& store, ingest::RecordReader& reader,
                                         const ingest::Mapping& mapping,
                                         EventValidator& validator, const BatchOptions& options);

}  // namespace oversight::pipeline
