// Any text as a mapping file: a clear error or a mapping, never a crash; a
// mapping that parses can be applied to a record.

#include <cstdint>
#include <string>

#include "ingest/mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oversight::ingest;
  auto mapping = ParseMapping(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!mapping.ok()) return 0;
  RawRecord record;
  record.fields = {{"case:concept:name", "c1"}, {"concept:name", "A"}, {"time:timestamp", "2025-01-01"}};
  MappedRecord out;
  (void)mapping->ApplyTo(record, out);
  return 0;
}
