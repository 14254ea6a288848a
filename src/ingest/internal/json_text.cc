#include "ingest/internal/json_text.h"

namespace oversight::ingest::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsJsonNumber(std::string_view text) {
  std::size_t i = 0, n = text.size();
  if (i < n && text[i] == '-') ++i;
  if (i >= n) return false;
  if (text[i] == '0') {
    ++i;
  } else if (IsDigit(text[i])) {
    while (i < n && IsDigit(text[i])) ++i;
  } else {
    return false;
  }
  if (i < n && text[i] == '.') {
    ++i;
    if (i >= n || !IsDigit(text[i])) return false;
    while (i < n && IsDigit(text[i])) ++i;
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    if (i >= n || !IsDigit(text[i])) return false;
    while (i < n && IsDigit(text[i])) ++i;
  }
  return i == n;
}

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void AppendJsonValue(std::string& out, std::string_view value, ValueType type) {
  switch (type) {
    case ValueType::kNumber:
      if (IsJsonNumber(value)) {
        out += value;
        return;
      }
      break;
    case ValueType::kBool:
      if (value == "true" || value == "false") {
        out += value;
        return;
      }
      break;
    case ValueType::kJson:
      if (!value.empty()) {
        out += value;
        return;
      }
      break;
    case ValueType::kString:
      break;
  }
  AppendJsonString(out, value);
}

}  // namespace oversight::ingest::internal
