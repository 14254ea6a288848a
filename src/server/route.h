#pragma once

// One API route: method, path template, who may call it, and the handler. The
// route table is the single list the HTTP layer registers, the OpenAPI test
// checks against docs/openapi.json, and the access checks read — so a route
// cannot exist without its access rule.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "base/time.h"
#include "server/reply.h"

namespace oversight::server {

enum class Access {
  kPublic,    // anyone, no sign-in (health, the public portal's reads, sign-in itself)
  kSignedIn,  // a browser session (cookie + CSRF on writes) holding `permission`
  kIngest,    // a bearer token scoped to a source, or a session holding `permission`
};

// What a handler sees of a request; the HTTP library stays out of handlers.
struct Call {
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;        // path parameters, by template name
  std::multimap<std::string, std::string> query;    // query string
  std::string_view body;
  std::string content_type;
  std::string client;                               // remote address
  std::optional<auth::Principal> principal;         // null on public routes without a session
  std::string session_token;                        // the cookie's value, when signed in
  base::Instant now{};

  std::string Query(const std::string& name, std::string fallback = "") const {
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
  }
  const auth::Principal& who() const { return *principal; }
};

using Handler = std::function<Reply(Call&)>;

struct Route {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;    // OpenAPI style template: /api/v1/alerts/{id}
  Access access = Access::kSignedIn;
  std::optional<auth::Permission> permission;  // required beyond signing in
  Handler handler;
};

using RouteTable = std::vector<Route>;

}  // namespace oversight::server
