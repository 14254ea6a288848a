#include "supervisor/escalation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"
#include "store/alert_workflow_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::supervisor {
namespace {

using calendar::At;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// 2025 春节: off Tue 01-28 … Tue 02-04; Sat 02-08 a makeup working day.
class EscalateOverdueTest : public ::testing::Test {
 protected:
  EscalateOverdueTest() {
    auto opened = store::sqlite::OpenSqliteStore({dir_.File("o.db"), {}});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  std::int64_t Raise(const std::string& case_id, std::string_view raised,
                     const std::string& level = "red",
                     std::optional<base::Instant> noticed = std::nullopt) {
    store::AlertRecord a;
    a.noticed_at = noticed;
    a.rule_id = "license.accept-within-5-days";
    a.case_id = case_id;
    a.level = level;
    a.dept_code = "11445200MB2C12345T";
    a.raised_at = At(raised);
    a.reason = "not accepted within 5 working days";
    EXPECT_TRUE(store_->RaiseAlerts(std::vector{a}).ok());
    store::AlertFilter filter;
    filter.case_id = case_id;
    return store_->ListAlerts(filter)->front().id;
  }

  std::vector<std::int64_t> Escalate(std::string_view now, int days = 3) {
    auto escalated = EscalateOverdue(*store_, cal_, days, At(now));
    EXPECT_TRUE(escalated.ok()) << escalated.status().ToString();
    std::vector<std::int64_t> ids;
    if (escalated.ok()) {
      for (const store::AlertRecord& a : *escalated) ids.push_back(a.id);
    }
    return ids;
  }

  std::string StateOf(std::int64_t id) {
    return (*store_->workflow().FindAlert(id, store::Scope::All()))->state;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  calendar::Calendar cal_ = calendar::ShippedCalendarForTest();
};

TEST_F(EscalateOverdueTest, EscalatesOnlyAlertsUnansweredForTheWorkingDays) {
  // Raised Mon 01-27: 春节 follows, so the three working days are 02-05, 02-06, 02-07.
  const std::int64_t before_holiday = Raise("c1", "2025-01-27T09:00:00+08:00");
  // Raised Fri 01-03: Mon 06, Tue 07, Wed 08.
  const std::int64_t over_weekend = Raise("c2", "2025-01-03T10:00:00+08:00");
  const std::int64_t notice = Raise("c3", "2025-01-03T10:00:00+08:00", "notice");

  EXPECT_TRUE(Escalate("2025-01-08T23:59:00+08:00").empty());
  EXPECT_THAT(Escalate("2025-01-09T00:00:00+08:00"), ElementsAre(over_weekend));
  EXPECT_EQ(StateOf(over_weekend), "escalated");
  EXPECT_TRUE(Escalate("2025-02-07T12:00:00+08:00").empty());  // nine calendar days on
  EXPECT_THAT(Escalate("2025-02-08T00:00:00+08:00"), ElementsAre(before_holiday));
  EXPECT_EQ(StateOf(notice), "open");

  auto thread = store_->workflow().AlertThread(over_weekend, store::Scope::All());
  ASSERT_TRUE(thread.ok());
  ASSERT_EQ(thread->size(), 1u);
  const store::AlertActionRecord& step = thread->front();
  EXPECT_EQ(step.action, workflow::Action::kEscalate);
  EXPECT_EQ(step.from_state, workflow::AlertState::kOpen);
  EXPECT_EQ(step.to_state, workflow::AlertState::kEscalated);
  EXPECT_EQ(step.actor, "system");
  EXPECT_EQ(step.actor_role, "system");
  EXPECT_EQ(step.at, At("2025-01-09T00:00:00+08:00"));
  EXPECT_EQ(step.text, "unanswered for 3 working days");
}

TEST_F(EscalateOverdueTest, AnsweredAlertsAndAlreadyEscalatedOnesAreLeftAlone) {
  const std::int64_t answered = Raise("c1", "2025-01-03T10:00:00+08:00");
  const std::int64_t unanswered = Raise("c2", "2025-01-03T10:00:00+08:00");
  store::AlertActionRecord respond;
  respond.action = workflow::Action::kRespond;
  respond.response_kind = workflow::ResponseKind::kExplained;
  respond.text = "申请人要求暂缓";
  respond.actor = "officer1";
  respond.at = At("2025-01-06T09:00:00+08:00");
  ASSERT_TRUE(store_->workflow().ApplyAction(answered, respond, store::Scope::All()).ok());

  EXPECT_THAT(Escalate("2025-01-20T00:00:00+08:00"), ElementsAre(unanswered));
  EXPECT_EQ(StateOf(answered), "responded");
  EXPECT_TRUE(Escalate("2025-01-21T00:00:00+08:00").empty());  // nothing twice
  EXPECT_EQ(store_->workflow().AlertThread(unanswered, store::Scope::All())->size(), 1u);
}

TEST_F(EscalateOverdueTest, ARejectedResponseGetsFreshWorkingDays) {
  const std::int64_t id = Raise("c1", "2025-01-03T10:00:00+08:00");
  store::AlertActionRecord respond;
  respond.action = workflow::Action::kRespond;
  respond.response_kind = workflow::ResponseKind::kCorrected;
  respond.text = "已受理";
  respond.actor = "officer1";
  respond.at = At("2025-01-06T09:00:00+08:00");
  ASSERT_TRUE(store_->workflow().ApplyAction(id, respond, store::Scope::All()).ok());
  store::AlertActionRecord reject;
  reject.action = workflow::Action::kRejectResponse;
  reject.text = "未见受理回执";
  reject.actor = "supervisor1";
  reject.at = At("2025-01-10T10:00:00+08:00");  // Fri: Mon 13, Tue 14, Wed 15
  ASSERT_TRUE(store_->workflow().ApplyAction(id, reject, store::Scope::All()).ok());

  EXPECT_TRUE(Escalate("2025-01-15T18:00:00+08:00").empty());
  EXPECT_THAT(Escalate("2025-01-16T00:00:00+08:00"), ElementsAre(id));
}

TEST_F(EscalateOverdueTest, TheClockStartsWhenTheAlertWasStoredNotWhenItBecameTrue) {
  // Raised (event time) Fri 2025-01-03, but judged and stored only on Mon 03-03,
  // as when a year of history is loaded: Tue 04, Wed 05, Thu 06 are its days.
  const std::int64_t late = Raise("c1", "2025-01-03T10:00:00+08:00", "red",
                                  At("2025-03-03T09:30:00+08:00"));
  // Stored at once: the clock runs from the event as before.
  const std::int64_t prompt = Raise("c2", "2025-01-03T10:00:00+08:00", "red",
                                    At("2025-01-03T10:00:05+08:00"));
  // Stored before the column existed (null): falls back to raised_at.
  const std::int64_t old_row = Raise("c3", "2025-01-03T10:00:00+08:00");
  auto stored = store_->workflow().FindAlert(late, store::Scope::All());
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->noticed_at, At("2025-03-03T09:30:00+08:00"));
  EXPECT_FALSE((*store_->workflow().FindAlert(old_row, store::Scope::All()))->noticed_at);

  EXPECT_THAT(Escalate("2025-01-09T00:00:00+08:00"), ElementsAre(prompt, old_row));
  EXPECT_TRUE(Escalate("2025-03-03T12:00:00+08:00").empty());
  EXPECT_TRUE(Escalate("2025-03-06T23:59:00+08:00").empty());
  EXPECT_THAT(Escalate("2025-03-07T00:00:00+08:00"), ElementsAre(late));
}

TEST_F(EscalateOverdueTest, ARejectedResponseRestartsTheClockAfterALateNotice) {
  const std::int64_t id = Raise("c1", "2025-01-03T10:00:00+08:00", "red",
                                At("2025-03-03T09:30:00+08:00"));
  store::AlertActionRecord respond;
  respond.action = workflow::Action::kRespond;
  respond.response_kind = workflow::ResponseKind::kCorrected;
  respond.text = "已受理";
  respond.actor = "officer1";
  respond.at = At("2025-03-04T09:00:00+08:00");
  ASSERT_TRUE(store_->workflow().ApplyAction(id, respond, store::Scope::All()).ok());
  store::AlertActionRecord reject;
  reject.action = workflow::Action::kRejectResponse;
  reject.text = "未见受理回执";
  reject.actor = "supervisor1";
  reject.at = At("2025-03-07T10:00:00+08:00");  // Fri: Mon 10, Tue 11, Wed 12
  ASSERT_TRUE(store_->workflow().ApplyAction(id, reject, store::Scope::All()).ok());

  EXPECT_TRUE(Escalate("2025-03-12T18:00:00+08:00").empty());
  EXPECT_THAT(Escalate("2025-03-13T00:00:00+08:00"), ElementsAre(id));
}

TEST_F(EscalateOverdueTest, TheNumberOfWorkingDaysIsConfigurableAndChecked) {
  const std::int64_t id = Raise("c1", "2025-01-03T10:00:00+08:00");  // Fri
  EXPECT_TRUE(Escalate("2025-01-07T00:00:00+08:00", 2).empty());    // Mon 06 is day one
  EXPECT_THAT(Escalate("2025-01-07T00:00:00+08:00", 1), ElementsAre(id));

  auto bad = EscalateOverdue(*store_, cal_, 0, At("2025-01-07T00:00:00+08:00"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("working_days"));
}

}  // namespace
}  // namespace oversight::supervisor
