#include "calendar/calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "calendar/shipped_data_for_test.h"

namespace oversight::calendar {
namespace {

using std::chrono::days;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Calendar facts used below, read from data/holidays/2024.json … 2026.json (weekdays
// from a perpetual calendar: 2024-01-01 Mon, 2025-01-01 Wed, 2026-01-01 Thu):
//   2024 春节: off Sat 02-10 … Sat 02-17; makeup Sun 02-04 and Sun 02-18.
//   2025 元旦: off Wed 01-01. 春节: makeup Sun 01-26; off Tue 01-28 … Tue 02-04;
//        makeup Sat 02-08. 国庆节、中秋节: makeup Sun 09-28; off Wed 10-01 … Wed 10-08;
//        makeup Sat 10-11.
//   2026 元旦: off Thu 01-01, Fri 01-02, Sat 01-03; makeup Sun 01-04.
//   No notice for 2027 (empty file): covered years are 2007–2026.

struct AddRow {
  const char* from;
  int n;
  const char* expected;
  const char* why;
};

TEST(CalendarTest, AddWorkingDaysFollowsWeekendsHolidaysAndMakeupDays) {
  const AddRow rows[] = {
      {"2025-01-03", 3, "2025-01-08", "Fri; Sat 04/Sun 05 off; Mon 06, Tue 07, Wed 08"},
      {"2025-01-03", 0, "2025-01-03", "n = 0 is the day itself"},
      {"2025-01-04", 1, "2025-01-06", "from a Saturday: Sun off, Mon 06"},
      {"2025-01-23", 3, "2025-01-27", "Thu; Fri 24, Sat 25 off, Sun 26 makeup, Mon 27"},
      {"2025-01-27", 1, "2025-02-05", "01-28 … 02-04 春节 off; Wed 02-05"},
      {"2025-01-27", 4, "2025-02-08", "Wed 05, Thu 06, Fri 07, Sat 08 makeup"},
      {"2025-01-27", 5, "2025-02-10", "… Sun 09 off, Mon 10"},
      {"2024-02-02", 1, "2024-02-04", "Fri; Sat 03 off; Sun 04 makeup"},
      {"2024-02-08", 2, "2024-02-18", "Thu; Fri 09; 10 … 17 春节 off; Sun 18 makeup"},
      {"2024-02-08", 3, "2024-02-19", "… Mon 19"},
      {"2025-09-26", 1, "2025-09-28", "Fri; Sat 27 off; Sun 28 makeup"},
      {"2025-09-30", 1, "2025-10-09", "10-01 … 10-08 国庆节、中秋节 off; Thu 10-09"},
      {"2025-10-09", 2, "2025-10-11", "Fri 10, Sat 11 makeup"},
      {"2024-12-31", 1, "2025-01-02", "元旦 Wed 01-01 off; Thu 02"},
      {"2025-12-31", 1, "2026-01-04", "2026 元旦 Thu 01 … Sat 03 off; Sun 04 makeup"},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const AddRow& row : rows) {
    base::Result<Date> got = cal.AddWorkingDays(Day(row.from), row.n);
    ASSERT_TRUE(got.ok()) << row.from << " + " << row.n << ": " << got.status().ToString();
    EXPECT_EQ(base::FormatDate(*got), row.expected)
        << row.from << " + " << row.n << ": " << row.why;
  }
}

TEST(CalendarTest, AddWorkingDaysRejectsNegativeAndRunawayCounts) {
  Calendar cal = ShippedCalendarForTest();
  EXPECT_EQ(cal.AddWorkingDays(Day("2025-01-03"), -1).status().code(),
            base::StatusCode::kInvalidArgument);
  base::Result<Date> runaway = cal.AddWorkingDays(Day("2010-01-04"), Calendar::kMaxDays + 1);
  EXPECT_EQ(runaway.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(runaway.status().message(), HasSubstr("3661"));
  // The cap itself is fine: 3660 working days from 2010 end around 2024.
  EXPECT_TRUE(cal.AddWorkingDays(Day("2010-01-04"), Calendar::kMaxDays).ok());
}

struct BetweenRow {
  const char* from;
  const char* to;
  std::int64_t expected;
  const char* why;
};

TEST(CalendarTest, WorkingDaysBetweenCountsDaysAfterTheStartDay) {
  const BetweenRow rows[] = {
      {"2025-01-23T10:00:00+08:00", "2025-01-28T09:00:00+08:00", 3,
       "(Thu 23, Tue 28]: Fri 24, Sun 26 makeup, Mon 27; Tue 28 is 春节"},
      {"2025-01-28T09:00:00+08:00", "2025-01-23T10:00:00+08:00", -3, "the same, reversed"},
      {"2025-01-23T09:00:00+08:00", "2025-01-23T17:00:00+08:00", 0, "same local day"},
      {"2025-01-27T12:00:00+08:00", "2025-02-10T12:00:00+08:00", 5,
       "(Mon 01-27, Mon 02-10]: 02-05, 02-06, 02-07, Sat 02-08 makeup, 02-10"},
      {"2024-12-30T12:00:00+08:00", "2025-01-06T12:00:00+08:00", 4,
       "(Mon 12-30, Mon 01-06]: Tue 12-31, Thu 01-02, Fri 01-03, Mon 01-06"},
      // 2025 has 261 weekdays (365 = 52 weeks + Wed). Off on weekdays: 01-01; 01-28…01-31,
      // 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02; 10-01…10-03, 10-06…10-08 = 18.
      // Makeup days: 01-26, 02-08, 04-27, 09-28, 10-11 = 5. 261 − 18 + 5 = 248.
      {"2024-12-31T12:00:00+08:00", "2025-12-31T12:00:00+08:00", 248, "all of 2025"},
      // 2024 has 262 weekdays (366 = 52 weeks + Mon, Tue). Off on weekdays: 01-01; 02-12…02-16;
      // 04-04, 04-05; 05-01…05-03; 06-10; 09-16, 09-17; 10-01…10-04, 10-07 = 19. Makeup:
      // 02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12 = 8. 262 − 19 + 8 = 251.
      {"2023-12-31T12:00:00+08:00", "2024-12-31T12:00:00+08:00", 251, "all of 2024"},
      // 16:00Z is midnight in Shanghai: the start's local day moves from Thu 23 to Fri 24.
      {"2025-01-23T15:59:59Z", "2025-01-27T12:00:00+08:00", 3, "(Thu 23, Mon 27]: 24, 26, 27"},
      {"2025-01-23T16:00:00Z", "2025-01-27T12:00:00+08:00", 2, "(Fri 24, Mon 27]: 26, 27"},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const BetweenRow& row : rows) {
    base::Result<std::int64_t> got = cal.WorkingDaysBetween(At(row.from), At(row.to));
    ASSERT_TRUE(got.ok()) << row.from << " → " << row.to << ": " << got.status().ToString();
    EXPECT_EQ(*got, row.expected) << row.from << " → " << row.to << ": " << row.why;
  }
}

struct DescribeRow {
  const char* date;
  bool is_working;
  const char* name;
  DayKind kind;
};

TEST(CalendarTest, DescribeNamesTheReason) {
  const DescribeRow rows[] = {
      {"2025-01-29", false, "春节", DayKind::kHoliday},
      {"2025-01-01", false, "元旦", DayKind::kHoliday},
      {"2025-01-26", true, "春节调休上班", DayKind::kMakeup},  // Sunday made a working day
      {"2025-01-25", false, "weekend", DayKind::kWeekend},      // an ordinary Saturday
      {"2025-01-24", true, "workday", DayKind::kWorkday},       // an ordinary Friday
      {"2025-10-05", false, "国庆节、中秋节", DayKind::kHoliday},
      {"2025-10-11", true, "国庆节、中秋节调休上班", DayKind::kMakeup},  // Saturday made a working day
      // listed isOffDay:false on a Monday: still just working
      {"2020-02-03", true, "workday", DayKind::kWorkday},
      {"2015-09-03", false, "抗日战争暨世界反法西斯战争胜利70周年纪念日", DayKind::kHoliday},
  };
  Calendar cal = ShippedCalendarForTest();
  for (const DescribeRow& row : rows) {
    base::Result<DayInfo> info = cal.Describe(Day(row.date));
    ASSERT_TRUE(info.ok()) << row.date << ": " << info.status().ToString();
    EXPECT_EQ(base::FormatDate(info->date), row.date);
    EXPECT_EQ(info->is_working, row.is_working) << row.date;
    EXPECT_EQ(info->name, row.name) << row.date;
    EXPECT_EQ(DayKindName(info->kind), DayKindName(row.kind)) << row.date;
    EXPECT_FALSE(info->from_fallback) << row.date;
    EXPECT_EQ(*cal.IsWorkingDay(Day(row.date)), row.is_working) << row.date;
  }
}

TEST(CalendarTest, ReportsTheCoveredYears) {
  Calendar cal = ShippedCalendarForTest();
  EXPECT_EQ(cal.first_year(), 2007);
  EXPECT_EQ(cal.last_year(), 2026);  // 2027.json lists no days yet
  EXPECT_EQ(cal.zone_name(), "Asia/Shanghai");
}

TEST(CalendarTest, UncoveredYearIsAnErrorNamingYearAndSpan) {
  Calendar cal = ShippedCalendarForTest();
  base::Result<DayInfo> info = cal.Describe(Day("2027-03-01"));
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), base::StatusCode::kOutOfRange);
  EXPECT_THAT(info.status().message(), HasSubstr("no holiday data for 2027"));
  EXPECT_THAT(info.status().message(), HasSubstr("2007–2026"));

  EXPECT_THAT(cal.IsWorkingDay(Day("2006-12-31")).status().message(),
              HasSubstr("no holiday data for 2006"));
  // Mon 2026-12-28 + 5 working days runs into January 2027.
  base::Result<Date> crossing = cal.AddWorkingDays(Day("2026-12-28"), 5);
  EXPECT_EQ(crossing.status().code(), base::StatusCode::kOutOfRange);
  EXPECT_THAT(crossing.status().message(), HasSubstr("2027-01-01"));
  EXPECT_EQ(cal.WorkingDaysBetween(At("2026-12-30T10:00:00+08:00"), At("2027-01-05T10:00:00+08:00"))
                .status()
                .code(),
            base::StatusCode::kOutOfRange);
  // Within range right up to the last day.
  EXPECT_EQ(base::FormatDate(*cal.AddWorkingDays(Day("2026-12-28"), 3)), "2026-12-31");
}

TEST(CalendarTest, WeekendsOnlyFallbackIsFlaggedAndReportedOncePerYear) {
  std::vector<int> reported;
  Calendar cal =
      ShippedCalendarForTest({.out_of_range = OutOfRange::kWeekendsOnly,
                              .on_fallback = [&reported](int year) { reported.push_back(year); }});

  base::Result<DayInfo> monday = cal.Describe(Day("2027-03-01"));
  ASSERT_TRUE(monday.ok()) << monday.status().ToString();
  EXPECT_TRUE(monday->is_working);
  EXPECT_EQ(monday->name, "workday");
  EXPECT_TRUE(monday->from_fallback);
  base::Result<DayInfo> saturday = cal.Describe(Day("2027-03-06"));
  EXPECT_FALSE(saturday->is_working);
  EXPECT_EQ(saturday->name, "weekend");

  // Mon 2026-12-28 + 5: Tue 29, Wed 30, Thu 31, Fri 2027-01-01 (no 元旦 known: a
  // weekday), Mon 04.
  EXPECT_EQ(base::FormatDate(*cal.AddWorkingDays(Day("2026-12-28"), 5)), "2027-01-04");
  // 2027 starts on a Friday: 365 = 52 weeks + 1 day, so 52 × 5 + 1 = 261 weekdays.
  EXPECT_EQ(
      *cal.WorkingDaysBetween(At("2026-12-31T12:00:00+08:00"), At("2027-12-31T12:00:00+08:00")),
      261);
  // A neighbour-year day that a covered file lists still counts: 2007.json makes
  // Sat 2006-12-30 a working day (元旦 makeup).
  base::Result<DayInfo> makeup = cal.Describe(Day("2006-12-30"));
  EXPECT_TRUE(makeup->is_working);
  EXPECT_EQ(makeup->name, "元旦调休上班");
  EXPECT_TRUE(makeup->from_fallback);
  // Covered days are not flagged.
  EXPECT_FALSE(cal.Describe(Day("2025-01-29"))->from_fallback);

  EXPECT_THAT(reported, ElementsAre(2027, 2006));
}

TEST(CalendarTest, LocalClosuresOverrideTheListedDays) {
  constexpr std::string_view kClosures = R"(
closures:
  - {date: 2025-07-15, name: 台风停工, working: false}
  - date: 2025-10-11
    name: 国庆调休取消
    working: false
  - {date: 2025-07-19, name: 防汛值守, working: true}
)";
  Calendar plain = ShippedCalendarForTest();
  Calendar cal = ShippedCalendarForTest({}, kClosures);

