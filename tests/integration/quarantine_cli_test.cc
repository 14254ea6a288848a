// Ingesting twice stores nothing twice and quarantines nothing twice; the
// quarantine lists its records and `quarantine retry` moves the ones a catalog
// fix makes valid into the store.

#include <fstream>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class IdempotencyCliTest : public CliTest {};

TEST_F(IdempotencyCliTest, IngestingTheSameFileTwiceStoresNothingNew) {
  // A demo city's events and catalog, plus a few bad lines.
  CommandResult demo = Run({"demo", "--no-db", "--jsonl", "city.jsonl", "--catalog", "catalog.jsonl",
                            "--scale", "0.01", "--months", "3", "--seed", "3"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  CommandResult imported = Run({"catalog", "import", "catalog.jsonl", "--db", kDb});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::string events = ReadFile("city.jsonl");
  events += "not json\n" + EventLine("bad-1", {{"channel", "fax"}}) + "\n" +
            EventLine("", {{"source_event_id", nullptr}, {"type", "bogus"}}) + "\n";
  WriteFile("city.jsonl", events);

  nlohmann::json first = Ingest({"city.jsonl"});
  ASSERT_GT(first["stored"].get<int>(), 1000);
  EXPECT_EQ(first["duplicate"], 0);
  EXPECT_EQ(first["quarantined"], 3);
  EXPECT_EQ(first["quarantine_new"], 3);
  nlohmann::json status_before = Status();
  EXPECT_EQ(status_before["events"], first["stored"]);
  EXPECT_EQ(status_before["quarantined_open"], 3);

  nlohmann::json second = Ingest({"city.jsonl"});
  EXPECT_EQ(second["read"], first["read"]);
  EXPECT_EQ(second["stored"], 0);
  EXPECT_EQ(second["duplicate"], first["stored"]);
  EXPECT_EQ(second["quarantined"], first["quarantined"]);
  EXPECT_EQ(second["quarantine_new"], 0);
  EXPECT_EQ(Status(), status_before);
  EXPECT_EQ(QuarantineList().size(), 3u);
  EXPECT_EQ(Run({"audit", "verify", "--db", kDb}).exit_code, 0);
}

TEST_F(IdempotencyCliTest, TextSummaryOfARepeatSaysNothingNew) {
  ImportCatalog();
  WriteFile("e.jsonl", EventLine("e1") + "\n");
  Ingest({"e.jsonl"});
  CommandResult r = Run({"ingest", "e.jsonl", "--source", "hall", "--now", kNow, "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nothing new"), std::string::npos) << r.out;
}

class QuarantineCliTest : public CliTest {
 protected:
  // Three events of a department and item the store does not know yet, and a
  // line no fix can save.
  void IngestBeforeTheCatalog() {
    WriteFile("early.jsonl", EventLine("q1") + "\n" + EventLine("q2", {{"type", "accept"}}) + "\n" +
                                 "{oops\n" + EventLine("q3", {{"item", kOtherItem}, {"dept", kOtherDept}}) + "\n");
    nlohmann::json summary = Ingest({"early.jsonl"});
    ASSERT_EQ(summary["stored"], 0);
    ASSERT_EQ(summary["reasons"], nlohmann::json({{"parse_error", 1}, {"unknown_department", 3}}));
  }
};

TEST_F(QuarantineCliTest, ListShowsLineReasonAndOriginalText) {
  IngestBeforeTheCatalog();
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 4u);
  EXPECT_EQ(held[0]["line"], 1);
  EXPECT_EQ(held[0]["reason"], "unknown_department");
  EXPECT_EQ(held[0]["original"], EventLine("q1"));
  EXPECT_EQ(held[2]["line"], 3);
  EXPECT_EQ(held[2]["reason"], "parse_error");
  EXPECT_EQ(held[2]["original"], "{oops");
  for (const auto& record : held) {
    EXPECT_EQ(record["source"], "hall");
    EXPECT_EQ(record["input"], "early.jsonl");
    EXPECT_FALSE(record["message"].get<std::string>().empty());
  }

  CommandResult text = Run({"quarantine", "list", "--db", kDb});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("early.jsonl:3 [parse_error]"), std::string::npos) << text.out;

  // --limit and --source narrow the list.
  CommandResult limited = Run({"quarantine", "list", "--json", "--limit", "2", "--db", kDb});
  EXPECT_EQ(ParseJsonLines(limited.out).size(), 2u);
  CommandResult other = Run({"quarantine", "list", "--json", "--source", "county", "--db", kDb});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_EQ(other.out, "");
}

