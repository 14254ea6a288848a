// The operations audit trail of the SQLite store: append, filtered reads with a
// cursor, export, and tampering behind the store's back caught by Verify, apart
// from the events chain.

#include <sqlite3.h>

#include <sstream>

#include <gtest/gtest.h>

#include "store/ops_log.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/event_builder.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

constexpr std::int64_t kT0 = 1767225600000;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kMinute = 60'000;

audit::OpsRecord Op(std::string actor, std::string action, std::string object,
                    std::string result = "ok", std::int64_t at_ms = kT0) {
  audit::OpsRecord r;
  r.at = base::FromUnixMillis(at_ms);
  r.actor = std::move(actor);
  r.actor_role = "bureau_supervisor";
  r.action = std::move(action);
  r.object = std::move(object);
  r.result = std::move(result);
  r.detail = "{\"note\":\"n\"}";
  r.client = "10.0.0.7";
  return r;
}

std::vector<std::int64_t> Seqs(const std::vector<audit::OpsRecord>& records) {
  std::vector<std::int64_t> out;
  for (const auto& r : records) out.push_back(r.seq);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The value of a string field in one exported line.
std::string Field(const std::string& line, const std::string& key) {
  std::string marker = "\"" + key + "\":\"";
  size_t start = line.find(marker);
  if (start == std::string::npos) return "<absent>";
  start += marker.size();
  return line.substr(start, line.find('"', start) - start);
}

class SqliteOpsLogTest : public ::testing::TestWithParam<audit::HashAlgorithm> {
 protected:
  std::unique_ptr<Store> Open() {
    auto store = OpenSqliteStore({path_, GetParam()});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }

  // Five records by two actors, one minute apart: seq 1..5.
  void AppendFive(Store& store) {
    std::vector<audit::OpsRecord> ops = {
        Op("alice", "session.sign_in", "user:alice", "ok", kT0),
        Op("bob", "session.sign_in_failed", "user:bob", "denied", kT0 + kMinute),
        Op("alice", "alert.respond", "alert:42", "ok", kT0 + 2 * kMinute),
        Op("alice", "alerts.bulk", "alert:43", "failed", kT0 + 3 * kMinute),
        Op("bob", "alert.accept", "alert:42", "ok", kT0 + 4 * kMinute),
    };
    for (size_t i = 0; i < ops.size(); ++i) {
      auto seq = store.ops_log().Append(ops[i]);
      ASSERT_TRUE(seq.ok()) << seq.status().ToString();
      EXPECT_EQ(*seq, static_cast<std::int64_t>(i + 1));
    }
  }

  // Runs SQL directly on the file, as someone with access to it could, with the
  // append-only triggers of the operations log dropped first.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string all = "DROP TRIGGER ops_log_no_update; DROP TRIGGER ops_log_no_delete; " + sql;
    char* error = nullptr;
    int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  // Runs SQL without dropping anything; the SQLite error, or "" on success.
  std::string RawExec(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
  }

  ChainReport VerifyOps() {
    auto store = Open();
    auto report = store->ops_log().Verify();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ChainReport{};
  }

  std::vector<audit::OpsRecord> Query(Store& store, const OpsQuery& query) {
    auto records = store.ops_log().Query(query);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    return records.ok() ? *records : std::vector<audit::OpsRecord>{};
  }

  testing::TempDir dir_;
  std::string path_ = dir_.File("ops.db");
};

TEST_P(SqliteOpsLogTest, EmptyLogVerifies) {
  auto store = Open();
  EXPECT_EQ(*store->ops_log().Count(), 0);
  ChainReport report = *store->ops_log().Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.events_checked, 0);
  EXPECT_EQ(report.algorithm, audit::HashAlgorithmName(GetParam()));
  EXPECT_TRUE(report.head_hash_hex.empty());
}

