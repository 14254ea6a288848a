#include "calendar/internal/day_index.h"

#include <gtest/gtest.h>

#include "calendar/shipped_data_for_test.h"

namespace oversight::calendar::internal {
namespace {

using std::chrono::days;

// A two-week span, Mon 2025-01-06 … Sun 2025-01-19, with listed days on both sides:
//   in the span:  Wed 01-08 off, Sat 01-11 working;
//   outside it:   Fri 01-03 off (before), Sat 01-25 working (after).
// January 2025 starts on a Wednesday.
DayIndex TwoWeeks() {
  std::map<Date, EffectiveDay> listed = {
      {Day("2025-01-08"), {false, "off"}},
      {Day("2025-01-11"), {true, "on"}},
      {Day("2025-01-03"), {false, "off before"}},
      {Day("2025-01-25"), {true, "on after"}},
  };
  return DayIndex(Day("2025-01-06"), Day("2025-01-20"), listed);
}

TEST(DayIndexTest, LooksUpInsideAndOutsideTheSpan) {
  DayIndex index = TwoWeeks();
  EXPECT_FALSE(index.IsWorking(Day("2025-01-08")));
  EXPECT_TRUE(index.IsWorking(Day("2025-01-11")));
  EXPECT_FALSE(index.IsWorking(Day("2025-01-12")));  // an ordinary Sunday
  EXPECT_FALSE(index.IsWorking(Day("2025-01-03")));
  EXPECT_TRUE(index.IsWorking(Day("2025-01-25")));
  EXPECT_FALSE(index.IsWorking(Day("2025-01-04")));  // Saturday before the span
  EXPECT_TRUE(index.IsWorking(Day("2025-01-21")));   // Tuesday after it
  EXPECT_EQ(index.Listed(Day("2025-01-25"))->name, "on after");
  EXPECT_EQ(index.Listed(Day("2025-01-21")), nullptr);
}

TEST(DayIndexTest, CountsAcrossAllThreeParts) {
  DayIndex index = TwoWeeks();
  // (12-31, 01-31] is all of January: 23 weekdays (1–3, 6–10, 13–17, 20–24, 27–31),
  // less Fri 03 and Wed 08, plus Sat 11 and Sat 25 = 23.
  EXPECT_EQ(index.CountWorking(Day("2024-12-31"), Day("2025-01-31")), 23);
  // (Thu 01-02, Tue 01-07]: Fri 03 off, Mon 06, Tue 07 = 2.
  EXPECT_EQ(index.CountWorking(Day("2025-01-02"), Day("2025-01-07")), 2);
  // (Fri 01-17, Sat 01-25]: Mon 20 … Fri 24, Sat 25 = 6.
  EXPECT_EQ(index.CountWorking(Day("2025-01-17"), Day("2025-01-25")), 6);
  EXPECT_EQ(index.CountWorking(Day("2025-01-09"), Day("2025-01-09")), 0);
  // Far before the span and across the epoch (1970-01-01 was a Thursday):
  // (Sun 1969-12-28, Sat 1970-01-10]: 29, 30, 31, 1, 2, then 5–9 = 10.
  EXPECT_EQ(index.CountWorking(Day("1969-12-28"), Day("1970-01-10")), 10);
}

TEST(DayIndexTest, AddsAcrossAllThreeParts) {
  DayIndex index = TwoWeeks();
  // Wed 01-01: Thu 02 (1), Fri 03 off, Mon 06 (2), Tue 07 (3).
  EXPECT_EQ(index.AddWorking(Day("2025-01-01"), 3), Day("2025-01-07"));
  // Thu 16: Fri 17 (1), Mon 20 (2, after the span), Tue 21 (3), Wed 22 (4).
  EXPECT_EQ(index.AddWorking(Day("2025-01-16"), 4), Day("2025-01-22"));
  // Thu 23: Fri 24 (1), Sat 25 listed working (2).
  EXPECT_EQ(index.AddWorking(Day("2025-01-23"), 2), Day("2025-01-25"));
  // Tue 07: Wed 08 off, Thu 09 (1), Fri 10 (2), Sat 11 (3).
  EXPECT_EQ(index.AddWorking(Day("2025-01-07"), 3), Day("2025-01-11"));
  EXPECT_EQ(index.AddWorking(Day("2025-01-07"), 0), Day("2025-01-07"));
  // From before to after: Tue 12-31 + 23 is the last working day of January (Fri 31),
  // per the count above.
  EXPECT_EQ(index.AddWorking(Day("2024-12-31"), 23), Day("2025-01-31"));
}

}  // namespace
}  // namespace oversight::calendar::internal
