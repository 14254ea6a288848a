// Questionnaires and spot checks over HTTP: a questionnaire's life from design
// to results (valid response rate, refusals, versions, the window), the
// spot-check draw (reproducible, stratified, every department represented) and
// a finding that becomes an alert only its department sees.

#include <map>
#include <set>

#include "store/spot_check_store.h"
#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;

json Definition(const std::string& id, const std::vector<std::string>& items,
                bool with_comment = false, const std::string& opens = "2025-05-01T00:00:00+08:00",
                const std::string& closes = "2025-06-01T00:00:00+08:00") {
  json questions = json::array({
      {{"id", "overall"},
       {"kind", "scale"},
       {"text", {{"zh", "您对本次办事的总体评价"}, {"en", "Overall"}}}},
      {{"id", "channel"},
       {"kind", "single"},
       {"text", {{"zh", "办理渠道"}, {"en", "Channel"}}},
       {"options", json::array({{{"id", "online"}, {"zh", "网上"}, {"en", "Online"}},
                                {{"id", "window"}, {"zh", "窗口"}, {"en", "Window"}}})}},
      {{"id", "problems"},
       {"kind", "multiple"},
       {"required", false},
       {"text", {{"zh", "遇到的问题"}, {"en", "Problems"}}},
       {"options", json::array({{{"id", "fee"}, {"zh", "收费"}, {"en", "Fees"}},
                                {{"id", "wait"}, {"zh", "等待"}, {"en", "Waiting"}}})}},
  });
  if (with_comment) {
    questions.push_back({{"id", "comment"},
                         {"kind", "text"},
                         {"required", false},
                         {"max_chars", 200},
                         {"text", {{"zh", "意见建议"}, {"en", "Comments"}}}});
  }
  return {{"id", id},
          {"title", {{"zh", "政务服务满意度调查"}, {"en", "Service satisfaction"}}},
          {"opens_at", opens},
          {"closes_at", closes},
          {"attach_items", items},
          {"questions", questions}};
}

class SurveyTest : public ServerTest {
 protected:
  // Completed approval cases of March 2025 (local time), from the store.
  std::vector<store::CompletedCase> CompletedInMarch() {
    return Completed("2025-03-01T00:00:00+08:00", "2025-04-01T00:00:00+08:00");
  }
  std::vector<store::CompletedCase> CompletedIn2025() {
    return Completed("2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00");
  }
  std::vector<store::CompletedCase> Completed(const std::string& from, const std::string& to) {
    auto lock = service().Lock();
    store::CompletedCaseQuery q;
    q.from = *base::ParseInstant(from);
    q.to = *base::ParseInstant(to);
    auto cases = service().store().spot_checks().CompletedCases(q);
    EXPECT_TRUE(cases.ok()) << cases.status().ToString();
    return cases.ok() ? *cases : std::vector<store::CompletedCase>{};
  }

  Answer Respond(const std::string& survey, const json& body) {
    return Send("POST", "/api/v1/public/surveys/" + survey + "/responses", body.dump(), nullptr);
  }

