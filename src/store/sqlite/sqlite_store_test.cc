#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "tests/testing/event_builder.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;
using testing::EventBuilder;

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open(std::optional<audit::HashAlgorithm> algorithm = {}) {
    auto store = OpenSqliteStore({dir_.File("o.db"), algorithm});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  base::Instant now_ = *base::ParseInstant("2025-06-01T00:00:00Z");
  testing::TempDir dir_;
};

TEST_F(SqliteStoreTest, AppendsAssignsSequenceAndSkipsDuplicates) {
  auto store = Open();
  std::vector<model::Event> batch = {EventBuilder("c1", EventType::kSubmit).Build(),
                                     EventBuilder("c1", EventType::kAccept).Build(),
                                     EventBuilder("c1", EventType::kSubmit).Build()};
  auto first = store->AppendBatch(batch, now_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->stored, 2);
  EXPECT_EQ(first->duplicates, 1);  // the same source id twice within one batch
  EXPECT_EQ(first->seqs, (std::vector<std::int64_t>{1, 2, 0}));

  auto again = store->AppendBatch(batch, now_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stored, 0);
  EXPECT_EQ(again->duplicates, 3);
  EXPECT_EQ(store->Stats()->events, 2);
}

TEST_F(SqliteStoreTest, SameIdFromAnotherSourceIsNotADuplicate) {
  auto store = Open();
  std::vector<model::Event> batch = {EventBuilder("c1", EventType::kSubmit).Source("a").Build(),
                                     EventBuilder("c1", EventType::kSubmit).Source("b").Build()};
  EXPECT_EQ(store->AppendBatch(batch, now_)->stored, 2);
}

TEST_F(SqliteStoreTest, UsesLinkHintsOnlyWhileTheyHold) {
  auto store = Open();
  ASSERT_TRUE(store->AppendBatch(std::vector{EventBuilder("c0", EventType::kSubmit).Build()}, now_).ok());
  std::vector<model::Event> batch = {EventBuilder("c1", EventType::kSubmit).Build(),
                                     EventBuilder("c0", EventType::kSubmit).Build(),  // duplicate
                                     EventBuilder("c2", EventType::kSubmit).Build()};
  std::vector<audit::Digest> digests = audit::ContentDigests(store->hash_algorithm(), batch);
  // Links predicted as if nothing were a duplicate: the third is wrong once the second is one.
  audit::ChainHasher hasher(store->hash_algorithm());
  ChainHead head = store->chain_head();
  std::vector<audit::Digest> links;
  for (size_t i = 0; i < batch.size(); ++i) {
    head.hash = hasher.Link(head.hash, ++head.seq, digests[i]);
    links.push_back(head.hash);
  }
  LinkHint hint{store->chain_head(), links};
  ASSERT_TRUE(store->AppendDigested(batch, digests, now_, &hint).ok());
  // A hint from another chain position is ignored.
  std::vector<model::Event> more = {EventBuilder("c3", EventType::kSubmit).Build()};
  std::vector<audit::Digest> more_digests = audit::ContentDigests(store->hash_algorithm(), more);
  std::vector<audit::Digest> garbage(1);
  LinkHint stale{ChainHead{}, garbage};
  ASSERT_TRUE(store->AppendDigested(more, more_digests, now_, &stale).ok());
  auto report = store->VerifyChain();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->events_checked, 4);
}

TEST_F(SqliteStoreTest, KeepsCaseSummary) {
  auto store = Open();
  std::vector<model::Event> batch = {
      EventBuilder("c1", EventType::kAccept).At("2025-03-04T09:00:00+08:00").Build(),
      EventBuilder("c1", EventType::kSubmit).At("2025-03-03T09:00:00+08:00").Build(),
      EventBuilder("c2", EventType::kSubmit).Build()};
  ASSERT_TRUE(store->AppendBatch(batch, now_).ok());
  EXPECT_EQ(store->Stats()->cases, 2);
  ASSERT_TRUE(store->Flush().ok());
  auto summary = store->FindCase("c1");
  ASSERT_TRUE(summary.ok() && summary->has_value());
  EXPECT_EQ((*summary)->event_count, 2);
  EXPECT_EQ((*summary)->stage, EventType::kAccept);  // the latest by event time
  EXPECT_EQ(base::FormatInstantUtc((*summary)->first_at), "2025-03-03T01:00:00Z");
  auto events = store->EventsOfCase("c1");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].event.type, EventType::kSubmit);  // ordered by event time
  EXPECT_EQ((*events)[1].event.type, EventType::kAccept);
}

