#pragma once

// Status and Result<T>: how expected failures travel in Oversight. Our code does
// not throw; a function that can fail returns a Status (or a Result<T> holding a
// value or a Status). Codes follow abseil's StatusCode: pick the one that tells
// the caller what to do next (fix the input, retry, give up).
//
//   Result<Date> d = ParseDate("2025-02-29");
//   if (!d.ok()) return d.status();   // kInvalidArgument: "no such date"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace oversight::base {

enum class StatusCode : std::uint8_t {
  kOk = 0,
  kInvalidArgument,     // the input is wrong: fix the data first
  kNotFound,            // a referenced thing does not exist
  kAlreadyExists,       // creating something that is there
  kFailedPrecondition,  // the system is not in a state to do this
  kOutOfRange,          // the input is outside what the data covers
  kAborted,             // retry the whole transaction
  kUnavailable,         // retry the call
  kDataLoss,            // stored data is damaged (e.g. a broken hash chain)
  kInternal,            // a bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy with "context: " put before the message, for errors that cross
  // a module boundary ("ingest: line 42: missing case_id").
  Status WithContext(std::string_view context) const;

  // "INVALID_ARGUMENT: message", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message)};
}
inline Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
inline Status AlreadyExists(std::string message) {
  return {StatusCode::kAlreadyExists, std::move(message)};
}
inline Status FailedPrecondition(std::string message) {
  return {StatusCode::kFailedPrecondition, std::move(message)};
}
inline Status OutOfRange(std::string message) {
  return {StatusCode::kOutOfRange, std::move(message)};
}
inline Status Unavailable(std::string message) {
  return {StatusCode::kUnavailable, std::move(message)};
}
inline Status DataLoss(std::string message) { return {StatusCode::kDataLoss, std::move(message)}; }
inline Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

// A value or the Status that explains why there is none. Never holds an OK status
// without a value.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {     // NOLINT: implicit by design
    if (status_.ok()) status_ = Internal("Result constructed from an OK status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace oversight::base

#define OVS_STATUS_CONCAT_INNER(a, b) a##b
#define OVS_STATUS_CONCAT(a, b) OVS_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define OVS_RETURN_IF_ERROR(expr)                              \
  do {                                                         \
    ::oversight::base::Status ovs_status_ = (expr);            \
    if (!ovs_status_.ok()) return ovs_status_;                 \
  } while (false)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves the
// value into `lhs` (which may be a declaration).
#define OVS_ASSIGN_OR_RETURN(lhs, rexpr) \
  OVS_ASSIGN_OR_RETURN_IMPL(OVS_STATUS_CONCAT(ovs_result_, __LINE__), lhs, rexpr)
#define OVS_ASSIGN_OR_RETURN_IMPL(result, lhs, rexpr) \
  auto result = (rexpr);                              \
  if (!result.ok()) return result.status();           \
  lhs = std::move(result).value()
