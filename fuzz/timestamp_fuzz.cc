// Any text as a timestamp: parsed or refused, never a crash or an overflow
// (UBSan aborts on signed overflow in this build).

#include <cstdint>
#include <string_view>

#include "base/time.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto ts = oversight::base::ParseTimestamp(text);
  if (ts.ok()) (void)oversight::base::FormatInstantUtc(ts->ToInstant());
  (void)oversight::base::ParseDate(text);
  return 0;
}
