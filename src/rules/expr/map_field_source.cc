#include "rules/expr/map_field_source.h"

#include <utility>

namespace oversight::rules::expr {

MapFieldSource& MapFieldSource::Set(std::string path, Value value) {
  values_[std::move(path)] = std::move(value);
  return *this;
}

Value MapFieldSource::Get(int field, std::string_view open_suffix) const {
  if (field < 0) return Value::Null();
  auto index = static_cast<std::size_t>(field);
  std::string path;
  if (index < schema_->fields.size()) {
    path = schema_->fields[index].first;
  } else if (index < schema_->fields.size() + schema_->open_prefixes.size()) {
    path = schema_->open_prefixes[index - schema_->fields.size()];
    path += open_suffix;
  } else {
    return Value::Null();
  }
  auto it = values_.find(path);
  return it == values_.end() ? Value::Null() : it->second;
}

}  // namespace oversight::rules::expr
