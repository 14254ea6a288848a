// The calendar over HTTP: a year day by day for anyone (the portal counts
// deadlines on it), and local closures that the catalog administrator adds,
// which the store keeps and the service's calendar and engine then count.
// Also the public catalog and the security administrator's list of accounts.

#include "store/ops_log.h"
#include "supervisor/engine_setup.h"
#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;

const json* DayOf(const Answer& year, const std::string& date) {
  for (const json& d : year.json["days"]) {
    if (d["date"] == date) return &d;
  }
  return nullptr;
}

TEST_F(ServerTest, CalendarYearListsEveryDayWithItsKindForAnyone) {
  Answer year = Get("/api/v1/calendar/year?year=2025");  // no sign-in
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_EQ(year.json["year"], 2025);
  EXPECT_EQ(year.json["zone"], "Asia/Shanghai");
  ASSERT_EQ(year.json["days"].size(), 365u);
  EXPECT_EQ(year.json["days"].front()["date"], "2025-01-01");
  EXPECT_EQ(year.json["days"].back()["date"], "2025-12-31");

  const json* spring = DayOf(year, "2025-01-29");
  ASSERT_NE(spring, nullptr);
  EXPECT_EQ((*spring)["working"], false);
  EXPECT_EQ((*spring)["kind"], "holiday");
  EXPECT_EQ((*spring)["name"], "春节");
  const json* makeup = DayOf(year, "2025-01-26");  // a Sunday made working
  EXPECT_EQ((*makeup)["working"], true);
  EXPECT_EQ((*makeup)["kind"], "makeup");
  EXPECT_EQ((*makeup)["name"], "春节调休上班");
  const json* saturday = DayOf(year, "2025-01-25");
  EXPECT_EQ((*saturday)["kind"], "weekend");
  EXPECT_EQ((*saturday)["name"], "");
  const json* friday = DayOf(year, "2025-01-24");
  EXPECT_EQ((*friday)["kind"], "workday");
  EXPECT_EQ((*friday)["working"], true);

  // 2024 is a leap year.
  EXPECT_EQ(Get("/api/v1/calendar/year?year=2024").json["days"].size(), 366u);
}

TEST_F(ServerTest, CalendarYearRefusesMalformedAndUncoveredYears) {
  const int last = service().calendar().last_year();
  Answer uncovered = Get("/api/v1/calendar/year?year=" + std::to_string(last + 5));
  EXPECT_EQ(uncovered.status, 404);
  EXPECT_EQ(uncovered.json["error"]["field"], "year");
  for (const char* bad : {"", "?year=", "?year=20x5", "?year=25", "?year=-2025", "?year=20250"}) {
    Answer a = Get(std::string("/api/v1/calendar/year") + bad);
    EXPECT_EQ(a.status, 400) << bad;
    EXPECT_EQ(a.json["error"]["field"], "year") << bad;
  }
}

TEST_F(ServerTest, ClosureBecomesARestDayForTheCalendarAndDeadlines) {
  Session sys = SignIn("sys");
  // Tue 2025-05-06 10:00 + 1 working day: Wednesday the 7th, until the closure.
  const std::string due_path = "/api/v1/calendar/due?start=2025-05-06T10:00:00%2B08:00&limit=1";
  EXPECT_EQ(Get(due_path, &sys).json["last_day"], "2025-05-07");

  Answer added = Post("/api/v1/calendar/closures", {{"date", "2025-05-07"}, {"reason", "台风停工"}}, sys);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json["kind"], "closure");
  EXPECT_EQ(added.json["name"], "台风停工");

  Answer year = Get("/api/v1/calendar/year?year=2025");
  const json* closed = DayOf(year, "2025-05-07");
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ((*closed)["working"], false);
  EXPECT_EQ((*closed)["kind"], "closure");
  EXPECT_EQ((*closed)["name"], "台风停工");
  EXPECT_EQ(Get("/api/v1/calendar/working-day?date=2025-05-07", &sys).json["working"], false);
  EXPECT_EQ(Get(due_path, &sys).json["last_day"], "2025-05-08");

  // Kept in the store, so an engine built later (a restart, `oversight run`) counts it too.
  {
    auto lock = service().Lock();
    auto rows = service().store().ListClosures();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(base::FormatDate(rows->front().date), "2025-05-07");
    EXPECT_EQ(rows->front().created_by, "sys");
    auto cal = supervisor::LoadStoreCalendar(service().store(), service().options().engine);
    ASSERT_TRUE(cal.ok()) << cal.status().ToString();
    EXPECT_FALSE(*cal->IsWorkingDay(rows->front().date));

    store::OpsQuery q;
    q.action_prefix = "calendar.closure";
    auto ops = service().store().ops_log().Query(q);
    ASSERT_TRUE(ops.ok());
    ASSERT_EQ(ops->size(), 1u);
    EXPECT_EQ(ops->front().actor, "sys");
    EXPECT_EQ(ops->front().object, "date:2025-05-07");
  }

  // The same date again, a weekend and a holiday are refused, naming the date.
  Answer twice = Post("/api/v1/calendar/closures", {{"date", "2025-05-07"}, {"reason", "again"}}, sys);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json["error"]["field"], "date");
  Answer weekend = Post("/api/v1/calendar/closures", {{"date", "2025-05-10"}, {"reason", "x"}}, sys);
  EXPECT_EQ(weekend.status, 409);
  EXPECT_EQ(weekend.json["error"]["field"], "date");
  EXPECT_EQ(Post("/api/v1/calendar/closures", {{"date", "2025-10-01"}, {"reason", "x"}}, sys).status, 409);
}

