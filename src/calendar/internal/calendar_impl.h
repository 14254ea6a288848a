#pragma once

// The state behind a Calendar, shared by calendar.cc and due.cc. Immutable after
// Calendar::Create except for the set of years already reported as fallen back,
// which only exists so that on_fallback fires once per year.

#include <functional>
#include <mutex>
#include <set>
#include <span>
#include <string_view>
#include <utility>

#include "calendar/calendar.h"
#include "calendar/internal/day_index.h"
#include "calendar/zone.h"

namespace oversight::calendar {

struct Calendar::Impl {
  Impl(Zone zone_in, internal::DayIndex index_in, int first, int last, CalendarOptions options)
      : zone(std::move(zone_in)),
        index(std::move(index_in)),
        first_year(first),
        last_year(last),
        out_of_range(options.out_of_range),
        on_fallback(std::move(options.on_fallback)) {}

  // Whether every date in [lo, hi] may be answered: OK inside the covered years;
  // outside them an OutOfRange error, or (kWeekendsOnly) OK with *fell_back set
  // and each new uncovered year reported through on_fallback.
  base::Status CheckCovered(Date lo, Date hi, bool* fell_back) const;

  // OutOfRange (naming `what`) for an instant outside the years the calendar
  // handles, so that zone arithmetic never nears the limits of Instant.
  static base::Status CheckInstant(Instant at, std::string_view what);

  // The checked forms of the DayIndex operations.
  base::Result<Date> AddWorking(Date from, std::int64_t n, bool* fell_back) const;
  base::Result<std::int64_t> CountWorking(Date a, Date b, bool* fell_back) const;  // a ≤ b
  base::Result<Date> WorkingOnOrAfter(Date date, bool* fell_back) const;

  // Due() by unit (due.cc); `suspensions` are clipped to start, sorted and merged.
  base::Result<Deadline> DueInWorkingDays(Instant start, std::int64_t n,
                                          std::span<const Suspension> suspensions) const;
  base::Result<Deadline> DueInNaturalDays(Instant start, std::int64_t n,
                                          std::span<const Suspension> suspensions) const;
  Deadline DueInHours(Instant start, std::int64_t n, std::span<const Suspension> suspensions) const;

  Zone zone;
  internal::DayIndex index;
  int first_year;
  int last_year;
  OutOfRange out_of_range;
  std::function<void(int year)> on_fallback;

  mutable std::mutex mu;
  mutable std::set<int> reported_years;  // guarded by mu
};

}  // namespace oversight::calendar