TEST_F(QuarantineCliTest, RetryAfterTheCatalogIsImportedStoresTheRecords) {
  IngestBeforeTheCatalog();
  ImportCatalog();
  CommandResult r = Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json retry = ParseJson(r.out);
  EXPECT_EQ(retry["retried"], 4);
  EXPECT_EQ(retry["stored"], 3);
  EXPECT_EQ(retry["still_quarantined"], 1);
  EXPECT_EQ(retry["reasons"], nlohmann::json({{"parse_error", 1}}));

  std::vector<nlohmann::json> open = QuarantineList();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0]["reason"], "parse_error");

  std::vector<nlohmann::json> all = QuarantineList(/*all=*/true);
  ASSERT_EQ(all.size(), 4u);
  int resolved = 0;
  for (const auto& record : all) resolved += record["resolved"].get<bool>() ? 1 : 0;
  EXPECT_EQ(resolved, 3);

  nlohmann::json status = Status();
  EXPECT_EQ(status["events"], 3);
  EXPECT_EQ(status["quarantined_open"], 1);
  EXPECT_EQ(Query("SELECT source_event_id FROM events ORDER BY seq"),
            (std::vector<std::vector<std::string>>{{"q1"}, {"q2"}, {"q3"}}));
  EXPECT_EQ(Run({"audit", "verify", "--db", kDb}).exit_code, 0);

  // Retrying again finds nothing new to store.
  nlohmann::json again = ParseJson(Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb}).out);
  EXPECT_EQ(again["stored"], 0);
  EXPECT_EQ(Status()["events"], 3);
  // And the file itself is now all duplicates, bar the broken line.
  nlohmann::json reingest = Ingest({"early.jsonl"});
  EXPECT_EQ(reingest["stored"], 0);
  EXPECT_EQ(reingest["duplicate"], 3);
  EXPECT_EQ(reingest["quarantine_new"], 0);
}

TEST_F(QuarantineCliTest, RetryWithNothingFixedChangesNothing) {
  IngestBeforeTheCatalog();
  CommandResult r = Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json retry = ParseJson(r.out);
  EXPECT_EQ(retry["stored"], 0);
  EXPECT_EQ(retry["still_quarantined"], 4);
  EXPECT_EQ(QuarantineList().size(), 4u);
  EXPECT_EQ(Status()["events"], 0);
}