  // The department with the most cases completed in 2025, and an officer of it.
  std::string BusiestDept() {
    std::map<std::string, int> count;
    for (const auto& c : CompletedIn2025()) ++count[c.dept_code];
    auto best = std::max_element(count.begin(), count.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == count.end() ? "" : best->first;
  }
  void AddOfficer(const std::string& name, const std::string& dept) {
    auto lock = service().Lock();
    auth::NewUser user;
    user.name = name;
    user.role = auth::Role::kDeptOfficer;
    user.dept_code = dept;
    user.password = kPassword;
    user.must_change_password = false;
    auto added = service().auth().AddUser(user, now());
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }

  // The items of the department's cases completed in 2025.
  std::vector<std::string> ItemsOf(const std::string& dept) {
    std::set<std::string> items;
    for (const auto& c : CompletedIn2025()) {
      if (c.dept_code == dept) items.insert(c.item_code);
    }
    return {items.begin(), items.end()};
  }
};

TEST_F(SurveyTest, AQuestionnairesLifeFromDesignToResults) {
  // The busiest department, so that it has several completed cases to invite.
  const std::string dept = BusiestDept();
  ASSERT_FALSE(dept.empty());
  AddOfficer("officer_d", dept);
  const std::vector<std::string> items = ItemsOf(dept);
  Session assessor = SignIn("assessor");
  Session officer_d = SignIn("officer_d");
  Session outsider = SignIn(dept == dept_a() ? "officer_b" : "officer_a");

  // Design: the bureau only; a draft is not on the portal.
  EXPECT_EQ(Post("/api/v1/surveys", Definition("svc-2025", items), officer_d).status, 403);
  Answer created = Post("/api/v1/surveys", Definition("svc-2025", items), assessor);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["state"], "draft");
  EXPECT_EQ(created.json["version"], 1);
  EXPECT_EQ(Post("/api/v1/surveys", Definition("svc-2025", items), assessor).json["error"]["field"],
            "id");
  EXPECT_TRUE(Get("/api/v1/public/surveys").json["items"].empty());
  EXPECT_EQ(Get("/api/v1/public/surveys/svc-2025").status, 404);
  EXPECT_EQ(Respond("svc-2025", {{"case_id", "x"}, {"answers", json::object()}}).status, 404);

