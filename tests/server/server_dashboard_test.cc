// The dashboard (its figures recounted here from the events, a different path
// from the store's summary columns), the public progress lookup, and when an
// unanswered alert escalates on a store judged for the first time.

#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "calendar/zone.h"
#include "scoring/case_facts.h"
#include "store/alert_workflow_store.h"
#include "store/dashboard_store.h"
#include "store/rating_store.h"
#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;
using model::EventType;

base::Instant At(std::string_view text) { return *base::ParseInstant(text); }

// ---- escalation counts from when the alert was stored -------------------------

TEST_F(ServerTest, AlertsOfOldHistoryEscalateOnlyWorkingDaysAfterTheyWereStored) {
  // The fixture judged four months of history at its start: every alert was
  // stored (noticed) then, however long ago it became true.
  auto open_cards = [&] {
    auto lock = service().Lock();
    store::AlertFilter filter;
    filter.state = "open";
    filter.limit = INT64_MAX;
    std::vector<store::AlertRecord> out;
    std::vector<store::AlertRecord> listed = *service().store().ListAlerts(filter);
    for (store::AlertRecord& a : listed) {
      if (a.level != "notice") out.push_back(std::move(a));
    }
    return out;
  };
  const std::vector<store::AlertRecord> before = open_cards();
  ASSERT_FALSE(before.empty());
  const store::AlertRecord& card = before.front();
  EXPECT_LT(card.raised_at, now() - std::chrono::days(7));
  Session sup = SignIn("sup");
  Answer alert = Get("/api/v1/alerts/" + std::to_string(card.id), &sup);
  ASSERT_EQ(alert.status, 200) << alert.body;
  EXPECT_EQ(alert.json["alert"]["noticed_at"], base::FormatInstantUtc(now()));

  service().RunJobs(now());  // the first job run of a freshly loaded store escalates nothing
  EXPECT_EQ(open_cards().size(), before.size());
  // Stored Tue 2025-05-06: Wed 07, Thu 08, Fri 09 are the three working days.
  Advance(At("2025-05-09T23:59:00+08:00") - now());
  service().RunJobs(now());
  EXPECT_EQ(AlertOf(card.dept_code, "escalated"), 0);
  Advance(At("2025-05-10T00:00:00+08:00") - now());
  service().RunJobs(now());
  sup = SignIn("sup");  // four days on: the session has timed out
  Answer escalated = Get("/api/v1/alerts/" + std::to_string(card.id), &sup);
  EXPECT_EQ(escalated.json["alert"]["state"], "escalated") << escalated.body;
}

// ---- the public progress lookup ------------------------------------------------

// A valid 18-character identity number (GB 11643) ending in "123" and its check character.
std::string IdNumber() {
  const std::string body = "44520219900101123";
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * kWeights[i];
  return body + "10X98765432"[sum % 11];
}

class PublicLookupTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    {
      auto lock = service().Lock();
      const std::vector<model::Item> listed = *service().store().ListItems();
      for (const model::Item& i : listed) {
        if (i.dept_code == dept_a() && i.promised_limit && i.statutory_limit) item_ = i;
      }
    }
    ASSERT_FALSE(item_.code.empty());
    Session sys = SignIn("sys");
    Answer token = Post("/api/v1/tokens", json{{"name", "hall"}, {"source", "hall"}}, sys);
    const httplib::Headers bearer{{"Authorization", "Bearer " + token.json["token"].get<std::string>()}};
    auto event = [&](const char* id, const char* type, const char* at, json attrs) {
      return json{{"case_id", "Q-1"}, {"source_event_id", id}, {"type", type}, {"at", at},
                  {"dept", dept_a()}, {"item", item_.code}, {"actor", "窗口王五"},
                  {"channel", "window"}, {"attrs", attrs}};
    };
    json events = json::array(
        {event("1", "submit", "2025-04-01T09:00:00+08:00",
               {{"applicant_id", id_number_}, {"applicant_name", "张三丰"}, {"applicant_phone", "138 1234 5678"}}),
         event("2", "accept", "2025-04-01T10:00:00+08:00", json::object())});
    Answer pushed = Send("POST", "/api/v1/events", json{{"events", events}}.dump(), nullptr,
                         "application/json", bearer);
    ASSERT_EQ(pushed.json["stored"], 2) << pushed.body;
  }

  model::Item item_;
  const std::string id_number_ = IdNumber();
};

