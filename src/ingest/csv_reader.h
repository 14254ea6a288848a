#pragma once

// CsvReader: RFC 4180 comma-separated values with a header row.
//
//   CsvReader reader(DecodeToUtf8(std::move(bytes)));
//   RawRecord record;
//   while (true) { OVS_ASSIGN_OR_RETURN(bool more, reader.Next(record)); if (!more) break; ... }
//
// The first row names the fields (names trimmed of spaces; an empty name becomes
// "column_N"). Fields may be quoted; a doubled quote inside quotes is a quote;
// quoted fields may hold delimiters and line breaks; rows end with "\n" or
// "\r\n". An unquoted empty field is absent from the record (like SQL NULL in
// PostgreSQL's CSV); a quoted empty field ("") is an empty value. Blank lines are
// skipped. A row with the wrong number of fields, a stray character after a
// closing quote, invalid UTF-8, more than max_record_bytes, or a quote still open
// at the end of input comes back with parse_error set; `line` is the row's first
// line and `text` the raw row (capped at max_text_bytes). A header that cannot be
// read is a Status error.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/raw_record.h"

namespace oversight::ingest {

struct CsvOptions {
  char delimiter = ',';  // ',' or ';' or '\t'
  std::size_t max_record_bytes = 1 << 20;
  std::size_t max_text_bytes = 64 << 10;
};

class CsvReader final : public RecordReader {
 public:
  // `input` must yield UTF-8 (see DecodeToUtf8).
  explicit CsvReader(std::unique_ptr<ByteSource> input, CsvOptions options = {});
  ~CsvReader() override;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  base::Result<bool> Next(RawRecord& out) override;

  // The field names from the header row; empty until the first Next().
  const std::vector<std::string>& header() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oversight::ingest