TEST_P(SqliteOpsLogTest, AppendAssignsSeqAndLinksWithTheStoreAlgorithm) {
  auto store = Open();
  AppendFive(*store);
  EXPECT_EQ(*store->ops_log().Count(), 5);
  std::vector<audit::OpsRecord> all = Query(*store, {});
  ASSERT_EQ(all.size(), 5u);
  // Recompute the chain independently of the store.
  audit::ChainHasher hasher(GetParam());
  audit::Digest previous{};
  for (const audit::OpsRecord& r : all) {
    audit::Digest expected = hasher.Link(previous, r.seq, audit::OpsContentDigest(hasher, r));
    EXPECT_EQ(r.hash, expected) << r.seq;
    previous = expected;
  }
  EXPECT_EQ(all[1].actor, "bob");
  EXPECT_EQ(all[1].actor_role, "bureau_supervisor");
  EXPECT_EQ(all[1].action, "session.sign_in_failed");
  EXPECT_EQ(all[1].object, "user:bob");
  EXPECT_EQ(all[1].result, "denied");
  EXPECT_EQ(all[1].detail, "{\"note\":\"n\"}");
  EXPECT_EQ(all[1].client, "10.0.0.7");
  EXPECT_EQ(base::ToUnixMillis(all[1].at), kT0 + kMinute);
  ChainReport report = *store->ops_log().Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.events_checked, 5);
  EXPECT_EQ(report.head_hash_hex, audit::ToHex(previous));
}

TEST_P(SqliteOpsLogTest, AppendIgnoresTheCallersSeqAndHash) {
  auto store = Open();
  audit::OpsRecord r = Op("alice", "user.create", "user:carol");
  r.seq = 99;
  r.hash.fill(7);
  EXPECT_EQ(*store->ops_log().Append(r), 1);
  EXPECT_TRUE(store->ops_log().Verify()->ok);
}

TEST_P(SqliteOpsLogTest, InvalidRecordIsRefusedAndNothingStored) {
  auto store = Open();
  AppendFive(*store);
  auto bad = store->ops_log().Append(Op("alice", "Alert Accept", "alert:1"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("action"), std::string::npos);
  auto no_result = store->ops_log().Append(Op("alice", "alert.accept", "alert:1", "maybe"));
  ASSERT_FALSE(no_result.ok());
  EXPECT_NE(no_result.status().message().find("result"), std::string::npos);
  EXPECT_EQ(*store->ops_log().Count(), 5);
  EXPECT_EQ(*store->ops_log().Append(Op("alice", "alert.accept", "alert:1")), 6);
  EXPECT_TRUE(store->ops_log().Verify()->ok);
}

TEST_P(SqliteOpsLogTest, ChainContinuesAcrossReopenAndBetweenTwoHandles) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  // Two handles on one file, as the server and a command-line run would be:
  // each append reads the head inside its transaction.
  auto first = Open();
  auto second = Open();
  EXPECT_EQ(*first->ops_log().Append(Op("carol", "user.lock", "user:dave")), 6);
  EXPECT_EQ(*second->ops_log().Append(Op("erin", "token.create", "token:hall")), 7);
  EXPECT_EQ(*first->ops_log().Append(Op("carol", "user.create", "user:frank")), 8);
  ChainReport report = VerifyOps();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.events_checked, 8);
}

TEST_P(SqliteOpsLogTest, QueryIsOldestFirstWithCursor) {
  auto store = Open();
  AppendFive(*store);
  OpsQuery page;
  page.limit = 2;
  EXPECT_EQ(Seqs(Query(*store, page)), (std::vector<std::int64_t>{1, 2}));
  page.after_seq = 2;
  EXPECT_EQ(Seqs(Query(*store, page)), (std::vector<std::int64_t>{3, 4}));
  page.after_seq = 4;
  EXPECT_EQ(Seqs(Query(*store, page)), (std::vector<std::int64_t>{5}));
  page.after_seq = 5;
  EXPECT_TRUE(Query(*store, page).empty());
}

