#include "ingest/mapping.h"

#include <array>

#include "ingest/internal/attrs_json.h"
#include "ingest/internal/mapping_builder.h"

namespace oversight::ingest {
namespace {

constexpr std::array<std::string_view, kCanonicalFieldCount> kFieldNames = {
    "source_event_id", "case_id", "kind", "type", "step",
    "at",              "dept",    "item", "actor", "channel",
};

constexpr std::string_view kIdentityAttrsPrefix = "attrs.";

// Per-thread, reused: once warm, mapping a record allocates nothing for attrs
// without nesting.
internal::AttrsJson& ScratchAttrs() {
  thread_local internal::AttrsJson attrs;
  return attrs;
}

}  // namespace

std::string_view CanonicalFieldName(CanonicalField field) {
  return kFieldNames[static_cast<std::size_t>(field)];
}

std::optional<CanonicalField> ParseCanonicalField(std::string_view name) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == name) return static_cast<CanonicalField>(i);
  }
  return std::nullopt;
}

std::string& MappedRecord::Field(CanonicalField field) {
  switch (field) {
    case CanonicalField::kSourceEventId: return source_event_id;
    case CanonicalField::kCaseId: return case_id;
    case CanonicalField::kKind: return kind;
    case CanonicalField::kType: return type;
    case CanonicalField::kStep: return step;
    case CanonicalField::kAt: return at;
    case CanonicalField::kDept: return dept;
    case CanonicalField::kItem: return item;
    case CanonicalField::kActor: return actor;
    case CanonicalField::kChannel: return channel;
  }
  return source_event_id;
}

Mapping Mapping::Identity() {
  MappingBuilder builder;
  for (int i = 0; i < kCanonicalFieldCount; ++i) {
    auto field = static_cast<CanonicalField>(i);
    builder.AddFieldSource(field, std::string(CanonicalFieldName(field)), 0);
  }
  builder.AddPrefixRule(std::string(kIdentityAttrsPrefix), "");
  return std::move(builder).Build();
}

bool Mapping::IsPrefixStem(std::string_view name) const {
  for (const PrefixRule& rule : prefix_rules_) {
    std::string_view prefix = rule.source_prefix;
    if (prefix.size() > 1 && prefix.back() == '.' && name == prefix.substr(0, prefix.size() - 1)) {
      return true;
    }
  }
  return false;
}

const std::string* Mapping::StepType(std::string_view step_name) const {
  auto it = steps_.find(step_name);
  return it == steps_.end() ? nullptr : &it->second;
}

base::Result<MappedRecord> Mapping::Apply(const RawRecord& record) const {
  MappedRecord out;
  OVS_RETURN_IF_ERROR(ApplyTo(record, out));
  return out;
}

base::Status Mapping::ApplyTo(const RawRecord& record, MappedRecord& out) const {
  if (!record.parse_error.empty()) return base::InvalidArgument(record.parse_error);

  // One pass over the record: each field feeds its canonical slots (the
  // best-priority non-empty source wins) and attrs.
  std::array<const std::string*, kCanonicalFieldCount> chosen{};
  std::array<std::uint8_t, kCanonicalFieldCount> best;
  best.fill(0xFF);
  internal::AttrsJson& attrs = ScratchAttrs();
  attrs.Clear();
  out.attrs_error.clear();
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const auto& [name, value] = record.fields[i];
    ValueType type = record.TypeAt(i);
    // An object flattens into "attrs.x" fields; a bare "attrs" means it was not one.
    if (!prefix_rules_.empty() && IsPrefixStem(name) &&
        !(type != ValueType::kString && value == "null")) {
      out.attrs_error = "field '" + name + "' is not a JSON object";
      continue;
    }
    if (auto role = roles_.find(name); role != roles_.end()) {
      for (const Role::Slot& slot : role->second.slots) {
        auto index = static_cast<std::size_t>(slot.field);
        if (!value.empty() && slot.priority < best[index]) {
          best[index] = slot.priority;
          chosen[index] = &value;
        }
      }
      for (const std::string& attr_name : role->second.attr_names) {
        attrs.Add(attr_name, value, type);
      }
      continue;
    }
    for (const PrefixRule& rule : prefix_rules_) {
      if (std::string_view(name).substr(0, rule.source_prefix.size()) == rule.source_prefix) {
        attrs.AddComposed(rule.attr_prefix, std::string_view(name).substr(rule.source_prefix.size()),
                          value, type);
        break;
      }
    }
  }
  attrs.WriteTo(out.attrs_json);
  attrs.Clear();  // it holds views into `record`

  for (std::size_t i = 0; i < kCanonicalFieldCount; ++i) {
    // Value tables translate source values; defaults are canonical already.
    if (chosen[i] == nullptr) {
      out.Field(static_cast<CanonicalField>(i)).assign(defaults_[i]);
      continue;
    }
    std::string_view value = *chosen[i];
    const ValueMap& map = value_maps_[i];
    if (!map.values.empty() || map.otherwise.has_value()) {
      if (auto it = map.values.find(value); it != map.values.end()) {
        value = it->second;
      } else if (map.otherwise.has_value()) {
        value = *map.otherwise;
      }
    }
    out.Field(static_cast<CanonicalField>(i)).assign(value);
  }

  // A type given directly wins; otherwise the step name decides, and an unmapped
  // step is kept as type "step" under its own name.
  if (out.type.empty() && !out.step.empty()) {
    const std::string* type = StepType(out.step);
    out.type.assign(type != nullptr ? std::string_view(*type) : std::string_view("step"));
  }
  return base::Status::Ok();
}

}  // namespace oversight::ingest
