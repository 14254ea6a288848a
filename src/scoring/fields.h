#pragma once

// The fields scoring expressions may read (docs/SCORING.md, "Fields"), one schema
// per subject so that a model naming a field its subject lacks (case.* in an
// item indicator) fails when it loads rather than scoring nothing:
//
//   items:  item.*, dept.*
//   cases:  case.*, item.* (the case's item), dept.*
//   alerts: alert.*, case.* and item.* (the alerted case and its item), dept.*
//
// case.first.<type> / case.last.<type> (instant) and case.count.<type> (number)
// exist for every canonical event type; case.attrs.<type>.<key> reads `key` from
// the attrs of the case's latest event of that type (any JSON scalar).

#include <string>
#include <string_view>
#include <vector>

#include "model/department.h"
#include "model/item.h"
#include "rules/expr/expr.h"
#include "scoring/case_facts.h"
#include "scoring/scoring_model.h"
#include "store/store.h"

namespace oversight::scoring {

const rules::expr::Schema& SchemaFor(Subject subject);

// The open prefix for attrs; paths under it must read "<event type>.<key>".
inline constexpr std::string_view kCaseAttrsPrefix = "case.attrs.";

// Checks every case.attrs.<type>.<key> path in an expression's text: the type
// must be a canonical event type and a key must follow. Empty when sound, else
// the message naming the first bad path.
std::string CheckAttrPaths(std::string_view expression_text);

// One subject's fields for one evaluation. Holds pointers: use it within the
// call. Any part may be null (an item without department data, an alert
// without a case); its fields read null then.
struct Subjects {
  const CaseFacts* kase = nullptr;
  const model::Item* item = nullptr;
  const model::Department* dept = nullptr;
  const std::string* dept_code = nullptr;  // the department the subject counts for
  const store::AlertRecord* alert = nullptr;
};

class SubjectFields final : public rules::expr::FieldSource {
 public:
  SubjectFields(Subject subject, const Subjects& parts);
  rules::expr::Value Get(int field, std::string_view open_suffix) const override;

 private:
  Subject subject_;
  Subjects parts_;
  // case.attrs.* read so far: several indicators of one case ask for the same
  // attr, and each read parses JSON.
  mutable std::vector<std::pair<std::string, rules::expr::Value>> attrs_read_;
};

}  // namespace oversight::scoring
