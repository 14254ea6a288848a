#pragma once

// What one ingest run did, for the operator (text) and for scripts (--json).

#include <cstdint>
#include <map>
#include <string>

namespace oversight::pipeline {

struct IngestSummary {
  std::int64_t read = 0;         // records read (blank lines are not records)
  std::int64_t stored = 0;       // new events in the store
  std::int64_t duplicate = 0;    // already stored (same source + source_event_id)
  std::int64_t quarantined = 0;  // rejected in this run, all kept in quarantine
  std::int64_t quarantine_new = 0;  // of those, not already held from an earlier run
  std::map<std::string, std::int64_t> reasons;  // rejection reason → count
  std::int64_t departments_registered = 0;
  std::int64_t items_registered = 0;

  void Add(const IngestSummary& other);
  // One JSON object: read, stored, duplicate, quarantined, quarantine_new, reasons, ...
  std::string ToJson() const;
  // A few lines for a terminal.
  std::string ToText() const;
};

}  // namespace oversight::pipeline
