#pragma once

// JsonlReader: JSON Lines (one JSON object per line), the canonical wire format
// of DESIGN §3, read with simdjson On-Demand.
//
//   JsonlReader reader(DecodeToUtf8(std::move(bytes)));
//   RawRecord record;
//   while (true) { OVS_ASSIGN_OR_RETURN(bool more, reader.Next(record)); if (!more) break; ... }
//
// Each line gives one record: fields in source order; nested objects flattened with
// '.' ({"attrs":{"fee":0}} gives "attrs.fee" = "0", kNumber); strings unescaped;
// numbers as written; booleans "true"/"false"; arrays (and objects nested deeper
// than 32 levels) kept as raw JSON text (kJson); null values left out; duplicate
// keys kept in order. Blank lines are skipped. A line that is not a JSON object,
// is not well-formed JSON, is not valid UTF-8, or is longer than max_line_bytes
// comes back as a record with parse_error set and its line number; text keeps
// the line (capped at max_text_bytes).

#include <cstddef>
#include <memory>

#include "ingest/byte_source.h"
#include "ingest/raw_record.h"

namespace oversight::ingest {

struct JsonlOptions {
  std::size_t max_line_bytes = 1 << 20;  // longer lines are parse errors, never held whole
  std::size_t max_text_bytes = 64 << 10;
};

class JsonlReader final : public RecordReader {
 public:
  // `input` must yield UTF-8 (see DecodeToUtf8).
  explicit JsonlReader(std::unique_ptr<ByteSource> input, JsonlOptions options = {});
  ~JsonlReader() override;
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  base::Result<bool> Next(RawRecord& out) override;

  std::size_t BufferBytesForTest() const;

 private:
  struct Impl;  // keeps simdjson out of this header
  std::unique_ptr<Impl> impl_;
};

}  // namespace oversight::ingest
