#include "engine/internal/event_fields.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace oversight::engine::internal {
namespace {

using rules::expr::Value;

constexpr std::pair<std::string_view, Field> kNames[] = {
    {"case.id", Field::kCaseId},
    {"case.kind", Field::kCaseKind},
    {"case.channel", Field::kCaseChannel},
    {"case.source", Field::kCaseSource},
    {"case.item", Field::kCaseItem},
    {"case.dept", Field::kCaseDept},
    {"case.applicant_type", Field::kCaseApplicantType},
    {"item.code", Field::kItemCode},
    {"item.name", Field::kItemName},
    {"item.category", Field::kItemCategory},
    {"item.fee_fen", Field::kItemFeeFen},
    {"item.has_fee", Field::kItemHasFee},
    {"item.statutory_limit", Field::kItemStatutoryLimit},
    {"item.promised_limit", Field::kItemPromisedLimit},
    {"item.online_depth", Field::kItemOnlineDepth},
    {"dept.code", Field::kDeptCode},
    {"dept.name", Field::kDeptName},
    {"dept.region", Field::kDeptRegion},
    {"dept.parent", Field::kDeptParent},
    {"event.type", Field::kEventType},
    {"event.step", Field::kEventStep},
    {"event.actor", Field::kEventActor},
    {"event.channel", Field::kEventChannel},
    {"event.source", Field::kEventSource},
    {"event.at", Field::kEventAt},
};

Value Str(std::string_view s) { return Value{std::string(s)}; }
Value Null() { return Value{}; }

Value LimitAmount(const std::optional<model::TimeLimit>& limit) {
  if (!limit) return Null();
  return Value{static_cast<double>(limit->amount)};
}

// A JSON value as an expression value; objects and arrays have no counterpart.
Value FromJson(const nlohmann::json& j) {
  if (j.is_boolean()) return Value{j.get<bool>()};
  if (j.is_number()) return Value{j.get<double>()};
  if (j.is_string()) return Value{j.get<std::string>()};
  return Null();
}

}  // namespace

FieldMap::FieldMap(const rules::expr::Schema& schema) {
  for (const auto& [name, field] : kNames) {
    std::optional<int> index = schema.Find(name);
    if (index && *index >= 0 && static_cast<std::size_t>(*index) < by_index_.size()) {
      by_index_[static_cast<std::size_t>(*index)] = field;
    }
  }
  for (std::size_t i = 0; i < schema.open_prefixes.size(); ++i) {
    std::size_t index = schema.fields.size() + i;
    if (schema.open_prefixes[i] == "event.attrs." && index < by_index_.size()) {
      by_index_[index] = Field::kEventAttrs;
    }
  }
}

Field FieldMap::At(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= by_index_.size()) return Field::kUnknown;
  return by_index_[static_cast<std::size_t>(index)];
}

EventFields::EventFields(const FieldMap& map, const model::Event& event, const CaseFacts& facts,
                         const model::Item* item, const model::Department* dept)
    : map_(map), event_(event), facts_(facts), item_(item), dept_(dept) {}

EventFields::~EventFields() = default;

Value EventFields::Attr(std::string_view name) const {
  // Parsed per lookup: only check rules that name attrs pay for it, and the
  // parser reports errors by value (no exceptions cross this edge).
  nlohmann::json attrs = nlohmann::json::parse(event_.attrs_json, nullptr, false);
  if (attrs.is_discarded() || !attrs.is_object()) return Null();
  auto it = attrs.find(std::string(name));
  if (it == attrs.end()) return Null();
  return FromJson(*it);
}

Value EventFields::Get(int field, std::string_view open_suffix) const {
  switch (map_.At(field)) {
    case Field::kUnknown:
      return Null();
    case Field::kCaseId:
      return Str(event_.case_id);
    case Field::kCaseKind:
      return Str(model::CaseKindName(facts_.kind));
    case Field::kCaseChannel:
      return Str(model::ChannelName(facts_.channel));
    case Field::kCaseSource:
      return Str(event_.source);
    case Field::kCaseItem:
      return Str(facts_.item_code.empty() ? std::string_view(event_.item_code) : facts_.item_code);
    case Field::kCaseDept:
      return Str(event_.dept_code);
    case Field::kCaseApplicantType:
      return Attr("applicant_type");
    case Field::kItemCode:
      return item_ ? Str(item_->code) : Null();
    case Field::kItemName:
      return item_ ? Str(item_->name) : Null();
    case Field::kItemCategory:
      return item_ ? Str(item_->category) : Null();
    case Field::kItemFeeFen:
      return item_ && item_->fee_fen ? Value{static_cast<double>(*item_->fee_fen)} : Null();
    case Field::kItemHasFee:
      return item_ ? Value{item_->fee_fen.has_value() && *item_->fee_fen > 0} : Null();
    case Field::kItemStatutoryLimit:
      return item_ ? LimitAmount(item_->statutory_limit) : Null();
    case Field::kItemPromisedLimit:
      return item_ ? LimitAmount(item_->promised_limit) : Null();
    case Field::kItemOnlineDepth:
      return item_ ? Value{static_cast<double>(item_->online_depth)} : Null();
    case Field::kDeptCode:
      return dept_ ? Str(dept_->code) : Null();
    case Field::kDeptName:
      return dept_ ? Str(dept_->name) : Null();
    case Field::kDeptRegion:
      return dept_ ? Str(dept_->region) : Null();
    case Field::kDeptParent:
      return dept_ ? Str(dept_->parent_code) : Null();
    case Field::kEventType:
      return Str(model::EventTypeName(event_.type));
    case Field::kEventStep:
      return Str(event_.step_name);
    case Field::kEventActor:
      return Str(event_.actor);
    case Field::kEventChannel:
      return Str(model::ChannelName(event_.channel));
    case Field::kEventSource:
      return Str(event_.source);
    case Field::kEventAt:
      return Value{event_.at};
    case Field::kEventAttrs:
      return Attr(open_suffix);
  }
  return Null();
}

}  // namespace oversight::engine::internal