  base::Result<DayInfo> typhoon = cal.Describe(Day("2025-07-15"));  // a Tuesday
  EXPECT_FALSE(typhoon->is_working);
  EXPECT_EQ(typhoon->name, "台风停工");
  EXPECT_EQ(typhoon->kind, DayKind::kClosure);
  base::Result<DayInfo> cancelled = cal.Describe(Day("2025-10-11"));  // was a makeup Saturday
  EXPECT_FALSE(cancelled->is_working);
  EXPECT_EQ(cancelled->name, "国庆调休取消");
  EXPECT_EQ(cancelled->kind, DayKind::kClosure);
  base::Result<DayInfo> duty = cal.Describe(Day("2025-07-19"));  // a Saturday
  EXPECT_TRUE(duty->is_working);
  EXPECT_EQ(duty->name, "防汛值守");
  EXPECT_EQ(duty->kind, DayKind::kMakeup);

  // Mon 07-14 + 3: plainly Tue 15, Wed 16, Thu 17; with the closure Wed 16, Thu 17, Fri 18.
  EXPECT_EQ(base::FormatDate(*plain.AddWorkingDays(Day("2025-07-14"), 3)), "2025-07-17");
  EXPECT_EQ(base::FormatDate(*cal.AddWorkingDays(Day("2025-07-14"), 3)), "2025-07-18");
  base::Result<Deadline> due =
      cal.Due(At("2025-07-14T10:00:00+08:00"), {3, model::LimitUnit::kWorkingDays}, {});
  EXPECT_EQ(cal.FormatLocal(due->due), "2025-07-19T00:00:00+08:00");
  // Thu 07-17 + 2: plainly Fri 18, Mon 21; with Saturday duty Fri 18, Sat 19.
  EXPECT_EQ(base::FormatDate(*plain.AddWorkingDays(Day("2025-07-17"), 2)), "2025-07-21");
  EXPECT_EQ(base::FormatDate(*cal.AddWorkingDays(Day("2025-07-17"), 2)), "2025-07-19");
}

TEST(CalendarTest, CreateRejectsUnknownZoneEmptyTableAndGaps) {
  base::Result<Calendar> zone =
      Calendar::Create(ShippedHolidayTableForTest(), {.zone = "Mars/Olympus_Mons"});
  EXPECT_EQ(zone.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(zone.status().message(), HasSubstr("Mars/Olympus_Mons"));

  base::Result<Calendar> empty = Calendar::Create(HolidayTable{}, {});
  EXPECT_EQ(empty.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_THAT(empty.status().message(), HasSubstr("covers no year"));

  HolidayTable gap;
  ASSERT_TRUE(gap.AddYearJson(R"({"year": 2010, "days": [
      {"name": "元旦", "date": "2010-01-01", "isOffDay": true}]})")
                  .ok());
  ASSERT_TRUE(gap.AddYearJson(R"({"year": 2012, "days": [
      {"name": "元旦", "date": "2012-01-02", "isOffDay": true}]})")
                  .ok());
  base::Result<Calendar> gapped = Calendar::Create(gap, {});
  EXPECT_EQ(gapped.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_THAT(gapped.status().message(), HasSubstr("no notice for 2011"));
}

