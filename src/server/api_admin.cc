// Accounts and API tokens. Separation of duties (三员分立): the system
// administrator creates, locks and resets accounts and issues tokens; the
// security administrator assigns roles and departments; neither reads business
// data or the audit trail. A new password or token is shown once, here.

#include "base/strings.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

Reply UserById(Service& svc, std::int64_t id) {
  base::Result<std::optional<store::UserRecord>> user = svc.store().identity().FindUserById(id);
  if (!user.ok()) return Reply::FromStatus(user.status());
  if (!*user) return Reply::Error(404, "not_found", "no user " + std::to_string(id), "id");
  return Reply::Json(UserJson(**user));
}

}  // namespace

void AddAdminRoutes(RouteTable& routes, Service& svc) {
  auto list_users = [&svc](Call&) {
    auto lock = svc.Lock();
    base::Result<std::vector<store::UserRecord>> users = svc.store().identity().ListUsers();
    if (!users.ok()) return Reply::FromStatus(users.status());
    std::vector<std::string> items;
    for (const store::UserRecord& u : *users) items.push_back(UserJson(u));
    return Reply::Json(JsonArray(items));
  };
  routes.push_back({"GET", "/api/v1/users", Access::kSignedIn, auth::Permission::kManageUsers, list_users});
  // The same accounts for the security administrator, who assigns their roles
  // and departments but neither creates nor locks them.
  routes.push_back({"GET", "/api/v1/role-assignments", Access::kSignedIn, auth::Permission::kManageRoles,
                    list_users});
  routes.push_back({"POST", "/api/v1/users", Access::kSignedIn, auth::Permission::kManageUsers,
                    [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"name", "display_name", "role", "dept_code", "password"});
    auth::NewUser user;
    user.name = in.String("name", {true, 64});
    user.display_name = in.String("display_name", {false, 100});
    const std::string role = in.String("role", {true, 32});
    user.dept_code = in.String("dept_code", {false, 18});
    if (in.Has("password")) user.password = in.String("password", {false, 256});
    if (in.failed()) return Reply::Error(in.error());
    std::optional<auth::Role> parsed = auth::ParseRole(role);
    if (!parsed) return Reply::Error(400, "invalid_field", "unknown role '" + role + "'", "role");
    user.role = *parsed;
    auto lock = svc.Lock();
    base::Result<auth::CreatedUser> created = svc.auth().AddUser(user, call.now);
    if (!created.ok()) {
      (void)svc.Record(call, "user.create", "user:" + user.name, "failed", created.status().message());
      return Reply::FromStatus(created.status(), "name");
    }
    if (base::Status s = svc.Record(call, "user.create", "user:" + user.name, "ok", role); !s.ok()) {
      return Reply::FromStatus(s);
    }
    std::string body = UserJson(created->record);
    body.pop_back();
    body += ",\"password\":\"" + base::JsonEscape(created->password) + "\"}";
    return Reply::Json(body, 201);
  }});
  auto user_step = [&svc](std::string action) {
    return [&svc, action](Call& call) {
      std::optional<std::int64_t> id = PathId(call);
      if (!id) return Reply::Error(400, "invalid_field", "the user id must be a positive integer", "id");
      auto lock = svc.Lock();
      base::Status s;
      std::string password;
      if (action == "lock") {
        s = svc.auth().Lock(*id);
      } else if (action == "unlock") {
        s = svc.auth().Unlock(*id);
      } else {
        base::Result<std::string> reset = svc.auth().ResetPassword(*id, std::nullopt, call.now);
        s = reset.status();
        if (reset.ok()) password = *reset;
      }
      (void)svc.Record(call, "user." + action, "user:" + std::to_string(*id), s.ok() ? "ok" : "failed");
      if (!s.ok()) return Reply::FromStatus(s, "id");
      if (!password.empty()) {
        return Reply::Json("{\"id\":" + std::to_string(*id) + ",\"password\":\"" +
                           base::JsonEscape(password) + "\"}");
      }
      return UserById(svc, *id);
    };
  };
  routes.push_back({"POST", "/api/v1/users/{id}/lock", Access::kSignedIn,
                    auth::Permission::kManageUsers, user_step("lock")});
  routes.push_back({"POST", "/api/v1/users/{id}/unlock", Access::kSignedIn,
                    auth::Permission::kManageUsers, user_step("unlock")});
  routes.push_back({"POST", "/api/v1/users/{id}/password", Access::kSignedIn,
                    auth::Permission::kManageUsers, user_step("reset_password")});
  routes.push_back({"PUT", "/api/v1/users/{id}/role", Access::kSignedIn,
                    auth::Permission::kManageRoles, [&svc](Call& call) {
    std::optional<std::int64_t> id = PathId(call);
    if (!id) return Reply::Error(400, "invalid_field", "the user id must be a positive integer", "id");
    JsonInput in = JsonInput::Parse(call.body, {"role", "dept_code"});
    const std::string role = in.String("role", {true, 32});
    const std::string dept = in.String("dept_code", {false, 18});
    if (in.failed()) return Reply::Error(in.error());
    std::optional<auth::Role> parsed = auth::ParseRole(role);
    if (!parsed) return Reply::Error(400, "invalid_field", "unknown role '" + role + "'", "role");
    auto lock = svc.Lock();
    base::Status s = svc.auth().AssignRole(*id, *parsed, dept);
    (void)svc.Record(call, "user.assign_role", "user:" + std::to_string(*id), s.ok() ? "ok" : "failed",
                     role + (dept.empty() ? "" : " " + dept));
    if (!s.ok()) return Reply::FromStatus(s, "role");
    return UserById(svc, *id);
  }});
  routes.push_back({"GET", "/api/v1/tokens", Access::kSignedIn, auth::Permission::kManageTokens,
                    [&svc](Call&) {
    auto lock = svc.Lock();
    base::Result<std::vector<store::TokenRecord>> tokens = svc.store().identity().ListTokens();
    if (!tokens.ok()) return Reply::FromStatus(tokens.status());
    std::vector<std::string> items;
    for (const store::TokenRecord& t : *tokens) items.push_back(TokenJson(t));
    return Reply::Json(JsonArray(items));
  }});
  routes.push_back({"POST", "/api/v1/tokens", Access::kSignedIn, auth::Permission::kManageTokens,
                    [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"name", "source", "dept_codes"});
    auth::NewToken token;
    token.name = in.String("name", {true, 100});
    token.source = in.String("source", {true, 64});
    token.dept_codes = in.StringList("dept_codes", 200, {false, 18});
    token.created_by = call.who().name;
    if (in.failed()) return Reply::Error(in.error());
    auto lock = svc.Lock();
    base::Result<auth::CreatedToken> created = svc.auth().CreateToken(token, call.now);
    if (!created.ok()) return Reply::FromStatus(created.status(), "name");
    if (base::Status s = svc.Record(call, "token.create", "token:" + std::to_string(created->record.id),
                                    "ok", token.name + " source " + token.source);
        !s.ok()) {
      return Reply::FromStatus(s);
    }
    std::string body = TokenJson(created->record);
    body.pop_back();
    body += ",\"token\":\"" + base::JsonEscape(created->token) +
            "\",\"note\":\"the token is shown once; store it now\"}";
    return Reply::Json(body, 201);
  }});
  routes.push_back({"DELETE", "/api/v1/tokens/{id}", Access::kSignedIn, auth::Permission::kManageTokens,
                    [&svc](Call& call) {
    std::optional<std::int64_t> id = PathId(call);
    if (!id) return Reply::Error(400, "invalid_field", "the token id must be a positive integer", "id");
    auto lock = svc.Lock();
    base::Status s = svc.auth().RevokeToken(*id, call.now);
    (void)svc.Record(call, "token.revoke", "token:" + std::to_string(*id), s.ok() ? "ok" : "failed");
    if (!s.ok()) return Reply::FromStatus(s, "id");
    return Reply::Json("{\"id\":" + std::to_string(*id) + ",\"revoked\":true}");
  }});
}

}  // namespace oversight::server
