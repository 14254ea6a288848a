#include "ingest/internal/record_fill.h"

#include <cstdio>

#include "ingest/utf8.h"

namespace oversight::ingest::internal {

void BeginRecord(RawRecord& record, std::int64_t line) {
  record.line = line;
  record.text.clear();
  record.text_truncated = false;
  record.parse_error.clear();
}

void SetRecordText(RawRecord& record, std::string_view raw, std::size_t max_bytes,
                   bool check_utf8) {
  std::size_t keep = Utf8PrefixLength(raw, max_bytes);
  record.text_truncated = keep < raw.size();
  std::string_view kept = raw.substr(0, keep);
  if (check_utf8 && FindInvalidUtf8(kept) != std::string_view::npos) {
    record.text = ReplaceInvalidUtf8(kept);
  } else {
    record.text.assign(kept);
  }
}

void SetParseError(RawRecord& record, std::string_view reason) {
  record.fields.clear();
  record.value_types.clear();
  record.parse_error.assign(reason);
}

std::string DescribeInvalidUtf8(std::string_view text, std::size_t offset) {
  char buf[96];
  unsigned byte = offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0;
  std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02X at byte %zu of the record)", byte,
                offset + 1);
  return buf;
}

}  // namespace oversight::ingest::internal
