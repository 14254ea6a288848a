// Any bytes through the streaming XES reader: no crash, no hang; malformed XML
// ends the input with an error, never a crash.

#include "drain_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  oversight::fuzz::DrainReader(oversight::ingest::InputFormat::kXes, data, size);
  return 0;
}
