#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/shipped_data_for_test.h"

namespace oversight::calendar {
namespace {

using model::LimitUnit;
using model::TimeLimit;
using std::chrono::hours;
using std::chrono::minutes;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Calendar facts are listed at the top of calendar_test.cc. Every expected value
// below was counted by hand from them; `why` shows the count (n) per day.

struct DueRow {
  const char* start;
  int amount;
  const char* last_day;
  const char* due;
  const char* why;
};

void ExpectDue(const Calendar& cal, const DueRow& row, LimitUnit unit) {
  base::Result<Deadline> d = cal.Due(At(row.start), {row.amount, unit}, {});
  ASSERT_TRUE(d.ok()) << row.start << ": " << d.status().ToString();
  EXPECT_EQ(base::FormatDate(d->last_day), row.last_day) << row.start << ": " << row.why;
  EXPECT_EQ(cal.FormatLocal(d->due), row.due) << row.start << ": " << row.why;
  EXPECT_EQ(d->due, At(row.due));
  EXPECT_EQ(d->suspended_days, 0);
  EXPECT_FALSE(d->from_fallback);
}

TEST(DueTest, WorkingDayLimitsEndAt24OfTheLastWorkingDay) {
  const DueRow rows[] = {
      {"2025-01-03T10:00:00+08:00", 3, "2025-01-08", "2025-01-09T00:00:00+08:00",
       "Fri; Sat/Sun off; Mon 06 (1), Tue 07 (2), Wed 08 (3)"},
      {"2025-01-23T10:00:00+08:00", 3, "2025-01-27", "2025-01-28T00:00:00+08:00",
       "Thu; Fri 24 (1), Sat 25 off, Sun 26 makeup (2), Mon 27 (3)"},
      {"2025-01-23T10:00:00+08:00", 5, "2025-02-06", "2025-02-07T00:00:00+08:00",
       "… Mon 27 (3), 01-28 … 02-04 春节, Wed 02-05 (4), Thu 02-06 (5)"},
      {"2025-01-27T09:00:00+08:00", 5, "2025-02-10", "2025-02-11T00:00:00+08:00",
       "Mon; 春节 off; 02-05 (1), 06 (2), 07 (3), Sat 08 makeup (4), Sun 09 off, Mon 10 (5)"},
      {"2024-02-02T10:00:00+08:00", 3, "2024-02-06", "2024-02-07T00:00:00+08:00",
       "Fri; Sat 03 off, Sun 04 makeup (1), Mon 05 (2), Tue 06 (3)"},
      {"2024-02-08T10:00:00+08:00", 3, "2024-02-19", "2024-02-20T00:00:00+08:00",
       "Thu; Fri 09 (1), 10 … 17 春节, Sun 18 makeup (2), Mon 19 (3)"},
      {"2025-09-26T10:00:00+08:00", 5, "2025-10-10", "2025-10-11T00:00:00+08:00",
       "Fri; Sat 27 off, Sun 28 makeup (1), Mon 29 (2), Tue 30 (3), 10-01 … 10-08 off, "
       "Thu 09 (4), Fri 10 (5)"},
      {"2025-09-26T10:00:00+08:00", 6, "2025-10-11", "2025-10-12T00:00:00+08:00",
       "… Fri 10 (5), Sat 10-11 makeup (6)"},
      {"2025-09-26T10:00:00+08:00", 7, "2025-10-13", "2025-10-14T00:00:00+08:00",
       "… Sat 11 (6), Sun 12 off, Mon 13 (7)"},
      {"2024-12-30T10:00:00+08:00", 3, "2025-01-03", "2025-01-04T00:00:00+08:00",
       "Mon; Tue 12-31 (1), Wed 01-01 元旦, Thu 02 (2), Fri 03 (3)"},
      {"2025-12-30T10:00:00+08:00", 3, "2026-01-05", "2026-01-06T00:00:00+08:00",
       "Tue; Wed 12-31 (1), 2026-01-01 … 03 元旦, Sun 04 makeup (2), Mon 05 (3)"},
      {"2025-01-03T23:59:59+08:00", 3, "2025-01-08", "2025-01-09T00:00:00+08:00",
       "the hour of acceptance does not matter, only its local day"},
      {"2025-01-03T10:00:00+08:00", 0, "2025-01-03", "2025-01-04T00:00:00+08:00",
       "zero days: the end of the start day"},
      // The same moment of the night, one second apart: 15:59:59Z is Thu 23:59:59 in
      // Shanghai, 16:00:00Z is already Fri 00:00.
      {"2025-01-23T15:59:59Z", 3, "2025-01-27", "2025-01-28T00:00:00+08:00",
       "from Thu 23: Fri 24 (1), Sun 26 (2), Mon 27 (3)"},
      {"2025-01-23T16:00:00Z", 3, "2025-02-05", "2025-02-06T00:00:00+08:00",
       "from Fri 24: Sun 26 (1), Mon 27 (2), 春节, Wed 02-05 (3)"},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const DueRow& row : rows) ExpectDue(cal, row, LimitUnit::kWorkingDays);
}

TEST(DueTest, NaturalDayLimitsMoveOffHolidaysAndWeekends) {
  const DueRow rows[] = {
      {"2025-09-26T10:00:00+08:00", 5, "2025-10-09", "2025-10-10T00:00:00+08:00",
       "Fri + 5 = Wed 10-01 国庆节 → next working day: 02 … 08 off, Thu 10-09"},
      {"2025-01-06T10:00:00+08:00", 5, "2025-01-13", "2025-01-14T00:00:00+08:00",
       "Mon + 5 = Sat 11 → Sun 12 off → Mon 13"},
      {"2025-02-03T10:00:00+08:00", 5, "2025-02-08", "2025-02-09T00:00:00+08:00",
       "Mon + 5 = Sat 02-08, a makeup working day: stays"},
      {"2025-03-05T10:00:00+08:00", 7, "2025-03-12", "2025-03-13T00:00:00+08:00",
       "Wed + 7 = Wed 03-12, an ordinary working day"},
      {"2025-12-25T10:00:00+08:00", 7, "2026-01-04", "2026-01-05T00:00:00+08:00",
       "Thu + 7 = Thu 2026-01-01 元旦 → 02, 03 off → Sun 04 makeup"},
      // 15:59:59Z is still Fri 01-31 in Shanghai; 16:00:00Z is Sat 02-01.
      {"2025-01-31T15:59:59Z", 7, "2025-02-07", "2025-02-08T00:00:00+08:00",
       "Fri 01-31 + 7 = Fri 02-07, working"},
      {"2025-01-31T16:00:00Z", 7, "2025-02-08", "2025-02-09T00:00:00+08:00",
       "Sat 02-01 + 7 = Sat 02-08, makeup working day"},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const DueRow& row : rows) ExpectDue(cal, row, LimitUnit::kNaturalDays);
}

TEST(DueTest, NaturalDayCountIncludesTheMoveOffTheHoliday) {
  Calendar cal = ShippedCalendarForTest();
  // Fri 09-26 → Thu 10-09 is 13 days, 8 of them added by the holiday rule.
  base::Result<Deadline> d =
      cal.Due(At("2025-09-26T10:00:00+08:00"), {5, LimitUnit::kNaturalDays}, {});
  EXPECT_EQ(d->days_counted, 13);
}

TEST(DueTest, HourLimitsAreElapsedTimeIgnoringTheCalendar) {
  Calendar cal = ShippedCalendarForTest();
  // 24 h from Fri 01-31 10:00 is Sat 02-01 10:00, though both days are 春节.
  base::Result<Deadline> d = cal.Due(At("2025-01-31T10:00:00+08:00"), {24, LimitUnit::kHours}, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(cal.FormatLocal(d->due), "2025-02-01T10:00:00+08:00");
  EXPECT_EQ(base::FormatDate(d->last_day), "2025-02-01");
  EXPECT_EQ(d->days_counted, 0);

  // 14 h from 10:00 ends at midnight: the last instant inside is still 01-31.
  d = cal.Due(At("2025-01-31T10:00:00+08:00"), {14, LimitUnit::kHours}, {});
  EXPECT_EQ(cal.FormatLocal(d->due), "2025-02-01T00:00:00+08:00");
  EXPECT_EQ(base::FormatDate(d->last_day), "2025-01-31");

  // A 90-minute suspension before the due time adds 90 minutes.
  std::vector<Suspension> pause = {
      {At("2025-02-01T08:00:00+08:00"), At("2025-02-01T09:30:00+08:00")}};
  d = cal.Due(At("2025-01-31T10:00:00+08:00"), {24, LimitUnit::kHours}, pause);
  EXPECT_EQ(cal.FormatLocal(d->due), "2025-02-01T11:30:00+08:00");
  EXPECT_EQ(d->suspended_time, minutes(90));
  EXPECT_EQ(d->suspended_days, 0);

  // One starting exactly at the due instant comes too late.
  std::vector<Suspension> late = {
      {At("2025-02-01T10:00:00+08:00"), At("2025-02-01T12:00:00+08:00")}};
  d = cal.Due(At("2025-01-31T10:00:00+08:00"), {24, LimitUnit::kHours}, late);
  EXPECT_EQ(cal.FormatLocal(d->due), "2025-02-01T10:00:00+08:00");
  EXPECT_EQ(d->suspended_time, minutes(0));
}

struct SuspensionRow {
  const char* name;
  const char* start;
  int amount;
  LimitUnit unit;
  std::vector<std::pair<const char*, const char*>> suspensions;
  const char* due;
  std::int64_t suspended_days;
  std::int64_t days_counted;
  const char* why;
};

TEST(DueTest, SuspensionsStopTheClock) {
  const SuspensionRow rows[] = {
      {"spans 国庆节",
       "2025-09-22T09:00:00+08:00",
       10,
       LimitUnit::kWorkingDays,
       {{"2025-09-29T10:00:00+08:00", "2025-10-10T09:00:00+08:00"}},
       "2025-10-16T00:00:00+08:00",
       3,
       13,
       "unsuspended: Tue 23 (1) … Fri 26 (4), Sun 28 (5), 29 (6), 30 (7), 10-09 (8), "
       "10-10 (9), Sat 10-11 (10). Suspended (09-29, 10-10]: 09-30, 10-09, 10-10 = 3; "
       "after 10-11: Sun 12 off, Mon 13, Tue 14, Wed 15"},
      {"starts at the due instant: ignored",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-09T00:00:00+08:00", "2025-01-10T12:00:00+08:00"}},
       "2025-01-09T00:00:00+08:00",
       0,
       3,
       "due is 01-09 00:00 (last day Wed 08)"},
      {"starts a second before the due instant",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-08T23:59:59+08:00", "2025-01-10T10:00:00+08:00"}},
       "2025-01-11T00:00:00+08:00",
       2,
       5,
       "(Wed 08, Fri 10] = Thu 09, Fri 10; Wed 08 + 2 = Fri 10"},
      {"overlapping ones count once",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-06T12:00:00+08:00", "2025-01-08T09:00:00+08:00"},
        {"2025-01-06T09:00:00+08:00", "2025-01-07T09:00:00+08:00"}},
       "2025-01-11T00:00:00+08:00",
       2,
       5,
       "merged [06 09:00, 08 09:00): (Mon 06, Wed 08] = 07, 08; Wed 08 + 2 = Fri 10"},
      {"an earlier one brings a later one inside",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-09T10:00:00+08:00", "2025-01-13T10:00:00+08:00"},
        {"2025-01-06T09:00:00+08:00", "2025-01-07T09:00:00+08:00"}},
       "2025-01-14T00:00:00+08:00",
       3,
       6,
       "(06, 07] = 1: last Thu 09, due 10 00:00; the second starts 09 10:00 < due: "
       "(Thu 09, Mon 13] = Fri 10, Mon 13 = 2; Thu 09 + 2 = Mon 13"},
      {"within one day: nothing",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-06T09:00:00+08:00", "2025-01-06T17:00:00+08:00"}},
       "2025-01-09T00:00:00+08:00",
       0,
       3,
       "(Mon 06, Mon 06] is empty"},
      {"clipped to the start",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-02T09:00:00+08:00", "2025-01-06T09:00:00+08:00"}},
       "2025-01-10T00:00:00+08:00",
       1,
       4,
       "counted from Fri 03: (03, Mon 06] = 1; Wed 08 + 1 = Thu 09"},
      {"wholly before the start: nothing",
       "2025-01-03T10:00:00+08:00",
       3,
       LimitUnit::kWorkingDays,
       {{"2025-01-01T09:00:00+08:00", "2025-01-02T09:00:00+08:00"}},
       "2025-01-09T00:00:00+08:00",
       0,
       3,
       "ends before the clock started"},
      {"natural days across 国庆节",
       "2025-09-22T09:00:00+08:00",
       5,
       LimitUnit::kNaturalDays,
       {{"2025-09-26T09:00:00+08:00", "2025-10-02T09:00:00+08:00"}},
       "2025-10-10T00:00:00+08:00",
       6,
       17,
       "unsuspended Mon + 5 = Sat 27 → Sun 28 makeup, due 29 00:00; suspended 10-02 − 09-26 = "
       "6 days: Sat 27 + 6 = Fri 10-03 (国庆节) → Thu 10-09; 09-22 → 10-09 = 17 days"},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const SuspensionRow& row : rows) {
    std::vector<Suspension> suspensions;
    for (const auto& [from, to] : row.suspensions) suspensions.push_back({At(from), At(to)});
    base::Result<Deadline> d = cal.Due(At(row.start), {row.amount, row.unit}, suspensions);
    ASSERT_TRUE(d.ok()) << row.name << ": " << d.status().ToString();
    EXPECT_EQ(cal.FormatLocal(d->due), row.due) << row.name << ": " << row.why;
    EXPECT_EQ(d->suspended_days, row.suspended_days) << row.name;
    EXPECT_EQ(d->days_counted, row.days_counted) << row.name;
  }
}

TEST(DueTest, ReportsTheWallTimeOfAppliedSuspensions) {
  Calendar cal = ShippedCalendarForTest();
  // Mon 09-29 10:00 → Fri 10-10 09:00 is 11 days less an hour.
  std::vector<Suspension> s = {{At("2025-09-29T10:00:00+08:00"), At("2025-10-10T09:00:00+08:00")}};
  base::Result<Deadline> d =
      cal.Due(At("2025-09-22T09:00:00+08:00"), {10, LimitUnit::kWorkingDays}, s);
  EXPECT_EQ(d->suspended_time, hours(10 * 24 + 23));
}

TEST(DueTest, RejectsBadInput) {
  Calendar cal = ShippedCalendarForTest();
  Instant start = At("2025-01-03T10:00:00+08:00");
  EXPECT_EQ(cal.Due(start, {-1, LimitUnit::kWorkingDays}, {}).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(cal.Due(start, {Calendar::kMaxDays + 1, LimitUnit::kNaturalDays}, {}).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(cal.Due(start, {Calendar::kMaxDays * 24 + 1, LimitUnit::kHours}, {}).status().code(),
            base::StatusCode::kInvalidArgument);

  std::vector<Suspension> backwards = {
      {At("2025-01-07T09:00:00+08:00"), At("2025-01-06T09:00:00+08:00")}};
  base::Result<Deadline> d = cal.Due(start, {3, LimitUnit::kWorkingDays}, backwards);
  EXPECT_EQ(d.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(d.status().message(), HasSubstr("before it starts"));

  // An open suspension written as "until the end of time" is refused, not overflowed.
  std::vector<Suspension> open = {{At("2025-01-06T09:00:00+08:00"), Instant::max()}};
  EXPECT_EQ(cal.Due(start, {3, LimitUnit::kWorkingDays}, open).status().code(),
            base::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.Due(Instant::min(), {3, LimitUnit::kHours}, {}).status().code(),
            base::StatusCode::kOutOfRange);
}

TEST(DueTest, OutOfRangeIsAnErrorOrAFlaggedFallback) {
  Instant start = At("2026-12-28T10:00:00+08:00");  // a Monday
  base::Result<Deadline> strict =
      ShippedCalendarForTest().Due(start, {5, LimitUnit::kWorkingDays}, {});
  EXPECT_EQ(strict.status().code(), base::StatusCode::kOutOfRange);
  EXPECT_THAT(strict.status().message(), HasSubstr("2027"));

  std::vector<int> reported;
  Calendar lenient =
      ShippedCalendarForTest({.out_of_range = OutOfRange::kWeekendsOnly,
                              .on_fallback = [&reported](int year) { reported.push_back(year); }});
  // Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 2027-01-01 (4: weekday rule), Mon 04 (5).
  base::Result<Deadline> d = lenient.Due(start, {5, LimitUnit::kWorkingDays}, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(lenient.FormatLocal(d->due), "2027-01-05T00:00:00+08:00");
  EXPECT_TRUE(d->from_fallback);
  EXPECT_THAT(reported, ElementsAre(2027));

  // Inside the covered years the flag stays down.
  d = lenient.Due(At("2025-01-03T10:00:00+08:00"), {3, LimitUnit::kWorkingDays}, {});
  EXPECT_FALSE(d->from_fallback);
}

TEST(DueTest, CountsInTheConfiguredZone) {
  HolidayTable table = ShippedHolidayTableForTest();
  base::Result<Calendar> utc = Calendar::Create(std::move(table), {.zone = "UTC"});
  ASSERT_TRUE(utc.ok()) << utc.status().ToString();
  // 2025-01-23T16:00Z is Thu 23 in UTC (Fri 24 in Shanghai): Fri 24, Sun 26, Mon 27.
  base::Result<Deadline> d = utc->Due(At("2025-01-23T16:00:00Z"), {3, LimitUnit::kWorkingDays}, {});
  EXPECT_EQ(utc->FormatLocal(d->due), "2025-01-28T00:00:00+00:00");
}

}  // namespace
}  // namespace oversight::calendar
