#include "pipeline/ingest_runner.h"

#include <gtest/gtest.h>

#include "ingest/open_reader.h"
#include "pipeline/quarantine_retry.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::pipeline {
namespace {

constexpr const char* kDept = "91350100M000100Y43";

std::string Line(const std::string& id, const std::string& type, const std::string& item = "I-1") {
  return R"({"source_event_id":")" + id + R"(","case_id":"c-)" + id + R"(","type":")" + type +
         R"(","at":"2025-03-03T09:00:00+08:00","dept":")" + kDept + R"(","item":")" + item +
         "\"}\n";
}

class IngestRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::OpenSqliteStore({dir_.File("r.db"), {}});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->UpsertDepartment({kDept, "dept", "", ""}, false).ok());
    model::Item item;
    item.code = "I-1";
    item.name = "item";
    item.dept_code = kDept;
    ASSERT_TRUE(store_->UpsertItem(item, false).ok());
  }

  IngestSummary Ingest(std::string text, size_t batch_size = 2) {
    ValidatorOptions options;
    options.source = "hall";
    options.now = now_;
    options.from_local = [](base::Instant wall) { return wall - std::chrono::hours(8); };
    EventValidator validator(options, *store_->ListDepartments(), *store_->ListItems());
    auto reader = ingest::MakeRecordReader(ingest::ByteSourceFromString(std::move(text), "t"),
                                           ingest::ReaderOptions{});
    IngestRunner runner(*store_, mapping_, validator, {"hall", batch_size, now_, nullptr, nullptr});
    EXPECT_TRUE(runner.Run(*reader, "t.jsonl").ok());
    return runner.summary();
  }

  // An item registered after its events were quarantined.
  void RegisterItem(const std::string& code) {
    model::Item item;
    item.code = code;
    item.name = "registered late";
    item.dept_code = kDept;
    ASSERT_TRUE(store_->UpsertItem(item, false).ok());
  }

  base::Result<RetrySummary> Retry() {
    ValidatorOptions options;
    options.source = "hall";
    options.now = now_;
    EventValidator validator(options, *store_->ListDepartments(), *store_->ListItems());
    return RetryQuarantine(*store_, "hall", mapping_, validator, now_);
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  ingest::Mapping mapping_ = ingest::Mapping::Identity();
  base::Instant now_ = *base::ParseInstant("2025-06-01T00:00:00Z");
};

TEST_F(IngestRunnerTest, EveryRecordIsStoredDuplicateOrQuarantined) {
  std::string input = Line("1", "submit") + Line("2", "accept") + "\n" + Line("1", "submit") +
                      "{not json}\n" + Line("3", "decide", "I-404") + Line("4", "complete");
  IngestSummary s = Ingest(input);
  EXPECT_EQ(s.read, 6);  // the blank line is not a record
  EXPECT_EQ(s.stored, 3);
  EXPECT_EQ(s.duplicate, 1);
  EXPECT_EQ(s.quarantined, 2);
  EXPECT_EQ(s.reasons["parse_error"], 1);
  EXPECT_EQ(s.reasons["unknown_item"], 1);
  EXPECT_EQ(s.read, s.stored + s.duplicate + s.quarantined);
  EXPECT_TRUE(store_->VerifyChain()->ok);  // predicted links were dropped after the duplicate

  auto held = store_->ListQuarantine({});
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->size(), 2u);
  EXPECT_EQ((*held)[0].line, 5);
  EXPECT_EQ((*held)[0].original_text, "{not json}");
  EXPECT_EQ((*held)[1].line, 6);
}

TEST_F(IngestRunnerTest, ReingestChangesNothing) {
  std::string input = Line("1", "submit") + Line("2", "bogus") + Line("3", "accept");
  IngestSummary first = Ingest(input);
  EXPECT_EQ(first.stored, 2);
  EXPECT_EQ(first.quarantine_new, 1);
  IngestSummary second = Ingest(input);
  EXPECT_EQ(second.stored, 0);
  EXPECT_EQ(second.duplicate, 2);
  EXPECT_EQ(second.quarantined, 1);
  EXPECT_EQ(second.quarantine_new, 0);
  EXPECT_EQ(store_->Stats()->events, 2);
  EXPECT_EQ(store_->Stats()->quarantined_open, 1);
}

TEST_F(IngestRunnerTest, RetryStoresRecordsOnceReferenceDataIsFixed) {
  Ingest(Line("1", "submit", "I-2") + Line("2", "submit", "I-3"));
  ASSERT_EQ(store_->Stats()->quarantined_open, 2);
  RegisterItem("I-2");
  auto retried = Retry();
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(retried->retried, 2);
  EXPECT_EQ(retried->stored, 1);
  EXPECT_EQ(retried->still_quarantined, 1);
  EXPECT_EQ(retried->reasons["unknown_item"], 1);
  EXPECT_EQ(store_->Stats()->events, 1);
  EXPECT_EQ(store_->Stats()->quarantined_open, 1);
  EXPECT_TRUE(store_->VerifyChain()->ok);
}

TEST_F(IngestRunnerTest, QuarantineHoldsIdentityNumbersOnlyMasked) {
  std::string line = R"({"source_event_id":"p1","case_id":"c-p1","type":"submit","at":"2025-03-03T09:00:00+08:00","dept":")" +
                     std::string(kDept) + R"(","item":"I-9","attrs":{"applicant_id":"11010519491231002X","fee":0}})" + "\n";
  IngestSummary s = Ingest(line);
  ASSERT_EQ(s.reasons["unknown_item"], 1);
  auto held = store_->ListQuarantine({});
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->size(), 1u);
  for (const std::string* text : {&(*held)[0].original_text, &(*held)[0].fields_json}) {
    EXPECT_EQ(text->find("11010519491231002X"), std::string::npos) << *text;
    EXPECT_NE(text->find("110105********002X"), std::string::npos) << *text;
  }
  // Once the item exists the record goes through, still masked, fee still a number.
  RegisterItem("I-9");
  auto retried = Retry();
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(retried->stored, 1);
  auto events = store_->EventsOfCase("c-p1");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event.attrs_json, R"({"applicant_id_masked":"110105********002X","fee":0})");
}

TEST_F(IngestRunnerTest, ChainHoldsWhateverMixOfNewAndDuplicateEvents) {
  std::string first, second;
  for (int i = 0; i < 40; ++i) first += Line(std::to_string(i), "submit");
  for (int i = 20; i < 70; ++i) second += Line(std::to_string(i), "submit");  // 20 seen, 30 new
  Ingest(first, 7);
  IngestSummary s = Ingest(second + first + second, 3);
  EXPECT_EQ(s.stored, 30);
  EXPECT_EQ(s.duplicate, 110);  // 140 read: 30 new, the rest seen before
  Ingest(Line("new", "submit"), 1);
  auto report = store_->VerifyChain();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->events_checked, 71);
}

TEST_F(IngestRunnerTest, SummaryJsonHasTheAgreedKeys) {
  IngestSummary s = Ingest(Line("1", "submit") + "oops\n");
  std::string json = s.ToJson();
  for (const char* key : {"\"read\":2", "\"stored\":1", "\"duplicate\":0", "\"quarantined\":1",
                          "\"reasons\":{\"parse_error\":1}"}) {
    EXPECT_NE(json.find(key), std::string::npos) << key << " in " << json;
  }
}

}  // namespace
}  // namespace oversight::pipeline
