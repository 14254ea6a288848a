// Every route is documented and every documented route exists; health and
// metrics; hostile and malformed input; static files; security headers.

#include <fstream>
#include <set>

#include "server/openapi_document.h"
#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(ServerTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  json doc = json::parse(OpenApiDocument());
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) documented.insert({Lower(method), path});
  }
  std::set<std::pair<std::string, std::string>> served;
  for (const Route& r : routes()) served.insert({Lower(r.method), r.path});
  for (const auto& r : served) EXPECT_TRUE(documented.contains(r)) << "undocumented: " << r.first << " " << r.second;
  for (const auto& d : documented) EXPECT_TRUE(served.contains(d)) << "documented but missing: " << d.first << " " << d.second;
  // The served document is the same.
  Answer a = Get("/api/openapi.json");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.json["openapi"], "3.0.3");
}

TEST_F(ServerTest, EveryProtectedRouteRefusesAnAnonymousCaller) {
  for (const Route& r : routes()) {
    if (r.access == Access::kPublic) continue;
    std::string path = r.path;
    for (std::size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
      path.replace(open, path.find('}') - open + 1, "1");
    }
    Answer a = r.method == "GET" ? Get(path) : Send(r.method, path, "{}", nullptr);
    EXPECT_EQ(a.status, 401) << r.method << " " << path << ": " << a.body;
    EXPECT_TRUE(a.json.contains("error")) << r.method << " " << path;
  }
}

TEST_F(ServerTest, HealthReadinessAndMetrics) {
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get("/readyz").status, 200);
  (void)SignIn("sup");
  Answer m = Get("/metrics");
  ASSERT_EQ(m.status, 200);
  for (const char* name : {"oversight_events_ingested_total", "oversight_alerts_open{level=\"red\"}",
                           "oversight_http_request_duration_seconds_bucket", "oversight_quarantine_open"}) {
    EXPECT_NE(m.body.find(name), std::string::npos) << name;
  }
}

TEST_F(ServerTest, ErrorsAreJsonNamingTheField) {
  Session sys = SignIn("sys");
  Answer unknown = Send("POST", "/api/v1/tokens", R"({"name":"x","source":"s","colour":"red"})", &sys);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json["error"]["code"], "unknown_field");
  EXPECT_EQ(unknown.json["error"]["field"], "colour");
  Answer missing = Send("POST", "/api/v1/tokens", R"({"name":"x"})", &sys);
  EXPECT_EQ(missing.json["error"]["field"], "source");
  Answer wrong_type = Send("POST", "/api/v1/tokens", R"({"name":7,"source":"s"})", &sys);
  EXPECT_EQ(wrong_type.json["error"]["field"], "name");
  Answer malformed = Send("POST", "/api/v1/tokens", R"({"name":)", &sys);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json["error"]["code"], "malformed_json");
  Answer not_object = Send("POST", "/api/v1/tokens", "[1,2]", &sys);
  EXPECT_EQ(not_object.status, 400);
  Answer media = Send("POST", "/api/v1/tokens", "name=x", &sys, "application/x-www-form-urlencoded");
  EXPECT_EQ(media.status, 415);
  Answer no_route = Get("/api/v1/nothing-here", &sys);
  EXPECT_EQ(no_route.status, 404);
  EXPECT_EQ(no_route.json["error"]["code"], "not_found");
}

TEST_F(ServerTest, InvalidUtf8IsRefused) {
  Session sys = SignIn("sys");
  std::string body = "{\"name\":\"bad \xff\xfe\",\"source\":\"s\"}";
  Answer a = Send("POST", "/api/v1/tokens", body, &sys);
  EXPECT_EQ(a.status, 400) << a.body;
  EXPECT_EQ(a.json["error"]["code"], "malformed_json");
}

TEST_F(ServerTest, TenMegabyteBodiesAreRefusedWith413) {
  Session sys = SignIn("sys");
  std::string huge(10 << 20, 'x');
  Answer a = Send("POST", "/api/v1/tokens", "{\"name\":\"" + huge + "\"}", &sys);
  EXPECT_EQ(a.status, 413);
  // The server is still there.
  EXPECT_EQ(Get("/healthz").status, 200);
}

TEST_F(ServerTest, SqlLookingInputIsJustText) {
  Session sup = SignIn("sup");
  for (const std::string evil : {"' OR 1=1 --", "x'; DROP TABLE events; --", "%' UNION SELECT * FROM users --"}) {
    httplib::Params p{{"id", evil}};
    Answer cases = Get("/api/v1/cases?" + httplib::detail::params_to_query_str(p), &sup);
    EXPECT_EQ(cases.status, 200) << evil;
    EXPECT_EQ(cases.json["items"].size(), 0u) << evil;
    Answer alerts = Get("/api/v1/alerts?" + httplib::detail::params_to_query_str({{"rule", evil}}), &sup);
    EXPECT_EQ(alerts.json["items"].size(), 0u);
    Answer sign_in = Send("POST", "/api/v1/session", json{{"name", evil}, {"password", evil}}.dump(), nullptr);
    EXPECT_EQ(sign_in.status, 401);
  }
  auto lock = service().Lock();
  EXPECT_GT(service().store().Stats()->events, 0);  // nothing was dropped
}

