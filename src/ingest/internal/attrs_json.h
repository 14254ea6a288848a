#pragma once

// AttrsJson: collects a record's attrs and writes them as one JSON object. A '.'
// in a name nests it, undoing the readers' flattening: "special.kind" and
// "special.days" become {"special":{"kind":…,"days":…}}, grouped under the first
// appearance of "special". The first of a repeated name wins. When a name is both
// a value and an object ("a" and "a.b"), the object's members stay flat ("a.b").
// Names and values are views: they must outlive WriteTo().

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/raw_record.h"

namespace oversight::ingest::internal {

class AttrsJson {
 public:
  void Clear();
  void Add(std::string_view name, std::string_view value, ValueType type);
  // The name is prefix + rest (copied, so the pieces need not outlive the call).
  void AddComposed(std::string_view prefix, std::string_view rest, std::string_view value,
                   ValueType type);
  // Replaces `out` with the object ("{}" when empty).
  void WriteTo(std::string& out) const;

 private:
  struct Entry {
    std::string_view name;
    std::string_view value;
    ValueType type;
  };
  struct Item {
    std::string_view rest;  // the name below the current level
    std::size_t entry;
  };
  bool IsRepeat(std::string_view name);
  void WriteLevel(std::string& out, const std::vector<Item>& items) const;

  std::vector<Entry> entries_;
  std::unordered_set<std::string_view> seen_;  // used once entries_ is large
  std::deque<std::string> composed_;
  bool has_dots_ = false;
};

}  // namespace oversight::ingest::internal
