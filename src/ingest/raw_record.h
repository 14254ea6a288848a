#pragma once

// RawRecord: one record as a source wrote it, before mapping. Every reader
// (JSON Lines, CSV, XES) produces these; the mapper (ingest/mapping.h) turns them
// into MappedRecord, which the pipeline validates into model::Event.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace oversight::ingest {

// How the source typed a value, so attrs keep JSON numbers and booleans as such.
enum class ValueType : std::uint8_t {
  kString = 0,  // text (CSV values, JSON strings, XES string/date/id)
  kNumber,      // a number as the source wrote it ("12.50", "1e3"); may not be valid JSON (XES "NaN")
  kBool,        // "true" or "false"
  kJson,        // raw JSON text: an array (JSON Lines), a list (XES)
};

struct RawRecord {
  // 1-based line in the input where the record starts: the line (JSON Lines), the
  // row's first line (CSV), the line of the <event> start tag (XES).
  std::int64_t line = 0;
  // The original text, kept for quarantine: the line, the raw row, or (XES) the
  // event's fields as a compact JSON object. Always valid UTF-8 (invalid bytes of a
  // broken line are shown as U+FFFD), capped by the reader (default 64 KiB).
  std::string text;
  bool text_truncated = false;  // `text` was cut at the cap
  // Field name → value, in source order. Names are the source's own
  // (e.g. "concept:name", "case:concept:name", "time:timestamp" for XES;
  // the header names for CSV). Nested JSON objects are flattened with '.'.
  std::vector<std::pair<std::string, std::string>> fields;
  // Parallel to `fields`; may be shorter (a missing entry means kString), so code
  // that builds records by hand may ignore it.
  std::vector<ValueType> value_types;

  // A record the reader could not parse at all (bad JSON, broken CSV row): the
  // mapper quarantines it with this reason instead of mapping it. `fields` is
  // empty then; `text` holds what was read.
  std::string parse_error;

  void Clear() {
    line = 0;
    text.clear();
    text_truncated = false;
    fields.clear();
    value_types.clear();
    parse_error.clear();
  }
  // The first value of `name`, or nullptr.
  const std::string* Find(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return &value;
    }
    return nullptr;
  }
  ValueType TypeAt(std::size_t index) const {
    return index < value_types.size() ? value_types[index] : ValueType::kString;
  }
  void AddField(std::string_view name, std::string_view value,
                ValueType type = ValueType::kString) {
    value_types.resize(fields.size(), ValueType::kString);
    fields.emplace_back(std::string(name), std::string(value));
    value_types.push_back(type);
  }
};

// A pull reader over one input. Next() fills `out` and returns true, or returns
// false at the end of input. A record that cannot be parsed is still returned, with
// parse_error set, so nothing is dropped; a Status error means the input as a whole
// cannot be read (unreadable file, unsupported encoding, corrupt gzip stream,
// malformed XML). Records before the damage have been returned by then; after an
// error, Next() keeps returning it. Passing the same RawRecord to every call lets
// the reader reuse its strings' memory. Not thread-safe.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual base::Result<bool> Next(RawRecord& out) = 0;
};

}  // namespace oversight::ingest
