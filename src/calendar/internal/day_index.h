#pragma once

// Which civil dates are working days, answered fast. Inside the covered span a
// table built once holds, per day, whether it is a working day and how many
// working days precede it, so a lookup, a count or "n working days later" costs
// O(1). Outside the span the weekends-only rule applies, corrected by any listed
// day (a neighbouring year's makeup day, a local closure); whether that is
// allowed at all is the caller's decision (Calendar::Impl::CheckCovered).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/time.h"
#include "calendar/calendar.h"

namespace oversight::calendar::internal {

using base::Date;

// A listed day after holidays and closures were merged, with the name Describe shows.
struct EffectiveDay {
  bool is_working = false;
  std::string name;
  DayKind kind = DayKind::kWorkday;
};

bool IsWeekend(Date date);

class DayIndex {
 public:
  // [span_begin, span_end) is the covered span; `listed` overrides the weekend rule.
  DayIndex(Date span_begin, Date span_end, std::map<Date, EffectiveDay> listed);

  Date span_begin() const { return span_begin_; }
  Date span_end() const { return span_end_; }
  bool InSpan(Date date) const { return date >= span_begin_ && date < span_end_; }

  bool IsWorking(Date date) const;
  // The listed entry for `date`, or nullptr when the weekend rule decides.
  const EffectiveDay* Listed(Date date) const;
  // Working days D with a < D ≤ b; requires a ≤ b.
  std::int64_t CountWorking(Date a, Date b) const;
  // The n-th working day after `from`, n ≥ 0. Steps day by day outside the span,
  // so callers bound n.
  Date AddWorking(Date from, std::int64_t n) const;

 private:
  std::int64_t Offset(Date date) const { return (date - span_begin_).count(); }
  // Working days in [span_begin, date], for span_begin − 1 ≤ date < span_end.
  std::int64_t WorkingThrough(Date date) const { return before_[Offset(date) + 1]; }
  bool IsWorkingOutside(Date date) const;
  // Working days in [lo, hi] (inclusive, lo ≤ hi), both outside the span.
  std::int64_t CountOutside(Date lo, Date hi) const;

  Date span_begin_;
  Date span_end_;
  std::map<Date, EffectiveDay> listed_;
  std::vector<std::uint8_t> is_working_;    // per day of the span
  std::vector<std::int32_t> before_;        // before_[i]: working days among the first i
  std::vector<std::int32_t> working_days_;  // span offsets of the working days, in order
};

}  // namespace oversight::calendar::internal
