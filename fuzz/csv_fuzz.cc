// Any bytes through the CSV reader (with a header row): no crash, no hang.

#include <cstdint>
#include <string>

#include "ingest/open_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oversight::ingest;
  ReaderOptions options;
  options.format = InputFormat::kCsv;
  options.max_record_bytes = 4096;
  auto reader = MakeRecordReader(
      ByteSourceFromString(std::string(reinterpret_cast<const char*>(data), size), "fuzz"), options);
  RawRecord record;
  for (int guard = 0; guard < 100000; ++guard) {
    record.Clear();
    auto more = reader->Next(record);
    if (!more.ok() || !*more) break;
  }
  return 0;
}
