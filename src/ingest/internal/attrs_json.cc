#include "ingest/internal/attrs_json.h"

#include <unordered_map>

#include "ingest/internal/json_text.h"

namespace oversight::ingest::internal {
namespace {

// Below this many names a linear scan beats hashing.
constexpr std::size_t kLinearLimit = 32;

}  // namespace

void AttrsJson::Clear() {
  entries_.clear();
  seen_.clear();
  composed_.clear();
  has_dots_ = false;
}

bool AttrsJson::IsRepeat(std::string_view name) {
  if (entries_.size() < kLinearLimit) {
    for (const Entry& entry : entries_) {
      if (entry.name == name) return true;
    }
    return false;
  }
  if (seen_.empty()) {
    for (const Entry& entry : entries_) seen_.insert(entry.name);
  }
  return !seen_.insert(name).second;
}

void AttrsJson::Add(std::string_view name, std::string_view value, ValueType type) {
  if (IsRepeat(name)) return;
  entries_.push_back({name, value, type});
  if (name.find('.') != std::string_view::npos) has_dots_ = true;
}

void AttrsJson::AddComposed(std::string_view prefix, std::string_view rest, std::string_view value,
                            ValueType type) {
  if (prefix.empty()) return Add(rest, value, type);
  std::string& name = composed_.emplace_back(prefix);
  name.append(rest);
  Add(name, value, type);
}

void AttrsJson::WriteTo(std::string& out) const {
  out.clear();
  if (!has_dots_) {  // the common case: one flat level, in order
    out += '{';
    for (const Entry& entry : entries_) {
      if (out.size() > 1) out += ',';
      AppendJsonString(out, entry.name);
      out += ':';
      AppendJsonValue(out, entry.value, entry.type);
    }
    out += '}';
    return;
  }
  std::vector<Item> items;
  items.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) items.push_back({entries_[i].name, i});
  WriteLevel(out, items);
}

// Writes one object level: leaves in order, and each first component that has
// children as a nested object at its first appearance.
void AttrsJson::WriteLevel(std::string& out, const std::vector<Item>& items) const {
  struct Group {
    std::string_view key;
    bool has_leaf = false;
    std::vector<Item> children;
  };
  std::vector<Group> groups;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const Item& item : items) {
    std::size_t dot = item.rest.find('.');
    std::string_view key = item.rest.substr(0, dot);
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.push_back({key, false, {}});
    Group& group = groups[it->second];
    if (dot == std::string_view::npos) {
      group.has_leaf = true;
    } else {
      group.children.push_back({item.rest.substr(dot + 1), item.entry});
    }
  }
  out += '{';
  bool first = true;
  auto member = [&](std::string_view key) {
    if (!first) out += ',';
    first = false;
    AppendJsonString(out, key);
    out += ':';
  };
  for (const Item& item : items) {
    std::size_t dot = item.rest.find('.');
    Group& group = groups[index[item.rest.substr(0, dot)]];
    const Entry& entry = entries_[item.entry];
    if (dot == std::string_view::npos) {
      member(item.rest);
      AppendJsonValue(out, entry.value, entry.type);
    } else if (group.has_leaf) {
      member(item.rest);  // the key is also a value: keep this one flat
      AppendJsonValue(out, entry.value, entry.type);
    } else if (!group.children.empty()) {
      member(group.key);
      WriteLevel(out, group.children);
      group.children.clear();  // written at its first appearance
    }
  }
  out += '}';
}

}  // namespace oversight::ingest::internal
