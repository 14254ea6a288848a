// oversight demo: deterministic for a seed, different for another, and its
// output is what the rest of the system accepts (a verifiable store; events that
// ingest without quarantine against the city's own catalog).

#include <filesystem>

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
