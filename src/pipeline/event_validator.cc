#include "pipeline/event_validator.h"

#include <nlohmann/json.hpp>

#include "audit/hash_chain.h"
#include "codes/id_number.h"
#include "codes/mask.h"
#include "codes/uscc.h"

namespace oversight::pipeline {
namespace {

struct FieldLimit {
  std::string_view name;
  size_t max_bytes;
};

// Generous bounds that still keep one bad record from bloating the store.
constexpr FieldLimit kCaseIdLimit{"case_id", 128};
constexpr FieldLimit kSourceIdLimit{"source_event_id", 256};
constexpr FieldLimit kStepLimit{"step", 256};
constexpr FieldLimit kActorLimit{"actor", 128};
constexpr FieldLimit kItemLimit{"item", 128};
constexpr FieldLimit kAttrsLimit{"attrs", 64 * 1024};

Rejection Reject(std::string_view reason, std::string message) {
  return Rejection{std::string(reason), std::move(message)};
}

std::optional<Rejection> CheckLength(const std::string& value, FieldLimit limit) {
  if (value.size() <= limit.max_bytes) return std::nullopt;
  return Reject(reason::kFieldTooLong, "field '" + std::string(limit.name) + "' has " +
                                           std::to_string(value.size()) + " bytes (at most " +
                                           std::to_string(limit.max_bytes) + ")");
}

std::optional<Rejection> CheckRequired(const ingest::MappedRecord& r) {
  const std::pair<std::string_view, const std::string*> required[] = {
      {"case_id", &r.case_id}, {"at", &r.at}, {"dept", &r.dept}, {"item", &r.item}};
  for (const auto& [name, value] : required) {
    if (value->empty()) {
      return Reject(reason::kMissingField, "missing field '" + std::string(name) + "'");
    }
  }
  if (r.type.empty() && r.step.empty()) {
    return Reject(reason::kMissingField, "missing field 'type' (or 'step')");
  }
  for (auto [value, limit] : {std::pair{&r.case_id, kCaseIdLimit}, {&r.source_event_id, kSourceIdLimit},
                              {&r.step, kStepLimit}, {&r.actor, kActorLimit}, {&r.item, kItemLimit},
                              {&r.attrs_json, kAttrsLimit}}) {
    if (auto rejected = CheckLength(*value, limit)) return rejected;
  }
  return std::nullopt;
}

// Clear identity numbers in attrs are checked and replaced by their masked form:
// the store never holds them in clear (DESIGN §12).
std::optional<Rejection> MaskApplicantId(std::string& attrs_json, std::optional<base::Date> today) {
  if (attrs_json.find("\"applicant_id\"") == std::string::npos) return std::nullopt;
  nlohmann::json attrs = nlohmann::json::parse(attrs_json, nullptr, /*allow_exceptions=*/false);
  if (!attrs.is_object()) return Reject(reason::kBadAttrs, "field 'attrs' is not a JSON object");
  auto it = attrs.find("applicant_id");
  if (it == attrs.end() || !it->is_string()) return std::nullopt;
  std::string id = it->get<std::string>();
  // Already masked (a quarantined record redacted on the way in): keep it as such.
  if (id.size() == 18 && id.substr(6, 8) == std::string(8, '*')) {
    attrs["applicant_id_masked"] = id;
    attrs.erase("applicant_id");
    attrs_json = attrs.dump();
    return std::nullopt;
  }
  if (base::Status valid = codes::ValidateIdNumber(id, today); !valid.ok()) {
    return Reject(reason::kBadApplicantId,
                  "field 'attrs.applicant_id' (" + codes::MaskIdNumber(id) + "): " + valid.message());
  }
  attrs["applicant_id_masked"] = codes::MaskIdNumber(id);
  attrs.erase("applicant_id");
  attrs_json = attrs.dump();
  return std::nullopt;
}

}  // namespace

EventValidator::EventValidator(ValidatorOptions options,
                               const std::vector<model::Department>& departments,
                               const std::vector<model::Item>& items)
    : options_(std::move(options)) {
  for (const auto& dept : departments) departments_.insert(dept.code);
  for (const auto& item : items) items_.insert(item.code);
}

std::optional<Rejection> EventValidator::CheckReferences(const ingest::MappedRecord& r) {
  if (base::Status valid = codes::ValidateUscc(r.dept); !valid.ok()) {
    return Reject(reason::kBadDepartmentCode, "field 'dept' ('" + r.dept + "'): " + valid.message());
  }
  if (!departments_.contains(r.dept)) {
    if (!options_.auto_register) {
      return Reject(reason::kUnknownDepartment,
                    "field 'dept': department '" + r.dept +
                        "' is not registered (register it, or ingest with --auto-register)");
    }
    departments_.insert(r.dept);
    new_departments_.push_back({r.dept, r.dept, "", ""});
  }
  if (!items_.contains(r.item)) {
    if (!options_.auto_register) {
      return Reject(reason::kUnknownItem,
                    "field 'item': item '" + r.item +
                        "' is not in the catalog (register it, or ingest with --auto-register)");
    }
    items_.insert(r.item);
    model::Item item;
    item.code = r.item;
    item.name = r.item;
    item.dept_code = r.dept;
    new_items_.push_back(std::move(item));
  }
  return std::nullopt;
}

Checked EventValidator::Validate(const ingest::MappedRecord& r) {
  if (auto rejected = CheckRequired(r)) return *rejected;

  model::Event event;
  // The type: canonical when given, else the source's step name kept as `step`.
  if (!r.type.empty()) {
    auto type = model::ParseEventType(r.type);
    if (!type) return Reject(reason::kUnknownType, "field 'type': '" + r.type + "' is not a canonical event type");
    event.type = *type;
  } else {
    event.type = model::EventType::kStep;
  }
  event.step_name = r.step.empty() ? r.type : r.step;

  std::optional<model::CaseKind> implied = model::KindOfEventType(event.type);
  if (!r.kind.empty()) {
    auto kind = model::ParseCaseKind(r.kind);
    if (!kind) return Reject(reason::kUnknownKind, "field 'kind': '" + r.kind + "' is not approval, complaint or rating");
    if (implied && *implied != *kind) {
      return Reject(reason::kKindMismatch, "field 'kind': type '" + r.type + "' belongs to " +
                                               std::string(model::CaseKindName(*implied)) +
                                               " cases, not " + r.kind);
    }
    event.kind = *kind;
  } else {
    event.kind = implied.value_or(options_.default_kind);
  }

  base::Result<base::Timestamp> at = base::ParseTimestamp(r.at);
  if (!at.ok()) return Reject(reason::kBadTime, "field 'at': " + at.status().message());
  event.at = at->has_offset() ? at->ToInstant() : options_.from_local(at->wall);
  if (event.at > options_.now + options_.future_tolerance) {
    return Reject(reason::kFutureTime, "field 'at': " + r.at + " is in the future (now is " +
                                           base::FormatInstantUtc(options_.now) + ")");
  }

  auto channel = model::ParseChannel(r.channel);
  if (!channel) return Reject(reason::kBadChannel, "field 'channel': '" + r.channel + "' is not online, window or mobile");
  event.channel = *channel;

  if (auto rejected = CheckReferences(r)) return *rejected;

  if (!r.attrs_error.empty()) return Reject(reason::kBadAttrs, r.attrs_error);
  event.attrs_json = r.attrs_json.empty() ? "{}" : r.attrs_json;
  std::optional<base::Date> today = std::chrono::floor<std::chrono::days>(options_.now);
  if (auto rejected = MaskApplicantId(event.attrs_json, today)) return *rejected;

  event.source = options_.source;
  event.source_event_id = r.source_event_id.empty() ? ContentId(r) : r.source_event_id;
  event.case_id = r.case_id;
  event.dept_code = r.dept;
  event.item_code = r.item;
  event.actor = r.actor;
  return event;
}

std::vector<model::Department> EventValidator::TakeNewDepartments() {
  return std::exchange(new_departments_, {});
}

std::vector<model::Item> EventValidator::TakeNewItems() { return std::exchange(new_items_, {}); }

std::string ContentId(const ingest::MappedRecord& r) {
  // Unit separators keep field boundaries distinct ("ab"+"c" vs "a"+"bc").
  std::string content;
  for (const std::string* field : {&r.case_id, &r.kind, &r.type, &r.step, &r.at, &r.dept, &r.item,
                                   &r.actor, &r.channel, &r.attrs_json}) {
    content += *field;
    content += '\x1f';
  }
  thread_local audit::ChainHasher hasher(audit::HashAlgorithm::kSha256);
  return "sha256:" + audit::ToHex(hasher.Plain(content));
}

}  // namespace oversight::pipeline
