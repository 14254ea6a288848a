#pragma once

// What a route handler answers: a JSON body with a status, or an API error in
// the one shape every client sees: {"error":{"code","message","field"}}.

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "server/sse_hub.h"

namespace oversight::server {

struct ApiError {
  int http_status = 400;
  std::string code;     // stable, machine-readable: "invalid_field", "not_found", ...
  std::string message;  // for a person; never a stack trace or SQL
  std::string field;    // the offending field, when one is to blame
};

// Maps a Status from the layers below. Internal errors get a generic message
// (the detail goes to the log, not to the caller).
ApiError ErrorFromStatus(const base::Status& status, std::string field = "");

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Set for a server-sent-event stream: the HTTP layer relays it until the
  // client goes or the server stops.
  std::shared_ptr<SseHub::Subscription> stream;

  static Reply Json(std::string body, int status = 200) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Reply Error(const ApiError& error);
  static Reply Error(int http_status, std::string code, std::string message,
                     std::string field = "") {
    return Error(ApiError{http_status, std::move(code), std::move(message), std::move(field)});
  }
  static Reply FromStatus(const base::Status& status, std::string field = "") {
    return Error(ErrorFromStatus(status, std::move(field)));
  }
};

}  // namespace oversight::server
