#include "scoring/period.h"

#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"

namespace oversight::scoring {
namespace {

TEST(PeriodTest, ParsesMonthsAndYears) {
  auto month = Period::Parse("2026-10");
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->kind(), Period::Kind::kMonth);
  EXPECT_EQ(month->ToString(), "2026-10");
  EXPECT_EQ(month->Previous().ToString(), "2026-09");
  EXPECT_EQ(Period::Parse("2026-01")->Previous().ToString(), "2025-12");
  auto year = Period::Parse("2026");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->kind(), Period::Kind::kYear);
  EXPECT_EQ(year->Previous().ToString(), "2025");
  EXPECT_EQ(base::FormatDate(year->EndDay()), "2027-01-01");
  EXPECT_EQ(base::FormatDate(Period::Parse("2024-02")->EndDay()), "2024-03-01");
  EXPECT_EQ(base::FormatDate(Period::Parse("2024-12")->EndDay()), "2025-01-01");
}

TEST(PeriodTest, RefusesAnythingElseNamingTheField) {
  for (const char* bad : {"", "2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01",
                          "abcd", "+202", "1800", "3000-01"}) {
    auto p = Period::Parse(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_EQ(p.status().message().rfind("period: ", 0), 0u) << p.status().message();
  }
}

TEST(PeriodTest, RangesAreLocalMidnights) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  PeriodRange march = RangeOf(*Period::Parse("2025-03"), cal);
  EXPECT_EQ(base::FormatInstantUtc(march.from), "2025-02-28T16:00:00Z");
  EXPECT_EQ(base::FormatInstantUtc(march.to), "2025-03-31T16:00:00Z");
  EXPECT_TRUE(march.Contains(calendar::At("2025-03-31T23:59:59+08:00")));
  EXPECT_FALSE(march.Contains(calendar::At("2025-04-01T00:00:00+08:00")));
  EXPECT_TRUE(march.Contains(calendar::At("2025-03-01T00:00:00+08:00")));
}

}  // namespace
}  // namespace oversight::scoring
