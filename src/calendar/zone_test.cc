#include "calendar/zone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"

namespace oversight::calendar {
namespace {

using std::chrono::minutes;
using ::testing::HasSubstr;

Zone Locate(std::string_view name) {
  base::Result<Zone> zone = Zone::Locate(name);
  EXPECT_TRUE(zone.ok()) << zone.status().ToString();
  return *zone;
}

Instant Wall(std::string_view text) { return base::ParseTimestamp(text)->wall; }

TEST(ZoneTest, ShanghaiIsUtcPlusEight) {
  Zone zone = Locate("Asia/Shanghai");
  EXPECT_EQ(zone.OffsetAt(At("2025-01-31T12:00:00Z")), minutes(480));
  // 15:59:59Z is 23:59:59 local on the 31st; 16:00:00Z is midnight of 02-01.
  EXPECT_EQ(zone.LocalDate(At("2025-01-31T15:59:59Z")), Day("2025-01-31"));
  EXPECT_EQ(zone.LocalDate(At("2025-01-31T16:00:00Z")), Day("2025-02-01"));
  EXPECT_EQ(zone.StartOfLocalDay(Day("2025-02-01")), At("2025-01-31T16:00:00Z"));
  EXPECT_EQ(zone.FromLocal(Wall("2025-01-23T10:00:00")), At("2025-01-23T02:00:00Z"));
}

TEST(ZoneTest, NewYorkDaylightSavingTime) {
  // zdump: 2025-03-09 07:00Z EST→EDT (02:00 → 03:00);
  //        2025-11-02 06:00Z EDT→EST (02:00 → 01:00).
  Zone zone = Locate("America/New_York");
  EXPECT_EQ(zone.StartOfLocalDay(Day("2025-03-09")), At("2025-03-09T05:00:00Z"));  // −05:00
  EXPECT_EQ(zone.StartOfLocalDay(Day("2025-03-10")), At("2025-03-10T04:00:00Z"));  // −04:00
  EXPECT_EQ(zone.LocalDate(At("2025-03-09T04:59:59Z")), Day("2025-03-08"));
  // 02:30 on 03-09 does not exist: the end of the gap, 03:00 EDT = 07:00Z.
  EXPECT_EQ(zone.FromLocal(Wall("2025-03-09T02:30:00")), At("2025-03-09T07:00:00Z"));
  // 01:30 on 11-02 happens twice: the earlier one, EDT = 05:30Z.
  EXPECT_EQ(zone.FromLocal(Wall("2025-11-02T01:30:00")), At("2025-11-02T05:30:00Z"));
}

TEST(ZoneTest, StartOfDayWhenMidnightDoesNotExist) {
  // zdump: Santiago jumps from 2025-09-06 23:59:59 −04 to 2025-09-07 01:00 −03 at 04:00Z.
  Zone zone = Locate("America/Santiago");
  EXPECT_EQ(zone.StartOfLocalDay(Day("2025-09-07")), At("2025-09-07T04:00:00Z"));
  EXPECT_EQ(zone.LocalDate(At("2025-09-07T04:00:00Z")), Day("2025-09-07"));
}

TEST(ZoneTest, RejectsUnknownAndEmptyNames) {
  base::Result<Zone> unknown = Zone::Locate("Asia/Atlantis");
  EXPECT_EQ(unknown.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.status().message(), HasSubstr("Asia/Atlantis"));
  EXPECT_EQ(Zone::Locate("").status().code(), base::StatusCode::kInvalidArgument);
}

TEST(ZoneTest, CalendarFormatsWithTheLocalOffset) {
  Calendar cal = ShippedCalendarForTest();
  EXPECT_EQ(cal.FormatLocal(At("2025-01-27T16:00:00Z")), "2025-01-28T00:00:00+08:00");
  EXPECT_EQ(cal.OffsetAt(At("2025-01-27T16:00:00Z")), minutes(480));
  EXPECT_EQ(cal.FromLocal(Wall("2025-01-28T00:00:00")), At("2025-01-27T16:00:00Z"));
  EXPECT_EQ(cal.StartOfLocalDay(Day("2025-01-28")), At("2025-01-27T16:00:00Z"));
  EXPECT_EQ(cal.LocalDate(At("2025-01-27T16:00:00Z")), Day("2025-01-28"));
}

}  // namespace
}  // namespace oversight::calendar