  // Publish: open now (opens_at has passed), wording only on the portal.
  Answer published = Post("/api/v1/surveys/svc-2025/publish", json::object(), assessor);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json["status"], "open");
  EXPECT_EQ(Post("/api/v1/surveys/svc-2025/publish", json::object(), assessor).status, 409);
  Answer portal = Get("/api/v1/public/surveys");
  ASSERT_EQ(portal.json["items"].size(), 1u) << portal.body;
  EXPECT_FALSE(portal.json["items"][0].contains("attach_items"));
  EXPECT_EQ(portal.json["items"][0]["version"], 1);

  // Invitations for the attached items' cases completed in 2025, one token each.
  Answer invited =
      Post("/api/v1/surveys/svc-2025/invitations", {{"period", "2025"}, {"limit", 3}}, assessor);
  ASSERT_EQ(invited.status, 201) << invited.body;
  ASSERT_EQ(invited.json["issued"].get<int>(), 3)
      << "the busiest department should have completed 3 cases";
  std::vector<std::string> tokens;
  std::vector<std::string> invited_cases;
  for (const json& inv : invited.json["invitations"]) {
    EXPECT_EQ(inv["dept_code"], dept);
    tokens.push_back(inv["token"]);
    invited_cases.push_back(inv["case_id"]);
  }
  // Asking again skips the cases already invited.
  Answer again =
      Post("/api/v1/surveys/svc-2025/invitations", {{"period", "2025"}, {"limit", 5000}}, assessor);
  ASSERT_EQ(again.status, 201);
  for (const json& inv : again.json["invitations"]) {
    EXPECT_EQ(
        std::count(invited_cases.begin(), invited_cases.end(), inv["case_id"].get<std::string>()),
        0);
  }
  EXPECT_EQ(again.json["remaining"], 0);

  // A valid answer: accepted, nothing personal back.
  json good = {{"overall", 2}, {"channel", "online"}, {"problems", json::array({"wait"})}};
  Answer ok = Respond("svc-2025", {{"token", tokens[0]}, {"answers", good}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json["version"], 1);
  EXPECT_FALSE(ok.json.contains("case_id"));
  // Refused, each naming its field, each counted: duplicate (by token and by case number) ...
  Answer dup = Respond("svc-2025", {{"token", tokens[0]}, {"answers", good}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.json["error"]["code"], "duplicate");
  EXPECT_EQ(dup.json["error"]["field"], "token");
  Answer dup_case = Respond("svc-2025", {{"case_id", invited_cases[0]}, {"answers", good}});
  EXPECT_EQ(dup_case.status, 409);
  EXPECT_EQ(dup_case.json["error"]["field"], "case_id");
  // ... a required question unanswered, an unknown option, a malformed body, a forged token.
  Answer missing =
      Respond("svc-2025", {{"token", tokens[1]}, {"answers", {{"channel", "online"}}}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json["error"]["field"], "answers.overall");
  Answer bad_option = Respond(
      "svc-2025", {{"token", tokens[1]}, {"answers", {{"overall", 1}, {"channel", "fax"}}}});
  EXPECT_EQ(bad_option.json["error"]["field"], "answers.channel");
  Answer scale = Respond(
      "svc-2025", {{"token", tokens[1]}, {"answers", {{"overall", 9}, {"channel", "online"}}}});
  EXPECT_EQ(scale.json["error"]["field"], "answers.overall");
  Answer malformed =
      Send("POST", "/api/v1/public/surveys/svc-2025/responses", "{\"token\":", nullptr);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json["error"]["field"], "body");
  Answer forged = Respond("svc-2025", {{"token", "not-a-real-token"}, {"answers", good}});
  EXPECT_EQ(forged.status, 404);
  EXPECT_EQ(forged.json["error"]["field"], "token");
  Answer unknown_case = Respond("svc-2025", {{"case_id", "no-such-case"}, {"answers", good}});
  EXPECT_EQ(unknown_case.json["error"]["field"], "case_id");

  // A new version: the portal shows it; an answer to the old one is refused,
  // the first response keeps version 1.
  Answer edited = Send("PUT", "/api/v1/surveys/svc-2025",
                       Definition("svc-2025", items, true).dump(), &assessor);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["version"], 2);
  EXPECT_EQ(Get("/api/v1/public/surveys/svc-2025").json["version"], 2);
  Answer stale = Respond("svc-2025", {{"token", tokens[1]}, {"version", 1}, {"answers", good}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json["error"]["field"], "version");
  json good2 = good;
  good2["overall"] = 5;
  good2["comment"] = "窗口人员耐心";
  Answer ok2 = Respond("svc-2025", {{"token", tokens[1]}, {"version", 2}, {"answers", good2}});
  ASSERT_EQ(ok2.status, 201) << ok2.body;
  EXPECT_EQ(ok2.json["version"], 2);

  // Results: 2 valid of 11 submissions, per version and question.
  Answer results = Get("/api/v1/surveys/svc-2025/results", &assessor);
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_EQ(results.json["valid_responses"], 2);
  EXPECT_EQ(results.json["submissions"], 11);
  EXPECT_DOUBLE_EQ(results.json["valid_response_rate"].get<double>(), 0.1818);
  EXPECT_EQ(results.json["refused"]["duplicate"], 2);
  EXPECT_EQ(results.json["refused"]["invalid"], 4);
  EXPECT_EQ(results.json["refused"]["unknown_token"], 1);
  EXPECT_EQ(results.json["refused"]["version_changed"], 1);
  ASSERT_EQ(results.json["versions"].size(), 2u);
  EXPECT_EQ(results.json["versions"][0]["responses"], 1);
  EXPECT_EQ(results.json["versions"][1]["responses"], 1);
  const json& overall_v1 = results.json["versions"][0]["questions"][0];
  EXPECT_EQ(overall_v1["distribution"], json::array({0, 1, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(overall_v1["mean"].get<double>(), 2.0);
  EXPECT_EQ(results.json["versions"][1]["questions"][3]["answered"],
            1);  // the free-text answer, counted
  EXPECT_EQ(results.json["invitation_responses"], 2);
  ASSERT_EQ(results.json["departments"].size(), 1u);
  EXPECT_EQ(results.json["departments"][0]["dept_code"], dept);
  // Scoped: the department sees its responses, another department none of them.
  Answer mine = Get("/api/v1/surveys/svc-2025/results", &officer_d);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json["valid_responses"], 2);
  EXPECT_EQ(mine.json["submissions"],
            8);  // the 3 refusals that named no known case are the bureau's
  Answer theirs = Get("/api/v1/surveys/svc-2025/results", &outsider);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.json["valid_responses"], 0);
  EXPECT_TRUE(theirs.json["departments"].empty());

  // Close by hand: answers are refused and no longer counted; no more versions.
  Answer closed = Post("/api/v1/surveys/svc-2025/close", json::object(), assessor);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json["status"], "closed");
  Answer late = Respond("svc-2025", {{"token", tokens[2]}, {"answers", good2}});
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json["error"]["code"], "closed");
  EXPECT_EQ(Get("/api/v1/surveys/svc-2025/results", &assessor).json["submissions"], 11);
  EXPECT_EQ(Send("PUT", "/api/v1/surveys/svc-2025", Definition("svc-2025", items).dump(), &assessor)
                .status,
            409);
  EXPECT_TRUE(Get("/api/v1/public/surveys").json["items"].empty());
  // The life is in the audit trail.
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?object=survey:svc-2025&limit=100", &aud);
  ASSERT_EQ(log.status, 200) << log.body;
  std::set<std::string> actions;
  for (const json& r : log.json["items"]) actions.insert(r["action"]);
  for (const char* a : {"survey.create", "survey.publish", "survey.invite", "survey.respond",
                        "survey.edit", "survey.close"}) {
    EXPECT_TRUE(actions.contains(a)) << a;
  }
}