TEST_F(SqliteStoreTest, CaseSummaryCatchesUpAfterAnUnflushedStop) {
  {
    auto store = Open();
    ASSERT_TRUE(store->AppendBatch(std::vector{EventBuilder("c1", EventType::kSubmit).Build(),
                                               EventBuilder("c1", EventType::kAccept).At("2025-03-04T09:00:00+08:00").Build()},
                                   now_).ok());
  }
  // As if the writer died before flushing: the summary lags behind the events.
  {
    auto raw = store::sqlite::OpenSqliteStore({dir_.File("o.db"), {}});
    ASSERT_TRUE(raw.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("o.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE cases SET event_count = 0, stage = 0; UPDATE meta SET value = '0' WHERE key = 'cases_synced_seq'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = Open();
  auto summary = store->FindCase("c1");
  ASSERT_TRUE(summary.ok() && summary->has_value());
  EXPECT_EQ((*summary)->event_count, 2);
  EXPECT_EQ((*summary)->stage, EventType::kAccept);
}

TEST_F(SqliteStoreTest, ScanCasesGivesEachCaseInTimeOrder) {
  auto store = Open();
  ASSERT_TRUE(store->AppendBatch(
      std::vector{EventBuilder("c1", EventType::kAccept).At("2025-03-04T09:00:00+08:00").Build(),
                  EventBuilder("c2", EventType::kSubmit).Build(),
                  EventBuilder("c1", EventType::kSubmit).At("2025-03-03T09:00:00+08:00").Build()},
      now_).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(store->ScanCases([&](std::vector<StoredEvent>& events) {
    std::string line = events[0].event.case_id + ":";
    for (const auto& e : events) line += std::string(model::EventTypeName(e.event.type)) + ",";
    seen.push_back(line);
    return true;
  }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"c1:submit,accept,", "c2:submit,"}));
}

TEST_F(SqliteStoreTest, ReopenKeepsChainAndRefusesAnotherAlgorithm) {
  {
    auto store = Open(audit::HashAlgorithm::kSha256);
    ASSERT_TRUE(store->AppendBatch(std::vector{EventBuilder("c1", EventType::kSubmit).Build()}, now_).ok());
  }
  {
    auto store = Open();
    EXPECT_EQ(store->hash_algorithm(), audit::HashAlgorithm::kSha256);
    ASSERT_TRUE(store->AppendBatch(std::vector{EventBuilder("c1", EventType::kAccept).Build()}, now_).ok());
    auto report = store->VerifyChain();
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok) << report->problem;
    EXPECT_EQ(report->events_checked, 2);
  }
  auto refused = OpenSqliteStore({dir_.File("o.db"), audit::HashAlgorithm::kSm3});
  EXPECT_FALSE(refused.ok());
}

TEST_F(SqliteStoreTest, ReferenceDataRoundTrips) {
  auto store = Open();
  model::Item item{"445200-XK-0001", "食品经营许可", "11445200MB2C12345T", "行政许可",
                   model::TimeLimit{20, model::LimitUnit::kWorkingDays},
                   model::TimeLimit{10, model::LimitUnit::kWorkingDays}, 0, 4};
  ASSERT_TRUE(store->UpsertItem(item, false).ok());
  ASSERT_TRUE(store->UpsertDepartment({"11445200MB2C12345T", "揭阳市市场监督管理局", "", "445200"}, false).ok());
  auto items = store->ListItems();
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].promised_limit, item.promised_limit);
  EXPECT_EQ((*items)[0].fee_fen, 0);
  EXPECT_EQ(store->ListDepartments()->at(0).name, "揭阳市市场监督管理局");
}