TEST_F(QuarantineCliTest, RetryWithAutoRegister) {
  IngestBeforeTheCatalog();
  CommandResult r = Run({"quarantine", "retry", "--auto-register", "--now", kNow, "--json", "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ParseJson(r.out)["stored"], 3);
  nlohmann::json status = Status();
  EXPECT_EQ(status["departments"], 2);
  EXPECT_EQ(status["items"], 2);
}

TEST_F(QuarantineCliTest, RetryEmptyQuarantine) {
  ImportCatalog();
  CommandResult r = Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ParseJson(r.out)["retried"], 0);
  CommandResult list = Run({"quarantine", "list", "--db", kDb});
  EXPECT_EQ(list.out, "quarantine is empty\n");
}

TEST_F(QuarantineCliTest, RetryWithACorrectedMapping) {
  ImportCatalog();
  // The hall's mapping without its `at:` line: every row lacks its time.
  std::string good = SourcePath("tests/integration/data/gbk_hall.yaml");
  std::string mapping;
  {
    std::ifstream in(good, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find("at: ") == std::string::npos) mapping += line + "\n";
    }
  }
  ASSERT_EQ(mapping.find("时间"), std::string::npos);
  WriteFile("broken.yaml", mapping);
  std::string csv = SourcePath("tests/integration/data/gbk_hall.csv");
  nlohmann::json summary = Ingest({csv}, {"--mapping", "broken.yaml"}, "jieyang-hall");
  ASSERT_EQ(summary["reasons"], nlohmann::json({{"missing_field", 3}}));

  // Retrying with the stored (broken) mapping changes nothing...
  nlohmann::json unchanged = ParseJson(Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb}).out);
  EXPECT_EQ(unchanged["still_quarantined"], 3);
  // ...the corrected one stores every row, and becomes the source's mapping.
  CommandResult r = Run({"quarantine", "retry", "--source", "jieyang-hall", "--mapping", good, "--now", kNow,
                         "--json", "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json retry = ParseJson(r.out);
  EXPECT_EQ(retry["stored"], 3);
  EXPECT_EQ(retry["still_quarantined"], 0);
  EXPECT_EQ(Query("SELECT actor, at_ms FROM events ORDER BY seq")[0],
            (std::vector<std::string>{"张三", "1740964353000"}));
  // A later ingest without --mapping uses the corrected one: all duplicates.
  nlohmann::json again = Ingest({csv}, {}, "jieyang-hall");
  EXPECT_EQ(again["duplicate"], 3);
  EXPECT_EQ(again["quarantined"], 0);
}

// A record that went through the quarantine must end up stored exactly as if it
// had been valid the first time: the same attrs (numbers stay numbers), and so
// the same content id, so re-sending the file afterwards is a duplicate.
TEST_F(QuarantineCliTest, RetriedEventIsStoredAsADirectIngestWouldStoreIt) {
  std::string line = EventLine("typed", {{"attrs", {{"fee", 0}, {"urgent", true}, {"pages", 12.5}}}});
  WriteFile("typed.jsonl", line + "\n");
  ASSERT_EQ(Ingest({"typed.jsonl"})["quarantined"], 1);
  ImportCatalog();
  ASSERT_EQ(ParseJson(Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb}).out)["stored"], 1);

  // The same line ingested into another store whose catalog was there first.
  ASSERT_EQ(Run({"catalog", "import", SourcePath("tests/integration/data/catalog.jsonl"), "--db", "direct.db"}).exit_code, 0);
  ASSERT_EQ(Run({"ingest", "typed.jsonl", "--source", "hall", "--now", kNow, "--db", "direct.db"}).exit_code, 0);
  auto direct = QuerySqlite(Path("direct.db"), "SELECT attrs FROM events");
  ASSERT_EQ(direct.size(), 1u);
  EXPECT_EQ(direct[0][0], R"({"fee":0,"urgent":true,"pages":12.5})");
  EXPECT_EQ(Query("SELECT attrs FROM events"), direct);
}

TEST_F(QuarantineCliTest, RetriedRecordWithARepeatedKeyUsesTheFirstLikeIngest) {
  // docs/MAPPING.md: a key that appears twice is kept twice; the mapper uses the first.
  std::string line = EventLine("twice");
  line.insert(line.find("\"kind\""), R"("case_id":"SECOND",)");
  WriteFile("twice.jsonl", line + "\n");
  ASSERT_EQ(Ingest({"twice.jsonl"})["quarantined"], 1);
  ImportCatalog();
  ASSERT_EQ(ParseJson(Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb}).out)["stored"], 1);
  EXPECT_EQ(Query("SELECT case_id FROM events"), (std::vector<std::vector<std::string>>{{"445200-2025-000123"}}));
}

TEST_F(QuarantineCliTest, EventWithoutIdRetriedThenResentIsADuplicate) {
  std::string line = EventLine("", {{"source_event_id", nullptr}, {"attrs", {{"fee", 0}}}});
  WriteFile("noid.jsonl", line + "\n");
  ASSERT_EQ(Ingest({"noid.jsonl"})["quarantined"], 1);
  ImportCatalog();
  ASSERT_EQ(ParseJson(Run({"quarantine", "retry", "--now", kNow, "--json", "--db", kDb}).out)["stored"], 1);
  nlohmann::json again = Ingest({"noid.jsonl"});
  EXPECT_EQ(again["stored"], 0) << "the same event is now stored twice";
  EXPECT_EQ(again["duplicate"], 1);
  EXPECT_EQ(Status()["events"], 1);
}

}  // namespace
}  // namespace oversight::testing
