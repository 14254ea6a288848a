#pragma once

// Choosing and opening a reader: the one call the CLI and the HTTP layer need.
//
//   ReaderOptions options{.format = InputFormat::kXes};
//   OVS_ASSIGN_OR_RETURN(auto reader, OpenRecordReader("receipt.xes.gz", options));
//
// Gzip is undone for every format; JSON Lines and CSV go through DecodeToUtf8
// (BOM, UTF-16 refusal, GBK); XES follows its XML declaration.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "base/status.h"
#include "ingest/byte_source.h"
#include "ingest/encoding.h"
#include "ingest/raw_record.h"

namespace oversight::ingest {

enum class InputFormat : std::uint8_t { kJsonl = 0, kCsv, kXes };

// "jsonl", "csv", "xes".
std::string_view InputFormatName(InputFormat format);
// Accepts jsonl (or ndjson), csv, xes.
base::Result<InputFormat> ParseInputFormat(std::string_view name);
// From the file name: .jsonl/.ndjson/.json, .csv, .xes, each optionally followed by
// .gz. kInvalidArgument when the name says nothing ("-" included).
base::Result<InputFormat> InputFormatFromPath(std::string_view path);

struct ReaderOptions {
  InputFormat format = InputFormat::kJsonl;
  TextEncoding encoding = TextEncoding::kAuto;  // JSON Lines and CSV only
  char csv_delimiter = ',';
  std::size_t max_record_bytes = 1 << 20;  // a line, a row, an event
  std::size_t max_text_bytes = 64 << 10;   // RawRecord::text for quarantine
};

// A reader over `input` (gzip already undone, as OpenByteSource does).
std::unique_ptr<RecordReader> MakeRecordReader(std::unique_ptr<ByteSource> input,
                                               const ReaderOptions& options);

// Opens `path` ("-" for standard input) and makes its reader.
base::Result<std::unique_ptr<RecordReader>> OpenRecordReader(std::string_view path,
                                                             const ReaderOptions& options);

}  // namespace oversight::ingest
