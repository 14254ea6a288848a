// Sign-in and sign-out (browser sessions), the caller's own profile, and a
// password change. Every sign-in and failure is in the audit trail.

#include "auth/token.h"
#include "base/strings.h"
#include "server/json_input.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

std::string SessionCookie(const std::string& token, bool secure, bool clear) {
  std::string cookie = "ovs_session=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

// A cookie without the secret that scripts may read: the web app asks who is
// signed in only when it is there, so a signed-out visitor triggers no 401.
std::string SignedInHintCookie(bool secure, bool clear) {
  std::string cookie = std::string("ovs_signed_in=") + (clear ? "" : "1") + "; Path=/; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

std::string MeJson(const auth::Principal& p, const std::string& csrf) {
  std::string out = "{\"name\":\"" + base::JsonEscape(p.name) + "\",\"role\":\"" +
                    (p.role ? std::string(auth::RoleName(*p.role)) : std::string()) +
                    "\",\"dept_code\":\"" + base::JsonEscape(p.dept_code) +
                    "\",\"must_change_password\":" + (p.must_change_password ? "true" : "false") +
                    ",\"permissions\":[";
  bool first = true;
  for (auth::Permission perm : auth::AllPermissions()) {
    if (!p.Can(perm)) continue;
    out += std::string(first ? "" : ",") + "\"" + std::string(auth::PermissionName(perm)) + "\"";
    first = false;
  }
  out += "]";
  if (!csrf.empty()) out += ",\"csrf_token\":\"" + base::JsonEscape(csrf) + "\"";
  return out + "}";
}

}  // namespace

void AddSessionRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"POST", "/api/v1/session", Access::kPublic, std::nullopt, [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"name", "password"});
    std::string name = in.String("name", {true, 64});
    std::string password = in.String("password", {true, 256});
    if (in.failed()) return Reply::Error(in.error());
    auto lock = svc.Lock();
    base::Result<auth::SignInResult> result = svc.auth().SignIn(name, password, call.now);
    if (!result.ok()) return Reply::FromStatus(result.status());
    if (!result->ok()) {
      svc.metrics().SignInFailed();
      auth::Principal attempted;
      attempted.name = name;
      call.principal = attempted;
      (void)svc.Record(call, "session.sign_in_failed", "user:" + name, "denied",
                       std::string(auth::SignInOutcomeName(result->outcome)));
      call.principal.reset();
      const bool locked = result->outcome == auth::SignInOutcome::kLocked;
      return Reply::Error(locked ? 423 : 401, locked ? "locked" : "bad_credentials",
                          result->Message());
    }
    call.principal = result->principal;
    if (base::Status s = svc.Record(call, "session.sign_in", "user:" + name, "ok"); !s.ok()) {
      return Reply::FromStatus(s);
    }
    Reply reply = Reply::Json(MeJson(result->principal, result->csrf_token));
    reply.headers.emplace_back("Set-Cookie",
                               SessionCookie(result->session_token, svc.options().secure_cookies, false));
    reply.headers.emplace_back("Set-Cookie", SignedInHintCookie(svc.options().secure_cookies, false));
    return reply;
  }});
  routes.push_back({"GET", "/api/v1/session", Access::kSignedIn, std::nullopt, [&svc](Call& call) {
    auto lock = svc.Lock();
    base::Result<std::optional<store::SessionRecord>> session =
        svc.store().identity().FindSession(auth::TokenHash(call.session_token));
    std::string csrf = session.ok() && *session ? (*session)->csrf_token : std::string();
    return Reply::Json(MeJson(call.who(), csrf));
  }});
  routes.push_back({"DELETE", "/api/v1/session", Access::kSignedIn, std::nullopt, [&svc](Call& call) {
    auto lock = svc.Lock();
    if (base::Status s = svc.auth().SignOut(call.session_token); !s.ok()) return Reply::FromStatus(s);
    (void)svc.Record(call, "session.sign_out", "user:" + call.who().name, "ok");
    Reply reply = Reply::Json("{\"signed_out\":true}");
    reply.headers.emplace_back("Set-Cookie", SessionCookie("", svc.options().secure_cookies, true));
    reply.headers.emplace_back("Set-Cookie", SignedInHintCookie(svc.options().secure_cookies, true));
    return reply;
  }});
  routes.push_back({"PUT", "/api/v1/session/password", Access::kSignedIn, std::nullopt,
                    [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"current", "password"});
    std::string current = in.String("current", {true, 256});
    std::string next = in.String("password", {true, 256});
    if (in.failed()) return Reply::Error(in.error());
    auto lock = svc.Lock();
    base::Status s = svc.auth().ChangePassword(call.who().user_id, current, next, call.now);
    (void)svc.Record(call, "user.change_password", "user:" + call.who().name, s.ok() ? "ok" : "failed");
    if (!s.ok()) return Reply::FromStatus(s, "password");
    return Reply::Json("{\"changed\":true}");
  }});
}

}  // namespace oversight::server