TEST_F(SurveyTest, TheWindowDecidesWhenAnswersAreTaken) {
  const std::vector<store::CompletedCase> cases = CompletedInMarch();
  ASSERT_FALSE(cases.empty());
  Session sup = SignIn("sup");
  // Opens tomorrow, closes in two days; attached to every item.
  json def =
      Definition("window", {}, false, "2025-05-07T10:00:00+08:00", "2025-05-08T10:00:00+08:00");
  ASSERT_EQ(Post("/api/v1/surveys", def, sup).status, 201);
  ASSERT_EQ(Post("/api/v1/surveys/window/publish", json::object(), sup).json["status"],
            "scheduled");
  json answers = {{"overall", 1}, {"channel", "window"}};
  Answer early = Respond("window", {{"case_id", cases[0].case_id}, {"answers", answers}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json["error"]["code"], "not_open");
  Advance(std::chrono::hours(24));
  Answer on_time = Respond("window", {{"case_id", cases[0].case_id}, {"answers", answers}});
  EXPECT_EQ(on_time.status, 201) << on_time.body;
  Advance(std::chrono::hours(24));  // exactly closes_at: closed
  Answer after = Respond("window", {{"case_id", cases[1].case_id}, {"answers", answers}});
  EXPECT_EQ(after.status, 409);
  EXPECT_EQ(after.json["error"]["code"], "closed");
  sup = SignIn("sup");  // the clock moved past the session's timeouts
  EXPECT_EQ(Get("/api/v1/surveys/window", &sup).json["status"], "closed");
  // Invitations need a questionnaire that still takes answers.
  EXPECT_EQ(Post("/api/v1/surveys/window/invitations", {{"period", "2025-03"}}, sup).status, 409);
  // Only the answer inside the window counts.
  Answer results = Get("/api/v1/surveys/window/results", &sup);
  EXPECT_EQ(results.json["submissions"], 1);
  EXPECT_DOUBLE_EQ(results.json["valid_response_rate"].get<double>(), 1.0);
  // Publishing a questionnaire whose window has passed is refused.
  json old = Definition("old", {}, false, "2025-01-01T00:00:00+08:00", "2025-02-01T00:00:00+08:00");
  ASSERT_EQ(Post("/api/v1/surveys", old, sup).status, 201);
  EXPECT_EQ(Post("/api/v1/surveys/old/publish", json::object(), sup).status, 409);
}

TEST_F(SurveyTest, ACaseNumberAnswersOnlyForAnAttachedItem) {
  const std::vector<store::CompletedCase> cases = CompletedInMarch();
  std::string item_a;
  std::string other_case;
  for (const auto& c : cases) {
    if (item_a.empty()) item_a = c.item_code;
    if (!item_a.empty() && c.item_code != item_a) other_case = c.case_id;
  }
  ASSERT_FALSE(other_case.empty());
  Session assessor = SignIn("assessor");
  ASSERT_EQ(Post("/api/v1/surveys", Definition("attached", {item_a}), assessor).status, 201);
  ASSERT_EQ(Post("/api/v1/surveys/attached/publish", json::object(), assessor).status, 200);
  Answer refused = Respond(
      "attached", {{"case_id", other_case}, {"answers", {{"overall", 3}, {"channel", "online"}}}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json["error"]["code"], "not_eligible");
  EXPECT_EQ(refused.json["error"]["field"], "case_id");
}

TEST_F(SurveyTest, BadDefinitionsNameTheField) {
  Session assessor = SignIn("assessor");
  json dup_option = Definition("bad", {});
  dup_option["questions"][1]["options"][1]["id"] = "online";
  Answer a = Post("/api/v1/surveys", dup_option, assessor);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.json["error"]["field"], "questions[1].options[1].id");
  json unknown = Definition("bad", {});
  unknown["colour"] = "red";
  EXPECT_EQ(Post("/api/v1/surveys", unknown, assessor).json["error"]["field"], "colour");
  json no_en = Definition("bad", {});
  no_en["title"].erase("en");
  EXPECT_EQ(Post("/api/v1/surveys", no_en, assessor).json["error"]["field"], "title.en");
  json mismatch = Definition("other", {});
  ASSERT_EQ(Post("/api/v1/surveys", Definition("real", {}), assessor).status, 201);
  EXPECT_EQ(Send("PUT", "/api/v1/surveys/real", mismatch.dump(), &assessor).json["error"]["field"],
            "id");
  EXPECT_EQ(Get("/api/v1/surveys/No%20Such", &assessor).status, 400);
  EXPECT_EQ(Get("/api/v1/surveys/missing", &assessor).status, 404);
}

// --- spot checks ---

std::vector<std::string> SampleIds(const json& check) {
  std::vector<std::string> ids;
  for (const json& s : check["sample"]) ids.push_back(s["case_id"]);
  return ids;
}

TEST_F(SurveyTest, SpotCheckDrawIsReproducibleAndStratified) {
  Session sup = SignIn("sup");
  Session assessor = SignIn("assessor");
  Session officer = SignIn("officer_a");
  json body = {{"period", "2025-03"}, {"seed", 20250301}, {"per_stratum", 1}};
  EXPECT_EQ(Post("/api/v1/spot-checks", body, officer).status, 403);
  EXPECT_EQ(Post("/api/v1/spot-checks", body, assessor).status, 403);
  Answer first = Post("/api/v1/spot-checks", body, sup);
  ASSERT_EQ(first.status, 201) << first.body;
  Answer second = Post("/api/v1/spot-checks", body, sup);
  ASSERT_EQ(second.status, 201);
  EXPECT_NE(first.json["id"], second.json["id"]);
  EXPECT_EQ(first.json["seed"], 20250301);
  EXPECT_EQ(first.json["config"]["sizing"], "per_stratum");
  // Same seed, same sample; another seed, another sample.
  EXPECT_EQ(SampleIds(first.json), SampleIds(second.json));
  body["seed"] = 20250302;
  Answer other = Post("/api/v1/spot-checks", body, sup);
  ASSERT_EQ(other.status, 201);
  EXPECT_NE(SampleIds(first.json), SampleIds(other.json));
  EXPECT_EQ(SampleIds(first.json).size(), SampleIds(other.json).size());

  // One case from every (department, item) with a case completed in March.
  std::map<std::pair<std::string, std::string>, int> strata;
  for (const auto& c : CompletedInMarch()) strata[{c.dept_code, c.item_code}] = 0;
  for (const json& s : first.json["sample"]) ++strata[{s["dept_code"], s["item_code"]}];
  for (const auto& [key, n] : strata) EXPECT_EQ(n, 1) << key.first << " " << key.second;
  EXPECT_EQ(first.json["population"].get<std::size_t>(), CompletedInMarch().size());

  // A small rate with a minimum: every department has at least 3 (or all it has).
  Answer rated =
      Post("/api/v1/spot-checks",
           {{"period", "2025-03"}, {"seed", 5}, {"rate", 0.01}, {"min_per_dept", 3}}, sup);
  ASSERT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(rated.json["config"]["rate"], "0.01");
  std::map<std::string, int> completed_by_dept;
  for (const auto& c : CompletedInMarch()) ++completed_by_dept[c.dept_code];
  std::map<std::string, int> sampled_by_dept;
  for (const json& s : rated.json["sample"]) ++sampled_by_dept[s["dept_code"]];
  for (const auto& [dept, n] : completed_by_dept)
    EXPECT_GE(sampled_by_dept[dept], std::min(n, 3)) << dept;

  // Stored: the list and the draw itself show seed, configuration and sample.
  Answer list = Get("/api/v1/spot-checks", &sup);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["items"].size(), 4u);
  Answer one = Get("/api/v1/spot-checks/" + std::to_string(first.json["id"].get<int>()), &sup);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(SampleIds(one.json), SampleIds(first.json));
  EXPECT_EQ(one.json["seed"], 20250301);

  // Bad requests name their field.
  EXPECT_EQ(Post("/api/v1/spot-checks", {{"period", "2025-13"}}, sup).json["error"]["field"],
            "period");
  EXPECT_EQ(
      Post("/api/v1/spot-checks", {{"period", "2025-03"}, {"rate", 0.1}, {"per_stratum", 2}}, sup)
          .status,
      400);
  EXPECT_EQ(
      Post("/api/v1/spot-checks", {{"period", "2025-03"}, {"rate", 2}}, sup).json["error"]["field"],
      "rate");
  EXPECT_EQ(Post("/api/v1/spot-checks", {{"period", "2025-03"}, {"seed", -1}}, sup)
                .json["error"]["field"],
            "seed");
  EXPECT_EQ(Get("/api/v1/spot-checks/99999", &sup).status, 404);
}

