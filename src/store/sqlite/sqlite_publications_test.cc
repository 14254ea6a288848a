#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/publication_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

PublicationRecord Record(const std::string& period, std::optional<std::int64_t> supersedes = std::nullopt,
                         std::string reason = "") {
  PublicationRecord r;
  r.period = period;
  r.model_id = "m";
  r.model_version = 2;
  r.snapshot = "{\"period\":\"" + period + "\"}\n";
  r.digest = "ab";
  r.algorithm = "sm3";
  r.published_at = *base::ParseInstant("2026-11-01T09:00:00+08:00");
  r.published_by = "assessor";
  r.supersedes = supersedes;
  r.reason = std::move(reason);
  r.ops_seq = 7;
  return r;
}

class SqlitePublicationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenSqliteStore({dir_.File("s.db"), std::nullopt});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
  }
  PublicationStore& pubs() { return store_->publications(); }

  // Runs SQL on the file directly, as someone bypassing the program would.
  int RawExec(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(dir_.File("s.db").c_str(), &db), SQLITE_OK);
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
  }

  oversight::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqlitePublicationsTest, APeriodHasOneCurrentPublicationAndCorrectionsSupersedeIt) {
  auto first = pubs().AddPublication(Record("2026-10"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto current = pubs().CurrentPublication("2026-10");
  ASSERT_TRUE(current.ok() && *current);
  EXPECT_EQ((*current)->snapshot, "{\"period\":\"2026-10\"}\n");
  EXPECT_EQ((*current)->model_version, 2);
  // A second publication must name the first, with a reason.
  EXPECT_EQ(pubs().AddPublication(Record("2026-10")).status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(pubs().AddPublication(Record("2026-10", *first)).ok());
  EXPECT_EQ(pubs().AddPublication(Record("2026-11", *first, "x")).status().code(),
            base::StatusCode::kFailedPrecondition);  // nothing to supersede in 2026-11
  auto second = pubs().AddPublication(Record("2026-10", *first, "late data"));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*pubs().CurrentPublication("2026-10"))->id, *second);
  auto old = pubs().FindPublication(*first);
  ASSERT_TRUE(old.ok() && *old);
  EXPECT_EQ((*old)->superseded_by, *second);
  // Superseding the old one again is refused: only the current can be superseded.
  EXPECT_FALSE(pubs().AddPublication(Record("2026-10", *first, "again")).ok());
  auto all = pubs().ListPublications(std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  EXPECT_TRUE(all->front().snapshot.empty());  // the list leaves snapshots out
}

TEST_F(SqlitePublicationsTest, PublicationsCannotBeEditedOrDeletedEvenBehindTheProgramsBack) {
  auto first = pubs().AddPublication(Record("2026-10"));
  ASSERT_TRUE(first.ok());
  EXPECT_NE(RawExec("UPDATE publications SET snapshot = 'forged'"), SQLITE_OK);
  EXPECT_NE(RawExec("DELETE FROM publications"), SQLITE_OK);
  EXPECT_EQ((*pubs().CurrentPublication("2026-10"))->snapshot, "{\"period\":\"2026-10\"}\n");
}

}  // namespace
}  // namespace oversight::store::sqlite
