// Complaints (投诉举报) and satisfaction ratings (好差评) over HTTP: the 24-hour first
// feedback across a weekend judged by the shipped rule, a complaint's life, a bad
// rating's rectification on time and late, its appeal upheld and rejected, the
// figures over the GB/T 39046 codes, department scoping, masking of the
// complainant, the public routes and refusals naming their field.

#include "tests/server/server_fixture.h"

#include <map>
#include <set>

#include "auth/authenticator.h"
#include "server/server_config.h"
#include "store/alert_workflow_store.h"
#include "store/complaint_store.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;

constexpr char kContact[] = "13812345678";
constexpr char kName[] = "张三丰";

class ComplaintsTest : public ServerTest {
 protected:
  // An item of `dept` from the catalog.
  std::string ItemOf(const std::string& dept) {
    auto lock = service().Lock();
    auto items = service().store().ListItems();
    for (const model::Item& i : *items) {
      if (i.dept_code == dept) return i.code;
    }
    ADD_FAILURE() << "no item of " << dept;
    return "";
  }

  // A new approval case of `dept`, submitted and delivered a month before the
  // fixture's start, whose applicant's identity number ends in `last4`.
  std::string MakeCase(const std::string& dept, const std::string& last4 = "1234") {
    const std::string id = "TEST-" + std::to_string(++cases_made_);
    const std::string item = ItemOf(dept);
    std::vector<model::Event> events;
    int n = 0;
    for (auto [type, at] : {std::pair{model::EventType::kSubmit, "2025-04-01T09:00:00+08:00"},
                            {model::EventType::kAccept, "2025-04-01T10:00:00+08:00"},
                            {model::EventType::kComplete, "2025-04-02T10:00:00+08:00"},
                            {model::EventType::kDeliver, "2025-04-03T10:00:00+08:00"}}) {
      model::Event e;
      e.source = "hall";
      e.source_event_id = id + "-" + std::to_string(++n);
      e.case_id = id;
      e.type = type;
      e.step_name = std::string(model::EventTypeName(type));
      e.at = *base::ParseInstant(at);
      e.dept_code = dept;
      e.item_code = item;
      e.channel = model::Channel::kOnline;
      e.attrs_json = type == model::EventType::kSubmit
                         ? R"({"applicant_type":"person","applicant_id_masked":"445202********)" + last4 + "\"}"
                         : "{}";
      events.push_back(e);
    }
    auto lock = service().Lock();
    EXPECT_TRUE(service().store().AppendBatch(events, now()).ok());
    return id;
  }
  int cases_made_ = 0;

  // Moves the clock to `local` (China Standard Time), which must not be earlier.
  void AdvanceTo(const std::string& local) {
    base::Instant to = *base::ParseInstant(local);
    ASSERT_GE(to, now());
    Advance(std::chrono::duration_cast<std::chrono::milliseconds>(to - now()));
  }

  json RegisterComplaint(const Session& desk, json changes = {}) {
    json body = {{"channel", "hotline"},
                 {"dept", dept_a()},
                 {"item", ItemOf(dept_a())},
                 {"content", "窗口工作人员态度差，要求重复提交材料"},
                 {"name", kName},
                 {"contact", kContact}};
    for (auto& [k, v] : changes.items()) {
      if (v.is_null()) {
        body.erase(k);
      } else {
        body[k] = v;
      }
    }
    Answer a = Post("/api/v1/complaints", body, desk);
    EXPECT_EQ(a.status, 201) << a.body;
    return a.json;
  }

  // The case's alerts, as the bureau sees them.
  json AlertsOf(const std::string& case_id) {
    Session sup = SignIn("sup");
    Answer a = Get("/api/v1/alerts?case=" + case_id, &sup);
    EXPECT_EQ(a.status, 200) << a.body;
    return a.json["items"];
  }
  static std::set<std::string> Levels(const json& alerts, const std::string& rule) {
    std::set<std::string> out;
    for (const json& a : alerts) {
      if (a["rule_id"] == rule) out.insert(a["level"].get<std::string>());
    }
    return out;
  }

  void RunJobs() { service().RunJobs(now()); }

  // Helpers sign in afresh: tests move the clock by hours and days, past the
  // session's idle timeout.
  json Step(const std::string& case_id, const std::string& step, const std::string& user, int expected = 200) {
    Session who = SignIn(user);
    Answer a = Post("/api/v1/rating-cases/" + case_id + "/steps", json{{"step", step}, {"text", "已处理：" + step}}, who);
    EXPECT_EQ(a.status, expected) << step << ": " << a.body;
    return a.json;
  }

  json Rate(const std::string& case_id, int level, int expected = 201) {
    Session desk = SignIn("desk");
    Answer a = Post("/api/v1/ratings", json{{"case_id", case_id}, {"level", level}, {"channel", "phone"},
                                            {"comment", "办事太慢"}}, desk);
    EXPECT_EQ(a.status, expected) << a.body;
    return a.json;
  }

  static constexpr char kFeedbackRule[] = "complaint.first-feedback-24h";
  static constexpr char kRectifyRule[] = "rating.rectify-within-5-days";
};

