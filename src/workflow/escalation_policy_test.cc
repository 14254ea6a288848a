#include "workflow/escalation_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"

namespace oversight::workflow {
namespace {

using calendar::At;
using ::testing::HasSubstr;

// Calendar facts (data/holidays): 2025 春节 off Tue 01-28 … Tue 02-04, makeup
// working Sat 02-08; 2025-01-04/05 an ordinary weekend.

store::AlertRecord OpenAlert(std::string_view raised_at, std::string level = "red") {
  store::AlertRecord alert;
  alert.id = 1;
  alert.level = std::move(level);
  alert.state = "open";
  alert.raised_at = At(raised_at);
  return alert;
}

class EscalationPolicyTest : public ::testing::Test {
 protected:
  bool Due(const store::AlertRecord& alert, std::string_view now, int days = 3) {
    base::Result<bool> due = DueForEscalation(alert, At(now), cal_, days);
    EXPECT_TRUE(due.ok()) << due.status().ToString();
    return due.ok() && *due;
  }
  calendar::Calendar cal_ = calendar::ShippedCalendarForTest();
};

TEST_F(EscalationPolicyTest, CountsWorkingDaysAcrossAWeekend) {
  // Raised Fri 01-03: Mon 06 (1), Tue 07 (2), Wed 08 (3); escalates at 24:00 of Wed.
  store::AlertRecord alert = OpenAlert("2025-01-03T10:00:00+08:00");
  EXPECT_EQ(*EscalationDue(alert.raised_at, cal_, 3), At("2025-01-09T00:00:00+08:00"));
  EXPECT_FALSE(Due(alert, "2025-01-06T10:00:00+08:00"));  // three calendar days, one working day
  EXPECT_FALSE(Due(alert, "2025-01-08T23:59:59+08:00"));
  EXPECT_TRUE(Due(alert, "2025-01-09T00:00:00+08:00"));
}

TEST_F(EscalationPolicyTest, CountsWorkingDaysAcrossAHolidayAndAMakeupDay) {
  // Raised Mon 01-27, the eve of 春节: 02-05 (1), 02-06 (2), 02-07 (3).
  store::AlertRecord alert = OpenAlert("2025-01-27T09:00:00+08:00");
  EXPECT_FALSE(Due(alert, "2025-02-04T18:00:00+08:00"));  // eight days later, still zero
  EXPECT_FALSE(Due(alert, "2025-02-07T18:00:00+08:00"));
  EXPECT_TRUE(Due(alert, "2025-02-08T00:00:00+08:00"));
  // Raised Thu 02-06: Fri 07 (1), Sat 08 makeup working day (2).
  store::AlertRecord later = OpenAlert("2025-02-06T09:00:00+08:00");
  EXPECT_FALSE(Due(later, "2025-02-08T23:00:00+08:00", 2));
  EXPECT_TRUE(Due(later, "2025-02-09T00:00:00+08:00", 2));
}

TEST_F(EscalationPolicyTest, TheClockStartsAtTheLaterOfRaisedAndNoticed) {
  store::AlertRecord alert = OpenAlert("2025-01-03T10:00:00+08:00");
  EXPECT_EQ(OpenSince(alert), At("2025-01-03T10:00:00+08:00"));  // no noticed_at: as before
  alert.noticed_at = At("2025-01-02T10:00:00+08:00");  // stored ahead (a judge running early)
  EXPECT_EQ(OpenSince(alert), At("2025-01-03T10:00:00+08:00"));
  alert.noticed_at = At("2025-03-03T09:00:00+08:00");  // Mon: Tue 04, Wed 05, Thu 06
  EXPECT_FALSE(Due(alert, "2025-03-06T23:59:59+08:00"));
  EXPECT_TRUE(Due(alert, "2025-03-07T00:00:00+08:00"));
  alert.reopened_at = At("2025-03-07T10:00:00+08:00");  // later still: Mon 10, Tue 11, Wed 12
  EXPECT_EQ(OpenSince(alert), At("2025-03-07T10:00:00+08:00"));
  EXPECT_FALSE(Due(alert, "2025-03-12T12:00:00+08:00"));
  EXPECT_TRUE(Due(alert, "2025-03-13T00:00:00+08:00"));
}

TEST_F(EscalationPolicyTest, ARejectedResponseRestartsTheClock) {
  store::AlertRecord alert = OpenAlert("2025-01-03T10:00:00+08:00");
  alert.reopened_at = At("2025-01-10T10:00:00+08:00");  // Fri: Mon 13, Tue 14, Wed 15
  EXPECT_FALSE(Due(alert, "2025-01-15T12:00:00+08:00"));
  EXPECT_TRUE(Due(alert, "2025-01-16T00:00:00+08:00"));
}

TEST_F(EscalationPolicyTest, OnlyOpenYellowAndRedCardsEscalate) {
  const char* long_after = "2025-03-03T09:00:00+08:00";
  EXPECT_TRUE(Due(OpenAlert("2025-01-03T10:00:00+08:00", "yellow"), long_after));
  EXPECT_FALSE(Due(OpenAlert("2025-01-03T10:00:00+08:00", "notice"), long_after));
  for (const char* state : {"responded", "accepted", "escalated", "accountability", "closed",
                            "withdrawn"}) {
    store::AlertRecord alert = OpenAlert("2025-01-03T10:00:00+08:00");
    alert.state = state;
    EXPECT_FALSE(Due(alert, long_after)) << state;
  }
}

TEST_F(EscalationPolicyTest, RejectsABadSettingAndYearsTheCalendarDoesNotCover) {
  store::AlertRecord alert = OpenAlert("2025-01-03T10:00:00+08:00");
  for (int days : {0, -1, 100000}) {
    base::Result<bool> due = DueForEscalation(alert, At("2025-03-03T09:00:00+08:00"), cal_, days);
    ASSERT_FALSE(due.ok()) << days;
    EXPECT_EQ(due.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_THAT(due.status().message(), HasSubstr("working_days"));
  }
  alert.state = "closed";  // a bad setting shows even when nothing is due
  EXPECT_FALSE(DueForEscalation(alert, At("2025-03-03T09:00:00+08:00"), cal_, 0).ok());

  store::AlertRecord future = OpenAlert("2031-06-02T10:00:00+08:00");
  base::Result<bool> due = DueForEscalation(future, At("2031-07-01T00:00:00+08:00"), cal_, 3);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.status().code(), base::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace oversight::workflow
