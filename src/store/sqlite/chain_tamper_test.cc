// Tampering with stored events behind the store's back must be caught by the
// chain walk, naming the first broken record.

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "tests/testing/event_builder.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;

class ChainTamperTest : public ::testing::TestWithParam<audit::HashAlgorithm> {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore({path_, GetParam()});
    ASSERT_TRUE(store.ok());
    std::vector<model::Event> batch;
    for (int i = 1; i <= 5; ++i) {
      batch.push_back(testing::EventBuilder("c" + std::to_string(i), EventType::kSubmit)
                          .Attrs("{\"fee\":" + std::to_string(i * 100) + "}")
                          .Build());
    }
    ASSERT_TRUE((*store)->AppendBatch(batch, base::FromUnixMillis(0)).ok());
  }

  // Runs SQL directly on the file, as someone with access to it could.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string all = "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; " + sql;
    char* error = nullptr;
    int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  ChainReport Verify() {
    auto store = OpenSqliteStore({path_, {}});
    EXPECT_TRUE(store.ok());
    auto report = (*store)->VerifyChain();
    EXPECT_TRUE(report.ok());
    return *report;
  }

  testing::TempDir dir_;
  std::string path_ = dir_.File("chain.db");
};

TEST_P(ChainTamperTest, UntouchedStoreVerifies) {
  ChainReport report = Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.events_checked, 5);
  EXPECT_EQ(report.head_hash_hex.size(), 64u);
}

TEST_P(ChainTamperTest, ModifiedEventIsNamed) {
  Tamper("UPDATE events SET attrs = '{\"fee\":0}' WHERE seq = 3;");
  ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 3);
  EXPECT_NE(report.problem.find("case c3"), std::string::npos) << report.problem;
}

TEST_P(ChainTamperTest, ModifiedTimeIsNamed) {
  Tamper("UPDATE events SET at_ms = at_ms - 86400000 WHERE seq = 2;");
  EXPECT_EQ(Verify().broken_seq, 2);
}

TEST_P(ChainTamperTest, DeletedEventIsNamed) {
  Tamper("DELETE FROM events WHERE seq = 2;");
  ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 2);
  EXPECT_NE(report.problem.find("missing"), std::string::npos);
}

TEST_P(ChainTamperTest, DeletedAndRenumberedEventIsCaught) {
  // Close the gap by renumbering, so no sequence number is missing.
  Tamper("DELETE FROM events WHERE seq = 2; UPDATE events SET seq = seq - 1 WHERE seq > 2;");
  ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 2);
}

TEST_P(ChainTamperTest, SwappedEventsAreCaught) {
  Tamper(
      "UPDATE events SET seq = -1 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 4; "
      "UPDATE events SET seq = 4 WHERE seq = -1;");
  ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 2);
}

TEST_P(ChainTamperTest, SwappedContentWithHashesIsCaught) {
  // Swap everything but seq, hashes included: the links no longer fit together.
  Tamper(
      "CREATE TEMP TABLE t AS SELECT * FROM events WHERE seq IN (2, 4);"
      "UPDATE events SET case_id = (SELECT case_id FROM t WHERE seq = 4), hash = (SELECT hash "
      "FROM t WHERE seq = 4), attrs = (SELECT attrs FROM t WHERE seq = 4) WHERE seq = 2;"
      "UPDATE events SET case_id = (SELECT case_id FROM t WHERE seq = 2), hash = (SELECT hash "
      "FROM t WHERE seq = 2), attrs = (SELECT attrs FROM t WHERE seq = 2) WHERE seq = 4;");
  EXPECT_EQ(Verify().broken_seq, 2);
}

TEST_P(ChainTamperTest, RemovedTailIsCaught) {
  Tamper("DELETE FROM events WHERE seq = 5;");
  ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 5);
  EXPECT_NE(report.problem.find("removed"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, ChainTamperTest,
                         ::testing::Values(audit::HashAlgorithm::kSm3,
                                           audit::HashAlgorithm::kSha256),
                         [](const auto& info) {
                           return std::string(audit::HashAlgorithmName(info.param));
                         });

}  // namespace
}  // namespace oversight::store::sqlite