// ---- complaints -----------------------------------------------------------

// Received Friday 17:00, due Saturday 17:00: hours run on weekends.
TEST_F(ComplaintsTest, FirstFeedbackAfter24HoursAcrossTheWeekendIsLate) {
  AdvanceTo("2025-05-09T17:00:00+08:00");  // a Friday
  Session desk = SignIn("desk");
  const std::string id = RegisterComplaint(desk)["id"];
  EXPECT_EQ(id, "TS-1");
  AdvanceTo("2025-05-10T18:00:00+08:00");  // Saturday, 25 hours later
  Session officer = SignIn("officer_a");
  Answer fed = Post("/api/v1/complaints/" + id + "/feedback", json{{"text", "已电话联系投诉人"}}, officer);
  ASSERT_EQ(fed.status, 200) << fed.body;
  EXPECT_EQ(fed.json["state"], "fed_back");
  json alerts = AlertsOf(id);
  EXPECT_EQ(Levels(alerts, kFeedbackRule), (std::set<std::string>{"notice", "yellow"})) << alerts.dump();
  for (const json& a : alerts) {
    if (a["level"] == "yellow") {
      EXPECT_EQ(a["due"], "2025-05-10T09:00:00Z");  // Saturday 17:00 local
      EXPECT_EQ(a["dept_code"], dept_a());
    }
  }
}

TEST_F(ComplaintsTest, FirstFeedbackWithin24HoursAcrossTheWeekendIsOnTime) {
  AdvanceTo("2025-05-09T17:00:00+08:00");
  Session desk = SignIn("desk");
  const std::string id = RegisterComplaint(desk)["id"];
  AdvanceTo("2025-05-10T16:00:00+08:00");  // Saturday, 23 hours later
  Session officer = SignIn("officer_a");
  ASSERT_EQ(Post("/api/v1/complaints/" + id + "/feedback", json{{"text", "已回复"}}, officer).status, 200);
  AdvanceTo("2025-05-12T10:00:00+08:00");
  RunJobs();
  // Only the 4-hour warning (due Saturday 13:00, passed before the feedback).
  EXPECT_EQ(Levels(AlertsOf(id), kFeedbackRule), (std::set<std::string>{"notice"}));
}

TEST_F(ComplaintsTest, AnUnansweredComplaintGetsItsYellowCardWhenTheClockPasses) {
  AdvanceTo("2025-05-09T17:00:00+08:00");
  Session desk = SignIn("desk");
  const std::string id = RegisterComplaint(desk)["id"];
  AdvanceTo("2025-05-10T16:59:00+08:00");
  RunJobs();
  EXPECT_EQ(Levels(AlertsOf(id), kFeedbackRule), (std::set<std::string>{"notice"}));
  AdvanceTo("2025-05-10T17:01:00+08:00");
  RunJobs();
  EXPECT_EQ(Levels(AlertsOf(id), kFeedbackRule), (std::set<std::string>{"notice", "yellow"}));
}

