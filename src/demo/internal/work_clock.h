#pragma once

// The demo city's office hours over a span of days, read once from the calendar:
// staff act on working days, 09:00–12:00 and 14:30–17:30 local. A *work position*
// numbers those working minutes consecutively (360 a day) from the first day of the
// span, so "two working days later, in office hours" is plain integer arithmetic:
// working day k (0-based) holds positions [k·360, (k+1)·360).

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "calendar/calendar.h"

namespace oversight::demo {

class WorkClock {
 public:
  static constexpr std::int64_t kMinutesPerDay = 360;

  struct Day {
    base::Date date{};
    base::Instant start{};  // 00:00 local, as UTC
    bool is_working = false;
    std::string name;               // the calendar's reason: 春节, weekend, workday, ...
    int weekday = 0;                // 0 = Monday … 6 = Sunday
    std::int64_t working_upto = 0;  // working days in the span up to and including this one
  };

  // The days [first, end) as `calendar` sees them; fails when it does not cover them.
  static base::Result<WorkClock> Build(const calendar::Calendar& calendar, base::Date first,
                                       base::Date end);

  int day_count() const { return static_cast<int>(days_.size()); }
  const Day& day(int index) const { return days_[static_cast<std::size_t>(index)]; }
  // The index of the local day holding `at`; the span must contain it.
  int DayIndexOf(base::Instant at) const;

  // The first position whose minute starts strictly after `at`: an event placed at
  // it, or later, happens after `at`.
  std::int64_t NextPosition(base::Instant at) const;
  // Position `pos` plus `second` (0–59) seconds, as an instant.
  base::Instant InstantOf(std::int64_t pos, int second) const;
  // The index of the day that holds position `pos`.
  int DayIndexOfPosition(std::int64_t pos) const;
  // One past the last position of the n-th working day after day `day_index` (the
  // day itself not counted): positions below it fall on or before that working day,
  // so they are before a deadline of n working days counted from that day.
  std::int64_t LimitAfter(int day_index, std::int64_t n) const;
  // Whether the span has working day number `pos / 360` (positions past the span
  // cannot be turned into instants).
  bool Holds(std::int64_t pos) const;

 private:
  std::vector<Day> days_;
  std::vector<int> working_days_;  // day indices of the working days, in order
};

}  // namespace oversight::demo