// The O(1) index against the plainest reading of the data: a listed day is what
// its file says, any other day is working Mon–Fri.
TEST(CalendarTest, FastArithmeticAgreesWithDayByDayStepping) {
  HolidayTable table = ShippedHolidayTableForTest();
  auto naive_working = [&table](Date d) {
    auto it = table.days.find(d);
    if (it != table.days.end()) return !it->second.is_off;
    unsigned wd = std::chrono::weekday(d).c_encoding();
    return wd != 0 && wd != 6;
  };
  Calendar cal = ShippedCalendarForTest();
  const Date first = Day("2007-01-01");
  const Date last = Day("2026-12-31");
  for (Date from = first; from <= last; from += days(1)) {
    Date step = from;
    std::int64_t counted = 0;
    for (int n : {1, 2, 5, 20}) {
      while (counted < n) {
        step += days(1);
        if (naive_working(step)) ++counted;
      }
      if (step > last) break;
      base::Result<Date> fast = cal.AddWorkingDays(from, n);
      ASSERT_TRUE(fast.ok()) << base::FormatDate(from) << " + " << n;
      ASSERT_EQ(*fast, step) << base::FormatDate(from) << " + " << n;
      ASSERT_EQ(*cal.WorkingDaysBetween(cal.StartOfLocalDay(from), cal.StartOfLocalDay(step)), n)
          << base::FormatDate(from) << " → " << base::FormatDate(step);
    }
  }
}

}  // namespace
}  // namespace oversight::calendar
