#pragma once

// The expression language's view of one event (rules/expr/expr.h): case.*,
// item.*, dept.*, event.* and event.attrs.* read from the event at hand, its
// item and department, and what the case state remembers. Internal to the engine.

#include <array>
#include <optional>
#include <string_view>

#include "model/department.h"
#include "model/event.h"
#include "model/item.h"
#include "rules/expr/expr.h"

namespace oversight::engine::internal {

enum class Field : std::uint8_t {
  kUnknown,
  kCaseId, kCaseKind, kCaseChannel, kCaseSource, kCaseItem, kCaseDept, kCaseApplicantType,
  kItemCode, kItemName, kItemCategory, kItemFeeFen, kItemHasFee, kItemStatutoryLimit,
  kItemPromisedLimit, kItemOnlineDepth,
  kDeptCode, kDeptName, kDeptRegion, kDeptParent,
  kEventType, kEventStep, kEventActor, kEventChannel, kEventSource, kEventAt,
  kEventAttrs,  // the open prefix event.attrs.
};

// Schema index → Field, resolved by name once so the schema's order can change.
class FieldMap {
 public:
  explicit FieldMap(const rules::expr::Schema& schema);
  Field At(int index) const;

 private:
  std::array<Field, 64> by_index_{};
};

// What the case contributes beyond the event: values fixed by its first event.
struct CaseFacts {
  model::CaseKind kind = model::CaseKind::kApproval;
  model::Channel channel = model::Channel::kUnknown;
  std::string_view item_code;
};

// Reads fields for one evaluation. Holds references: use it within the call.
// event.attrs.* parses the event's attrs JSON when asked.
class EventFields final : public rules::expr::FieldSource {
 public:
  EventFields(const FieldMap& map, const model::Event& event, const CaseFacts& facts,
              const model::Item* item, const model::Department* dept);
  ~EventFields() override;
  rules::expr::Value Get(int field, std::string_view open_suffix) const override;

 private:
  rules::expr::Value Attr(std::string_view name) const;

  const FieldMap& map_;
  const model::Event& event_;
  const CaseFacts& facts_;
  const model::Item* item_;
  const model::Department* dept_;
};

}  // namespace oversight::engine::internal
