// The case progress behind the dashboard: which events and catalog changes make
// it stale, what the store hands out to recompute, and the figures it counts.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/dashboard_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;
using ::testing::ElementsAre;

base::Instant At(std::string_view text) { return *base::ParseInstant(text); }

constexpr char kDeptA[] = "11445200MB2C12345T";
constexpr char kDeptB[] = "11445200MB2C99999X";

class DashboardStoreTest : public ::testing::Test {
 protected:
  DashboardStoreTest() {
    auto opened = OpenSqliteStore({dir_.File("o.db"), {}});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    model::Item item;
    item.code = "I1";
    item.name = "建设工程规划许可";
    item.dept_code = kDeptA;
    item.promised_limit = model::TimeLimit{5, model::LimitUnit::kWorkingDays};
    item.statutory_limit = model::TimeLimit{20, model::LimitUnit::kWorkingDays};
    EXPECT_TRUE(store_->UpsertItem(item, false).ok());
  }

  void Append(const std::string& case_id, EventType type, std::string_view at,
              const std::string& dept = kDeptA, model::CaseKind kind = model::CaseKind::kApproval) {
    model::Event e;
    e.source = "s";
    e.source_event_id = case_id + "-" + std::to_string(next_++);
    e.case_id = case_id;
    e.kind = kind;
    e.type = type;
    e.at = At(at);
    e.dept_code = dept;
    e.item_code = "I1";
    e.attrs_json = "{}";
    ASSERT_TRUE(store_->AppendBatch(std::vector{e}, At(at)).ok());
  }

  std::vector<std::string> Stale() {
    auto stale = store_->dashboard().StaleProgress(100);
    EXPECT_TRUE(stale.ok()) << stale.status().ToString();
    std::vector<std::string> ids;
    for (const ProgressInput& p : *stale) ids.push_back(p.case_id);
    return ids;
  }

  // Writes the progress of every stale case: concluded at its last conclusion
  // event, due `due`.
  void Settle(std::optional<base::Instant> due) {
    auto stale = store_->dashboard().StaleProgress(100);
    ASSERT_TRUE(stale.ok());
    std::vector<CaseProgress> out;
    for (const ProgressInput& p : *stale) {
      CaseProgress c;
      c.case_no = p.case_no;
      for (const model::Event& e : p.events) {
        if (e.type == EventType::kComplete && !c.concluded_at) {
          c.concluded_at = e.at;
          c.concluded_by = e.type;
        }
      }
      c.promised_due = due;
      out.push_back(c);
    }
    ASSERT_TRUE(store_->dashboard().SetProgress(out).ok());
  }

  oversight::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int next_ = 0;
};

