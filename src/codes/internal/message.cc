#include "codes/internal/message.h"

#include <cstdio>

namespace oversight::codes {
namespace {

bool IsPrintableAscii(char c) { return c >= 0x20 && c < 0x7F; }

}  // namespace

std::string DescribeChar(char c) {
  if (IsPrintableAscii(c)) return std::string("'") + c + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", static_cast<unsigned char>(c));
  return buf;
}

std::string QuoteForMessage(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    out += IsPrintableAscii(text[i]) ? text[i] : '?';
  }
  out += text.size() > kMaxShown ? "...'" : "'";
  return out;
}

}  // namespace oversight::codes
