#include "tests/server/server_fixture.h"

#include <sstream>

#include "demo/demo_generator.h"
#include "runtime/calendar_files.h"
#include "store/alert_workflow_store.h"
#include "store/sqlite/sqlite_store.h"

namespace oversight::server::testing {

void ServerTest::SetUp() {
  now_ = *base::ParseInstant("2025-05-06T10:00:00+08:00");
  auto store = store::sqlite::OpenSqliteStore({dir_.File("oversight.db"), std::nullopt});
  ASSERT_TRUE(store.ok()) << store.status().ToString();

  // A small demo city: four months of cases with known violations.
  auto cal = runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {});
  ASSERT_TRUE(cal.ok());
  demo::DemoOptions demo;
  demo.scale = 0.005;
  demo.months = 4;
  demo.seed = 7;
  auto gen = demo::DemoGenerator::Create(demo, *cal);
  ASSERT_TRUE(gen.ok()) << gen.status().ToString();
  for (const auto& d : gen->city().departments) ASSERT_TRUE((*store)->UpsertDepartment(d, false).ok());
  for (const auto& i : gen->city().items) ASSERT_TRUE((*store)->UpsertItem(i, false).ok());
  std::vector<model::Event> events;
  ASSERT_TRUE(gen->Generate([&](const model::Event& e) { events.push_back(e); },
                            [](const demo::TruthRecord&) {}).ok());
  ASSERT_TRUE((*store)->AppendBatch(events, now_).ok());

  ServiceOptions options;
  options.engine.rules_dir = std::string(OVS_SOURCE_DIR) + "/rules";
  options.scoring_model_file = std::string(OVS_SOURCE_DIR) + "/scoring/default.yaml";
  options.auth.argon2.memory_kib = 64;  // fast hashing in tests; the policy is what is tested
  options.auth.argon2.time_cost = 1;
  service_ = std::make_unique<Service>(std::move(*store), options);
  std::ostringstream setup;
  ASSERT_TRUE(service_->Start(now_, setup).ok());

  // Two departments that have open alerts.
  {
    auto lock = service_->Lock();
    store::AlertQuery q;
    q.state = "open";
    q.limit = store::kMaxPageSize;
    std::map<std::string, int> by_dept;
    std::optional<std::int64_t> cursor;
    do {
      q.after_id = cursor;
      auto page = service_->store().workflow().SearchAlerts(q, store::Scope::All());
      ASSERT_TRUE(page.ok());
      for (const auto& a : page->alerts) ++by_dept[a.dept_code];
      cursor = page->next_cursor;
    } while (cursor);
    ASSERT_GE(by_dept.size(), 2u) << "the demo city should have alerts in several departments";
    dept_a_ = by_dept.begin()->first;
    dept_b_ = std::next(by_dept.begin())->first;
    struct U {
      const char* name;
      auth::Role role;
      std::string dept;
    };
    for (const U& u : {U{"sup", auth::Role::kSupervisor, ""}, U{"officer_a", auth::Role::kDeptOfficer, dept_a_},
                       U{"officer_b", auth::Role::kDeptOfficer, dept_b_}, U{"assessor", auth::Role::kAssessor, ""},
                       U{"desk", auth::Role::kComplaintDesk, ""}, U{"sys", auth::Role::kSysAdmin, ""},
                       U{"sec", auth::Role::kSecAdmin, ""}, U{"aud", auth::Role::kAuditor, ""}}) {
      auth::NewUser user;
      user.name = u.name;
      user.role = u.role;
      user.dept_code = u.dept;
      user.password = kPassword;
      user.must_change_password = false;
      auto created = service_->auth().AddUser(user, now_);
      ASSERT_TRUE(created.ok()) << u.name << ": " << created.status().ToString();
    }
  }

  HttpOptions http;
  http.host = "127.0.0.1";
  http.port = 0;
  http.threads = 16;
  http.asset_dir = dir_.File("web");
  std::filesystem::create_directories(http.asset_dir + "/assets");
  std::ofstream(http.asset_dir + "/index.html") << "<!doctype html><title>Oversight</title>";
  std::ofstream(http.asset_dir + "/assets/app-1234.js") << "console.log('ok')";
  std::ofstream(dir_.File("secret.txt")) << "outside the asset folder";
  http_ = std::make_unique<HttpServer>(*service_, http, [this] { return now_; });
  auto port = http_->Bind();
  ASSERT_TRUE(port.ok());
  port_ = *port;
  listener_ = std::thread([this] { (void)http_->Listen(); });
  // Stop() before the listener runs would leave it listening: wait until it answers.
  httplib::Client probe("127.0.0.1", port_);
  bool up = false;
  for (int i = 0; i < 500 && !up; ++i) {
    auto r = probe.Get("/healthz");
    up = r && r->status == 200;
    if (!up) std::this_thread::yield();
  }
  ASSERT_TRUE(up) << "the server did not start";
}

void ServerTest::TearDown() {
  if (http_) http_->Stop();
  if (listener_.joinable()) listener_.join();
}

namespace {

Answer ToAnswer(const httplib::Result& r) {
  Answer a;
  if (!r) return a;
  a.status = r->status;
  a.body = r->body;
  a.headers = r->headers;
  a.json = nlohmann::json::parse(r->body, nullptr, false);
  if (a.json.is_discarded()) a.json = nullptr;
  return a;
}

httplib::Headers WithSession(const Session* s, httplib::Headers headers, bool write) {
  if (s) {
    headers.emplace("Cookie", "ovs_session=" + s->cookie);
    if (write) headers.emplace("X-CSRF-Token", s->csrf);
  }
  return headers;
}

}  // namespace

Session ServerTest::SignIn(const std::string& name, const std::string& password) {
  Answer a = Send("POST", "/api/v1/session",
                  nlohmann::json{{"name", name}, {"password", password}}.dump(), nullptr);
  Session s;
  EXPECT_EQ(a.status, 200) << name << ": " << a.body;
  if (a.status != 200) return s;
  for (const auto& [k, v] : a.headers) {
    if (k == "Set-Cookie" && v.rfind("ovs_session=", 0) == 0) {
      s.cookie = v.substr(12, v.find(';') - 12);
    }
  }
  s.csrf = a.json.value("csrf_token", "");
  return s;
}

Answer ServerTest::Get(const std::string& path, const Session* session, const httplib::Headers& extra) {
  httplib::Client client("127.0.0.1", port_);
  return ToAnswer(client.Get(path.c_str(), WithSession(session, extra, false)));
}

Answer ServerTest::Send(const std::string& method, const std::string& path, const std::string& body,
                        const Session* session, const std::string& content_type,
                        const httplib::Headers& extra) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60, 0);
  httplib::Headers headers = WithSession(session, extra, true);
  if (method == "POST") return ToAnswer(client.Post(path.c_str(), headers, body, content_type.c_str()));
  if (method == "PUT") return ToAnswer(client.Put(path.c_str(), headers, body, content_type.c_str()));
  if (method == "DELETE") return ToAnswer(client.Delete(path.c_str(), headers, body, content_type.c_str()));
  return {};
}

std::int64_t ServerTest::AlertOf(const std::string& dept, const std::string& state) {
  auto lock = service_->Lock();
  store::AlertQuery q;
  q.state = state;
  q.dept_code = dept;
  q.limit = 1;
  auto page = service_->store().workflow().SearchAlerts(q, store::Scope::All());
  if (!page.ok() || page->alerts.empty()) return 0;
  return page->alerts.front().id;
}

}  // namespace oversight::server::testing