TEST_F(ComplaintsTest, AComplaintIsFedBackResolvedRatedReopenedAndResolvedAgain) {
  Session desk = SignIn("desk");
  Session officer = SignIn("officer_a");
  const std::string id = RegisterComplaint(desk)["id"];
  const std::string base = "/api/v1/complaints/" + id;
  // Resolution comes after the first feedback.
  Answer early = Post(base + "/resolve", json{{"text", "已办结"}}, officer);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json["error"]["code"], "illegal_transition");
  ASSERT_EQ(Post(base + "/feedback", json{{"text", "已受理，正在核查"}}, officer).status, 200);
  Advance(hours(30));
  desk = SignIn("desk");
  officer = SignIn("officer_a");
  Answer resolved = Post(base + "/resolve", json{{"text", "经核查属实，已批评教育"}}, officer);
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json["state"], "resolved");
  // Satisfaction: the desk asks once per resolution.
  EXPECT_EQ(Post(base + "/satisfaction", json{{"level", 2}}, officer).status, 403);
  Answer rated = Post(base + "/satisfaction", json{{"level", 4}, {"comment", "处理太慢"}}, desk);
  ASSERT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(rated.json["level_name"], "不满意");
  EXPECT_EQ(Post(base + "/satisfaction", json{{"level", 2}}, desk).status, 409);
  // The department may not reopen; the desk does.
  EXPECT_EQ(Post(base + "/reopen", json{{"text", "投诉人不满意"}}, officer).status, 403);
  Advance(hours(1));
  desk = SignIn("desk");
  officer = SignIn("officer_a");
  Answer reopened = Post(base + "/reopen", json{{"text", "投诉人不满意，重新办理"}}, desk);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.json["state"], "reopened");
  EXPECT_EQ(Post(base + "/satisfaction", json{{"level", 2}}, desk).status, 409);  // not resolved now
  Advance(hours(1));
  desk = SignIn("desk");
  officer = SignIn("officer_a");
  ASSERT_EQ(Post(base + "/resolve", json{{"text", "已重新处理"}}, officer).status, 200);
  Advance(hours(1));
  desk = SignIn("desk");
  ASSERT_EQ(Post(base + "/satisfaction", json{{"level", 2}}, desk).status, 201);
  Answer one = Get(base, &desk);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json["state"], "resolved");
  EXPECT_EQ(one.json["satisfaction"]["level"], 2);
  ASSERT_EQ(one.json["timeline"].size(), 5u);
  EXPECT_EQ(one.json["timeline"][4]["type"], "complaint_resolved");
  EXPECT_FALSE(one.json["deadlines"].empty());
  // Each step is in the audit trail, and so is each refusal.
  Session aud = SignIn("aud");
  std::map<std::string, int> results;
  Answer log = Get("/api/v1/audit?object=complaint:" + id, &aud);
  for (const json& r : log.json["items"]) {
    ++results[r["result"].get<std::string>()];
  }
  EXPECT_EQ(results["ok"], 7);      // register, feedback, resolve, rate, reopen, resolve, rate
  EXPECT_EQ(results["failed"], 3);  // the early resolution, the second rating, the rating while reopened
}

TEST_F(ComplaintsTest, TheDepartmentSeesOnlyComplaintsAboutItAndOthersAre404) {
  Session desk = SignIn("desk");
  const std::string id = RegisterComplaint(desk)["id"];
  Session a = SignIn("officer_a");
  Session b = SignIn("officer_b");
  auto ids = [&](const Session& s, const std::string& query) {
    std::set<std::string> out;
    Answer list = Get("/api/v1/complaints?limit=500" + query, &s);
    EXPECT_EQ(list.status, 200) << list.body;
    for (const json& c : list.json["items"]) out.insert(c["id"].get<std::string>());
    return out;
  };
  EXPECT_TRUE(ids(a, "").contains(id));
  EXPECT_TRUE(ids(a, "&state=received").contains(id));
  EXPECT_FALSE(ids(a, "&state=resolved").contains(id));
  EXPECT_FALSE(ids(b, "").contains(id));
  EXPECT_FALSE(ids(b, "&dept=" + dept_a()).contains(id));
  EXPECT_EQ(Get("/api/v1/complaints/" + id, &b).status, 404);
  EXPECT_EQ(Post("/api/v1/complaints/" + id + "/feedback", json{{"text", "x"}}, b).status, 404);
  // Nothing was stored by the refused step.
  EXPECT_EQ(Get("/api/v1/complaints/" + id, &a).json["steps"], 1);
  // Complaints that came in as events from other systems are listed too.
  bool ingested = false;
  Answer all = Get("/api/v1/complaints?limit=500", &desk);
  for (const json& c : all.json["items"]) {
    ingested = ingested || !c["registered"].get<bool>();
  }
  EXPECT_TRUE(ingested);
}

TEST_F(ComplaintsTest, ADepartmentWithNoComplaintsListsNothingWithoutError) {
  const std::string quiet = "11445200MB2D00022T";  // a registered department with no cases
  {
    auto lock = service().Lock();
    ASSERT_TRUE(service().store().UpsertDepartment({quiet, "揭阳市档案馆", "", "445200"}, false).ok());
    auth::NewUser user;
    user.name = "officer_quiet";
    user.role = auth::Role::kDeptOfficer;
    user.dept_code = quiet;
    user.password = kPassword;
    user.must_change_password = false;
    ASSERT_TRUE(service().auth().AddUser(user, now()).ok());
  }
  Session quiet_officer = SignIn("officer_quiet");
  Answer complaints = Get("/api/v1/complaints", &quiet_officer);
  ASSERT_EQ(complaints.status, 200) << complaints.body;
  EXPECT_TRUE(complaints.json["items"].empty());
  EXPECT_TRUE(complaints.json["next_cursor"].is_null());
  Answer ratings = Get("/api/v1/ratings", &quiet_officer);
  ASSERT_EQ(ratings.status, 200) << ratings.body;
  EXPECT_TRUE(ratings.json["items"].empty());
  EXPECT_EQ(ratings.json["summary"]["count"], 0);
  EXPECT_TRUE(ratings.json["summary"]["average_level"].is_null());
  // The bureau's view of that department, filtered: also empty.
  Session sup = SignIn("sup");
  EXPECT_TRUE(Get("/api/v1/complaints?dept=" + quiet, &sup).json["items"].empty());
}

