// The alert workflow over HTTP, department scoping of every read and write,
// masking of personal data, and the alert stream.

#include "tests/server/server_fixture.h"

#include <condition_variable>
#include <mutex>
#include <set>

namespace oversight::server::testing {
namespace {

using nlohmann::json;

std::string ActionsOf(std::int64_t id) { return "/api/v1/alerts/" + std::to_string(id) + "/actions"; }

TEST_F(ServerTest, OfficerRespondsSupervisorAcceptsAndCloses) {
  const std::int64_t id = AlertOf(dept_a());
  ASSERT_NE(id, 0);
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  Answer responded = Post(ActionsOf(id), json{{"action", "respond"}, {"response_kind", "explained"},
                                              {"text", "申请人补充材料，已于次日办结"}}, officer);
  ASSERT_EQ(responded.status, 200) << responded.body;
  EXPECT_EQ(responded.json["state"], "responded");
  // A department cannot judge its own response.
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "accept"}}, officer).status, 403);
  Answer accepted = Post(ActionsOf(id), json{{"action", "accept"}, {"text", "同意"}}, sup);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json["state"], "accepted");
  Answer closed = Post(ActionsOf(id), json{{"action", "close"}}, sup);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json["state"], "closed");
  // The thread holds each step with who and what.
  Answer one = Get("/api/v1/alerts/" + std::to_string(id), &sup);
  ASSERT_EQ(one.status, 200);
  ASSERT_EQ(one.json["thread"].size(), 3u);
  EXPECT_EQ(one.json["thread"][0]["actor"], "officer_a");
  EXPECT_EQ(one.json["thread"][0]["response_kind"], "explained");
  EXPECT_EQ(one.json["thread"][1]["actor"], "sup");
  EXPECT_FALSE(one.json["rule"].is_null());
  // Each step is in the audit trail too.
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?object=alert:" + std::to_string(id), &aud);
  EXPECT_EQ(log.json["items"].size(), 3u) << log.body;
}

TEST_F(ServerTest, EscalationToAccountabilityAndClose) {
  const std::int64_t id = AlertOf(dept_a());
  Session sup = SignIn("sup");
  ASSERT_EQ(Post(ActionsOf(id), json{{"action", "escalate"}, {"text", "逾期未说明"}}, sup).json["state"], "escalated");
  Answer acc = Post(ActionsOf(id), json{{"action", "open_accountability"}, {"findings", "经办人超期未办"}}, sup);
  ASSERT_EQ(acc.status, 200) << acc.body;
  EXPECT_EQ(acc.json["state"], "accountability");
  // Closing an accountability case needs its outcome.
  Answer no_outcome = Post(ActionsOf(id), json{{"action", "close"}}, sup);
  EXPECT_EQ(no_outcome.status, 400) << no_outcome.body;
  Answer closed = Post(ActionsOf(id), json{{"action", "close"}, {"outcome", "通报批评"}}, sup);
  EXPECT_EQ(closed.json["state"], "closed") << closed.body;
}

TEST_F(ServerTest, IllegalTransitionsAreRefusedAndChangeNothing) {
  const std::int64_t id = AlertOf(dept_a());
  Session sup = SignIn("sup");
  Session officer = SignIn("officer_a");
  Answer accept_open = Post(ActionsOf(id), json{{"action", "accept"}}, sup);
  EXPECT_EQ(accept_open.status, 409) << accept_open.body;
  EXPECT_EQ(accept_open.json["error"]["code"], "illegal_transition");
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "open_accountability"}, {"findings", "x"}}, sup).status, 409);
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "close"}}, sup).status, 409);
  // Respond needs its kind and text.
  Answer no_text = Post(ActionsOf(id), json{{"action", "respond"}, {"response_kind", "corrected"}}, officer);
  EXPECT_EQ(no_text.status, 400);
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "fly"}}, sup).json["error"]["field"], "action");
  // Withdrawn is terminal.
  ASSERT_EQ(Post(ActionsOf(id), json{{"action", "withdraw"}, {"text", "误报，经局审核撤销"}}, sup).status, 200);
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "respond"}, {"response_kind", "explained"}, {"text", "x"}}, officer).status, 409);
  Answer one = Get("/api/v1/alerts/" + std::to_string(id), &sup);
  EXPECT_EQ(one.json["alert"]["state"], "withdrawn");
  EXPECT_EQ(one.json["thread"].size(), 1u);
}

TEST_F(ServerTest, ARejectedResponseGoesBackToTheDepartment) {
  const std::int64_t id = AlertOf(dept_a());
  Session sup = SignIn("sup");
  Session officer = SignIn("officer_a");
  ASSERT_EQ(Post(ActionsOf(id), json{{"action", "respond"}, {"response_kind", "corrected"}, {"text", "已整改"}}, officer).status, 200);
  Answer rejected = Post(ActionsOf(id), json{{"action", "reject_response"}, {"text", "整改材料不全"}}, sup);
  EXPECT_EQ(rejected.json["state"], "open") << rejected.body;
  EXPECT_EQ(Post(ActionsOf(id), json{{"action", "respond"}, {"response_kind", "corrected"}, {"text", "补充材料"}}, officer).json["state"], "responded");
}