TEST_P(SqliteOpsLogTest, QueryFilters) {
  auto store = Open();
  AppendFive(*store);
  OpsQuery by_actor;
  by_actor.actor = "bob";
  EXPECT_EQ(Seqs(Query(*store, by_actor)), (std::vector<std::int64_t>{2, 5}));

  // A dotted prefix: "alert" is not a prefix of "alerts.bulk".
  OpsQuery by_action;
  by_action.action_prefix = "alert";
  EXPECT_EQ(Seqs(Query(*store, by_action)), (std::vector<std::int64_t>{3, 5}));
  by_action.action_prefix = "alert.";
  EXPECT_EQ(Seqs(Query(*store, by_action)), (std::vector<std::int64_t>{3, 5}));
  by_action.action_prefix = "session.sign_in";
  EXPECT_EQ(Seqs(Query(*store, by_action)), (std::vector<std::int64_t>{1}));
  by_action.action_prefix = "session";
  EXPECT_EQ(Seqs(Query(*store, by_action)), (std::vector<std::int64_t>{1, 2}));

  OpsQuery by_object;
  by_object.object = "alert:42";
  EXPECT_EQ(Seqs(Query(*store, by_object)), (std::vector<std::int64_t>{3, 5}));

  OpsQuery by_result;
  by_result.result = "denied";
  EXPECT_EQ(Seqs(Query(*store, by_result)), (std::vector<std::int64_t>{2}));

  // from is inclusive, to exclusive.
  OpsQuery window;
  window.from = base::FromUnixMillis(kT0 + kMinute);
  window.to = base::FromUnixMillis(kT0 + 3 * kMinute);
  EXPECT_EQ(Seqs(Query(*store, window)), (std::vector<std::int64_t>{2, 3}));

  OpsQuery combined = window;
  combined.actor = "alice";
  combined.action_prefix = "alert";
  EXPECT_EQ(Seqs(Query(*store, combined)), (std::vector<std::int64_t>{3}));

  OpsQuery nothing;
  nothing.actor = "mallory";
  EXPECT_TRUE(Query(*store, nothing).empty());
}

TEST_P(SqliteOpsLogTest, BadQueriesNameTheirField) {
  auto store = Open();
  auto expect_error = [&](const OpsQuery& query, const std::string& field) {
    auto result = store->ops_log().Query(query);
    ASSERT_FALSE(result.ok()) << field;
    EXPECT_EQ(result.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(result.status().message().find(field), std::string::npos)
        << result.status().message();
  };
  OpsQuery q;
  q.limit = 0;
  expect_error(q, "limit");
  q.limit = 1001;
  expect_error(q, "limit");
  q = {};
  q.after_seq = -1;
  expect_error(q, "after_seq");
  q = {};
  q.from = base::FromUnixMillis(kT0);
  q.to = base::FromUnixMillis(kT0);
  expect_error(q, "from");
  q = {};
  q.action_prefix = ".";
  expect_error(q, "action prefix");
}

TEST_P(SqliteOpsLogTest, TriggersRefuseUpdateAndDelete) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  EXPECT_NE(RawExec("UPDATE ops_log SET result = 'ok' WHERE seq = 2").find("append-only"),
            std::string::npos);
  EXPECT_NE(RawExec("DELETE FROM ops_log WHERE seq = 5").find("append-only"), std::string::npos);
  EXPECT_TRUE(VerifyOps().ok);
}

TEST_P(SqliteOpsLogTest, EditedRecordIsNamed) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("UPDATE ops_log SET result = 'ok' WHERE seq = 2;");
  ChainReport report = VerifyOps();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 2);
  EXPECT_NE(report.problem.find("session.sign_in_failed by bob"), std::string::npos)
      << report.problem;
}

TEST_P(SqliteOpsLogTest, EditedTimeIsCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("UPDATE ops_log SET at_ms = at_ms + 1 WHERE seq = 4;");
  EXPECT_EQ(VerifyOps().broken_seq, 4);
}

TEST_P(SqliteOpsLogTest, EditedClientIsCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("UPDATE ops_log SET client = '127.0.0.1' WHERE seq = 3;");
  EXPECT_EQ(VerifyOps().broken_seq, 3);
}

