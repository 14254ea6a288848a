// Sign-in, lockout, session timeout, CSRF, roles and separation of duties, tokens.

#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;

TEST_F(ServerTest, SignInSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken) {
  Answer a = Send("POST", "/api/v1/session", json{{"name", "sup"}, {"password", kPassword}}.dump(), nullptr);
  ASSERT_EQ(a.status, 200) << a.body;
  std::string cookie;
  std::string hint;
  for (const auto& [k, v] : a.headers) {
    if (k == "Set-Cookie" && v.rfind("ovs_session=", 0) == 0) cookie = v;
    if (k == "Set-Cookie" && v.rfind("ovs_signed_in=", 0) == 0) hint = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  // The hint scripts may read carries no secret: just "someone is signed in".
  EXPECT_EQ(hint.rfind("ovs_signed_in=1;", 0), 0u) << hint;
  EXPECT_EQ(hint.find("HttpOnly"), std::string::npos);
  EXPECT_NE(hint.find("SameSite=Strict"), std::string::npos);
  EXPECT_FALSE(a.json["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(a.json["role"], "supervisor");
}

TEST_F(ServerTest, UnknownUserAndWrongPasswordGetTheSameAnswer) {
  Answer wrong = Send("POST", "/api/v1/session", json{{"name", "sup"}, {"password", "Wrong#2026pass"}}.dump(), nullptr);
  Answer unknown = Send("POST", "/api/v1/session", json{{"name", "nobody"}, {"password", "Wrong#2026pass"}}.dump(), nullptr);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json["error"]["message"], unknown.json["error"]["message"]);
}

TEST_F(ServerTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    Answer a = Send("POST", "/api/v1/session", json{{"name", "officer_a"}, {"password", "Wrong#2026pass"}}.dump(), nullptr);
    EXPECT_EQ(a.status, i < 4 ? 401 : 423) << i;  // the fifth failure locks
  }
  // Locked now: even the right password is refused.
  Answer locked = Send("POST", "/api/v1/session", json{{"name", "officer_a"}, {"password", kPassword}}.dump(), nullptr);
  EXPECT_EQ(locked.status, 423) << locked.body;
  Advance(std::chrono::minutes(14));
  EXPECT_EQ(Send("POST", "/api/v1/session", json{{"name", "officer_a"}, {"password", kPassword}}.dump(), nullptr).status, 423);
  Advance(std::chrono::minutes(2));
  EXPECT_EQ(Send("POST", "/api/v1/session", json{{"name", "officer_a"}, {"password", kPassword}}.dump(), nullptr).status, 200);
}

TEST_F(ServerTest, AnIdleSessionExpiresAfterThirtyMinutes) {
  Session s = SignIn("sup");
  Advance(std::chrono::minutes(29));
  EXPECT_EQ(Get("/api/v1/session", &s).status, 200);  // use renews the idle clock
  Advance(std::chrono::minutes(29));
  EXPECT_EQ(Get("/api/v1/session", &s).status, 200);
  Advance(std::chrono::minutes(31));
  Answer expired = Get("/api/v1/session", &s);
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.json["error"]["code"], "session_expired");
}