TEST_F(ServerTest, AnOfficerSeesAndActsOnOnlyTheirOwnDepartment) {
  const std::int64_t own = AlertOf(dept_a());
  const std::int64_t other = AlertOf(dept_b());
  ASSERT_NE(other, 0);
  Session a = SignIn("officer_a");
  // Lists: only department A.
  Answer alerts = Get("/api/v1/alerts?limit=500", &a);
  ASSERT_EQ(alerts.status, 200);
  ASSERT_GT(alerts.json["items"].size(), 0u);
  for (const auto& item : alerts.json["items"]) EXPECT_EQ(item["dept_code"], dept_a());
  // Asking for B's explicitly still yields nothing of B's.
  Answer filtered = Get("/api/v1/alerts?dept=" + dept_b(), &a);
  EXPECT_EQ(filtered.json["items"].size(), 0u);
  Answer cases = Get("/api/v1/cases?limit=500", &a);
  ASSERT_GT(cases.json["items"].size(), 0u);
  for (const auto& item : cases.json["items"]) EXPECT_EQ(item["dept_code"], dept_a());
  // Another department's alert and case: not found, by id or by action.
  EXPECT_EQ(Get("/api/v1/alerts/" + std::to_string(other), &a).status, 404);
  EXPECT_EQ(Post(ActionsOf(other), json{{"action", "respond"}, {"response_kind", "explained"}, {"text", "x"}}, a).status, 404);
  Session sup = SignIn("sup");
  Answer b_alert = Get("/api/v1/alerts/" + std::to_string(other), &sup);
  const std::string b_case = b_alert.json["alert"]["case_id"];
  EXPECT_EQ(Get("/api/v1/cases/" + b_case, &a).status, 404);
  EXPECT_EQ(Get("/api/v1/cases?id=" + b_case, &a).json["items"].size(), 0u);
  EXPECT_EQ(Get("/api/v1/alerts?case=" + b_case, &a).json["items"].size(), 0u);
  // Their own works.
  EXPECT_EQ(Get("/api/v1/alerts/" + std::to_string(own), &a).status, 200);
  Answer counts = Get("/api/v1/alerts/counts", &a);
  for (const auto& c : counts.json) EXPECT_EQ(c["dept_code"], dept_a());
  // A department's rule proposal for another department is refused.
  EXPECT_EQ(Get("/api/v1/cases/" + b_case, &sup).status, 200);
}

TEST_F(ServerTest, CasePagesCoverEveryCaseOnce) {
  Session sup = SignIn("sup");
  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    Answer page = Get("/api/v1/cases?limit=37" + (cursor.empty() ? "" : "&cursor=" + cursor), &sup);
    ASSERT_EQ(page.status, 200) << page.body;
    for (const auto& c : page.json["items"]) EXPECT_TRUE(seen.insert(c["id"]).second) << c["id"];
    cursor = page.json["next_cursor"].is_null() ? "" : std::to_string(page.json["next_cursor"].get<std::int64_t>());
    ++pages;
  } while (!cursor.empty() && pages < 1000);
  auto lock = service().Lock();
  EXPECT_EQ(static_cast<std::int64_t>(seen.size()), service().store().Stats()->cases);
}

TEST_F(ServerTest, OneCaseHasItsTimelineDeadlinesAndAlerts) {
  Session sup = SignIn("sup");
  Answer alert = Get("/api/v1/alerts/" + std::to_string(AlertOf(dept_a())), &sup);
  const std::string case_id = alert.json["alert"]["case_id"];
  Answer c = Get("/api/v1/cases/" + case_id, &sup);
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json["case"]["id"], case_id);
  EXPECT_GT(c.json["timeline"].size(), 0u);
  EXPECT_GT(c.json["alerts"].size(), 0u);
  EXPECT_TRUE(c.json["deadlines"].is_array());
}