TEST_P(SqliteOpsLogTest, RemovedRecordIsNamed) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("DELETE FROM ops_log WHERE seq = 3;");
  ChainReport report = VerifyOps();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 3);
  EXPECT_NE(report.problem.find("missing"), std::string::npos) << report.problem;
}

TEST_P(SqliteOpsLogTest, RemovedAndRenumberedRecordIsCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("DELETE FROM ops_log WHERE seq = 2; UPDATE ops_log SET seq = seq - 1 WHERE seq > 2;");
  EXPECT_EQ(VerifyOps().broken_seq, 2);
}

TEST_P(SqliteOpsLogTest, RemovedNewestRecordIsCaughtByTheHead) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("DELETE FROM ops_log WHERE seq >= 4;");
  ChainReport report = VerifyOps();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 4);
  EXPECT_NE(report.problem.find("removed"), std::string::npos) << report.problem;
}

TEST_P(SqliteOpsLogTest, AppendAfterRemovedTailKeepsTheEvidence) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("DELETE FROM ops_log WHERE seq = 5;");
  auto store = Open();
  // The next record follows the recorded head, so the hole stays visible.
  EXPECT_EQ(*store->ops_log().Append(Op("alice", "session.sign_out", "user:alice")), 6);
  ChainReport report = *store->ops_log().Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 5);
}

TEST_P(SqliteOpsLogTest, ReorderedRecordsAreCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper(
      "UPDATE ops_log SET seq = -1 WHERE seq = 2; UPDATE ops_log SET seq = 2 WHERE seq = 4; "
      "UPDATE ops_log SET seq = 4 WHERE seq = -1;");
  EXPECT_EQ(VerifyOps().broken_seq, 2);
}

TEST_P(SqliteOpsLogTest, SwappedContentWithHashesIsCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper(
      "CREATE TEMP TABLE t AS SELECT * FROM ops_log WHERE seq IN (2, 4);"
      "UPDATE ops_log SET actor = (SELECT actor FROM t WHERE seq = 4), action = (SELECT action "
      "FROM t WHERE seq = 4), hash = (SELECT hash FROM t WHERE seq = 4) WHERE seq = 2;"
      "UPDATE ops_log SET actor = (SELECT actor FROM t WHERE seq = 2), action = (SELECT action "
      "FROM t WHERE seq = 2), hash = (SELECT hash FROM t WHERE seq = 2) WHERE seq = 4;");
  EXPECT_EQ(VerifyOps().broken_seq, 2);
}

TEST_P(SqliteOpsLogTest, ChangedHeadIsCaught) {
  {
    auto store = Open();
    AppendFive(*store);
  }
  Tamper("UPDATE meta SET value = zeroblob(32) WHERE key = 'ops_head_hash';");
  ChainReport report = VerifyOps();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.broken_seq, 5);
  EXPECT_NE(report.problem.find("head hash"), std::string::npos) << report.problem;
}

TEST_P(SqliteOpsLogTest, TheTwoChainsAreIndependent) {
  {
    auto store = Open();
    std::vector<model::Event> events = {
        testing::EventBuilder("c1", model::EventType::kSubmit).Build(),
        testing::EventBuilder("c2", model::EventType::kSubmit).Build()};
    ASSERT_TRUE(store->AppendBatch(events, base::FromUnixMillis(kT0)).ok());
    AppendFive(*store);
    // Event seqs and record seqs count apart.
    EXPECT_EQ(store->chain_head().seq, 2);
    EXPECT_EQ(*store->ops_log().Count(), 5);
  }
  Tamper("UPDATE ops_log SET detail = '{}' WHERE seq = 1;");
  {
    auto store = Open();
    EXPECT_TRUE(store->VerifyChain()->ok);
    EXPECT_EQ(store->ops_log().Verify()->broken_seq, 1);
  }
  // Put the record back (its triggers are gone now), then edit an event instead.
  ASSERT_EQ(RawExec("UPDATE ops_log SET detail = '{\"note\":\"n\"}' WHERE seq = 1;"
                    "DROP TRIGGER events_no_update; UPDATE events SET actor = 'x' WHERE seq = 2;"),
            "");
  {
    auto store = Open();
    EXPECT_EQ(store->VerifyChain()->broken_seq, 2);
    EXPECT_TRUE(store->ops_log().Verify()->ok) << store->ops_log().Verify()->problem;
  }
}

