// Any bytes through the JSON Lines reader: no crash, no hang, and a good record
// after any garbage is still read (nothing good is lost).

#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/open_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oversight::ingest;
  std::string input(reinterpret_cast<const char*>(data), size);
  input += "\n{\"sentinel\":\"kept\"}\n";
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  options.max_record_bytes = 4096;
  auto reader = MakeRecordReader(ByteSourceFromString(std::move(input), "fuzz"), options);
  RawRecord record, last;
  while (true) {
    record.Clear();
    auto more = reader->Next(record);
    if (!more.ok()) return 0;  // a refused encoding (UTF-16 BOM) refuses the whole input
    if (!*more) break;
    last = record;
  }
  const std::string* kept = last.Find("sentinel");
  if (kept == nullptr || *kept != "kept") std::abort();
  return 0;
}
