#include "ingest/internal/json_text.h"

#include "base/strings.h"

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
  out += '"';
  base::AppendJsonEscaped(out, text);
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