TEST_F(PublicLookupTest, TheApplicantFindsTheCaseByIdDigitsOrPhoneDigitsSignedOut) {
  const std::string by_id = id_number_.substr(14);  // "123" and the check character
  Answer a = Get("/api/v1/public/cases/Q-1?check=" + by_id);  // no session
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["id"], "Q-1");
  EXPECT_EQ(a.json["item"]["code"], item_.code);
  EXPECT_EQ(a.json["item"]["name"], item_.name);
  EXPECT_FALSE(a.json["department"]["name"].get<std::string>().empty());
  EXPECT_EQ(a.json["channel"], "window");
  EXPECT_EQ(a.json["stage"], "accept");
  EXPECT_EQ(a.json["accepted_at"], "2025-04-01T02:00:00Z");
  // The dues as the calendar counts them from the acceptance, with their units.
  const base::Instant accepted = At("2025-04-01T10:00:00+08:00");
  const base::Instant promised = service().calendar().Due(accepted, *item_.promised_limit, {})->due;
  const base::Instant statutory = service().calendar().Due(accepted, *item_.statutory_limit, {})->due;
  EXPECT_EQ(a.json["promised_due"]["amount"], item_.promised_limit->amount);
  EXPECT_EQ(a.json["promised_due"]["unit"], std::string(model::LimitUnitName(item_.promised_limit->unit)));
  EXPECT_EQ(a.json["promised_due"]["at"], base::FormatInstantUtc(promised));
  EXPECT_EQ(a.json["statutory_due"]["at"], base::FormatInstantUtc(statutory));
  EXPECT_EQ(a.json["overdue"], now() >= promised);
  EXPECT_TRUE(a.json["concluded_at"].is_null());
  EXPECT_TRUE(a.json["result"].is_null());
  ASSERT_EQ(a.json["timeline"].size(), 2u);
  EXPECT_EQ(a.json["timeline"][0], (json{{"type", "submit"}, {"at", "2025-04-01T01:00:00Z"}}));
  // Nothing personal, no staff, no alerts.
  for (const std::string& secret : {std::string("张三丰"), std::string("王五"), id_number_, id_number_.substr(0, 6),
                                    std::string("1381234"), std::string("138 1234"), std::string("applicant"),
                                    std::string("actor"), std::string("alert"), std::string("attrs")}) {
    EXPECT_EQ(a.body.find(secret), std::string::npos) << secret << " in " << a.body;
  }
  // The check character may be given in lower case; the phone's last four digits work too.
  std::string lower = by_id;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  EXPECT_EQ(Get("/api/v1/public/cases/Q-1?check=" + lower).status, 200);
  Answer by_phone = Get("/api/v1/public/cases/Q-1?check=5678");
  EXPECT_EQ(by_phone.status, 200) << by_phone.body;
  EXPECT_EQ(by_phone.body, a.body);
}

TEST_F(PublicLookupTest, AWrongCheckLooksExactlyLikeAnUnknownCase) {
  Answer wrong = Get("/api/v1/public/cases/Q-1?check=0000");
  Answer unknown = Get("/api/v1/public/cases/NO-SUCH-CASE?check=" + id_number_.substr(14));
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(wrong.json["error"]["code"], "not_found");
  EXPECT_EQ(wrong.body, unknown.body);
  // A complaint is not an application: its own lookup (with a code) is the way in.
  std::string complaint;
  {
    auto lock = service().Lock();
    store::CaseQuery q;
    q.kind = model::CaseKind::kComplaint;
    q.limit = 1;
    auto page = service().store().workflow().SearchCases(q, store::Scope::All());
    ASSERT_TRUE(page.ok() && !page->cases.empty());
    complaint = page->cases.front().id;
  }
  EXPECT_EQ(Get("/api/v1/public/cases/" + complaint + "?check=0000").body, unknown.body);
}

TEST_F(PublicLookupTest, AMalformedCheckIsABadRequestNamingIt) {
  for (const char* check : {"", "123", "12345", "12a4", "X12%2A"}) {
    Answer a = Get(std::string("/api/v1/public/cases/Q-1?check=") + check);
    EXPECT_EQ(a.status, 400) << check;
    EXPECT_EQ(a.json["error"]["field"], "check") << check;
  }
  EXPECT_EQ(Get("/api/v1/public/cases/Q-1").json["error"]["field"], "check");
}

// ---- the dashboard ---------------------------------------------------------------

