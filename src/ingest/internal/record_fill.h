#pragma once

// Helpers the readers share for filling a RawRecord without reallocating: the
// caller passes the same record to every Next(), and its strings keep their
// capacity from one record to the next.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/raw_record.h"

namespace oversight::ingest::internal {

// Appends fields to `record`, overwriting the entries left from the previous
// record in place. Call Finish() to drop the leftovers.
class FieldFiller {
 public:
  explicit FieldFiller(RawRecord& record) : record_(record) {}

  // Adds the field `prefix` + `name` (prefix may be empty).
  void Add(std::string_view prefix, std::string_view name, std::string_view value,
           ValueType type) {
    if (count_ == record_.fields.size()) record_.fields.emplace_back();
    if (count_ >= record_.value_types.size()) record_.value_types.resize(count_ + 1);
    auto& [key, text] = record_.fields[count_];
    key.assign(prefix);
    key.append(name);
    text.assign(value);
    record_.value_types[count_] = type;
    ++count_;
  }
  std::size_t count() const { return count_; }
  void Finish() {
    record_.fields.resize(count_);
    record_.value_types.resize(count_);
  }

 private:
  RawRecord& record_;
  std::size_t count_ = 0;
};

// Resets everything but the memory: line set, text/error cleared.
void BeginRecord(RawRecord& record, std::int64_t line);

// Sets record.text from `raw`, capped at `max_bytes` without splitting a
// character; invalid UTF-8 (when `check_utf8`) is shown as U+FFFD.
void SetRecordText(RawRecord& record, std::string_view raw, std::size_t max_bytes,
                   bool check_utf8);

// Marks the record unparseable: fields cleared, reason set.
void SetParseError(RawRecord& record, std::string_view reason);

// "invalid UTF-8 (byte 0xBD at column 5)", for the byte at `offset` of `text`.
std::string DescribeInvalidUtf8(std::string_view text, std::size_t offset);

}  // namespace oversight::ingest::internal