TEST_F(ComplaintsTest, TheComplainantsContactIsMaskedUnlessUnmaskedWithPermissionAndAudited) {
  Session desk = SignIn("desk");
  const std::string id = RegisterComplaint(desk)["id"];
  Session officer = SignIn("officer_a");
  Answer masked = Get("/api/v1/complaints/" + id, &officer);
  ASSERT_EQ(masked.status, 200) << masked.body;
  EXPECT_EQ(masked.json["complainant"]["contact"], "138****5678");
  EXPECT_EQ(masked.json["complainant"]["name"], "张**");
  EXPECT_EQ(masked.body.find(kContact), std::string::npos);
  EXPECT_EQ(masked.body.find(kName), std::string::npos);
  EXPECT_EQ(Get("/api/v1/complaints?limit=500", &officer).body.find(kContact), std::string::npos);
  // The department may not unmask; the desk may, and the read is recorded.
  EXPECT_EQ(Get("/api/v1/complaints/" + id + "?unmask=true", &officer).status, 403);
  Answer clear = Get("/api/v1/complaints/" + id + "?unmask=true", &desk);
  ASSERT_EQ(clear.status, 200);
  EXPECT_EQ(clear.json["complainant"]["contact"], kContact);
  EXPECT_EQ(clear.json["complainant"]["name"], kName);
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?action=personal.unmask&object=complaint:" + id, &aud);
  EXPECT_EQ(log.json["items"].size(), 1u) << log.body;
  // The events (append-only, never erased) hold the complainant only masked.
  auto lock = service().Lock();
  auto events = service().store().EventsOfCase(id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event.attrs_json.find(kContact), std::string::npos);
  EXPECT_NE((*events)[0].event.attrs_json.find("138****5678"), std::string::npos);
  EXPECT_EQ((*events)[0].event.attrs_json.find(kName), std::string::npos);
}

TEST_F(ComplaintsTest, ThePublicFilesAndFollowsAComplaintAndSeesNothingPersonal) {
  json body = {{"dept", dept_a()}, {"item", ItemOf(dept_a())}, {"content", "网上申报系统无法上传材料"},
               {"name", kName}, {"contact", kContact}};
  Answer filed = Send("POST", "/api/v1/public/complaints", body.dump(), nullptr);
  ASSERT_EQ(filed.status, 201) << filed.body;
  std::set<std::string> keys;
  for (auto& [k, v] : filed.json.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "state", "lookup_code", "received_at"}));
  EXPECT_EQ(filed.body.find("138"), std::string::npos);
  EXPECT_EQ(filed.body.find(kName), std::string::npos);
  const std::string id = filed.json["id"];
  const std::string code = filed.json["lookup_code"];
  EXPECT_EQ(code.size(), 10u);
  Answer followed = Get("/api/v1/public/complaints/" + id + "?code=" + code);
  ASSERT_EQ(followed.status, 200) << followed.body;
  EXPECT_EQ(followed.json["state"], "received");
  EXPECT_EQ(followed.body.find("138"), std::string::npos);
  EXPECT_EQ(followed.body.find("张"), std::string::npos);
  EXPECT_FALSE(followed.json.contains("content"));
  EXPECT_EQ(Get("/api/v1/public/complaints/" + id + "?code=WRONGCODE2").status, 404);
  EXPECT_EQ(Get("/api/v1/public/complaints/" + id).status, 400);
  // The desk sees it, from the online channel.
  Session desk = SignIn("desk");
  Answer one = Get("/api/v1/complaints/" + id, &desk);
  EXPECT_EQ(one.json["channel"], "online");
  EXPECT_EQ(one.json["content"], "网上申报系统无法上传材料");
  // The complainant rates the handling once it is resolved, with the code.
  Session officer = SignIn("officer_a");
  ASSERT_EQ(Post("/api/v1/complaints/" + id + "/feedback", json{{"text", "已回复"}}, officer).status, 200);
  ASSERT_EQ(Post("/api/v1/complaints/" + id + "/resolve", json{{"text", "已修复"}}, officer).status, 200);
  EXPECT_EQ(Send("POST", "/api/v1/public/complaints/" + id + "/satisfaction",
                 json{{"code", "WRONGCODE2"}, {"level", 1}}.dump(), nullptr).status, 404);
  Answer rated = Send("POST", "/api/v1/public/complaints/" + id + "/satisfaction",
                      json{{"code", code}, {"level", 1}}.dump(), nullptr);
  EXPECT_EQ(rated.status, 201) << rated.body;
  // Size-limited.
  body["content"] = std::string(20 * 1024, 'x');
  EXPECT_EQ(Send("POST", "/api/v1/public/complaints", body.dump(), nullptr).status, 413);
}

