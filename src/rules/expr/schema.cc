// Schema lookup and the default schema over the model.

#include <string>
#include <utility>
#include <vector>

#include "rules/expr/expr.h"

namespace oversight::rules::expr {

std::optional<int> Schema::Find(std::string_view path) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].first == path) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < open_prefixes.size(); ++i) {
    const std::string& prefix = open_prefixes[i];
    if (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix) {
      return static_cast<int>(fields.size() + i);
    }
  }
  return std::nullopt;
}

ValueType Schema::TypeOf(int field) const {
  if (field < 0) return ValueType::kNull;
  auto index = static_cast<std::size_t>(field);
  if (index < fields.size()) return fields[index].second;
  if (index < fields.size() + open_prefixes.size()) return ValueType::kAny;
  return ValueType::kNull;
}

namespace {

Schema MakeDefaultSchema() {
  using T = ValueType;
  Schema schema;
  // Order = DefaultField; keep the two in step.
  schema.fields = {
      {"case.id", T::kString},
      {"case.kind", T::kString},
      {"case.channel", T::kString},
      {"case.source", T::kString},
      {"case.item", T::kString},
      {"case.dept", T::kString},
      {"case.applicant_type", T::kString},
      {"item.code", T::kString},
      {"item.name", T::kString},
      {"item.category", T::kString},
      {"item.fee_fen", T::kNumber},
      {"item.has_fee", T::kBool},
      {"item.statutory_limit", T::kNumber},
      {"item.promised_limit", T::kNumber},
      {"item.online_depth", T::kNumber},
      {"dept.code", T::kString},
      {"dept.name", T::kString},
      {"dept.region", T::kString},
      {"dept.parent", T::kString},
      {"event.type", T::kString},
      {"event.step", T::kString},
      {"event.actor", T::kString},
      {"event.channel", T::kString},
      {"event.source", T::kString},
      {"event.at", T::kInstant},
  };
  schema.open_prefixes = {"event.attrs."};
  return schema;
}

}  // namespace

const Schema& DefaultSchema() {
  static const Schema* const schema = new Schema(MakeDefaultSchema());
  return *schema;
}

}  // namespace oversight::rules::expr
