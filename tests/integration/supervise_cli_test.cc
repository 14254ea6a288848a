// The engine end to end: the demo city's alerts equal its ground truth of
// injected violations (no missed one, no extra one); running twice stores
// nothing twice; a late event that removes the reason withdraws the alert.

#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

// Which default-pack rule each injected violation must trip (rules/, docs/RULES.md).
const std::map<std::string, std::string>& RuleOfViolation() {
  static const std::map<std::string, std::string> kMap = {
      {"acceptance_overdue", "license.accept-within-5-days"},
      {"completion_overdue", "license.complete-within-limit"},
      {"second_supplement", "license.one-time-supplement-notice"},
      {"decide_without_accept", "license.decide-without-accept"},
      {"too_fast", "license.too-fast-10-minutes"},
      {"fee_mismatch", "license.fee-mismatch"},
      {"complaint_feedback_late", "complaint.first-feedback-24h"},
  };
  return kMap;
}

class SuperviseCliTest : public CliTest {
 protected:
  std::set<std::pair<std::string, std::string>> BreachAlerts() {
    CommandResult r = Run({"alerts", "list", "--db", db_, "--json", "--limit", "1000000"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::pair<std::string, std::string>> out;
    for (const nlohmann::json& a : ParseJson(r.out)) {
      if (a["state"] == "open" && (a["level"] == "yellow" || a["level"] == "red")) {
        out.insert({a["rule"].get<std::string>(), a["case_id"].get<std::string>()});
      }
    }
    return out;
  }
  std::string db_ = "city.db";
  CommandResult RunRules() {
    return Run({"run", "--db", db_, "--rules", SourcePath("rules"), "--until",
                "2026-06-01T00:00:00Z", "--json"});
  }
};

TEST_F(SuperviseCliTest, DemoAlertsEqualTheInjectedViolations) {
  for (const char* seed : {"3", "11"}) {
    std::filesystem::remove(Path("city.db"));
    ASSERT_EQ(Run({"demo", "--db", "city.db", "--scale", "0.02", "--seed", seed, "--truth", "t.jsonl"})
                  .exit_code, 0);
    CommandResult run = RunRules();
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::set<std::pair<std::string, std::string>> expected;
    for (const nlohmann::json& t : ParseJsonLines(ReadFile("t.jsonl"))) {
      expected.insert({RuleOfViolation().at(t["violation"]), t["case_id"].get<std::string>()});
    }
    ASSERT_GT(expected.size(), 100u);
    EXPECT_EQ(BreachAlerts(), expected) << "seed " << seed;
  }
}

// Arrival order must not matter: events shuffled within windows of 200 (late by
// up to a few days), split over several ingests each judging as it goes, end in
// the same alert set as one ordered replay.
TEST_F(SuperviseCliTest, ShuffledArrivalGivesTheSameAlertsAsOrderedReplay) {
  ASSERT_EQ(Run({"demo", "--no-db", "--jsonl", "city.jsonl", "--catalog", "catalog.jsonl", "--scale",
                 "0.01", "--months", "3", "--seed", "5"}).exit_code, 0);
  std::vector<std::string> lines;
  {
    std::string all = ReadFile("city.jsonl"), line;
    for (char c : all) {
      if (c == '\n') {
        lines.push_back(line);
        line.clear();
      } else {
        line += c;
      }
    }
  }
  ASSERT_GT(lines.size(), 2000u);
  // Ordered: one ingest, then one run.
  db_ = "ordered.db";
  ASSERT_EQ(Run({"catalog", "import", "catalog.jsonl", "--db", db_}).exit_code, 0);
  ASSERT_EQ(Run({"ingest", "city.jsonl", "--source", "hall", "--db", db_, "--now", "2026-06-01T00:00:00Z"}).exit_code, 0);
  ASSERT_EQ(RunRules().exit_code, 0);
  std::set<std::pair<std::string, std::string>> ordered = BreachAlerts();
  // Shuffled: a deterministic permutation inside each window, four ingests with --rules.
  std::uint64_t x = 88172645463325252ULL;
  for (size_t start = 0; start < lines.size(); start += 200) {
    size_t end = std::min(lines.size(), start + 200);
    for (size_t i = end - 1; i > start; --i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      std::swap(lines[i], lines[start + x % (i - start + 1)]);
    }
  }
  db_ = "shuffled.db";
  ASSERT_EQ(Run({"catalog", "import", "catalog.jsonl", "--db", db_}).exit_code, 0);
  for (int part = 0; part < 4; ++part) {
    std::string chunk;
    for (size_t i = part * lines.size() / 4; i < (part + 1) * lines.size() / 4; ++i) chunk += lines[i] + "\n";
    WriteFile("part.jsonl", chunk);
    CommandResult r = Run({"ingest", "part.jsonl", "--source", "hall", "--db", db_, "--now",
                           "2026-06-01T00:00:00Z", "--rules", SourcePath("rules")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(BreachAlerts(), ordered);
  ASSERT_GT(ordered.size(), 10u);
}

// Live: the same exactness when the engine judges events as ingest writes them.
TEST_F(SuperviseCliTest, IngestWithRulesFindsExactlyTheInjectedViolations) {
  ASSERT_EQ(Run({"demo", "--no-db", "--jsonl", "city.jsonl", "--catalog", "catalog.jsonl", "--truth",
                 "t.jsonl", "--scale", "0.02", "--seed", "9"}).exit_code, 0);
  ASSERT_EQ(Run({"catalog", "import", "catalog.jsonl", "--db", db_}).exit_code, 0);
  CommandResult ingest = Run({"ingest", "city.jsonl", "--source", "hall", "--db", db_, "--now",
                              "2026-06-01T00:00:00Z", "--rules", SourcePath("rules"), "--json"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  std::set<std::pair<std::string, std::string>> expected;
  for (const nlohmann::json& t : ParseJsonLines(ReadFile("t.jsonl"))) {
    expected.insert({RuleOfViolation().at(t["violation"]), t["case_id"].get<std::string>()});
  }
  EXPECT_EQ(BreachAlerts(), expected);
  // A run over the stored history afterwards agrees: nothing new, nothing withdrawn.
  nlohmann::json replay = ParseJson(RunRules().out);
  EXPECT_EQ(replay["raised"], 0);
  EXPECT_EQ(replay["withdrawn"], 0);
}

TEST_F(SuperviseCliTest, RunningAgainRaisesNothingTwice) {
  ASSERT_EQ(Run({"demo", "--db", "city.db", "--scale", "0.01", "--months", "2"}).exit_code, 0);
  nlohmann::json first = ParseJson(RunRules().out);
  ASSERT_GT(first["raised"].get<int>(), 0);
  nlohmann::json second = ParseJson(RunRules().out);
  EXPECT_EQ(second["raised"], 0);
  EXPECT_EQ(second["withdrawn"], 0);
  EXPECT_EQ(second["alerts"], first["alerts"]);
  // A backtest writes nothing and reports the same set.
  CommandResult backtest = Run({"rules", "backtest", "--db", "city.db", "--rules", SourcePath("rules"),
                                "--until", "2026-06-01T00:00:00Z", "--json"});
  ASSERT_EQ(backtest.exit_code, 0) << backtest.err;
  EXPECT_EQ(ParseJson(backtest.out)["alerts"], first["alerts"]);
}

TEST_F(SuperviseCliTest, LateEventWithdrawsAnAlertThatNoLongerHolds) {
  db_ = "store.db";  // the store Ingest and ImportCatalog use
  ImportCatalog();
  // Submitted Monday 2025-03-03; no acceptance seen: overdue after 5 working days.
  WriteFile("a.jsonl", EventLine("e1", {{"case_id", "late-1"}, {"type", "submit"}, {"at", "2025-03-03T09:00:00+08:00"}}) + "\n");
  Ingest({"a.jsonl"});
  ASSERT_EQ(RunRules().exit_code, 0);
  ASSERT_EQ(BreachAlerts().count({"license.accept-within-5-days", "late-1"}), 1u);
  // The department's system sends the acceptance late: it happened on day 2.
  WriteFile("b.jsonl", EventLine("e2", {{"case_id", "late-1"}, {"type", "accept"}, {"at", "2025-03-04T10:00:00+08:00"}}) + "\n");
  Ingest({"b.jsonl"});
  nlohmann::json again = ParseJson(RunRules().out);
  EXPECT_GE(again["withdrawn"].get<int>(), 1);
  EXPECT_EQ(BreachAlerts().count({"license.accept-within-5-days", "late-1"}), 0u);
  CommandResult show = Run({"case", "show", "late-1", "--db", db_, "--json", "--rules", SourcePath("rules"),
                            "--until", "2026-06-01T00:00:00Z"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  nlohmann::json kase = ParseJson(show.out);
  EXPECT_EQ(kase["events"].size(), 2u);
  bool withdrawn = false;
  for (const nlohmann::json& a : kase["alerts"]) {
    if (a["rule"] == "license.accept-within-5-days" && a["state"] == "withdrawn") withdrawn = true;
  }
  EXPECT_TRUE(withdrawn) << show.out;
  // The timeline shows the acceptance deadline, due 00:00 of Tue 03-11, and met.
  bool deadline_shown = false;
  for (const nlohmann::json& d : kase["deadlines"]) {
    if (d["rule"] != "license.accept-within-5-days") continue;
    for (const nlohmann::json& stage : d["stages"]) {
      if (stage["level"] == "yellow") {
        deadline_shown = true;
        EXPECT_EQ(stage["due"], "2025-03-10T16:00:00Z");
        EXPECT_EQ(stage["state"], "met");
      }
    }
  }
  EXPECT_TRUE(deadline_shown) << show.out;
}

TEST_F(SuperviseCliTest, IngestWithRulesRaisesAlertsAsEventsArrive) {
  db_ = "store.db";
  ImportCatalog();
  // Submitted Monday 2025-03-03 and never accepted; ingested a month later.
  WriteFile("a.jsonl", EventLine("e1", {{"case_id", "slow-1"}, {"type", "submit"}, {"at", "2025-03-03T09:00:00+08:00"}}) + "\n" +
                           EventLine("e2", {{"case_id", "fine-1"}, {"type", "submit"}, {"at", "2025-03-03T09:00:00+08:00"}}) + "\n" +
                           EventLine("e3", {{"case_id", "fine-1"}, {"type", "accept"}, {"at", "2025-03-04T09:00:00+08:00"}}) + "\n");
  nlohmann::json summary = Ingest({"a.jsonl"}, {"--rules", SourcePath("rules")});
  ASSERT_TRUE(summary.contains("engine")) << summary.dump();
  EXPECT_EQ(summary["engine"]["cases"], 2);
  EXPECT_EQ(summary["stored"], 3);
  std::set<std::pair<std::string, std::string>> breaches = BreachAlerts();
  EXPECT_EQ(breaches.count({"license.accept-within-5-days", "slow-1"}), 1u);
  EXPECT_EQ(breaches.count({"license.accept-within-5-days", "fine-1"}), 0u);
}

TEST_F(SuperviseCliTest, RateRuleJudgesADepartmentMonth) {
  db_ = "store.db";
  ImportCatalog();
  std::filesystem::create_directories(Path("myrules/common"));
  WriteFile("myrules/common/rate.yaml",
            "id: test.rejection-rate\nversion: 1\ntitle: 不予受理率\nlevel: common\nstatus: active\n"
            "proposal: true\ncase_kind: approval\nseverity: yellow\nrate:\n  period: month\n"
            "  numerator: event.type == \"reject\"\n  denominator: event.type in [\"accept\", \"reject\"]\n"
            "  bound: 30%\n  min_cases: 4\n");
  std::string lines;
  for (int i = 0; i < 4; ++i) {
    std::string id = "r" + std::to_string(i);
    lines += EventLine(id + "a", {{"case_id", id}, {"type", "submit"}, {"at", "2025-03-03T09:00:00+08:00"}}) + "\n";
    lines += EventLine(id + "b", {{"case_id", id}, {"type", i < 2 ? "reject" : "accept"}, {"at", "2025-03-04T09:00:00+08:00"}}) + "\n";
  }
  WriteFile("m.jsonl", lines);
  Ingest({"m.jsonl"});
  CommandResult run = Run({"run", "--db", db_, "--rules", Path("myrules"), "--until", "2025-06-01T00:00:00Z", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  CommandResult list = Run({"alerts", "list", "--db", db_, "--json", "--rule", "test.rejection-rate"});
  nlohmann::json alerts = ParseJson(list.out);
  ASSERT_EQ(alerts.size(), 1u) << list.out;
  EXPECT_EQ(alerts[0]["case_id"], std::string(kDept) + "/2025-03");
  EXPECT_EQ(alerts[0]["dept"], kDept);
  EXPECT_EQ(alerts[0]["reason"], "2 of 4 (50.0%) in 2025-03, above 30.0%");
}

TEST_F(SuperviseCliTest, ADepartmentRuleRunsOnlyOnceApprovedAndStopsWhenRetired) {
  const std::string rule = "dept.scjg.window-accept-same-day";
  const std::string dept = "11445200MBPXCB2C28";  // the rule's owner, in the demo city
  ASSERT_EQ(Run({"demo", "--no-db", "--jsonl", "x.jsonl", "--catalog", "cat.jsonl", "--scale", "0.001",
                 "--months", "1"}).exit_code, 0);
  ASSERT_EQ(Run({"catalog", "import", "cat.jsonl", "--db", db_}).exit_code, 0);
  std::string item;
  for (const nlohmann::json& record : ParseJsonLines(ReadFile("cat.jsonl"))) {
    if (record["record"] == "item" && record["dept"] == dept && item.empty()) item = record["code"];
  }
  ASSERT_FALSE(item.empty());
  // Handed in at the window on Monday, accepted on Thursday: late by the bureau's own rule.
  WriteFile("w.jsonl",
            EventLine("w1", {{"case_id", "win-1"}, {"type", "submit"}, {"dept", dept}, {"item", item},
                             {"channel", "window"}, {"at", "2025-03-03T09:00:00+08:00"}}) + "\n" +
            EventLine("w2", {{"case_id", "win-1"}, {"type", "accept"}, {"dept", dept}, {"item", item},
                             {"channel", "window"}, {"at", "2025-03-06T09:00:00+08:00"}}) + "\n");
  ASSERT_EQ(Run({"ingest", "w.jsonl", "--source", "hall", "--db", db_, "--now", "2026-01-01T00:00:00Z"}).exit_code, 0);
  auto count = [&] {
    CommandResult r = Run({"alerts", "list", "--db", db_, "--json", "--rule", rule, "--state", "open", "--limit", "100000"});
    return ParseJson(r.out).size();
  };
  ASSERT_EQ(RunRules().exit_code, 0);
  EXPECT_EQ(count(), 0u);  // pending approval: not running

  // Approving out of turn is refused; the bureau approves the pending rule.
  CommandResult retire_first = Run({"rules", "submit", rule, "--by", "someone", "--rules", SourcePath("rules"), "--db", db_});
  EXPECT_EQ(retire_first.exit_code, 1);  // it is pending already, not a draft
  CommandResult approve = Run({"rules", "approve", rule, "--by", "监察局 王", "--rules", SourcePath("rules"),
                               "--db", db_, "--now", "2025-01-01T00:00:00Z"});
  ASSERT_EQ(approve.exit_code, 0) << approve.err;
  EXPECT_NE(approve.out.find("pending_approval → active"), std::string::npos) << approve.out;
  ASSERT_EQ(RunRules().exit_code, 0);
  std::size_t while_active = count();
  EXPECT_EQ(while_active, 1u);

  CommandResult status = Run({"rules", "status", "--rules", SourcePath("rules"), "--db", db_, "--json"});
  bool seen = false;
  for (const nlohmann::json& r : ParseJson(status.out)) {
    if (r["rule"] == rule) {
      seen = true;
      EXPECT_EQ(r["status"], "active");
      EXPECT_EQ(r["by"], "监察局 王");
    }
  }
  EXPECT_TRUE(seen);

  ASSERT_EQ(Run({"rules", "retire", rule, "--by", "监察局 王", "--rules", SourcePath("rules"), "--db", db_}).exit_code, 0);
  nlohmann::json after = ParseJson(RunRules().out);
  EXPECT_EQ(after["withdrawn"].get<std::size_t>(), while_active);
  EXPECT_EQ(count(), 0u);
}

TEST_F(SuperviseCliTest, AlertsListJsonHasTheAgreedKeys) {
  ASSERT_EQ(Run({"demo", "--db", "city.db", "--scale", "0.01", "--months", "2"}).exit_code, 0);
  ASSERT_EQ(RunRules().exit_code, 0);
  CommandResult r = Run({"alerts", "list", "--db", db_, "--json", "--level", "yellow", "--limit", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json alerts = ParseJson(r.out);
  ASSERT_TRUE(alerts.is_array());
  ASSERT_FALSE(alerts.empty());
  for (const nlohmann::json& a : alerts) {
    for (const char* key : {"id", "rule", "case_id", "level", "state", "raised_at"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
    EXPECT_EQ(a["level"], "yellow");
  }
}

}  // namespace
}  // namespace oversight::testing
