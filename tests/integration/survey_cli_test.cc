// oversight survey and oversight spotcheck end to end on a small demo city:
// a questionnaire's life on the command line (with responses as the portal
// stores them), reproducible and stratified spot-check draws checked against
// the completed cases recomputed by SQL, and a finding that becomes an alert.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/event_type.h"
#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

using nlohmann::json;

constexpr char kExample[] = "examples/surveys/service-satisfaction.yaml";
constexpr char kSurvey[] = "service-satisfaction-2025q2";
// February 2025 in Asia/Shanghai, as Unix milliseconds.
constexpr char kFebFromMs[] = "1738339200000";  // 2025-02-01T00:00:00+08:00
constexpr char kFebToMs[] = "1740758400000";    // 2025-03-01T00:00:00+08:00

class SurveyCliTest : public CliTest {
 protected:
  void SetUp() override {
    CommandResult r = Run({"demo", "--db", kDb, "--scale", "0.005", "--months", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  CommandResult Oversight(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(kDb);
    return Run(args);
  }

  json OkJson(std::vector<std::string> args) {
    args.push_back("--json");
    CommandResult r = Oversight(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJson(r.out);
  }

  // Completed approval cases of February, recomputed straight from the tables:
  // (case, dept, item) whose first `complete` event falls in the month.
  std::vector<std::vector<std::string>> CompletedInFebruary() {
    const std::string complete = std::to_string(static_cast<int>(model::EventType::kComplete));
    return Query(
        "SELECT c.case_id, c.dept_code, c.item_code FROM cases c JOIN events e ON e.case_no = "
        "c.case_no AND e.type = " +
        complete +
        " WHERE c.kind = 0 GROUP BY c.case_no HAVING "
        "MIN(e.at_ms) >= " +
        kFebFromMs + " AND MIN(e.at_ms) < " + kFebToMs);
  }
};

std::string ReadAt(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> SampleIds(const json& check) {
  std::vector<std::string> ids;
  for (const json& s : check["sample"]) ids.push_back(s["case_id"]);
  return ids;
}

TEST_F(SurveyCliTest, AQuestionnairesLifeOnTheCommandLine) {
  const std::string now = "--now=2025-04-10T09:00:00+08:00";
  json created = OkJson({"survey", "create", SourcePath(kExample), now, "--by", "zhang"});
  EXPECT_EQ(created["id"], kSurvey);
  EXPECT_EQ(created["status"], "draft");
  EXPECT_EQ(created["version"], 1);
  CommandResult again = Oversight({"survey", "create", SourcePath(kExample), now});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("survey update"), std::string::npos) << again.err;

  // A definition with a mistake: exit 2, the field named.
  WriteFile("bad.yaml",
            "id: bad\ntitle: {zh: 标题, en: Title}\nopens_at: 2025-04-01T00:00:00+08:00\n"
            "closes_at: 2025-05-01T00:00:00+08:00\nquestions:\n"
            "  - {id: q, kind: single, text: {zh: a, en: b}, options: [{id: a, zh: a, en: a}, {id: "
            "a, zh: b, en: b}]}\n");
  CommandResult bad = Oversight({"survey", "create", Path("bad.yaml"), now});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("questions[0].options[1].id"), std::string::npos) << bad.err;

  json published = OkJson({"survey", "publish", kSurvey, now});
  EXPECT_EQ(published["status"], "open");
  EXPECT_EQ(Oversight({"survey", "publish", kSurvey, now}).exit_code, 1);
  json listed = OkJson({"survey", "list", now});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["status"], "open");

  json empty = OkJson({"survey", "results", kSurvey, now});
  EXPECT_EQ(empty["submissions"], 0);
  EXPECT_TRUE(empty["valid_response_rate"].is_null());

  // Two responses and a refusal, as the portal stores them.
  const auto cases = CompletedInFebruary();
  ASSERT_GE(cases.size(), 2u);
  std::string other_dept;
  for (const auto& c : cases) {
    if (c[1] != cases[0][1]) other_dept = c[1];
  }
  ASSERT_FALSE(other_dept.empty());
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string answers =
        i == 0 ? R"({"channel":"online","overall":1,"trips":"0"})"
               : R"({"channel":"window","overall":4,"problems":["fee","attitude"],"trips":"2"})";
    EXPECT_EQ(
        ExecSqlite(
            Path(kDb),
            "INSERT INTO survey_responses (survey_id, version, case_id, dept_code, item_code, "
            "received_ms, answers) VALUES ('" +
                std::string(kSurvey) + "', 1, '" + cases[i][0] + "', '" + cases[0][1] + "', '" +
                cases[i][2] + "', 1744246800000, '" + answers + "')"),
        "");
    EXPECT_EQ(
        ExecSqlite(
            Path(kDb),
            "INSERT INTO survey_submissions (survey_id, version, received_ms, dept_code, outcome, "
            "response_id) VALUES ('" +
                std::string(kSurvey) + "', 1, 1744246800000, '" + cases[0][1] + "', 'valid', " +
                std::to_string(i + 1) + ")"),
        "");
  }
  EXPECT_EQ(
      ExecSqlite(
          Path(kDb),
          "INSERT INTO survey_submissions (survey_id, version, received_ms, dept_code, outcome, "
          "field) VALUES ('" +
              std::string(kSurvey) +
              "', 1, 1744246800000, '', 'invalid', "
              "'answers.overall')"),
      "");
  // Responses are append-only.
  EXPECT_NE(ExecSqlite(Path(kDb), "UPDATE survey_responses SET answers = '{}'"), "");

  json results = OkJson({"survey", "results", kSurvey, now});
  EXPECT_EQ(results["submissions"], 3);
  EXPECT_EQ(results["valid_responses"], 2);
  EXPECT_DOUBLE_EQ(results["valid_response_rate"].get<double>(), 0.6667);
  const json& overall = results["versions"][0]["questions"][0];
  EXPECT_EQ(overall["distribution"], json::array({1, 0, 0, 1, 0}));
  EXPECT_DOUBLE_EQ(overall["mean"].get<double>(), 2.5);
  EXPECT_EQ(results["versions"][0]["questions"][3]["options"][2]["count"], 1);  // fee
  // One department's view has its responses only, and no refusal without a case.
  json theirs = OkJson({"survey", "results", kSurvey, now, "--dept", other_dept});
  EXPECT_EQ(theirs["valid_responses"], 0);
  json mine = OkJson({"survey", "results", kSurvey, now, "--dept", cases[0][1]});
  EXPECT_EQ(mine["valid_responses"], 2);
  EXPECT_EQ(mine["submissions"], 2);
  CommandResult text = Oversight({"survey", "results", kSurvey, now});
  EXPECT_NE(text.out.find("valid response rate 66.7%"), std::string::npos) << text.out;

  // A new version; the stored responses keep version 1.
  std::string v2 = ReadAt(SourcePath(kExample));
  v2.replace(v2.find("max_chars: 500"), 14, "max_chars: 300");
  WriteFile("v2.yaml", v2);
  json updated = OkJson({"survey", "update", Path("v2.yaml"), now});
  EXPECT_EQ(updated["version"], 2);
  json after_update = OkJson({"survey", "results", kSurvey, now});
  EXPECT_EQ(after_update["current_version"], 2);
  EXPECT_EQ(after_update["versions"][0]["responses"], 2);
  EXPECT_EQ(after_update["versions"][1]["responses"], 0);

  json closed = OkJson({"survey", "close", kSurvey, now});
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(Oversight({"survey", "close", kSurvey, now}).exit_code, 1);
  EXPECT_EQ(Oversight({"survey", "update", Path("v2.yaml"), now}).exit_code, 1);
  EXPECT_EQ(Oversight({"survey", "results", "no-such", now}).exit_code, 1);

  // Every change is in the operations audit trail, by who made it.
  auto log = Query("SELECT action, actor, result FROM ops_log WHERE object = 'survey:" +
                   std::string(kSurvey) + "' ORDER BY seq");
  std::vector<std::string> actions;
  for (const auto& row : log) actions.push_back(row[0] + ":" + row[2]);
  EXPECT_EQ(actions, (std::vector<std::string>{"survey.create:ok", "survey.create:failed",
                                               "survey.publish:ok", "survey.publish:failed",
                                               "survey.edit:ok", "survey.close:ok",
                                               "survey.close:failed", "survey.edit:failed"}));
  EXPECT_EQ(log[0][1], "zhang");
}

TEST_F(SurveyCliTest, SpotCheckDrawsAreReproducibleAndStratified) {
  const auto completed = CompletedInFebruary();
  ASSERT_FALSE(completed.empty());
  json first = OkJson({"spotcheck", "draw", "--period", "2025-02", "--seed", "7"});
  json second = OkJson({"spotcheck", "draw", "--period", "2025-02", "--seed", "7"});
  json other = OkJson({"spotcheck", "draw", "--period", "2025-02", "--seed", "8"});
  EXPECT_EQ(first["seed"], 7);
  EXPECT_EQ(first["population"].get<std::size_t>(), completed.size());
  EXPECT_EQ(SampleIds(first), SampleIds(second));
  EXPECT_NE(SampleIds(first), SampleIds(other));

  // The default is one case from every department and item with a completed case.
  std::map<std::pair<std::string, std::string>, int> strata;
  for (const auto& c : completed) strata[{c[1], c[2]}] = 0;
  for (const json& s : first["sample"]) ++strata[{s["dept_code"], s["item_code"]}];
  for (const auto& [key, n] : strata) EXPECT_EQ(n, 1) << key.first << " " << key.second;

  // A rate too small for most strata, with a minimum per department.
  json rated = OkJson({"spotcheck", "draw", "--period", "2025-02", "--seed", "3", "--rate", "0.05",
                       "--min-per-dept", "2"});
  std::map<std::string, int> have;
  for (const auto& c : completed) ++have[c[1]];
  std::map<std::string, int> got;
  for (const json& s : rated["sample"]) ++got[s["dept_code"]];
  for (const auto& [dept, n] : have) EXPECT_GE(got[dept], std::min(n, 2)) << dept;
  for (const json& s : rated["sample"]) {
    if (s["reason"] == "minimum") {
      EXPECT_LE(got[s["dept_code"]], 2) << "a top-up stops at the minimum";
    }
  }

  // Stored with its seed and configuration; show gives the same sample.
  const std::string id = std::to_string(first["id"].get<int>());
  json shown = OkJson({"spotcheck", "show", id});
  EXPECT_EQ(SampleIds(shown), SampleIds(first));
  EXPECT_EQ(
      Query("SELECT seed, config FROM spot_checks WHERE id = " + id)[0],
      (std::vector<std::string>{"7", R"({"min_per_dept":0,"size":1,"sizing":"per_stratum"})"}));
  EXPECT_EQ(OkJson({"spotcheck", "list"}).size(), 4u);

  // Usage errors.
  EXPECT_EQ(Oversight({"spotcheck", "draw", "--period", "2025-2"}).exit_code, 2);
  EXPECT_EQ(
      Oversight({"spotcheck", "draw", "--period", "2025-02", "--rate", "0.1", "--per-dept", "2"})
          .exit_code,
      2);
  EXPECT_EQ(Oversight({"spotcheck", "draw", "--period", "2025-02", "--seed", "9007199254740992"})
                .exit_code,
            2);
  EXPECT_EQ(Oversight({"spotcheck", "draw", "--period", "2025-02", "--rate", "1.5"}).exit_code, 2);
}

TEST_F(SurveyCliTest, AConfirmedFindingBecomesAnAlert) {
  json check = OkJson({"spotcheck", "draw", "--period", "2025-02", "--seed", "1", "--by", "li"});
  const std::string id = std::to_string(check["id"].get<int>());
  const std::string sampled = check["sample"][0]["case_id"];
  const std::string dept = check["sample"][0]["dept_code"];
  json suspicion =
      OkJson({"spotcheck", "finding", id, "--case", sampled, "--outcome", "problem", "--category",
              "time_limit", "--text", "疑似超时", "--unconfirmed", "--by", "wang"});
  EXPECT_TRUE(suspicion["alert_id"].is_null());
  json finding =
      OkJson({"spotcheck", "finding", id, "--case", sampled, "--outcome", "problem", "--category",
              "time_limit", "--text", "超过承诺时限 3 个工作日", "--by", "wang"});
  EXPECT_TRUE(finding["alert_raised"]);
  EXPECT_EQ(finding["alert_level"], "red");
  auto alerts = Query(
      "SELECT rule_id, case_id, level, state, dept_code, occurrence FROM alerts WHERE rule_id = "
      "'spotcheck.finding'");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0],
            (std::vector<std::string>{"spotcheck.finding", sampled, "red", "open", dept, id}));
  // Confirmed again: the same alert.
  json again = OkJson({"spotcheck", "finding", id, "--case", sampled, "--outcome", "problem",
                       "--category", "fee", "--text", "另查多收费", "--by", "zhao"});
  EXPECT_FALSE(again["alert_raised"]);
  EXPECT_EQ(again["alert_id"], finding["alert_id"]);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM alerts WHERE rule_id = 'spotcheck.finding'")[0][0], "1");
  // Judging the history again (oversight run, a server start) leaves the
  // inspector's finding alone: no rule derives it, so none withdraws it.
  CommandResult rerun = Run({"run", "--db", Path(kDb), "--rules", SourcePath("rules"), "--until",
                             "2026-06-01T00:00:00Z"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(Query("SELECT state FROM alerts WHERE rule_id = 'spotcheck.finding'")[0][0], "open");
  json shown = OkJson({"spotcheck", "show", id});
  EXPECT_EQ(shown["cases_checked"], 1);
  EXPECT_EQ(shown["problems"], 1);
  // Findings are append-only.
  EXPECT_NE(ExecSqlite(Path(kDb), "DELETE FROM spot_check_findings"), "");

  // A case outside the sample, a problem without category: refused.
  CommandResult outside = Oversight(
      {"spotcheck", "finding", id, "--case", "445200-2099-999999", "--outcome", "conforms"});
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.err.find("not in the sample"), std::string::npos) << outside.err;
  CommandResult no_category = Oversight(
      {"spotcheck", "finding", id, "--case", sampled, "--outcome", "problem", "--text", "x"});
  EXPECT_EQ(no_category.exit_code, 2);
  EXPECT_NE(no_category.err.find("category"), std::string::npos) << no_category.err;
}

}  // namespace
}  // namespace oversight::testing