// The figures recounted from every case's events (ScanCases + SummariseCase),
// the alerts and the ratings, in the same JSON shape as the route's.
json Recount(Service& svc, base::Instant now, const store::Scope& scope) {
  using namespace std::chrono;
  auto lock = svc.Lock();
  store::Store& st = svc.store();
  const calendar::Zone zone = *calendar::Zone::Locate(svc.options().zone);
  const base::Date today = zone.LocalDate(now);
  const year_month_day ymd{today};
  const year_month month{ymd.year(), ymd.month()};
  auto start = [&](year_month m) { return zone.StartOfLocalDay(sys_days{m / 1}); };
  const base::Instant day_from = zone.StartOfLocalDay(today);
  const base::Instant day_to = zone.StartOfLocalDay(today + days{1});
  std::vector<base::Instant> bounds;
  for (int i = 11; i >= 0; --i) bounds.push_back(start(month - months{i}));
  bounds.push_back(start(month + months{1}));
  std::map<std::string, model::Item> items;
  const std::vector<model::Item> listed_items = *st.ListItems();
  for (const model::Item& i : listed_items) items[i.code] = i;
  std::map<std::string, std::string> dept_names;
  const std::vector<model::Department> listed_depts = *st.ListDepartments();
  for (const model::Department& d : listed_depts) dept_names[d.code] = d.name;
  store::AlertFilter all_alerts;
  all_alerts.limit = INT64_MAX;
  const std::vector<store::AlertRecord> alerts = *st.ListAlerts(all_alerts);
  std::set<std::string> carded;  // cases with a yellow or red card not withdrawn
  for (const store::AlertRecord& a : alerts) {
    if (a.level != "notice" && a.state != "withdrawn") carded.insert(a.case_id);
  }

  std::map<int, std::int64_t> stages_today, stages_month;
  std::vector<std::int64_t> concluded(12), on_time(12);
  std::map<std::string, std::int64_t> overdue;
  std::int64_t registered = 0, fed_back = 0, overdue_open = 0;
  EXPECT_TRUE(st.ScanCases([&](std::vector<store::StoredEvent>& events) {
    const model::Event& first = events.front().event;
    if (!scope.Allows(first.dept_code)) return true;
    const base::Instant first_at = first.at;
    const EventType stage = events.back().event.type;
    if (first.kind == model::CaseKind::kComplaint && first_at >= bounds[11] && first_at < bounds[12]) {
      ++registered;
      std::optional<base::Instant> feedback;
      for (const auto& e : events) {
        if (e.event.type == EventType::kComplaintFeedback && !feedback) feedback = e.event.at;
      }
      if (feedback && *feedback < first_at + hours{24}) ++fed_back;
      if (stage != EventType::kComplaintResolved && carded.contains(first.case_id)) ++overdue_open;
    }
    if (first.kind != model::CaseKind::kApproval) return true;
    if (first_at >= day_from && first_at < day_to) ++stages_today[static_cast<int>(stage)];
    if (first_at >= bounds[11] && first_at < bounds[12]) ++stages_month[static_cast<int>(stage)];
    auto item = items.find(first.item_code);
    scoring::CaseFacts facts = scoring::SummariseCase(
        events, item == items.end() ? nullptr : &item->second, &svc.calendar());
    if (facts.concluded_at && facts.promised_due && facts.First(EventType::kComplete) == facts.concluded_at) {
      for (int m = 0; m < 12; ++m) {
        if (*facts.concluded_at >= bounds[m] && *facts.concluded_at < bounds[m + 1]) {
          ++concluded[m];
          on_time[m] += *facts.concluded_at < *facts.promised_due;
        }
      }
    }
    if (!facts.concluded_at && facts.promised_due && *facts.promised_due <= now) ++overdue[first.item_code];
    return true;
  }).ok());

  auto stages_json = [](const std::map<int, std::int64_t>& counts) {
    json by_stage = json::array();
    std::int64_t total = 0;
    for (const auto& [stage, n] : counts) {
      by_stage.push_back({{"stage", std::string(model::EventTypeName(static_cast<EventType>(stage)))}, {"count", n}});
      total += n;
    }
    return json{{"total", total}, {"by_stage", by_stage}};
  };
  std::map<std::string, json> by_dept;
  for (const store::AlertRecord& a : alerts) {
    if (!scope.Allows(a.dept_code)) continue;
    if (a.state != "open" && a.state != "responded" && a.state != "escalated" && a.state != "accountability") continue;
    json& row = by_dept[a.dept_code];
    if (row.is_null()) {
      row = {{"dept_code", a.dept_code}, {"dept_name", dept_names[a.dept_code]}, {"notice", 0}, {"yellow", 0}, {"red", 0}, {"total", 0}};
    }
    row[a.level] = row[a.level].get<std::int64_t>() + 1;
    row["total"] = row["total"].get<std::int64_t>() + 1;
  }
  json alerts_open = json::array();
  for (auto& [code, row] : by_dept) alerts_open.push_back(row);
  std::vector<std::pair<std::string, std::int64_t>> top(overdue.begin(), overdue.end());
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (top.size() > 10) top.resize(10);
  json top_json = json::array();
  for (const auto& [code, n] : top) {
    top_json.push_back({{"item_code", code}, {"item_name", items.contains(code) ? items[code].name : ""}, {"overdue", n}});
  }
  json on_time_json = json::array(), ratings_json = json::array();
  for (int m = 0; m < 12; ++m) {
    on_time_json.push_back({{"concluded", concluded[m]}, {"on_time", on_time[m]}});
    store::RatingQuery rq;
    rq.from = bounds[m];
    rq.to = bounds[m + 1];
    store::RatingSummary s = *st.ratings().Summarise(rq, scope);
    ratings_json.push_back({{"ratings", s.count}, {"average_level", s.average_level ? json(*s.average_level) : json(nullptr)}});
  }
  return {{"cases_today", stages_json(stages_today)},
          {"cases_month", stages_json(stages_month)},
          {"alerts_open", alerts_open},
          {"on_time", on_time_json},
          {"top_overdue_items", top_json},
          {"complaint_sla", {{"registered", registered}, {"fed_back_within_24h", fed_back}, {"overdue_open", overdue_open}}},
          {"ratings", ratings_json}};
}