TEST_F(SqliteStoreTest, ClosuresAreKeptOnePerDateInDateOrder) {
  {
    auto store = Open();
    EXPECT_TRUE(store->ListClosures()->empty());
    ASSERT_TRUE(store->AddClosure({*base::ParseDate("2025-07-16"), "防汛", "sys", now_}).ok());
    ASSERT_TRUE(store->AddClosure({*base::ParseDate("2025-07-15"), "台风停工", "sys", now_}).ok());
    base::Status again = store->AddClosure({*base::ParseDate("2025-07-15"), "又一次", "sys", now_});
    EXPECT_EQ(again.code(), base::StatusCode::kAlreadyExists);
    EXPECT_NE(again.message().find("台风停工"), std::string::npos);
  }
  auto reopened = Open();  // kept across a restart
  auto rows = reopened->ListClosures();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(base::FormatDate(rows->at(0).date), "2025-07-15");
  EXPECT_EQ(rows->at(0).name, "台风停工");
  EXPECT_EQ(rows->at(0).created_by, "sys");
  EXPECT_EQ(rows->at(0).created_at, now_);
  EXPECT_EQ(base::FormatDate(rows->at(1).date), "2025-07-16");
}

TEST_F(SqliteStoreTest, QuarantineKeepsAndResolves) {
  auto store = Open();
  QuarantineRecord r;
  r.source = "hall";
  r.input = "in.jsonl";
  r.line = 7;
  r.reason = "missing_field";
  r.message = "missing field 'case_id'";
  r.original_text = "{\"type\":\"accept\"}";
  r.received_at = now_;
  QuarantineRecord other_line = r;
  other_line.line = 9;
  auto added = store->AddQuarantine(std::vector{r, other_line, r});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(*added, 2);  // the exact same record twice is held once
  auto open = store->ListQuarantine({});
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ((*open)[0].line, 7);
  ASSERT_TRUE(store->ResolveQuarantine((*open)[0].id, 12).ok());
  EXPECT_EQ(store->ListQuarantine({})->size(), 1u);
  QuarantineFilter all;
  all.include_resolved = true;
  EXPECT_EQ(store->ListQuarantine(all)->size(), 2u);
  EXPECT_EQ(store->Stats()->quarantined_open, 1);
}

TEST_F(SqliteStoreTest, AlertsAreRaisedOnceAndWithdrawnWithAReason) {
  auto store = Open();
  AlertRecord yellow;
  yellow.rule_id = "license.accept-within-5-days";
  yellow.case_id = "c1";
  yellow.level = "yellow";
  yellow.dept_code = "91350100M000100Y43";
  yellow.raised_at = now_;
  yellow.due = now_ - std::chrono::hours(1);
  yellow.reason = "not accepted within 5 working days";
  AlertRecord red = yellow;
  red.level = "red";
  auto added = store->RaiseAlerts(std::vector{yellow, red, yellow});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, 2);
  EXPECT_EQ(*store->RaiseAlerts(std::vector{yellow}), 0);  // re-evaluation never doubles it
  EXPECT_EQ(store->Stats()->alerts_open, 2);

  AlertFilter by_level;
  by_level.level = "red";
  auto reds = store->ListAlerts(by_level);
  ASSERT_TRUE(reds.ok());
  ASSERT_EQ(reds->size(), 1u);
  ASSERT_TRUE(store->WithdrawAlert((*reds)[0].id, now_, "late event: accepted in time").ok());
  AlertFilter for_case;
  for_case.case_id = "c1";
  auto all = store->ListAlerts(for_case);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const AlertRecord& withdrawn = (*all)[0].level == "red" ? (*all)[0] : (*all)[1];
  EXPECT_EQ(withdrawn.state, "withdrawn");
  EXPECT_EQ(withdrawn.withdraw_reason, "late event: accepted in time");
  EXPECT_EQ(store->Stats()->alerts_open, 1);
}

TEST_F(SqliteStoreTest, SourcesTrackWatermark) {
  auto store = Open();
  ASSERT_TRUE(store->UpsertSource({"hall", "Asia/Shanghai", "", 0, {}, {}}).ok());
  ASSERT_TRUE(store->AppendBatch(std::vector{EventBuilder("c1", EventType::kSubmit).Source("hall").At("2025-03-05T10:00:00+08:00").Build(),
                                             EventBuilder("c2", EventType::kSubmit).Source("hall").At("2025-03-04T10:00:00+08:00").Build()}, now_).ok());
  auto source = store->FindSource("hall");
  ASSERT_TRUE(source.ok() && source->has_value());
  EXPECT_EQ((*source)->events_stored, 2);
  EXPECT_EQ(base::FormatInstantUtc(*(*source)->watermark), "2025-03-05T02:00:00Z");
}

}  // namespace
}  // namespace oversight::store::sqlite