TEST_F(ServerTest, StaticFilesStayInsideTheAssetFolder) {
  Answer index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("Oversight"), std::string::npos);
  Answer app_route = Get("/cases/123");  // the app routes itself
  EXPECT_EQ(app_route.status, 200);
  Answer dotted_route = Get("/rules/license.accept-within-5-days");  // a rule id has dots
  EXPECT_EQ(dotted_route.status, 200);
  EXPECT_NE(dotted_route.body.find("Oversight"), std::string::npos);
  EXPECT_EQ(Get("/missing-1234.js").status, 404);  // a missing file is not the app
  EXPECT_EQ(Get("/assets/missing-1234.css").status, 404);
  Answer asset = Get("/assets/app-1234.js");
  EXPECT_EQ(asset.status, 200);
  bool immutable = false;
  for (const auto& [k, v] : asset.headers) immutable = immutable || (k == "Cache-Control" && v.find("immutable") != std::string::npos);
  EXPECT_TRUE(immutable);
  for (const char* path : {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                           "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..\\secret.txt"}) {
    Answer a = Get(path);
    EXPECT_EQ(a.body.find("outside the asset folder"), std::string::npos) << path;
    EXPECT_NE(a.status, 200) << path;
  }
}

TEST_F(ServerTest, EveryAnswerCarriesSecurityHeaders) {
  for (const std::string path : {"/", "/healthz", "/api/v1/cases"}) {
    Answer a = Get(path);
    std::map<std::string, std::string> h(a.headers.begin(), a.headers.end());
    EXPECT_EQ(h["X-Content-Type-Options"], "nosniff") << path;
    EXPECT_EQ(h["X-Frame-Options"], "DENY") << path;
    EXPECT_NE(h["Content-Security-Policy"].find("default-src 'self'"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, RulesCanBeListedSubmittedApprovedAndBacktested) {
  Session sup = SignIn("sup");
  Answer list = Get("/api/v1/rules", &sup);
  ASSERT_EQ(list.status, 200);
  EXPECT_GT(list.json["rules"].size(), 5u);
  const std::string rule_id = list.json["rules"][0]["id"];
  Answer one = Get("/api/v1/rules/" + rule_id, &sup);
  EXPECT_EQ(one.status, 200);
  EXPECT_FALSE(one.json["yaml"].get<std::string>().empty());
  Answer backtest = Post("/api/v1/rules/backtest",
                         json{{"rule_id", rule_id}, {"from", "2025-01-01T00:00:00+08:00"}, {"to", "2025-05-01T00:00:00+08:00"}}, sup);
  ASSERT_EQ(backtest.status, 200) << backtest.body;
  EXPECT_GT(backtest.json["cases"].get<int>(), 0);
  Answer bad_draft = Post("/api/v1/rules/backtest",
                          json{{"yaml", "id: x\nkind: nonsense\n"}, {"from", "2025-01-01T00:00:00+08:00"}, {"to", "2025-05-01T00:00:00+08:00"}}, sup);
  EXPECT_EQ(bad_draft.status, 400);
  EXPECT_GT(bad_draft.json["errors"].size(), 0u);
  Session officer = SignIn("officer_a");
  EXPECT_EQ(Post("/api/v1/rules/" + rule_id + "/actions", json{{"action", "retire"}}, officer).status, 403);
  Answer retired = Post("/api/v1/rules/" + rule_id + "/actions", json{{"action", "retire"}, {"note", "test"}}, sup);
  EXPECT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(retired.json["status"], "retired");
  EXPECT_EQ(Post("/api/v1/rules/" + rule_id + "/actions", json{{"action", "approve"}}, sup).status, 409);
}

TEST_F(ServerTest, CalendarAndCatalogAnswer) {
  Session officer = SignIn("officer_a");
  Answer day = Get("/api/v1/calendar/working-day?date=2025-10-01", &officer);
  EXPECT_EQ(day.json["working"], false);
  Answer makeup = Get("/api/v1/calendar/working-day?date=2025-09-28", &officer);
  EXPECT_EQ(makeup.json["working"], true);  // 调休 makeup working day
  Answer due = Get("/api/v1/calendar/due?start=2025-09-30T10:00:00%2B08:00&limit=1&unit=working_days", &officer);
  ASSERT_EQ(due.status, 200) << due.body;
  EXPECT_EQ(due.json["last_day"], "2025-10-09");
  EXPECT_EQ(Get("/api/v1/calendar/working-day?date=2025-13-01", &officer).json["error"]["field"], "date");
  EXPECT_GT(Get("/api/v1/departments", &officer).json.size(), 1u);
  EXPECT_GT(Get("/api/v1/items", &officer).json.size(), 1u);
}

}  // namespace
}  // namespace oversight::server::testing