TEST_F(ServerTest, PersonalDataIsMaskedUnlessPermittedAndUnmaskedReadsAreAudited) {
  Session sys = SignIn("sys");
  Answer token = Post("/api/v1/tokens", json{{"name", "hall"}, {"source", "hall"}}, sys);
  std::string item;
  {
    auto lock = service().Lock();
    auto items = service().store().ListItems();
    for (const auto& i : *items) {
      if (i.dept_code == dept_a()) item = i.code;
    }
  }
  json event = {{"case_id", "P-1"}, {"type", "submit"}, {"at", "2025-05-06T09:00:00+08:00"}, {"dept", dept_a()},
                {"item", item}, {"attrs", {{"applicant_phone", "13812345678"}, {"applicant_name", "张三丰"}}}};
  Answer pushed = Send("POST", "/api/v1/events", json{{"events", {event}}}.dump(), nullptr, "application/json",
                       {{"Authorization", "Bearer " + token.json["token"].get<std::string>()}});
  ASSERT_EQ(pushed.json["stored"], 1) << pushed.body;
  Session officer = SignIn("officer_a");
  Answer masked = Get("/api/v1/cases/P-1", &officer);
  ASSERT_EQ(masked.status, 200) << masked.body;
  EXPECT_EQ(masked.json["timeline"][0]["attrs"]["applicant_phone"], "138****5678");
  EXPECT_EQ(masked.body.find("13812345678"), std::string::npos);
  EXPECT_EQ(masked.body.find("张三丰"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/cases/P-1?unmask=true", &officer).status, 403);
  Session sup = SignIn("sup");
  Answer clear = Get("/api/v1/cases/P-1?unmask=true", &sup);
  EXPECT_EQ(clear.json["timeline"][0]["attrs"]["applicant_phone"], "13812345678");
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?action=personal.unmask", &aud);
  ASSERT_EQ(log.json["items"].size(), 1u);
  EXPECT_EQ(log.json["items"][0]["object"], "case:P-1");
  EXPECT_EQ(log.json["items"][0]["actor"], "sup");
}

TEST_F(ServerTest, IngestIsIdempotentPerRecordAndJudgedLive) {
  Session sys = SignIn("sys");
  Answer token = Post("/api/v1/tokens", json{{"name", "hall"}, {"source", "hall"}}, sys);
  const httplib::Headers bearer{{"Authorization", "Bearer " + token.json["token"].get<std::string>()}};
  std::string item;
  {
    auto lock = service().Lock();
    auto items = service().store().ListItems();
    for (const auto& i : *items) {
      if (i.dept_code == dept_a() && i.promised_limit) item = i.code;
    }
  }
  ASSERT_FALSE(item.empty());
  // Accepted a month ago and never completed: the completion deadline has passed.
  std::string lines =
      json{{"case_id", "L-1"}, {"type", "submit"}, {"at", "2025-04-01T09:00:00+08:00"}, {"dept", dept_a()}, {"item", item}, {"source_event_id", "1"}}.dump() + "\n" +
      json{{"case_id", "L-1"}, {"type", "accept"}, {"at", "2025-04-01T10:00:00+08:00"}, {"dept", dept_a()}, {"item", item}, {"source_event_id", "2"}}.dump() + "\n" +
      "{not json\n" +
      json{{"case_id", "L-1"}, {"type", "warp"}, {"at", "2025-04-01T10:00:00+08:00"}, {"dept", dept_a()}, {"item", item}}.dump() + "\n";
  Answer first = Send("POST", "/api/v1/events", lines, nullptr, "application/x-ndjson", bearer);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json["stored"], 2);
  EXPECT_EQ(first.json["quarantined"], 2);
  EXPECT_EQ(first.json["results"][2]["reason"], "parse_error");
  EXPECT_EQ(first.json["results"][3]["reason"], "unknown_type");
  Answer again = Send("POST", "/api/v1/events", lines, nullptr, "application/x-ndjson", bearer);
  EXPECT_EQ(again.json["stored"], 0);
  EXPECT_EQ(again.json["duplicates"], 2);
  Session sup = SignIn("sup");
  Answer alerts = Get("/api/v1/alerts?case=L-1", &sup);
  EXPECT_GT(alerts.json["items"].size(), 0u) << "the live engine judged the new case: " << alerts.body;
  Answer q = Get("/api/v1/quarantine?source=hall", &sup);
  EXPECT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(q.json["items"].size(), 2u);  // each refused record kept once, with its reason
  EXPECT_EQ(Get("/api/v1/quarantine?source=hall", &sys).status, 403);  // not business data for 三员
}

TEST_F(ServerTest, TheStreamDeliversAlertChangesInScope) {
  const std::int64_t own = AlertOf(dept_a());
  const std::int64_t other = AlertOf(dept_b());
  Session officer = SignIn("officer_a");
  Session sup = SignIn("sup");
  std::mutex mu;
  std::condition_variable cv;
  std::string received;
  httplib::Client client("127.0.0.1", port());
  std::thread reader([&] {
    client.Get("/api/v1/stream", {{"Cookie", "ovs_session=" + officer.cookie}},
               [&](const char* data, size_t n) {
                 std::lock_guard lock(mu);
                 received.append(data, n);
                 cv.notify_all();
                 return received.find("\"id\":" + std::to_string(own)) == std::string::npos;
               });
  });
  {
    // The server sends a comment as soon as the subscription exists.
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return !received.empty(); }));
  }
  ASSERT_EQ(Post(ActionsOf(other), json{{"action", "escalate"}, {"text", "b"}}, sup).status, 200);
  ASSERT_EQ(Post(ActionsOf(own), json{{"action", "escalate"}, {"text", "a"}}, sup).status, 200);
  reader.join();
  EXPECT_NE(received.find("\"id\":" + std::to_string(own)), std::string::npos);
  EXPECT_EQ(received.find("\"id\":" + std::to_string(other) + ","), std::string::npos);
}

}  // namespace
}  // namespace oversight::server::testing
