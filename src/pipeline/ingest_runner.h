#pragma once

// IngestRunner: the ingest data path for one source, in the order of DESIGN §2:
//   RecordReader → Mapping::Apply → EventValidator::Validate → content digest
//        → Store::AppendDigested                      ╰→ Store::AddQuarantine
// Records are batched; each batch is one store transaction, so an interrupted run
// keeps whole batches and a re-run stores only what is missing. Two threads share
// the work: a producer reads, maps, validates and hashes the next batch while the
// calling thread writes the previous one to the store.

#include <cstdint>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/mapping.h"
#include "ingest/raw_record.h"
#include "pipeline/event_validator.h"
#include "pipeline/ingest_summary.h"
#include "store/store.h"

namespace oversight::pipeline {

struct RunnerOptions {
  std::string source;
  size_t batch_size = 20'000;
  base::Instant now{};  // ingest time stamped on events and quarantine records
  // Called after each batch with the running count of records read.
  std::function<void(std::int64_t records_read)> on_progress;
  // Called on the writing thread after each batch is stored (the engine judges here).
  std::function<void(std::span<const model::Event> events, const store::AppendResult& appended)>
      on_stored;
};

class IngestRunner {
 public:
  IngestRunner(store::Store& store, const ingest::Mapping& mapping, EventValidator& validator,
               RunnerOptions options);

  // Reads `reader` to the end. A reader error (corrupt gzip, malformed XML) stops
  // the input after everything before it was stored, and is returned with the
  // summary so far available through summary(). The validator and reader are used
  // on a second thread while Run runs; the store only on the calling thread.
  base::Status Run(ingest::RecordReader& reader, const std::string& input_name);

  const IngestSummary& summary() const { return summary_; }

 private:
  struct Batch;
  class Producer;
  base::Status Write(Batch& batch);

  store::Store& store_;
  const ingest::Mapping& mapping_;
  EventValidator& validator_;
  RunnerOptions options_;
  IngestSummary summary_;
};

// Serialises a record's fields as a JSON object (name → string value), the form
// the quarantine keeps for retry.
std::string FieldsToJson(const ingest::RawRecord& record);
// The reverse; fails on text that is not such an object.
base::Status FieldsFromJson(std::string_view json, ingest::RawRecord& record);

}  // namespace oversight::pipeline