TEST_F(ComplaintsTest, MalformedComplaintsAreRefusedNamingTheField) {
  Session desk = SignIn("desk");
  auto refused = [&](json changes, const std::string& field, int status = 400) {
    json body = {{"channel", "hotline"}, {"dept", dept_a()}, {"item", ItemOf(dept_a())}, {"content", "内容"}};
    for (auto& [k, v] : changes.items()) {
      if (v.is_null()) {
        body.erase(k);
      } else {
        body[k] = v;
      }
    }
    Answer a = Post("/api/v1/complaints", body, desk);
    EXPECT_EQ(a.status, status) << body.dump() << " " << a.body;
    EXPECT_EQ(a.json["error"]["field"], field) << a.body;
  };
  refused({{"channel", "fax"}}, "channel");
  refused({{"channel", nullptr}}, "channel");
  refused({{"content", nullptr}}, "content");
  refused({{"contact", "call me maybe"}}, "contact");
  refused({{"dept", "11445200MB2D00022T"}}, "dept", 404);
  refused({{"item", "NO-SUCH-ITEM"}}, "item", 404);
  refused({{"item", nullptr}}, "item");
  refused({{"about_case", "NO-SUCH-CASE"}}, "about_case", 404);
  refused({{"received_at", "yesterday"}}, "received_at");
  refused({{"received_at", "2030-01-01T00:00:00+08:00"}}, "received_at");
  refused({{"colour", "red"}}, "colour");
  Answer step = Post("/api/v1/complaints/TS-1/feedback", json{{"text", 7}}, desk);
  EXPECT_EQ(step.json["error"]["field"], "text");
  Answer level = Post("/api/v1/complaints/TS-1/satisfaction", json{{"level", 7}}, desk);
  EXPECT_EQ(level.json["error"]["field"], "level");
  EXPECT_EQ(Post("/api/v1/complaints/NOPE/feedback", json{{"text", "x"}}, desk).status, 404);
  // A complaint about a known case takes the case's department and item.
  const std::string about = MakeCase(dept_a());
  json made = RegisterComplaint(desk, {{"dept", nullptr}, {"item", nullptr}, {"about_case", about}});
  Answer one = Get("/api/v1/complaints/" + made["id"].get<std::string>(), &desk);
  EXPECT_EQ(one.json["dept_code"], dept_a());
  EXPECT_EQ(one.json["about_case"], about);
  refused({{"dept", dept_b()}, {"about_case", about}}, "dept");
}

// ---- ratings ----------------------------------------------------------------

TEST_F(ComplaintsTest, ABadRatingRectifiedInTimeRaisesNothing) {
  const std::string rated = MakeCase(dept_a());
  json rating = Rate(rated, 5);  // Tuesday 2025-05-06 10:00: due end of Tuesday 05-13
  EXPECT_EQ(rating["rectification_case"], "PJ-1");
  EXPECT_EQ(rating["level_name"], "非常不满意");
  EXPECT_EQ(rating["dept_code"], dept_a());
  Session sup = SignIn("sup");
  Answer kase = Get("/api/v1/cases/PJ-1", &sup);
  ASSERT_EQ(kase.status, 200) << kase.body;
  EXPECT_EQ(kase.json["case"]["kind"], "rating");
  EXPECT_EQ(kase.json["timeline"][0]["attrs"]["score"], 5);
  // Out of order first: rectify before verifying.
  EXPECT_EQ(Step("PJ-1", "rectify", "officer_a", 409)["error"]["code"], "illegal_transition");
  Advance(hours(24));
  EXPECT_EQ(Step("PJ-1", "verify", "officer_a")["state"], "verified");
  Advance(hours(24));
  EXPECT_EQ(Step("PJ-1", "rectify", "officer_a")["state"], "rectified");
  Advance(hours(24));
  EXPECT_EQ(Step("PJ-1", "revisit", "desk")["state"], "revisited");
  Step("PJ-1", "revisit", "officer_a", 409);
  AdvanceTo("2025-05-20T10:00:00+08:00");
  RunJobs();
  EXPECT_TRUE(AlertsOf("PJ-1").empty()) << AlertsOf("PJ-1").dump();
  // A good rating opens nothing.
  json good = Rate(MakeCase(dept_a()), 2);
  EXPECT_TRUE(good["rectification_case"].is_null());
}

