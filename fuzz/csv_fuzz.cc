// Any bytes through the CSV reader (with a header row): no crash, no hang.

#include "drain_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  oversight::fuzz::DrainReader(oversight::ingest::InputFormat::kCsv, data, size);
  return 0;
}
