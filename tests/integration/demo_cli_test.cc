// oversight demo: deterministic for a seed, different for another, and its
// output is what the rest of the system accepts (a verifiable store; events that
// ingest without quarantine against the city's own catalog). Cut at --until, the
// history ends there and the engine judging at that instant finds its truth exactly.

#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class DemoCliTest : public CliTest {
 protected:
  void Generate(const std::string& seed, const std::string& events, const std::string& truth) {
    CommandResult r = Run({"demo", "--no-db", "--jsonl", events, "--truth", truth, "--scale", "0.01",
                           "--seed", seed});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(DemoCliTest, SameSeedGivesByteIdenticalFiles) {
  Generate("7", "a.jsonl", "t.jsonl");
  Generate("7", "b.jsonl", "u.jsonl");
  Generate("8", "c.jsonl", "v.jsonl");
  std::string a = ReadFile("a.jsonl");
  ASSERT_GT(a.size(), 100'000u);
  EXPECT_TRUE(a == ReadFile("b.jsonl"));
  EXPECT_TRUE(ReadFile("t.jsonl") == ReadFile("u.jsonl"));
  EXPECT_FALSE(a == ReadFile("c.jsonl"));
  EXPECT_FALSE(ReadFile("t.jsonl") == ReadFile("v.jsonl"));
  // --no-db writes no store.
  EXPECT_FALSE(std::filesystem::exists(Path("oversight.db")));

  // The truth names cases of the generated events, each with its violation.
  std::vector<nlohmann::json> truth = ParseJsonLines(ReadFile("t.jsonl"));
  ASSERT_FALSE(truth.empty());
  for (const nlohmann::json& record : truth) {
    ASSERT_TRUE(record.contains("case_id")) << record.dump();
    ASSERT_TRUE(record.contains("violation")) << record.dump();
    EXPECT_FALSE(record["violation"].get<std::string>().empty());
    std::string needle = "\"case_id\":\"" + record["case_id"].get<std::string>() + "\"";
    EXPECT_NE(a.find(needle), std::string::npos) << record.dump();
  }
}

TEST_F(DemoCliTest, DemoStoreVerifiesAndHasEvents) {
  CommandResult r = Run({"demo", "--db", "x.db", "--scale", "0.01", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json summary = ParseJson(r.out);
  ASSERT_GT(summary["events"].get<int>(), 1000);
  EXPECT_EQ(summary["stored"], summary["events"]);

  CommandResult verify = Run({"audit", "verify", "--json", "--db", "x.db"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(ParseJson(verify.out)["events_checked"], summary["events"]);

  CommandResult status = Run({"status", "--json", "--db", "x.db"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  nlohmann::json counts = ParseJson(status.out);
  EXPECT_EQ(counts["events"], summary["events"]);
  EXPECT_EQ(counts["departments"], summary["departments"]);
  EXPECT_EQ(counts["items"], summary["items"]);
  EXPECT_GT(counts["cases"].get<int>(), 0);
}

TEST_F(DemoCliTest, DemoEventsIngestCleanlyAgainstTheDemoCatalog) {
  CommandResult r = Run({"demo", "--no-db", "--jsonl", "city.jsonl", "--catalog", "catalog.jsonl",
                         "--scale", "0.01", "--months", "2", "--seed", "11"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(Run({"catalog", "import", "catalog.jsonl", "--db", kDb}).exit_code, 0);
  nlohmann::json summary = Ingest({"city.jsonl"}, {}, "demo");
  EXPECT_GT(summary["stored"].get<int>(), 0);
  EXPECT_EQ(summary["stored"], summary["read"]);
  EXPECT_EQ(summary["quarantined"], 0) << summary.dump();
}

// Which default-pack rule each injected violation must trip (as in supervise_cli_test.cc).
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

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      out.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  return out;
}

TEST_F(DemoCliTest, UntilEndsTheHistoryAndTheEngineFindsExactlyItsTruth) {
  // Local midnight: completion and acceptance deadlines (end-of-day counting) fall on
  // it, so cases due exactly then are part of the check.
  const std::string until = "2025-07-01T00:00:00+08:00";
  ASSERT_EQ(Run({"demo", "--no-db", "--jsonl", "whole.jsonl", "--truth", "whole_t.jsonl", "--scale",
                 "0.02", "--seed", "3"}).exit_code, 0);
  CommandResult cut = Run({"demo", "--db", "cut.db", "--jsonl", "cut.jsonl", "--truth", "t.jsonl",
                           "--scale", "0.02", "--seed", "3", "--until", until, "--json"});
  ASSERT_EQ(cut.exit_code, 0) << cut.err;

  // The cut file is the whole run's lines before `until` (all at +08:00, whole seconds
  // compared: the cut instant has none).
  std::vector<std::string> before;
  for (const std::string& line : Lines(ReadFile("whole.jsonl"))) {
    std::string at = ParseJson(line)["at"];
    ASSERT_EQ(at.substr(at.size() - 6), "+08:00") << at;
    if (at.substr(0, 19) < until.substr(0, 19)) before.push_back(line);
  }
  std::vector<std::string> lines = Lines(ReadFile("cut.jsonl"));
  EXPECT_EQ(lines.size(), before.size());
  EXPECT_TRUE(lines == before);
  EXPECT_EQ(ParseJson(cut.out)["events"].get<std::size_t>(), lines.size());
  EXPECT_EQ(ParseJson(cut.out)["stored"].get<std::size_t>(), lines.size());

  // Cases accepted before `until` and not concluded are in flight.
  std::map<std::string, std::set<std::string>> types;
  for (const std::string& line : lines) {
    nlohmann::json e = ParseJson(line);
    if (e["kind"] == "approval") types[e["case_id"]].insert(e["type"].get<std::string>());
  }
  int in_flight = 0;
  for (const auto& [id, seen] : types) {
    bool concluded = seen.contains("complete") || seen.contains("reject") || seen.contains("withdraw");
    in_flight += seen.contains("accept") && !concluded;
  }
  EXPECT_GT(in_flight, 50);

  // The truth is part of the whole run's.
  std::set<std::string> whole_truth;
  for (const std::string& line : Lines(ReadFile("whole_t.jsonl"))) whole_truth.insert(line);
  std::vector<std::string> truth_lines = Lines(ReadFile("t.jsonl"));
  EXPECT_LT(truth_lines.size(), whole_truth.size());
  for (const std::string& line : truth_lines) EXPECT_TRUE(whole_truth.contains(line)) << line;
  EXPECT_EQ(ParseJson(cut.out)["violations"].get<std::size_t>(), truth_lines.size());

  // The default rules judging at `until` raise a card for each truth record and no
  // other yellow or red card, as on the whole history.
  CommandResult run = Run({"run", "--db", "cut.db", "--rules", SourcePath("rules"), "--until", until,
                           "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::pair<std::string, std::string>> expected;
  for (const std::string& line : truth_lines) {
    nlohmann::json t = ParseJson(line);
    expected.insert({RuleOfViolation().at(t["violation"]), t["case_id"].get<std::string>()});
  }
  ASSERT_GT(expected.size(), 50u);
  CommandResult list = Run({"alerts", "list", "--db", "cut.db", "--json", "--limit", "1000000"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::set<std::pair<std::string, std::string>> breaches;
  for (const nlohmann::json& a : ParseJson(list.out)) {
    if (a["state"] == "open" && (a["level"] == "yellow" || a["level"] == "red")) {
      breaches.insert({a["rule"].get<std::string>(), a["case_id"].get<std::string>()});
    }
  }
  EXPECT_EQ(breaches, expected);
}

TEST_F(DemoCliTest, UntilOutsideTheSpanIsAUsageErrorNamingIt) {
  for (const std::string& until : {std::string("2025-01-01T00:00:00+08:00"),
                                   std::string("2025-03-01T00:00:01+08:00")}) {
    CommandResult r = Run({"demo", "--no-db", "--jsonl", "a.jsonl", "--scale", "0.01", "--months", "2",
                           "--until", until});
    EXPECT_EQ(r.exit_code, 2) << until;
    EXPECT_NE(r.err.find("until"), std::string::npos) << r.err;
  }
  // "now" is the clock, long after a 2025 span.
  CommandResult now = Run({"demo", "--no-db", "--jsonl", "a.jsonl", "--scale", "0.01", "--until", "now"});
  EXPECT_EQ(now.exit_code, 2);
  EXPECT_NE(now.err.find("until = 20"), std::string::npos) << now.err;
  EXPECT_NE(now.err.find("is outside"), std::string::npos) << now.err;
  // Not an instant.
  CommandResult bad = Run({"demo", "--no-db", "--jsonl", "a.jsonl", "--scale", "0.01", "--until",
                           "tomorrow"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--until"), std::string::npos) << bad.err;
}

TEST_F(DemoCliTest, NoDbWithoutJsonlIsAUsageError) {
  CommandResult r = Run({"demo", "--no-db", "--scale", "0.01"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
}

TEST_F(DemoCliTest, BadScaleIsAUsageError) {
  CommandResult r = Run({"demo", "--no-db", "--jsonl", "a.jsonl", "--scale", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
}

}  // namespace
}  // namespace oversight::testing
