#pragma once

// RawRecord: one record as a source wrote it, before mapping. Every reader
// (JSON Lines, CSV, XES) produces these; the mapper turns them into model::Event.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace oversight::ingest {

struct RawRecord {
  std::int64_t line = 0;   // 1-based line (JSONL, CSV) or event ordinal (XES) in the input
  std::string text;        // the original text, kept for quarantine (capped by the reader)
  // Field name → value, in source order. Names are the source's own
  // (e.g. "concept:name", "case:concept:name", "time:timestamp" for XES;
  // the header names for CSV). Nested JSON objects are flattened with '.'.
  std::vector<std::pair<std::string, std::string>> fields;

  // A record the reader could not parse at all (bad JSON, broken CSV row): the
  // mapper quarantines it with this reason instead of mapping it.
  std::string parse_error;

  void Clear() {
    line = 0;
    text.clear();
    fields.clear();
    parse_error.clear();
  }
  // The first value of `name`, or nullptr.
  const std::string* Find(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

// A pull reader over one input. Next() fills `out` and returns true, or returns
// false at the end of input. A record that cannot be parsed is still returned, with
// parse_error set, so nothing is dropped; a Status error means the input as a whole
// cannot be read (unreadable file, unsupported encoding, corrupt gzip stream).
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual base::Result<bool> Next(RawRecord& out) = 0;
};

}  // namespace oversight::ingest