// The route's answer in the recount's shape (labels and derived rates checked apart).
json Figures(const json& d) {
  auto stages = [](const json& s) { return json{{"total", s["total"]}, {"by_stage", s["by_stage"]}}; };
  json on_time = json::array(), ratings = json::array();
  for (const json& m : d["on_time_trend"]) on_time.push_back({{"concluded", m["concluded"]}, {"on_time", m["on_time"]}});
  for (const json& m : d["satisfaction_trend"]) ratings.push_back({{"ratings", m["ratings"]}, {"average_level", m["average_level"]}});
  const json& sla = d["complaint_sla"];
  return {{"cases_today", stages(d["cases_today"])},
          {"cases_month", stages(d["cases_month"])},
          {"alerts_open", d["alerts_open"]},
          {"on_time", on_time},
          {"top_overdue_items", d["top_overdue_items"]},
          {"complaint_sla", {{"registered", sla["registered"]}, {"fed_back_within_24h", sla["fed_back_within_24h"]}, {"overdue_open", sla["overdue_open"]}}},
          {"ratings", ratings}};
}

class DashboardTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto lock = service().Lock();
    // Ratings in two months, so the trend has something to average.
    int n = 0;
    for (const char* at : {"2025-03-03T10:00:00+08:00", "2025-03-20T10:00:00+08:00", "2025-04-02T10:00:00+08:00"}) {
      for (const std::string& dept : {dept_a(), dept_b()}) {
        store::RatingRecord r;
        r.dept_code = dept;
        r.level = 1 + (n++ % 5);
        r.channel = "pc";
        r.rater = "public";
        r.rated_at = At(at);
        ASSERT_TRUE(service().store().ratings().AddRating(r).ok());
      }
    }
  }
};

