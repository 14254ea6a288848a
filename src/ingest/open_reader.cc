#include "ingest/open_reader.h"

#include <string>
#include <utility>

#include "base/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/xes_reader.h"

namespace oversight::ingest {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kCsv: return "csv";
    case InputFormat::kXes: return "xes";
  }
  return "jsonl";
}

base::Result<InputFormat> ParseInputFormat(std::string_view name) {
  std::string lower = base::ToLowerAscii(name);
  if (lower == "jsonl" || lower == "ndjson") return InputFormat::kJsonl;
  if (lower == "csv") return InputFormat::kCsv;
  if (lower == "xes") return InputFormat::kXes;
  return base::InvalidArgument("unknown input format \"" + std::string(name) +
                               "\" (expected jsonl, csv or xes)");
}

base::Result<InputFormat> InputFormatFromPath(std::string_view path) {
  std::string lower = base::ToLowerAscii(path);
  std::string_view name = lower;
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(name, ".csv")) return InputFormat::kCsv;
  if (EndsWith(name, ".xes")) return InputFormat::kXes;
  return base::InvalidArgument("cannot tell the format of \"" + std::string(path) +
                               "\" from its name (expected .jsonl, .csv or .xes, optionally .gz); "
                               "name the format");
}

std::unique_ptr<RecordReader> MakeRecordReader(std::unique_ptr<ByteSource> input,
                                               const ReaderOptions& options) {
  switch (options.format) {
    case InputFormat::kCsv:
      return std::make_unique<CsvReader>(
          DecodeToUtf8(std::move(input), options.encoding),
          CsvOptions{.delimiter = options.csv_delimiter,
                     .max_record_bytes = options.max_record_bytes,
                     .max_text_bytes = options.max_text_bytes});
    case InputFormat::kXes:
      return std::make_unique<XesReader>(
          std::move(input), XesOptions{.max_event_bytes = options.max_record_bytes,
                                       .max_text_bytes = options.max_text_bytes});
    case InputFormat::kJsonl:
      break;
  }
  return std::make_unique<JsonlReader>(
      DecodeToUtf8(std::move(input), options.encoding),
      JsonlOptions{.max_line_bytes = options.max_record_bytes,
                   .max_text_bytes = options.max_text_bytes});
}

base::Result<std::unique_ptr<RecordReader>> OpenRecordReader(std::string_view path,
                                                             const ReaderOptions& options) {
  OVS_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> input, OpenByteSource(path));
  return MakeRecordReader(std::move(input), options);
}

}  // namespace oversight::ingest