TEST_F(DashboardStoreTest, EventsThatMoveTheProgressMarkItStale) {
  Append("A", EventType::kSubmit, "2025-03-03T09:00:00+08:00");
  Append("C", EventType::kComplaintReceived, "2025-03-03T09:00:00+08:00", kDeptA,
         model::CaseKind::kComplaint);
  EXPECT_TRUE(Stale().empty());  // a submission and a complaint move no dues
  Append("A", EventType::kAccept, "2025-03-03T10:00:00+08:00");
  Append("A", EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00");
  Append("A", EventType::kReview, "2025-03-05T10:00:00+08:00");
  EXPECT_THAT(Stale(), ElementsAre("A"));
  auto stale = store_->dashboard().StaleProgress(100);
  ASSERT_EQ(stale->size(), 1u);
  const ProgressInput& a = stale->front();
  EXPECT_EQ(a.item_code, "I1");
  ASSERT_EQ(a.events.size(), 2u);  // only what decides the progress, in time order
  EXPECT_EQ(a.events[0].type, EventType::kAccept);
  EXPECT_EQ(a.events[1].type, EventType::kRequestSupplement);
  EXPECT_EQ(*store_->dashboard().CountStaleProgress(), 1);

  Settle(std::nullopt);
  EXPECT_TRUE(Stale().empty());
  Append("A", EventType::kDeliver, "2025-03-06T10:00:00+08:00");
  EXPECT_TRUE(Stale().empty());
  // A late event (earlier than what came before) marks it as well.
  Append("A", EventType::kComplete, "2025-03-05T09:00:00+08:00");
  EXPECT_THAT(Stale(), ElementsAre("A"));
}

TEST_F(DashboardStoreTest, NewLimitsOfAnItemMakeItsCasesStale) {
  Append("A", EventType::kAccept, "2025-03-03T10:00:00+08:00");
  Settle(std::nullopt);
  model::Item item = (*store_->ListItems()).front();
  item.name = "建设工程规划许可（新）";
  ASSERT_TRUE(store_->UpsertItem(item, false).ok());
  EXPECT_TRUE(Stale().empty());  // the name moves no due
  item.promised_limit = model::TimeLimit{3, model::LimitUnit::kWorkingDays};
  ASSERT_TRUE(store_->UpsertItem(item, false).ok());
  EXPECT_THAT(Stale(), ElementsAre("A"));
  Settle(std::nullopt);
  ASSERT_TRUE(store_->dashboard().MarkAllProgressStale().ok());
  EXPECT_THAT(Stale(), ElementsAre("A"));
}

TEST_F(DashboardStoreTest, FiguresCountTheProgressWithinTheScope) {
  // A: completed on time; B: completed late; C: accepted, not concluded, past due;
  // D: another department's, past due.
  for (const char* id : {"A", "B", "C"}) {
    Append(id, EventType::kSubmit, "2025-03-03T09:00:00+08:00");
    Append(id, EventType::kAccept, "2025-03-03T10:00:00+08:00");
  }
  Append("D", EventType::kSubmit, "2025-03-04T09:00:00+08:00", kDeptB);
  Append("D", EventType::kAccept, "2025-03-04T10:00:00+08:00", kDeptB);
  Append("A", EventType::kComplete, "2025-03-05T10:00:00+08:00");
  Append("B", EventType::kComplete, "2025-03-20T10:00:00+08:00");
  Settle(At("2025-03-10T00:00:00+08:00"));

  DashboardQuery q;
  q.now = At("2025-03-21T12:00:00+08:00");
  q.day_from = At("2025-03-03T00:00:00+08:00");
  q.day_to = At("2025-03-04T00:00:00+08:00");
  q.month_from = At("2025-03-01T00:00:00+08:00");
  q.month_to = At("2025-04-01T00:00:00+08:00");
  q.month_bounds = {At("2025-02-01T00:00:00+08:00"), q.month_from, q.month_to};
  auto all = store_->dashboard().Figures(q, Scope::All());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->cases_today.size(), 2u);  // A and B completed, C accepted (D the next day)
  EXPECT_EQ(all->cases_today[0].stage, EventType::kAccept);
  EXPECT_EQ(all->cases_today[0].count, 1);
  EXPECT_EQ(all->cases_today[1].stage, EventType::kComplete);
  EXPECT_EQ(all->cases_today[1].count, 2);
  std::int64_t month = 0;
  for (const StageCount& s : all->cases_month) month += s.count;
  EXPECT_EQ(month, 4);
  ASSERT_EQ(all->on_time.size(), 2u);
  EXPECT_EQ(all->on_time[0].concluded, 0);
  EXPECT_EQ(all->on_time[1].concluded, 2);
  EXPECT_EQ(all->on_time[1].on_time, 1);
  ASSERT_EQ(all->top_overdue_items.size(), 1u);
  EXPECT_EQ(all->top_overdue_items[0].item_code, "I1");
  EXPECT_EQ(all->top_overdue_items[0].item_name, "建设工程规划许可");
  EXPECT_EQ(all->top_overdue_items[0].count, 2);  // C and D

  auto own = store_->dashboard().Figures(q, Scope::Departments({kDeptB}));
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(own->cases_today.empty());
  EXPECT_EQ(own->on_time[1].concluded, 0);
  ASSERT_EQ(own->top_overdue_items.size(), 1u);
  EXPECT_EQ(own->top_overdue_items[0].count, 1);
  // Before C's due nothing is overdue.
  q.now = At("2025-03-09T23:59:00+08:00");
  EXPECT_TRUE(store_->dashboard().Figures(q, Scope::All())->top_overdue_items.empty());
}

}  // namespace
}  // namespace oversight::store::sqlite
