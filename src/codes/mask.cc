#include "codes/mask.h"

#include "base/strings.h"

namespace oversight::codes {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return !text.empty();
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// One '*' per UTF-8 code point when the text is valid UTF-8, else one per byte.
std::string Stars(std::string_view text) {
  if (!base::IsValidUtf8(text)) return std::string(text.size(), '*');
  std::string out;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) out += '*';
  }
  return out;
}

std::string KeepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  return std::string(text.substr(0, head)) + std::string(text.size() - head - tail, '*') +
         std::string(text.substr(text.size() - tail));
}

// Splits off an international prefix for China and the separator after it.
std::string_view StripCountryPrefix(std::string_view phone, std::string_view* prefix) {
  for (std::string_view p : {"+86", "0086", "86"}) {
    if (!base::StartsWith(phone, p)) continue;
    std::size_t end = p.size();
    if (end < phone.size() && (phone[end] == '-' || phone[end] == ' ')) ++end;
    std::string_view rest = phone.substr(end);
    // "86" followed by something that is not a mobile number is not a prefix.
    if (rest.size() == 11 && AllDigits(rest) && rest[0] == '1') {
      *prefix = phone.substr(0, end);
      return rest;
    }
  }
  *prefix = {};
  return phone;
}

// "0663-8888888[-123]": an area code of 3–4 digits starting with 0, a subscriber
// number of 7–8 digits, an optional extension. Returns "" when it is not that shape.
std::string MaskLandline(std::string_view phone) {
  std::size_t dash = phone.find('-');
  if (dash == std::string_view::npos) return {};
  std::string_view area = phone.substr(0, dash);
  std::string_view rest = phone.substr(dash + 1);
  std::size_t ext_dash = rest.find('-');
  std::string_view number = rest.substr(0, ext_dash);
  std::string_view extension =
      ext_dash == std::string_view::npos ? std::string_view() : rest.substr(ext_dash + 1);
  if (area.size() < 3 || area.size() > 4 || area[0] != '0' || !AllDigits(area)) return {};
  if (number.size() < 7 || number.size() > 8 || !AllDigits(number)) return {};
  if (ext_dash != std::string_view::npos && !AllDigits(extension)) return {};
  // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) on
  // `"-" + std::string(...)`.
  std::string out(area);
  out += '-';
  out += KeepEnds(number, 0, 4);
  if (ext_dash != std::string_view::npos) {
    out += '-';
    out.append(extension.size(), '*');
  }
  return out;
}

}  // namespace

std::string MaskIdNumber(std::string_view id) {
  id = base::Trim(id);
  if (!IsAscii(id)) return Stars(id);
  if (id.size() == 18) return KeepEnds(id, 6, 4);
  if (id.size() == 15) return KeepEnds(id, 6, 3);
  return std::string(id.size(), '*');
}

std::string MaskPhone(std::string_view phone) {
  phone = base::Trim(phone);
  if (!IsAscii(phone)) return Stars(phone);
  std::string_view prefix;
  std::string_view number = StripCountryPrefix(phone, &prefix);
  if (number.size() == 11 && AllDigits(number) && number[0] == '1') {
    return std::string(prefix) + KeepEnds(number, 3, 4);
  }
  std::string landline = MaskLandline(phone);
  if (!landline.empty()) return landline;
  if (phone.size() >= 7) return KeepEnds(phone, 0, 4);
  return std::string(phone.size(), '*');
}

std::string MaskName(std::string_view name) {
  name = base::Trim(name);
  if (name.empty()) return {};
  if (!base::IsValidUtf8(name)) return std::string(name.size(), '*');
  std::size_t first_end = 1;
  while (first_end < name.size() && (static_cast<unsigned char>(name[first_end]) & 0xC0) == 0x80) {
    ++first_end;
  }
  if (first_end == name.size()) return "*";
  return std::string(name.substr(0, first_end)) + Stars(name.substr(first_end));
}

}  // namespace oversight::codes
