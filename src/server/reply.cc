#include "server/reply.h"

#include "base/strings.h"

namespace oversight::server {

ApiError ErrorFromStatus(const base::Status& status, std::string field) {
  using base::StatusCode;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange:
      return {400, "invalid_argument", status.message(), std::move(field)};
    case StatusCode::kNotFound:
      return {404, "not_found", status.message(), std::move(field)};
    case StatusCode::kAlreadyExists:
      return {409, "already_exists", status.message(), std::move(field)};
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAborted:
      return {409, "conflict", status.message(), std::move(field)};
    case StatusCode::kUnavailable:
      return {503, "unavailable", status.message(), ""};
    case StatusCode::kOk:
    case StatusCode::kDataLoss:
    case StatusCode::kInternal:
      break;
  }
  return {500, "internal", "the server could not complete the request; the operator's log has the detail", ""};
}

Reply Reply::Error(const ApiError& error) {
  std::string body = "{\"error\":{\"code\":\"";
  base::AppendJsonEscaped(body, error.code);
  body += "\",\"message\":\"";
  base::AppendJsonEscaped(body, error.message);
  body += "\",\"field\":";
  if (error.field.empty()) {
    body += "null";
  } else {
    body += '"';
    base::AppendJsonEscaped(body, error.field);
    body += '"';
  }
  body += "}}";
  return Json(std::move(body), error.http_status);
}

}  // namespace oversight::server