TEST_F(ServerTest, WritesWithoutTheCsrfHeaderAreRefused) {
  Session s = SignIn("sys");
  Session no_csrf = s;
  no_csrf.csrf = "";
  Answer a = Send("POST", "/api/v1/tokens", json{{"name", "x"}, {"source", "hall"}}.dump(), &no_csrf);
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(a.json["error"]["code"], "csrf");
  Session wrong = s;
  wrong.csrf = "forged";
  EXPECT_EQ(Send("POST", "/api/v1/tokens", json{{"name", "x"}, {"source", "hall"}}.dump(), &wrong).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/tokens", json{{"name", "x"}, {"source", "hall"}}.dump(), &s).status, 201);
}

TEST_F(ServerTest, SignOutEndsTheSession) {
  Session s = SignIn("sup");
  EXPECT_EQ(Send("DELETE", "/api/v1/session", "", &s).status, 200);
  EXPECT_EQ(Get("/api/v1/session", &s).status, 401);
}

TEST_F(ServerTest, SeparationOfDuties) {
  Session sys = SignIn("sys");
  Session sec = SignIn("sec");
  Session aud = SignIn("aud");
  // The system administrator manages accounts but reads neither the audit log nor cases.
  EXPECT_EQ(Get("/api/v1/users", &sys).status, 200);
  EXPECT_EQ(Get("/api/v1/audit", &sys).status, 403);
  EXPECT_EQ(Get("/api/v1/cases", &sys).status, 403);
  // The security administrator assigns roles but cannot read business data or the log.
  EXPECT_EQ(Get("/api/v1/cases", &sec).status, 403);
  EXPECT_EQ(Get("/api/v1/alerts", &sec).status, 403);
  EXPECT_EQ(Get("/api/v1/audit", &sec).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/users", json{{"name", "x1"}, {"role", "supervisor"}}.dump(), &sec).status, 403);
  // The auditor reads the log and changes nothing.
  EXPECT_EQ(Get("/api/v1/audit", &aud).status, 200);
  EXPECT_EQ(Get("/api/v1/audit/verify", &aud).status, 200);
  EXPECT_EQ(Send("POST", "/api/v1/users", json{{"name", "x2"}, {"role", "supervisor"}}.dump(), &aud).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/tokens", json{{"name", "t"}, {"source", "s"}}.dump(), &aud).status, 403);
  const std::int64_t alert = AlertOf(dept_a());
  EXPECT_EQ(Post("/api/v1/alerts/" + std::to_string(alert) + "/actions",
                 json{{"action", "escalate"}, {"text", "x"}}, aud).status, 403);
}

TEST_F(ServerTest, SecurityAdministratorAssignsRolesAndTheAssignmentIsAudited) {
  Session sys = SignIn("sys");
  Answer created = Post("/api/v1/users", json{{"name", "newbie"}, {"role", "dept_officer"}, {"dept_code", dept_a()}}, sys);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json["password"].get<std::string>().empty());  // shown once
  const std::int64_t id = created.json["id"];
  Session sec = SignIn("sec");
  Answer role = Send("PUT", "/api/v1/users/" + std::to_string(id) + "/role",
                     json{{"role", "complaint_desk"}}.dump(), &sec);
  EXPECT_EQ(role.status, 200) << role.body;
  EXPECT_EQ(role.json["role"], "complaint_desk");
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?action=user.assign_role", &aud);
  ASSERT_EQ(log.status, 200);
  ASSERT_EQ(log.json["items"].size(), 1u);
  EXPECT_EQ(log.json["items"][0]["actor"], "sec");
}

TEST_F(ServerTest, SignInsAndFailuresAreInTheChainedAuditTrail) {
  (void)Send("POST", "/api/v1/session", json{{"name", "sup"}, {"password", "Wrong#2026pass"}}.dump(), nullptr);
  (void)SignIn("sup");
  Session aud = SignIn("aud");
  Answer failed = Get("/api/v1/audit?action=session.sign_in_failed", &aud);
  ASSERT_EQ(failed.status, 200);
  ASSERT_GE(failed.json["items"].size(), 1u);
  EXPECT_EQ(failed.json["items"][0]["result"], "denied");
  Answer ok = Get("/api/v1/audit?action=session.sign_in&actor=sup", &aud);
  ASSERT_GE(ok.json["items"].size(), 1u);
  Answer verify = Get("/api/v1/audit/verify", &aud);
  EXPECT_EQ(verify.json["ok"], true) << verify.body;
  EXPECT_GT(verify.json["operations"]["checked"].get<int>(), 2);
}

TEST_F(ServerTest, TokensAreShownOnceScopedToTheirSourceAndDepartmentAndRevocable) {
  Session sys = SignIn("sys");
  Answer created = Post("/api/v1/tokens", json{{"name", "dept A system"}, {"source", "dept-a"}, {"dept_codes", {dept_a()}}}, sys);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = created.json["token"];
  Answer listed = Get("/api/v1/tokens", &sys);
  EXPECT_EQ(listed.body.find(token), std::string::npos);  // never shown again
  const httplib::Headers bearer{{"Authorization", "Bearer " + token}};
  // A token may push events, and nothing else.
  EXPECT_EQ(Get("/api/v1/cases", nullptr, bearer).status, 403);
  EXPECT_EQ(Get("/api/v1/alerts", nullptr, bearer).status, 403);
  json ok_event = {{"case_id", "T-1"}, {"type", "submit"}, {"at", "2025-05-06T09:00:00+08:00"},
                   {"dept", dept_a()}, {"item", ""}, {"source_event_id", "t1"}};
  // Item: any item of department A.
  {
    auto lock = service().Lock();
    auto items = service().store().ListItems();
    for (const auto& item : *items) {
      if (item.dept_code == dept_a()) {
        ok_event["item"] = item.code;
        break;
      }
    }
  }
  json other = ok_event;
  other["case_id"] = "T-2";
  other["source_event_id"] = "t2";
  other["dept"] = dept_b();
  Answer pushed = Send("POST", "/api/v1/events", json{{"events", {ok_event, other}}}.dump(), nullptr,
                       "application/json", bearer);
  ASSERT_EQ(pushed.status, 200) << pushed.body;
  EXPECT_EQ(pushed.json["source"], "dept-a");
  EXPECT_EQ(pushed.json["results"][0]["status"], "stored");
  EXPECT_EQ(pushed.json["results"][1]["status"], "quarantined");
  EXPECT_EQ(pushed.json["results"][1]["reason"], "department_not_permitted");
  // Revoked: refused.
  EXPECT_EQ(Send("DELETE", "/api/v1/tokens/" + std::to_string(created.json["id"].get<int>()), "", &sys).status, 200);
  EXPECT_EQ(Send("POST", "/api/v1/events", json{{"events", {ok_event}}}.dump(), nullptr, "application/json", bearer).status, 401);
  EXPECT_EQ(Send("POST", "/api/v1/events", "{}", nullptr, "application/json",
                 {{"Authorization", "Bearer ovs_not-a-real-token"}}).status, 401);
}

}  // namespace
}  // namespace oversight::server::testing

namespace oversight::server::testing {
namespace {

TEST_F(ServerTest, AnAccountWithAnAssignedPasswordMustChangeItFirst) {
  Session sys = SignIn("sys");
  Answer created = Post("/api/v1/users", nlohmann::json{{"name", "fresh"}, {"role", "supervisor"}}, sys);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string given = created.json["password"];
  Session fresh = SignIn("fresh", given);
  Answer me = Get("/api/v1/session", &fresh);
  EXPECT_EQ(me.json["must_change_password"], true);
  Answer blocked = Get("/api/v1/alerts", &fresh);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.json["error"]["code"], "password_change_required");
  Answer weak = Send("PUT", "/api/v1/session/password", nlohmann::json{{"current", given}, {"password", "short"}}.dump(), &fresh);
  EXPECT_EQ(weak.status, 400) << weak.body;
  Answer changed = Send("PUT", "/api/v1/session/password",
                        nlohmann::json{{"current", given}, {"password", "Another#Pass2026"}}.dump(), &fresh);
  ASSERT_EQ(changed.status, 200) << changed.body;
  Session again = SignIn("fresh", "Another#Pass2026");
  EXPECT_EQ(Get("/api/v1/alerts", &again).status, 200);
}

}  // namespace
}  // namespace oversight::server::testing