TEST_F(DashboardTest, FiguresEqualARecountFromTheEvents) {
  Session sup = SignIn("sup");
  // On the fixture's day, and on a day in the middle of the demo history (the
  // clock moved back) where today's and this month's figures are not empty.
  for (const base::Instant at : {now(), At("2025-03-19T15:00:00+08:00")}) {
    Advance(at - now());
    Answer d = Get("/api/v1/dashboard", &sup);
    ASSERT_EQ(d.status, 200) << d.body;
    EXPECT_EQ(d.json["as_of"], base::FormatInstantUtc(now()));
    const json expected = Recount(service(), now(), store::Scope::All());
    EXPECT_EQ(Figures(d.json), expected) << base::FormatInstantUtc(now());
    ASSERT_EQ(d.json["on_time_trend"].size(), 12u);
    EXPECT_EQ(d.json["on_time_trend"][11]["month"], d.json["cases_month"]["month"]);
    EXPECT_EQ(d.json["satisfaction_trend"][0]["month"].get<std::string>().size(), 7u);
  }
  // Not empty where it matters, or the comparison proves little.
  const json mid = Recount(service(), now(), store::Scope::All());
  EXPECT_GT(mid["cases_today"]["total"].get<std::int64_t>(), 0);
  EXPECT_GT(mid["cases_month"]["total"].get<std::int64_t>(), 0);
  EXPECT_GT(mid["complaint_sla"]["registered"].get<std::int64_t>(), 0);
  EXPECT_FALSE(mid["alerts_open"].empty());
  // (Every demo case runs to its end, so none is overdue and open: see the next tests.)
  std::int64_t concluded = 0;
  for (const json& m : mid["on_time"]) concluded += m["concluded"].get<std::int64_t>();
  EXPECT_GT(concluded, 0);
  EXPECT_EQ(mid["ratings"][11]["ratings"], 4);  // March: two departments, two days each
}

TEST_F(DashboardTest, ADepartmentOfficerSeesTheirDepartmentOnly) {
  Advance(At("2025-03-19T15:00:00+08:00") - now());
  Session officer = SignIn("officer_a");
  Answer d = Get("/api/v1/dashboard", &officer);
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(Figures(d.json), Recount(service(), now(), store::Scope::Departments({dept_a()})));
  ASSERT_EQ(d.json["alerts_open"].size(), 1u);
  EXPECT_EQ(d.json["alerts_open"][0]["dept_code"], dept_a());
  Session sup = SignIn("sup");
  Answer all = Get("/api/v1/dashboard", &sup);
  EXPECT_GT(all.json["cases_month"]["total"].get<std::int64_t>(), d.json["cases_month"]["total"].get<std::int64_t>());
  EXPECT_EQ(Get("/api/v1/dashboard").status, 401);
  EXPECT_EQ(Get("/api/v1/dashboard", &officer).json["satisfaction_trend"][11]["ratings"], 2);
}

TEST_F(DashboardTest, NewEventsReachTheFiguresThroughTheJobs) {
  Session sys = SignIn("sys");
  Answer token = Post("/api/v1/tokens", json{{"name", "hall"}, {"source", "hall"}}, sys);
  const httplib::Headers bearer{{"Authorization", "Bearer " + token.json["token"].get<std::string>()}};
  std::string item;
  {
    auto lock = service().Lock();
    const std::vector<model::Item> listed = *service().store().ListItems();
    for (const model::Item& i : listed) {
      if (i.dept_code == dept_a() && i.promised_limit) item = i.code;
    }
  }
  // Accepted long ago and never completed (overdue now); and submitted today.
  json events = json::array();
  for (int i = 0; i < 3; ++i) {
    const std::string id = "N-" + std::to_string(i);
    events.push_back({{"case_id", id}, {"source_event_id", id + "a"}, {"type", "submit"}, {"at", "2025-01-06T08:00:00+08:00"}, {"dept", dept_a()}, {"item", item}});
    events.push_back({{"case_id", id}, {"source_event_id", id + "b"}, {"type", "accept"}, {"at", "2025-01-06T09:00:00+08:00"}, {"dept", dept_a()}, {"item", item}});
    const std::string today = "T-" + std::to_string(i);
    events.push_back({{"case_id", today}, {"source_event_id", today}, {"type", "submit"}, {"at", "2025-05-06T08:00:00+08:00"}, {"dept", dept_a()}, {"item", item}});
  }
  ASSERT_EQ(Send("POST", "/api/v1/events", json{{"events", events}}.dump(), nullptr, "application/json", bearer).json["stored"], 9);
  service().RunJobs(now());
  Session sup = SignIn("sup");
  Answer d = Get("/api/v1/dashboard", &sup);
  EXPECT_EQ(Figures(d.json), Recount(service(), now(), store::Scope::All()));
  EXPECT_GE(d.json["cases_today"]["total"].get<std::int64_t>(), 3);
  bool listed = false;
  for (const json& i : d.json["top_overdue_items"]) listed = listed || i["item_code"] == item;
  EXPECT_TRUE(listed) << d.json["top_overdue_items"];
}

}  // namespace
}  // namespace oversight::server::testing
