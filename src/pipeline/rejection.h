#pragma once

// Why a record was not stored. The reason is a stable code (reported in ingest
// summaries and quarantine lists, documented in docs/EVENTS.md); the message
// names the field and value for the operator.

#include <string>
#include <string_view>

namespace oversight::pipeline {

namespace reason {
inline constexpr std::string_view kParseError = "parse_error";          // reader could not parse it
inline constexpr std::string_view kMappingError = "mapping_error";      // mapping could not apply
inline constexpr std::string_view kMissingField = "missing_field";      // a required field is empty
inline constexpr std::string_view kFieldTooLong = "field_too_long";
inline constexpr std::string_view kUnknownType = "unknown_type";        // not a canonical type
inline constexpr std::string_view kUnknownKind = "unknown_kind";
inline constexpr std::string_view kKindMismatch = "kind_mismatch";      // type belongs to another kind
inline constexpr std::string_view kBadTime = "bad_time";                // unparseable event time
inline constexpr std::string_view kFutureTime = "future_time";          // beyond the tolerance
inline constexpr std::string_view kBadDepartmentCode = "bad_department_code";  // USCC check fails
inline constexpr std::string_view kUnknownDepartment = "unknown_department";
inline constexpr std::string_view kUnknownItem = "unknown_item";
inline constexpr std::string_view kBadChannel = "bad_channel";
inline constexpr std::string_view kBadApplicantId = "bad_applicant_id";  // ID number check fails
inline constexpr std::string_view kBadAttrs = "bad_attrs";              // attrs is not a JSON object
}  // namespace reason

struct Rejection {
  std::string reason;
  std::string message;
};

}  // namespace oversight::pipeline
