#include "demo/internal/work_clock.h"

#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"

namespace oversight::demo {
namespace {

using calendar::At;
using calendar::Day;

class WorkClockTest : public ::testing::Test {
 protected:
  WorkClockTest()
      : calendar_(calendar::ShippedCalendarForTest()),
        clock_(WorkClock::Build(calendar_, Day("2025-01-20"), Day("2025-03-01")).value()) {}

  calendar::Calendar calendar_;
  WorkClock clock_;
};

TEST_F(WorkClockTest, PositionsRunThroughOfficeHours) {
  // Mon 2025-01-20 is the first (working) day: position 0 is 09:00.
  EXPECT_EQ(clock_.InstantOf(0, 0), At("2025-01-20T09:00:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(179, 59), At("2025-01-20T11:59:59+08:00"));
  EXPECT_EQ(clock_.InstantOf(180, 0), At("2025-01-20T14:30:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(359, 0), At("2025-01-20T17:29:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(360, 0), At("2025-01-21T09:00:00+08:00"));
}

TEST_F(WorkClockTest, SkipsHolidaysAndKeepsMakeupDays) {
  // Fri 24th, then Sun 26th is a makeup working day (调休), Mon 27th works, and the
  // Spring Festival runs 28 Jan – 4 Feb.
  int fri = clock_.DayIndexOf(At("2025-01-24T10:00:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(clock_.LimitAfter(fri, 0), 0), At("2025-01-26T09:00:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(clock_.LimitAfter(fri, 1), 0), At("2025-01-27T09:00:00+08:00"));
  EXPECT_EQ(clock_.InstantOf(clock_.LimitAfter(fri, 2), 0), At("2025-02-05T09:00:00+08:00"));
}

TEST_F(WorkClockTest, NextPositionIsStrictlyLater) {
  auto next = [&](std::string_view t) { return clock_.InstantOf(clock_.NextPosition(At(t)), 0); };
  EXPECT_EQ(next("2025-01-20T10:15:30+08:00"), At("2025-01-20T10:16:00+08:00"));
  EXPECT_EQ(next("2025-01-20T10:15:00+08:00"), At("2025-01-20T10:16:00+08:00"));
  EXPECT_EQ(next("2025-01-20T07:00:00+08:00"), At("2025-01-20T09:00:00+08:00"));
  EXPECT_EQ(next("2025-01-20T12:40:00+08:00"), At("2025-01-20T14:30:00+08:00"));
  EXPECT_EQ(next("2025-01-20T11:59:30+08:00"), At("2025-01-20T14:30:00+08:00"));
  EXPECT_EQ(next("2025-01-20T17:29:10+08:00"), At("2025-01-21T09:00:00+08:00"));
  EXPECT_EQ(next("2025-01-25T10:00:00+08:00"), At("2025-01-26T09:00:00+08:00"));  // Saturday
  EXPECT_EQ(next("2025-01-30T10:00:00+08:00"), At("2025-02-05T09:00:00+08:00"));  // holiday
}

// LimitAfter(day, n) must agree with the calendar's deadline: the last position
// before it is before Due(…, n working days), the position at it is not.
TEST_F(WorkClockTest, LimitAfterAgreesWithTheCalendar) {
  for (const char* start : {"2025-01-20T15:00:00+08:00", "2025-01-24T16:00:00+08:00",
                            "2025-01-25T20:00:00+08:00", "2025-01-29T08:00:00+08:00"}) {
    int day = clock_.DayIndexOf(At(start));
    for (int n : {1, 3, 5, 10}) {
      base::Instant due =
          calendar_.Due(At(start), {n, model::LimitUnit::kWorkingDays}, {}).value().due;
      std::int64_t limit = clock_.LimitAfter(day, n);
      EXPECT_LT(clock_.InstantOf(limit - 1, 59), due) << start << " +" << n;
      EXPECT_GE(clock_.InstantOf(limit, 0), due) << start << " +" << n;
    }
  }
}

TEST(WorkClockBuildTest, FailsOutsideTheCalendar) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  base::Result<WorkClock> clock = WorkClock::Build(cal, Day("2026-12-01"), Day("2027-02-01"));
  EXPECT_FALSE(clock.ok());
}

}  // namespace
}  // namespace oversight::demo