TEST_F(ComplaintsTest, ABadRatingRectifiedLateGetsItsYellowCard) {
  Rate(MakeCase(dept_a()), 4);
  Advance(hours(24));
  Step("PJ-1", "verify", "officer_a");
  AdvanceTo("2025-05-14T10:00:00+08:00");  // past the end of Tuesday 05-13
  Step("PJ-1", "rectify", "officer_a");
  json alerts = AlertsOf("PJ-1");
  EXPECT_EQ(Levels(alerts, kRectifyRule), (std::set<std::string>{"notice", "yellow"})) << alerts.dump();
  for (const json& a : alerts) {
    if (a["level"] == "yellow") {
      EXPECT_EQ(a["due"], "2025-05-13T16:00:00Z");
    }
  }
}

TEST_F(ComplaintsTest, AnUpheldAppealExcludesTheRatingAndWithdrawsItsAlertsWithTheReason) {
  Rate(MakeCase(dept_a()), 5);
  AdvanceTo("2025-05-14T10:00:00+08:00");
  RunJobs();  // the deadline passed unrectified
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  ASSERT_EQ(Levels(AlertsOf("PJ-1"), kRectifyRule), (std::set<std::string>{"notice", "yellow"}));
  // The department appeals; it cannot decide its own appeal.
  Answer appeal = Post("/api/v1/ratings/1/appeal", json{{"reason", "评价人误评：所评办件非本人办理"}}, officer);
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  EXPECT_EQ(appeal.json["appeal"]["state"], "pending");
  EXPECT_EQ(Post("/api/v1/ratings/1/appeal", json{{"reason", "again"}}, officer).status, 409);
  EXPECT_EQ(Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "upheld"}, {"reason", "x"}}, officer).status, 403);
  const std::string reason = "经核实为误评，申诉成立";
  Answer decided = Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "upheld"}, {"reason", reason}}, sup);
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_TRUE(decided.json["excluded"].get<bool>());
  EXPECT_EQ(decided.json["excluded_reason"], reason);
  EXPECT_EQ(decided.json["withdrawn_alerts"].size(), 2u);
  for (const json& a : AlertsOf("PJ-1")) {
    EXPECT_EQ(a["state"], "withdrawn") << a.dump();
    EXPECT_NE(a["withdraw_reason"].get<std::string>().find(reason), std::string::npos);
  }
  // Kept, not deleted; out of the figures.
  Answer list = Get("/api/v1/ratings?dept=" + dept_a(), &sup);
  ASSERT_EQ(list.json["items"].size(), 1u);
  EXPECT_EQ(list.json["summary"]["count"], 0);
  EXPECT_EQ(list.json["summary"]["excluded"], 1);
  EXPECT_EQ(Get("/api/v1/ratings?excluded=false", &sup).json["items"].size(), 0u);
  // Decided once; the case takes no more steps, and no new alert comes due.
  EXPECT_EQ(Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "rejected"}, {"reason", "x"}}, sup).status, 409);
  Step("PJ-1", "verify", "officer_a", 409);
  Advance(hours(24 * 10));
  RunJobs();
  for (const json& a : AlertsOf("PJ-1")) EXPECT_EQ(a["state"], "withdrawn");
}

TEST_F(ComplaintsTest, AnAppealUpheldBeforeTheDeadlineStopsTheClock) {
  Rate(MakeCase(dept_a()), 5);
  Advance(hours(2));
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  ASSERT_EQ(Post("/api/v1/ratings/1/appeal", json{{"reason", "恶意差评"}}, officer).status, 201);
  ASSERT_EQ(Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "upheld"}, {"reason", "恶意差评属实"}}, sup).status, 200);
  AdvanceTo("2025-05-20T10:00:00+08:00");
  RunJobs();
  EXPECT_TRUE(AlertsOf("PJ-1").empty()) << AlertsOf("PJ-1").dump();
}

TEST_F(ComplaintsTest, ARejectedAppealLeavesTheRatingAndItsAlertsAsTheyWere) {
  Rate(MakeCase(dept_a()), 4);
  AdvanceTo("2025-05-14T10:00:00+08:00");
  RunJobs();
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  const json before = AlertsOf("PJ-1");
  ASSERT_FALSE(before.empty());
  ASSERT_EQ(Post("/api/v1/ratings/1/appeal", json{{"reason", "认为评价不实"}}, officer).status, 201);
  Answer decided = Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "rejected"}, {"reason", "评价属实"}}, sup);
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_FALSE(decided.json["excluded"].get<bool>());
  EXPECT_EQ(decided.json["appeal"]["state"], "rejected");
  EXPECT_TRUE(decided.json["withdrawn_alerts"].empty());
  EXPECT_EQ(AlertsOf("PJ-1"), before);
  EXPECT_EQ(Get("/api/v1/ratings", &sup).json["summary"]["count"], 1);
  // The department still rectifies.
  Step("PJ-1", "verify", "officer_a");
}