TEST_F(ServerTest, ClosureInputIsCheckedAndNeedsTheCatalogPermission) {
  Session sys = SignIn("sys");
  struct Bad {
    json body;
    const char* field;
  };
  const int last = service().calendar().last_year();
  for (const Bad& bad : {Bad{{{"date", "2025-13-01"}, {"reason", "x"}}, "date"},
                         Bad{{{"date", "2025-05-07"}}, "reason"},
                         Bad{{{"reason", "x"}}, "date"},
                         Bad{{{"date", std::to_string(last + 3) + "-03-01"}, {"reason", "x"}}, "date"},
                         Bad{{{"date", "2025-05-07"}, {"reason", "x"}, {"working", true}}, "working"}}) {
    Answer a = Post("/api/v1/calendar/closures", bad.body, sys);
    EXPECT_EQ(a.status, 400) << bad.body.dump();
    EXPECT_EQ(a.json["error"]["field"], bad.field) << bad.body.dump();
  }
  Session sup = SignIn("sup");
  EXPECT_EQ(Post("/api/v1/calendar/closures", {{"date", "2025-05-07"}, {"reason", "x"}}, sup).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/calendar/closures", R"({"date":"2025-05-07","reason":"x"})", nullptr).status,
            401);
  // Nothing was added by the refused calls.
  auto lock = service().Lock();
  EXPECT_TRUE(service().store().ListClosures()->empty());
}

TEST_F(ServerTest, PublicCatalogListsDepartmentsWithTheirItems) {
  Answer catalog = Get("/api/v1/public/catalog");  // no sign-in
  ASSERT_EQ(catalog.status, 200) << catalog.body;
  std::size_t departments = 0;
  std::size_t items = 0;
  {
    auto lock = service().Lock();
    departments = service().store().ListDepartments()->size();
    items = service().store().ListItems()->size();
  }
  ASSERT_EQ(catalog.json["departments"].size(), departments);
  std::size_t listed = 0;
  for (const json& d : catalog.json["departments"]) {
    EXPECT_FALSE(d["name"].get<std::string>().empty());
    for (const json& i : d["items"]) {
      EXPECT_EQ(i.size(), 2u);  // code and name only
      ++listed;
    }
  }
  EXPECT_EQ(listed, items);
}

TEST_F(ServerTest, SecurityAdministratorListsAccountsToAssignRoles) {
  Session sec = SignIn("sec");
  EXPECT_EQ(Get("/api/v1/users", &sec).status, 403);  // creating and locking is the sysadmin's
  Answer list = Get("/api/v1/role-assignments", &sec);
  ASSERT_EQ(list.status, 200) << list.body;
  std::int64_t officer = 0;
  for (const json& u : list.json) {
    EXPECT_FALSE(u.contains("password"));
    if (u["name"] == "officer_a") {
      officer = u["id"].get<std::int64_t>();
      EXPECT_EQ(u["role"], "dept_officer");
      EXPECT_EQ(u["dept_code"], dept_a());
    }
  }
  ASSERT_GT(officer, 0);
  Answer moved = Send("PUT", "/api/v1/users/" + std::to_string(officer) + "/role",
                      json{{"role", "dept_officer"}, {"dept_code", dept_b()}}.dump(), &sec);
  ASSERT_EQ(moved.status, 200) << moved.body;
  for (const json& u : Get("/api/v1/role-assignments", &sec).json) {
    if (u["name"] == "officer_a") {
      EXPECT_EQ(u["dept_code"], dept_b());
    }
  }
  Session sys = SignIn("sys");
  EXPECT_EQ(Get("/api/v1/role-assignments", &sys).status, 403);
}

}  // namespace
}  // namespace oversight::server::testing
