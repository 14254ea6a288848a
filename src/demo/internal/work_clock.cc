#include "demo/internal/work_clock.h"

#include <algorithm>
#include <chrono>

#include "base/check.h"

namespace oversight::demo {
namespace {

using std::chrono::minutes;

// Office sessions in minutes after local midnight.
constexpr std::int64_t kMorningStart = 9 * 60;          // 09:00
constexpr std::int64_t kMorningEnd = 12 * 60;           // 12:00
constexpr std::int64_t kAfternoonStart = 14 * 60 + 30;  // 14:30
constexpr std::int64_t kAfternoonEnd = 17 * 60 + 30;    // 17:30
constexpr std::int64_t kSessionLength = kMorningEnd - kMorningStart;

// Minute of the working day (0–359) for a minute after midnight, or -1 when the
// office has closed for the day.
std::int64_t WorkMinuteAtOrAfter(std::int64_t minute_of_day) {
  if (minute_of_day < kMorningStart) return 0;
  if (minute_of_day < kMorningEnd) return minute_of_day - kMorningStart;
  if (minute_of_day < kAfternoonStart) return kSessionLength;
  if (minute_of_day < kAfternoonEnd) return kSessionLength + minute_of_day - kAfternoonStart;
  return -1;
}

}  // namespace

base::Result<WorkClock> WorkClock::Build(const calendar::Calendar& calendar, base::Date first,
                                         base::Date end) {
  WorkClock clock;
  std::int64_t working = 0;
  for (base::Date date = first; date < end; date += std::chrono::days(1)) {
    base::Result<calendar::DayInfo> info = calendar.Describe(date);
    if (!info.ok()) return info.status().WithContext("demo calendar for " + base::FormatDate(date));
    Day day;
    day.date = date;
    day.start = calendar.StartOfLocalDay(date);
    day.is_working = info->is_working;
    day.name = info->name;
    day.weekday = static_cast<int>(std::chrono::weekday(date).iso_encoding()) - 1;
    if (day.is_working) {
      ++working;
      clock.working_days_.push_back(static_cast<int>(clock.days_.size()));
    }
    day.working_upto = working;
    clock.days_.push_back(std::move(day));
  }
  return clock;
}

int WorkClock::DayIndexOf(base::Instant at) const {
  auto it = std::upper_bound(days_.begin(), days_.end(), at,
                             [](base::Instant t, const Day& d) { return t < d.start; });
  // Callers only ask about instants inside the span, which starts at days_[0].start.
  OVS_CHECK(it != days_.begin());
  return static_cast<int>(it - days_.begin()) - 1;
}

std::int64_t WorkClock::NextPosition(base::Instant at) const {
  int index = DayIndexOf(at);
  const Day& d = day(index);
  std::int64_t next_working_day = d.working_upto * kMinutesPerDay;
  if (!d.is_working) return next_working_day;
  std::int64_t minute_of_day = std::chrono::floor<minutes>(at - d.start).count() + 1;
  std::int64_t work_minute = WorkMinuteAtOrAfter(minute_of_day);
  if (work_minute < 0) return next_working_day;
  return (d.working_upto - 1) * kMinutesPerDay + work_minute;
}

base::Instant WorkClock::InstantOf(std::int64_t pos, int second) const {
  OVS_CHECK(Holds(pos));  // planners keep cases well inside the span (see DemoGenerator)
  const Day& d = day(working_days_[static_cast<std::size_t>(pos / kMinutesPerDay)]);
  std::int64_t work_minute = pos % kMinutesPerDay;
  std::int64_t minute_of_day = work_minute < kSessionLength
                                   ? kMorningStart + work_minute
                                   : kAfternoonStart + work_minute - kSessionLength;
  return d.start + minutes(minute_of_day) + std::chrono::seconds(second);
}

int WorkClock::DayIndexOfPosition(std::int64_t pos) const {
  OVS_CHECK(Holds(pos));
  return working_days_[static_cast<std::size_t>(pos / kMinutesPerDay)];
}

std::int64_t WorkClock::LimitAfter(int day_index, std::int64_t n) const {
  return (day(day_index).working_upto + n) * kMinutesPerDay;
}

bool WorkClock::Holds(std::int64_t pos) const {
  return pos >= 0 && pos / kMinutesPerDay < static_cast<std::int64_t>(working_days_.size());
}

}  // namespace oversight::demo
