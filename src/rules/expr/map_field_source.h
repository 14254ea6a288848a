#pragma once

// A FieldSource over a map from path to value ("case.kind" → "approval",
// "event.attrs.fee" → 100): for tests, `rules check` samples and fuzzing. The
// engine reads its own case state instead.

#include <map>
#include <string>
#include <string_view>

#include "rules/expr/expr.h"

namespace oversight::rules::expr {

class MapFieldSource : public FieldSource {
 public:
  explicit MapFieldSource(const Schema& schema = DefaultSchema()) : schema_(&schema) {}

  // Sets a declared field or a path under an open prefix; anything unset reads null.
  MapFieldSource& Set(std::string path, Value value);

  Value Get(int field, std::string_view open_suffix) const override;

 private:
  const Schema* schema_;
  std::map<std::string, Value, std::less<>> values_;
};

}  // namespace oversight::rules::expr
