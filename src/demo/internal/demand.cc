#include "demo/internal/demand.h"

#include <chrono>

namespace oversight::demo {
namespace {

// Monday … Sunday; Saturday and Sunday apply to makeup working days (调休上班).
constexpr double kWeekday[] = {1.15, 1.05, 1.0, 1.0, 0.92, 0.85, 0.85};
// January … December.
constexpr double kMonth[] = {1.0, 0.9, 1.1, 1.05, 1.0, 1.05, 0.95, 0.9, 1.0, 0.95, 1.05, 1.1};
constexpr double kWeekend = 0.06;
constexpr double kHoliday = 0.02;
constexpr double kSpringFestival = 0.01;
constexpr double kBeforeSpringFestival = 1.35;
constexpr double kAfterLongBreak = 1.3;
constexpr int kRushDays = 14;           // calendar days before the Spring Festival
constexpr int kLongBreak = 3;           // days off in a row that make a long break
constexpr int kCatchUpWorkingDays = 2;  // busy working days after one

bool IsSpringFestival(const WorkClock::Day& day) {
  return !day.is_working && day.name.find("春节") != std::string::npos;
}

bool IsHoliday(const WorkClock::Day& day) { return !day.is_working && day.name != "weekend"; }

double BaseFactor(const WorkClock::Day& day) {
  unsigned month = static_cast<unsigned>(std::chrono::year_month_day(day.date).month());
  double season = kMonth[month - 1];
  if (day.is_working) return kWeekday[day.weekday] * season;
  if (IsSpringFestival(day)) return kSpringFestival * season;
  return (IsHoliday(day) ? kHoliday : kWeekend) * season;
}

}  // namespace

std::vector<double> DailyDemand(const WorkClock& clock) {
  int n = clock.day_count();
  std::vector<double> demand(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) demand[i] = BaseFactor(clock.day(i));
  // The rush before the Spring Festival: working days in the weeks before it starts.
  for (int i = 0; i < n; ++i) {
    if (!IsSpringFestival(clock.day(i)) || (i > 0 && IsSpringFestival(clock.day(i - 1)))) continue;
    for (int j = std::max(0, i - kRushDays); j < i; ++j) {
      if (clock.day(j).is_working) demand[j] *= kBeforeSpringFestival;
    }
  }
  // Catching up after a long break that includes a holiday.
  for (int i = 0; i < n;) {
    if (clock.day(i).is_working) {
      ++i;
      continue;
    }
    int run_end = i;
    bool holiday = false;
    while (run_end < n && !clock.day(run_end).is_working)
      holiday |= IsHoliday(clock.day(run_end++));
    if (holiday && run_end - i >= kLongBreak) {
      for (int j = run_end, boosted = 0; j < n && boosted < kCatchUpWorkingDays; ++j) {
        if (clock.day(j).is_working) {
          demand[j] *= kAfterLongBreak;
          ++boosted;
        }
      }
    }
    i = run_end;
  }
  return demand;
}

}  // namespace oversight::demo