TEST_F(ComplaintsTest, RatingsAreAveragedAsCodedWithoutInverting) {
  Session desk = SignIn("desk");
  std::vector<std::string> cases = {MakeCase(dept_b()), MakeCase(dept_b()), MakeCase(dept_b())};
  Rate(cases[0], 1);
  Rate(cases[1], 2);
  Rate(cases[2], 5);
  Rate(cases[2], 1, 409);  // one rating per case
  Session officer_b = SignIn("officer_b");
  Answer list = Get("/api/v1/ratings", &officer_b);
  ASSERT_EQ(list.status, 200) << list.body;
  const json& s = list.json["summary"];
  EXPECT_EQ(s["count"], 3);
  EXPECT_EQ(s["bad"], 1);
  // (1 + 2 + 5) / 3 = 2.67: a 5 (非常不满意) pulls the mean up, towards worse.
  EXPECT_NEAR(s["average_level"].get<double>(), 8.0 / 3.0, 1e-9);
  EXPECT_EQ(s["per_level"]["5"], 1);
  EXPECT_EQ(Get("/api/v1/ratings?bad=true", &officer_b).json["items"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/ratings?level=2", &officer_b).json["summary"]["average_level"], 2.0);
  // Another department sees none of them, and a rating outside its scope is 404.
  Session officer_a = SignIn("officer_a");
  EXPECT_EQ(Get("/api/v1/ratings", &officer_a).json["summary"]["count"], 0);
  const std::int64_t id = list.json["items"][0]["id"];
  EXPECT_EQ(Get("/api/v1/ratings/" + std::to_string(id), &officer_a).status, 404);
  EXPECT_EQ(Post("/api/v1/ratings/" + std::to_string(id) + "/appeal", json{{"reason", "x"}}, officer_a).status, 404);
  const std::string pj = list.json["items"][0]["rectification_case"];
  EXPECT_EQ(Post("/api/v1/rating-cases/" + pj + "/steps", json{{"step", "verify"}, {"text", "x"}}, officer_a).status, 404);
}

TEST_F(ComplaintsTest, TheOnlineHallRatesWithItsTokenForItsDepartmentsOnly) {
  std::string token;
  {
    auto lock = service().Lock();
    auto created = service().auth().CreateToken({"hall ratings", "hall", {dept_a()}, "sys"}, now());
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    token = created->token;
  }
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  json body = {{"case_id", MakeCase(dept_a())}, {"level", 1}, {"channel", "pc"}};
  Answer ok = Send("POST", "/api/v1/ratings", body.dump(), nullptr, "application/json", bearer);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json["rater"], "token:hall");
  body["case_id"] = MakeCase(dept_b());
  Answer other = Send("POST", "/api/v1/ratings", body.dump(), nullptr, "application/json", bearer);
  EXPECT_EQ(other.status, 400) << other.body;
  EXPECT_EQ(other.json["error"]["field"], "case_id");
  // A rating of a service (an item) alone.
  Answer service_rating = Send("POST", "/api/v1/ratings",
                               json{{"item", ItemOf(dept_a())}, {"level", 3}, {"channel", "qr_code"}}.dump(),
                               nullptr, "application/json", bearer);
  EXPECT_EQ(service_rating.status, 201) << service_rating.body;
  EXPECT_TRUE(service_rating.json["case_id"].is_null());
  // Other signed-in roles may not add ratings.
  Session officer = SignIn("officer_a");
  EXPECT_EQ(Post("/api/v1/ratings", json{{"case_id", "x"}, {"level", 1}, {"channel", "pc"}}, officer).status, 403);
}

TEST_F(ComplaintsTest, ThePublicRatesItsOwnCaseWithProofAndSeesNothingPersonal) {
  // The last 4 characters of the applicant's identity number, as the case records it.
  const std::string last4 = "567X";
  const std::string case_id = MakeCase(dept_a(), last4);
  const std::string wrong = "0000";
  auto rate = [&](const std::string& proof) {
    return Send("POST", "/api/v1/public/ratings",
                json{{"case_id", case_id}, {"proof", proof}, {"level", 5}, {"comment", "太慢"}}.dump(), nullptr);
  };
  Answer denied = rate(wrong);
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(denied.json["error"]["field"], "proof");
  Answer rated = rate(last4);
  ASSERT_EQ(rated.status, 201) << rated.body;
  std::set<std::string> keys;
  for (auto& [k, v] : rated.json.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "level", "level_name", "rectification"}));
  EXPECT_TRUE(rated.json["rectification"].get<bool>());
  EXPECT_EQ(rated.body.find(last4), std::string::npos);
  EXPECT_EQ(rate(last4).status, 409);  // once per case
  // Unknown cases and malformed bodies.
  Answer unknown = Send("POST", "/api/v1/public/ratings",
                        json{{"case_id", "NO-SUCH"}, {"proof", "1234"}, {"level", 1}}.dump(), nullptr);
  EXPECT_EQ(unknown.status, 404);
  for (auto [body, field] : {std::pair{json{{"case_id", case_id}, {"proof", "12"}, {"level", 1}}, "proof"},
                             {json{{"proof", "1234"}, {"level", 1}}, "case_id"},
                             {json{{"case_id", case_id}, {"proof", "1234"}, {"level", 0}}, "level"},
                             {json{{"case_id", case_id}, {"proof", "1234"}, {"level", 1}, {"channel", "fax"}}, "channel"}}) {
    Answer a = Send("POST", "/api/v1/public/ratings", body.dump(), nullptr);
    EXPECT_EQ(a.status, 400) << body.dump();
    EXPECT_EQ(a.json["error"]["field"], field) << a.body;
  }
}

