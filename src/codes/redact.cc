#include "codes/redact.h"

#include "codes/id_number.h"
#include "codes/mask.h"

namespace oversight::codes {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string RedactIdNumbers(std::string_view text) {
  constexpr size_t kLength = 18;
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    bool starts_alone = i == 0 || !IsAlnum(text[i - 1]);
    if (starts_alone && i + kLength <= text.size() && IsDigit(text[i])) {
      std::string_view candidate = text.substr(i, kLength);
      bool ends_alone = i + kLength == text.size() || !IsAlnum(text[i + kLength]);
      if (ends_alone && ValidateIdNumber(candidate).ok()) {
        out += MaskIdNumber(candidate);
        i += kLength;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace oversight::codes