TEST_F(SurveyTest, AConfirmedProblemBecomesAnAlertForItsDepartmentOnly) {
  Session sup = SignIn("sup");
  Session officer_a = SignIn("officer_a");
  Session officer_b = SignIn("officer_b");
  Answer check =
      Post("/api/v1/spot-checks", {{"period", "2025"}, {"seed", 11}, {"per_dept", 2}}, sup);
  ASSERT_EQ(check.status, 201) << check.body;
  const std::string path = "/api/v1/spot-checks/" + std::to_string(check.json["id"].get<int>());
  std::string case_a;
  std::string case_b;
  for (const json& s : check.json["sample"]) {
    if (s["dept_code"] == dept_a() && case_a.empty()) case_a = s["case_id"];
    if (s["dept_code"] == dept_b() && case_b.empty()) case_b = s["case_id"];
  }
  ASSERT_FALSE(case_a.empty());
  ASSERT_FALSE(case_b.empty());

  // A conformity and an unconfirmed suspicion raise nothing.
  Answer conforms = Post(path + "/findings", {{"case_id", case_b}, {"outcome", "conforms"}}, sup);
  ASSERT_EQ(conforms.status, 201) << conforms.body;
  EXPECT_TRUE(conforms.json["alert"].is_null());
  Answer suspicion = Post(path + "/findings",
                          {{"case_id", case_a},
                           {"outcome", "problem"},
                           {"category", "fee"},
                           {"text", "疑似多收费，待核实"},
                           {"confirmed", false}},
                          sup);
  ASSERT_EQ(suspicion.status, 201) << suspicion.body;
  EXPECT_TRUE(suspicion.json["alert"].is_null());
  EXPECT_TRUE(Get("/api/v1/alerts?rule=spotcheck.finding", &sup).json["items"].empty());

  // Confirmed: a red alert on the case, in department A's inbox.
  Answer confirmed = Post(path + "/findings",
                          {{"case_id", case_a},
                           {"outcome", "problem"},
                           {"category", "fee"},
                           {"text", "多收工本费 20 元"}},
                          sup);
  ASSERT_EQ(confirmed.status, 201) << confirmed.body;
  EXPECT_TRUE(confirmed.json["alert_raised"]);
  const json& alert = confirmed.json["alert"];
  EXPECT_EQ(alert["rule_id"], "spotcheck.finding");
  EXPECT_EQ(alert["level"], "red");
  EXPECT_EQ(alert["case_id"], case_a);
  EXPECT_EQ(alert["dept_code"], dept_a());
  EXPECT_EQ(alert["state"], "open");
  const int alert_id = alert["id"];
  Answer mine = Get("/api/v1/alerts?rule=spotcheck.finding", &officer_a);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json["items"].size(), 1u) << mine.body;
  EXPECT_EQ(mine.json["items"][0]["id"], alert_id);
  EXPECT_TRUE(Get("/api/v1/alerts?rule=spotcheck.finding", &officer_b).json["items"].empty());
  EXPECT_EQ(Get("/api/v1/alerts/" + std::to_string(alert_id), &officer_b).status, 404);
  // It enters the workflow like any alert: the department responds.
  Answer responded =
      Post("/api/v1/alerts/" + std::to_string(alert_id) + "/actions",
           {{"action", "respond"}, {"response_kind", "corrected"}, {"text", "已退还多收费用"}},
           officer_a);
  EXPECT_EQ(responded.status, 200) << responded.body;

  // A second inspector confirming the same problem links the same alert.
  Answer again = Post(path + "/findings",
                      {{"case_id", case_a},
                       {"outcome", "problem"},
                       {"category", "attitude"},
                       {"text", "复核：另有态度问题"}},
                      sup);
  ASSERT_EQ(again.status, 201);
  EXPECT_FALSE(again.json["alert_raised"]);
  EXPECT_EQ(again.json["finding"]["alert_id"], alert_id);
  EXPECT_EQ(Get("/api/v1/alerts?rule=spotcheck.finding", &sup).json["items"].size(), 1u);

  // The draw shows each case's findings, the latest outcome and the counts.
  Answer one = Get(path, &sup);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json["cases_checked"], 2);
  EXPECT_EQ(one.json["problems"], 1);
  for (const json& s : one.json["sample"]) {
    if (s["case_id"] == case_a) {
      EXPECT_EQ(s["findings"].size(), 3u);
      EXPECT_EQ(s["latest"], "problem");
    }
  }

  // Refusals name their field.
  EXPECT_EQ(Post(path + "/findings", {{"case_id", "not-sampled"}, {"outcome", "conforms"}}, sup)
                .json["error"]["field"],
            "case_id");
  EXPECT_EQ(
      Post(path + "/findings", {{"case_id", case_b}, {"outcome", "problem"}, {"text", "x"}}, sup)
          .json["error"]["field"],
      "category");
  EXPECT_EQ(
      Post(path + "/findings",
           {{"case_id", case_b}, {"outcome", "problem"}, {"category", "bribery"}, {"text", "x"}},
           sup)
          .json["error"]["field"],
      "category");
  EXPECT_EQ(Post(path + "/findings",
                 {{"case_id", case_b}, {"outcome", "conforms"}, {"category", "fee"}}, sup)
                .json["error"]["field"],
            "category");
  EXPECT_EQ(Post("/api/v1/spot-checks/99999/findings",
                 {{"case_id", case_b}, {"outcome", "conforms"}}, sup)
                .status,
            404);
  EXPECT_EQ(
      Post(path + "/findings", {{"case_id", case_b}, {"outcome", "conforms"}}, officer_b).status,
      403);
}

}  // namespace
}  // namespace oversight::server::testing