TEST_F(ComplaintsTest, GuessingTheProofIsCutOffAfterFiveWrongTries) {
  const std::string case_id = MakeCase(dept_a());
  std::vector<int> statuses;
  for (int i = 0; i < 6; ++i) {
    // Digits no identity number ends with in two places at once; at worst one hits.
    const std::string guess = "X" + std::to_string(100 + i);
    statuses.push_back(Send("POST", "/api/v1/public/ratings",
                            json{{"case_id", case_id}, {"proof", guess}, {"level", 1}}.dump(), nullptr).status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{403, 403, 403, 403, 403, 429}));
}

TEST_F(ComplaintsTest, MalformedRatingRequestsNameTheField) {
  Session desk = SignIn("desk");
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  auto field_of = [](const Answer& a) { return a.json["error"]["field"]; };
  const std::string c = MakeCase(dept_a());
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"case_id", c}, {"level", 6}, {"channel", "pc"}}, desk)), "level");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"case_id", c}, {"level", 1}, {"channel", "fax"}}, desk)), "channel");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"case_id", c}, {"level", 1}}, desk)), "channel");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"case_id", "NO-SUCH"}, {"level", 1}, {"channel", "pc"}}, desk)), "case_id");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"level", 1}, {"channel", "pc"}}, desk)), "case_id");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"item", "NO-SUCH"}, {"level", 1}, {"channel", "pc"}}, desk)), "item");
  EXPECT_EQ(field_of(Post("/api/v1/ratings", json{{"case_id", c}, {"level", 1}, {"channel", "pc"}, {"rated_at", "now"}}, desk)),
            "rated_at");
  Rate(c, 5);
  EXPECT_EQ(field_of(Post("/api/v1/rating-cases/PJ-1/steps", json{{"step", "polish"}, {"text", "x"}}, officer)), "step");
  EXPECT_EQ(field_of(Post("/api/v1/rating-cases/PJ-1/steps", json{{"step", "verify"}}, officer)), "text");
  EXPECT_EQ(field_of(Post("/api/v1/ratings/1/appeal", json::object(), officer)), "reason");
  ASSERT_EQ(Post("/api/v1/ratings/1/appeal", json{{"reason", "误评"}}, officer).status, 201);
  EXPECT_EQ(field_of(Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "maybe"}, {"reason", "x"}}, sup)), "decision");
  EXPECT_EQ(field_of(Post("/api/v1/ratings/1/appeal/decision", json{{"decision", "upheld"}}, sup)), "reason");
  EXPECT_EQ(field_of(Post("/api/v1/ratings/abc/appeal", json{{"reason", "x"}}, officer)), "id");
  EXPECT_EQ(field_of(Get("/api/v1/ratings?level=9", &sup)), "level");
  EXPECT_EQ(field_of(Get("/api/v1/ratings?appeal=maybe", &sup)), "appeal");
  EXPECT_EQ(field_of(Get("/api/v1/complaints?state=closed", &sup)), "state");
  // A good rating is not appealed.
  Rate(MakeCase(dept_a()), 2);
  EXPECT_EQ(Post("/api/v1/ratings/2/appeal", json{{"reason", "x"}}, officer).status, 409);
}

// No server needed: the setting is read from the config file.
TEST(ComplaintsConfigTest, TheDefaultRatingIsConfiguredUnderRatingsAndOffByDefault) {
  ServeOptions defaults;
  EXPECT_EQ(defaults.service.default_rating_after_days, 0);
  ServeOptions o;
  ASSERT_TRUE(ApplyServeConfig("ratings:\n  default_after_days: 7\n  default_level: 3\n", "c.yaml", o).ok());
  EXPECT_EQ(o.service.default_rating_after_days, 7);
  EXPECT_EQ(o.service.default_rating_level, 3);
  base::Status bad = ApplyServeConfig("ratings:\n  default_level: 4\n", "c.yaml", o);
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("default_level"), std::string::npos) << bad.message();
  EXPECT_FALSE(ApplyServeConfig("ratings:\n  default_after: 7\n", "c.yaml", o).ok());
}

}  // namespace
}  // namespace oversight::server::testing