TEST_P(SqliteOpsLogTest, ExportWritesOneLinkedLinePerRecord) {
  auto store = Open();
  AppendFive(*store);
  std::ostringstream all;
  ASSERT_EQ(*store->ops_log().Export(std::nullopt, std::nullopt, all), 5);
  std::vector<std::string> lines = Lines(all.str());
  ASSERT_EQ(lines.size(), 5u);
  std::vector<audit::OpsRecord> records = Query(*store, {});
  const audit::Digest zero{};
  EXPECT_EQ(lines[0], audit::OpsRecordJson(records[0], &zero));
  EXPECT_EQ(Field(lines[0], "prev_hash"), std::string(64, '0'));
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_TRUE(lines[i].starts_with("{\"seq\":" + std::to_string(i + 1) + ",")) << lines[i];
    EXPECT_EQ(Field(lines[i], "hash"), audit::ToHex(records[i].hash));
    if (i > 0) {
      EXPECT_EQ(Field(lines[i], "prev_hash"), Field(lines[i - 1], "hash"));
    }
  }

  // A window: from inclusive, to exclusive; the first line links to the record before it.
  std::ostringstream window;
  ASSERT_EQ(*store->ops_log().Export(base::FromUnixMillis(kT0 + kMinute),
                                     base::FromUnixMillis(kT0 + 3 * kMinute), window),
            2);
  lines = Lines(window.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].starts_with("{\"seq\":2,"));
  EXPECT_EQ(Field(lines[0], "prev_hash"), audit::ToHex(records[0].hash));
  EXPECT_EQ(Field(lines[1], "prev_hash"), audit::ToHex(records[1].hash));

  std::ostringstream empty;
  EXPECT_EQ(*store->ops_log().Export(base::FromUnixMillis(kT0 + 60 * kMinute), std::nullopt, empty),
            0);
  EXPECT_TRUE(empty.str().empty());
}

TEST_P(SqliteOpsLogTest, ExportReportsBadWindowAndWriteFailure) {
  auto store = Open();
  AppendFive(*store);
  std::ostringstream out;
  auto bad = store->ops_log().Export(base::FromUnixMillis(kT0 + kMinute), base::FromUnixMillis(kT0),
                                     out);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  std::ostringstream broken;
  broken.setstate(std::ios::badbit);
  auto failed = store->ops_log().Export(std::nullopt, std::nullopt, broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("export"), std::string::npos);
}

TEST_P(SqliteOpsLogTest, RecordOpFillsTheRecord) {
  auto store = Open();
  OpsActor who{"alice", "audit_admin", "192.0.2.1"};
  auto seq = RecordOp(store->ops_log(), base::FromUnixMillis(kT0), who, "personal.unmask",
                      "case:XYZ", "ok", "{\"field\":\"id_number\"}");
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  std::vector<audit::OpsRecord> records = Query(*store, {});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].actor, "alice");
  EXPECT_EQ(records[0].actor_role, "audit_admin");
  EXPECT_EQ(records[0].client, "192.0.2.1");
  EXPECT_EQ(records[0].action, "personal.unmask");
  EXPECT_EQ(records[0].object, "case:XYZ");
  EXPECT_EQ(records[0].detail, "{\"field\":\"id_number\"}");
  EXPECT_FALSE(
      RecordOp(store->ops_log(), base::FromUnixMillis(kT0), OpsActor{}, "x", "", "ok").ok());
}

INSTANTIATE_TEST_SUITE_P(Algorithms, SqliteOpsLogTest,
                         ::testing::Values(audit::HashAlgorithm::kSm3,
                                           audit::HashAlgorithm::kSha256),
                         [](const auto& info) {
                           return std::string(audit::HashAlgorithmName(info.param));
                         });

}  // namespace
}  // namespace oversight::store::sqlite
