#include "scoring/fields.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>

namespace oversight::scoring {
namespace {

using rules::expr::Schema;
using rules::expr::Value;
using T = rules::expr::ValueType;

enum class Field : std::uint8_t {
  kCaseId, kCaseKind, kCaseChannel, kCaseSource, kCaseItem, kCaseDept, kCaseApplicantType,
  kCaseStage, kCaseAllOnline, kCaseEventCount, kCasePromisedDue, kCaseStatutoryDue,
  kCaseConcludedAt, kCaseFirst, kCaseLast, kCaseCount, kCaseAttrs,
  kItemCode, kItemName, kItemCategory, kItemDept, kItemFeeFen, kItemHasFee,
  kItemStatutoryLimit, kItemStatutoryUnit, kItemPromisedLimit, kItemPromisedUnit,
  kItemOnlineDepth, kItemPromisedWithinStatutory,
  kDeptCode, kDeptName, kDeptRegion, kDeptParent,
  kAlertId, kAlertRule, kAlertRuleVersion, kAlertCase, kAlertLevel, kAlertState, kAlertDept,
  kAlertRaisedAt, kAlertDue, kAlertWithdrawnAt, kAlertReason,
};

// What a schema index stands for: a field and, for the per-type case fields,
// the event type.
struct FieldRef {
  Field field = Field::kCaseId;
  model::EventType type = model::EventType::kSubmit;
};

// Which subjects see a group of fields.
constexpr unsigned kItems = 1u << static_cast<unsigned>(Subject::kItems);
constexpr unsigned kCases = 1u << static_cast<unsigned>(Subject::kCases);
constexpr unsigned kAlerts = 1u << static_cast<unsigned>(Subject::kAlerts);

struct SubjectSchema {
  Schema schema;
  std::vector<FieldRef> refs;  // by schema index; the open prefix last
};

SubjectSchema MakeSchema(Subject subject) {
  const unsigned bit = 1u << static_cast<unsigned>(subject);
  SubjectSchema out;
  auto add = [&](unsigned subjects, std::string name, T type, Field field,
                 model::EventType event_type = model::EventType::kSubmit) {
    if ((subjects & bit) == 0) return;
    out.schema.fields.emplace_back(std::move(name), type);
    out.refs.push_back({field, event_type});
  };
  const unsigned case_subjects = kCases | kAlerts;
  add(case_subjects, "case.id", T::kString, Field::kCaseId);
  add(case_subjects, "case.kind", T::kString, Field::kCaseKind);
  add(case_subjects, "case.channel", T::kString, Field::kCaseChannel);
  add(case_subjects, "case.source", T::kString, Field::kCaseSource);
  add(case_subjects, "case.item", T::kString, Field::kCaseItem);
  add(case_subjects, "case.dept", T::kString, Field::kCaseDept);
  add(case_subjects, "case.applicant_type", T::kString, Field::kCaseApplicantType);
  add(case_subjects, "case.stage", T::kString, Field::kCaseStage);
  add(case_subjects, "case.all_online", T::kBool, Field::kCaseAllOnline);
  add(case_subjects, "case.event_count", T::kNumber, Field::kCaseEventCount);
  add(case_subjects, "case.promised_due", T::kInstant, Field::kCasePromisedDue);
  add(case_subjects, "case.statutory_due", T::kInstant, Field::kCaseStatutoryDue);
  add(case_subjects, "case.concluded_at", T::kInstant, Field::kCaseConcludedAt);
  for (model::EventType type : model::AllEventTypes()) {
    if (type == model::EventType::kStep) continue;
    const std::string name(model::EventTypeName(type));
    add(case_subjects, "case.first." + name, T::kInstant, Field::kCaseFirst, type);
    add(case_subjects, "case.last." + name, T::kInstant, Field::kCaseLast, type);
    add(case_subjects, "case.count." + name, T::kNumber, Field::kCaseCount, type);
  }
  const unsigned all = kItems | kCases | kAlerts;
  add(all, "item.code", T::kString, Field::kItemCode);
  add(all, "item.name", T::kString, Field::kItemName);
  add(all, "item.category", T::kString, Field::kItemCategory);
  add(all, "item.dept", T::kString, Field::kItemDept);
  add(all, "item.fee_fen", T::kNumber, Field::kItemFeeFen);
  add(all, "item.has_fee", T::kBool, Field::kItemHasFee);
  add(all, "item.statutory_limit", T::kNumber, Field::kItemStatutoryLimit);
  add(all, "item.statutory_unit", T::kString, Field::kItemStatutoryUnit);
  add(all, "item.promised_limit", T::kNumber, Field::kItemPromisedLimit);
  add(all, "item.promised_unit", T::kString, Field::kItemPromisedUnit);
  add(all, "item.online_depth", T::kNumber, Field::kItemOnlineDepth);
  add(all, "item.promised_within_statutory", T::kBool, Field::kItemPromisedWithinStatutory);
  add(all, "dept.code", T::kString, Field::kDeptCode);
  add(all, "dept.name", T::kString, Field::kDeptName);
  add(all, "dept.region", T::kString, Field::kDeptRegion);
  add(all, "dept.parent", T::kString, Field::kDeptParent);
  add(kAlerts, "alert.id", T::kNumber, Field::kAlertId);
  add(kAlerts, "alert.rule", T::kString, Field::kAlertRule);
  add(kAlerts, "alert.rule_version", T::kNumber, Field::kAlertRuleVersion);
  add(kAlerts, "alert.case", T::kString, Field::kAlertCase);
  add(kAlerts, "alert.level", T::kString, Field::kAlertLevel);
  add(kAlerts, "alert.state", T::kString, Field::kAlertState);
  add(kAlerts, "alert.dept", T::kString, Field::kAlertDept);
  add(kAlerts, "alert.raised_at", T::kInstant, Field::kAlertRaisedAt);
  add(kAlerts, "alert.due", T::kInstant, Field::kAlertDue);
  add(kAlerts, "alert.withdrawn_at", T::kInstant, Field::kAlertWithdrawnAt);
  add(kAlerts, "alert.reason", T::kString, Field::kAlertReason);
  if ((case_subjects & bit) != 0) {
    out.schema.open_prefixes.emplace_back(kCaseAttrsPrefix);
    out.refs.push_back({Field::kCaseAttrs, model::EventType::kSubmit});
  }
  return out;
}

const SubjectSchema& SubjectSchemaFor(Subject subject) {
  static const std::array<const SubjectSchema*, 3> schemas = {
      new SubjectSchema(MakeSchema(Subject::kCases)), new SubjectSchema(MakeSchema(Subject::kItems)),
      new SubjectSchema(MakeSchema(Subject::kAlerts))};
  return *schemas[static_cast<std::size_t>(subject)];
}

Value Text(std::string_view s) { return Value::String(std::string(s)); }
Value Number(std::int64_t n) { return Value::Number(static_cast<double>(n)); }
Value At(const std::optional<base::Instant>& at) { return at ? Value::Instant(*at) : Value::Null(); }

// `key` of a flat JSON object, as the expression language sees attrs: numbers,
// strings and bools; null for anything else or when absent or malformed.
Value JsonAttr(const std::string& json_text, std::string_view key) {
  if (json_text.empty()) return Value::Null();
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Value::Null();
  auto it = doc.find(key);
  if (it == doc.end()) return Value::Null();
  if (it->is_boolean()) return Value::Bool(it->get<bool>());
  if (it->is_number()) return Value::Number(it->get<double>());
  if (it->is_string()) return Value::String(it->get<std::string>());
  return Value::Null();
}

// A limit in natural-day equivalents, to compare limits in different units: a
// working day counts as 7/5 days (a week has five), an hour as 1/24.
double DaysOf(const model::TimeLimit& limit) {
  switch (limit.unit) {
    case model::LimitUnit::kWorkingDays: return static_cast<double>(limit.amount) * 7.0 / 5.0;
    case model::LimitUnit::kNaturalDays: return static_cast<double>(limit.amount);
    case model::LimitUnit::kHours: return static_cast<double>(limit.amount) / 24.0;
  }
  return static_cast<double>(limit.amount);
}

Value PromisedWithinStatutory(const model::Item& item) {
  if (!item.promised_limit || !item.statutory_limit) return Value::Null();
  const model::TimeLimit& p = *item.promised_limit;
  const model::TimeLimit& s = *item.statutory_limit;
  if (p.unit == s.unit) return Value::Bool(p.amount <= s.amount);
  return Value::Bool(DaysOf(p) <= DaysOf(s));
}

Value CaseField(const FieldRef& ref, const CaseFacts& c, std::string_view open_suffix) {
  const auto t = static_cast<std::size_t>(ref.type);
  switch (ref.field) {
    case Field::kCaseId: return Text(c.id);
    case Field::kCaseKind: return Text(model::CaseKindName(c.kind));
    case Field::kCaseChannel: return Text(model::ChannelName(c.channel));
    case Field::kCaseSource: return Text(c.source);
    case Field::kCaseItem: return Text(c.item_code);
    case Field::kCaseDept: return Text(c.dept_code);
    case Field::kCaseApplicantType: return JsonAttr(c.first_attrs, "applicant_type");
    case Field::kCaseStage: return Text(model::EventTypeName(c.stage));
    case Field::kCaseAllOnline: return Value::Bool(c.all_online);
    case Field::kCaseEventCount: return Number(c.event_count);
    case Field::kCasePromisedDue: return At(c.promised_due);
    case Field::kCaseStatutoryDue: return At(c.statutory_due);
    case Field::kCaseConcludedAt: return At(c.concluded_at);
    case Field::kCaseFirst: return At(c.first[t]);
    case Field::kCaseLast: return At(c.last[t]);
    case Field::kCaseCount: return Number(c.count[t]);
    case Field::kCaseAttrs: {
      const std::size_t dot = open_suffix.find('.');
      if (dot == std::string_view::npos) return Value::Null();
      std::optional<model::EventType> type = model::ParseEventType(open_suffix.substr(0, dot));
      if (!type) return Value::Null();
      return JsonAttr(c.last_attrs[static_cast<std::size_t>(*type)], open_suffix.substr(dot + 1));
    }
    default: return Value::Null();
  }
}

Value ItemField(Field field, const model::Item& item) {
  switch (field) {
    case Field::kItemCode: return Text(item.code);
    case Field::kItemName: return Text(item.name);
    case Field::kItemCategory: return Text(item.category);
    case Field::kItemDept: return Text(item.dept_code);
    case Field::kItemFeeFen: return item.fee_fen ? Number(*item.fee_fen) : Value::Null();
    case Field::kItemHasFee: return Value::Bool(item.fee_fen.has_value() && *item.fee_fen > 0);
    case Field::kItemStatutoryLimit:
      return item.statutory_limit ? Number(item.statutory_limit->amount) : Value::Null();
    case Field::kItemStatutoryUnit:
      return item.statutory_limit ? Text(model::LimitUnitName(item.statutory_limit->unit))
                                  : Value::Null();
    case Field::kItemPromisedLimit:
      return item.promised_limit ? Number(item.promised_limit->amount) : Value::Null();
    case Field::kItemPromisedUnit:
      return item.promised_limit ? Text(model::LimitUnitName(item.promised_limit->unit))
                                 : Value::Null();
    case Field::kItemOnlineDepth: return Number(item.online_depth);
    case Field::kItemPromisedWithinStatutory: return PromisedWithinStatutory(item);
    default: return Value::Null();
  }
}

Value AlertField(Field field, const store::AlertRecord& a) {
  switch (field) {
    case Field::kAlertId: return Number(a.id);
    case Field::kAlertRule: return Text(a.rule_id);
    case Field::kAlertRuleVersion: return Number(a.rule_version);
    case Field::kAlertCase: return Text(a.case_id);
    case Field::kAlertLevel: return Text(a.level);
    case Field::kAlertState: return Text(a.state);
    case Field::kAlertDept: return Text(a.dept_code);
    case Field::kAlertRaisedAt: return Value::Instant(a.raised_at);
    case Field::kAlertDue: return At(a.due);
    case Field::kAlertWithdrawnAt: return At(a.withdrawn_at);
    case Field::kAlertReason: return Text(a.reason);
    default: return Value::Null();
  }
}

}  // namespace

const Schema& SchemaFor(Subject subject) { return SubjectSchemaFor(subject).schema; }

std::string CheckAttrPaths(std::string_view text) {
  for (std::size_t at = text.find(kCaseAttrsPrefix); at != std::string_view::npos;
       at = text.find(kCaseAttrsPrefix, at + 1)) {
    // Only a path that starts here: not the tail of a longer identifier.
    if (at > 0) {
      const char before = text[at - 1];
      if (before == '.' || before == '_' || (before >= 'a' && before <= 'z') ||
          (before >= 'A' && before <= 'Z') || (before >= '0' && before <= '9')) {
        continue;
      }
    }
    std::size_t end = at + kCaseAttrsPrefix.size();
    while (end < text.size() && (text[end] == '.' || text[end] == '_' ||
                                 (text[end] >= 'a' && text[end] <= 'z') ||
                                 (text[end] >= 'A' && text[end] <= 'Z') ||
                                 (text[end] >= '0' && text[end] <= '9'))) {
      ++end;
    }
    std::string_view path = text.substr(at, end - at);
    std::string_view rest = path.substr(kCaseAttrsPrefix.size());
    const std::size_t dot = rest.find('.');
    std::optional<model::EventType> type =
        model::ParseEventType(dot == std::string_view::npos ? rest : rest.substr(0, dot));
    if (!type || *type == model::EventType::kStep || dot == std::string_view::npos ||
        dot + 1 >= rest.size()) {
      return "`" + std::string(path) +
             "`: expected case.attrs.<event type>.<key>, e.g. case.attrs.accept.fee";
    }
  }
  return "";
}

SubjectFields::SubjectFields(Subject subject, const Subjects& parts)
    : subject_(subject), parts_(parts) {}

Value SubjectFields::Get(int field, std::string_view open_suffix) const {
  const std::vector<FieldRef>& refs = SubjectSchemaFor(subject_).refs;
  if (field < 0 || static_cast<std::size_t>(field) >= refs.size()) return Value::Null();
  const FieldRef& ref = refs[static_cast<std::size_t>(field)];
  if (ref.field == Field::kCaseAttrs && parts_.kase != nullptr) {
    for (const auto& [suffix, value] : attrs_read_) {
      if (suffix == open_suffix) return value;
    }
    Value value = CaseField(ref, *parts_.kase, open_suffix);
    attrs_read_.emplace_back(std::string(open_suffix), value);
    return value;
  }
  if (ref.field <= Field::kCaseAttrs) {
    return parts_.kase ? CaseField(ref, *parts_.kase, open_suffix) : Value::Null();
  }
  if (ref.field <= Field::kItemPromisedWithinStatutory) {
    return parts_.item ? ItemField(ref.field, *parts_.item) : Value::Null();
  }
  switch (ref.field) {
    case Field::kDeptCode: return parts_.dept_code ? Text(*parts_.dept_code) : Value::Null();
    case Field::kDeptName: return parts_.dept ? Text(parts_.dept->name) : Value::Null();
    case Field::kDeptRegion: return parts_.dept ? Text(parts_.dept->region) : Value::Null();
    case Field::kDeptParent: return parts_.dept ? Text(parts_.dept->parent_code) : Value::Null();
    default: break;
  }
  return parts_.alert ? AlertField(ref.field, *parts_.alert) : Value::Null();
}

}  // namespace oversight::scoring
