// oversight audit verify: intact after ingest; tampering with the SQLite file
// behind the store's back (triggers dropped first) is caught and the first
// broken event named. Also `status`.

#include <filesystem>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class AuditCliTest : public CliTest {
 protected:
  void SetUp() override {
    if (!hash_.empty()) {
      // --hash chooses the chain hash of a new store only: create it first.
      WriteFile("empty.jsonl", "");
      Ingest({"empty.jsonl"}, {"--hash", hash_});
    }
    ImportCatalog();
    std::string text;
    for (int i = 1; i <= 5; ++i) {
      text += EventLine("e" + std::to_string(i), {{"case_id", "C" + std::to_string(i)},
                                                  {"attrs", {{"fee", i * 100}}}}) + "\n";
    }
    WriteFile("five.jsonl", text);
    ASSERT_EQ(Ingest({"five.jsonl"})["stored"], 5);
  }

  void Tamper(const std::string& sql) {
    ASSERT_EQ(ExecSqlite(Path(kDb), "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; " + sql), "");
  }

  // `audit verify --json`, expecting `exit_code`.
  nlohmann::json Verify(int exit_code) {
    CommandResult r = Run({"audit", "verify", "--json", "--db", kDb});
    EXPECT_EQ(r.exit_code, exit_code) << r.out << r.err;
    return ParseJson(r.out);
  }

  std::string hash_;  // for a new store; empty: the default
};

TEST_F(AuditCliTest, FreshIngestVerifies) {
  CommandResult r = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("chain intact: 5 events verified (sm3)")) << r.out;

  nlohmann::json report = Verify(0);
  EXPECT_EQ(report["ok"], true);
  EXPECT_EQ(report["algorithm"], "sm3");
  EXPECT_EQ(report["events_checked"], 5);
  EXPECT_EQ(report["head_hash"].get<std::string>().size(), 64u);
  EXPECT_FALSE(report.contains("broken_seq"));
}

TEST_F(AuditCliTest, TheStoreRefusesUpdatesWhileTheTriggersAreThere) {
  // Without dropping the triggers first, SQL cannot change an event.
  EXPECT_NE(ExecSqlite(Path(kDb), "UPDATE events SET attrs = '{}' WHERE seq = 1").find("append-only"),
            std::string::npos);
  EXPECT_NE(ExecSqlite(Path(kDb), "DELETE FROM events WHERE seq = 1").find("append-only"),
            std::string::npos);
  EXPECT_EQ(Verify(0)["ok"], true);
}

TEST_F(AuditCliTest, ChangedAttrsBreakTheChain) {
  Tamper("UPDATE events SET attrs = '{\"fee\":0}' WHERE seq = 3;");
  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["broken_seq"], 3);
  EXPECT_FALSE(report["problem"].get<std::string>().empty());

  CommandResult text = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_TRUE(text.out.starts_with("chain BROKEN at event 3")) << text.out;
}

TEST_F(AuditCliTest, DeletedEventBreaksTheChain) {
  Tamper("DELETE FROM events WHERE seq = 2;");
  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["broken_seq"], 2);
}

TEST_F(AuditCliTest, DeletedLastEventBreaksTheChain) {
  Tamper("DELETE FROM events WHERE seq = 5;");
  EXPECT_EQ(Verify(1)["broken_seq"], 5);
}

TEST_F(AuditCliTest, SwappedSequenceNumbersBreakTheChain) {
  Tamper(
      "UPDATE events SET seq = -1 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 4; "
      "UPDATE events SET seq = 4 WHERE seq = -1;");
  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["broken_seq"], 2);
}

TEST_F(AuditCliTest, ChangedTimeBreaksTheChain) {
  Tamper("UPDATE events SET at_ms = at_ms - 86400000 WHERE seq = 4;");
  EXPECT_EQ(Verify(1)["broken_seq"], 4);
}

TEST_F(AuditCliTest, StatusCountsWhatIsStored) {
  WriteFile("bad.jsonl", EventLine("b", {{"channel", "fax"}}) + "\n");
  Ingest({"bad.jsonl"});
  nlohmann::json status = Status();
  EXPECT_EQ(status["departments"], 2);
  EXPECT_EQ(status["items"], 2);
  EXPECT_EQ(status["cases"], 5);
  EXPECT_EQ(status["events"], 5);
  EXPECT_EQ(status["quarantined_open"], 1);
  CommandResult text = Run({"status", "--db", kDb});
  EXPECT_EQ(text.out, "departments 2, items 2, cases 5, events 5, open quarantine 1, open alerts 0\n");
}

class Sha256AuditCliTest : public AuditCliTest {
 protected:
  Sha256AuditCliTest() { hash_ = "sha256"; }
};

TEST_F(Sha256AuditCliTest, NewStoreWithSha256) {
  nlohmann::json report = Verify(0);
  EXPECT_EQ(report["algorithm"], "sha256");
  Tamper("UPDATE events SET actor = 'nobody' WHERE seq = 1;");
  EXPECT_EQ(Verify(1)["broken_seq"], 1);
}

TEST_F(AuditCliTest, AnExistingStoreKeepsItsHash) {
  WriteFile("more.jsonl", EventLine("e6") + "\n");
  CommandResult r = Run({"ingest", "more.jsonl", "--source", "hall", "--now", kNow, "--hash", "sha256",
                         "--db", kDb});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("sm3"), std::string::npos) << r.err;
  EXPECT_EQ(Status()["events"], 5);
  EXPECT_EQ(Verify(0)["algorithm"], "sm3");
}

// Verifying a store that is not there must not report an intact chain, and must
// not leave an empty store behind at the mistyped path.
using MissingStoreCliTest = CliTest;

TEST_F(MissingStoreCliTest, AuditVerifyFails) {
  CommandResult r = Run({"audit", "verify", "--db", "typo.db"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(Path("typo.db")));
}

}  // namespace
}  // namespace oversight::testing
