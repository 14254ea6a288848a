// Deadline arithmetic (DESIGN §4, docs/CALENDAR.md). The Civil Code's rule for
// periods (民法典 arts. 201–203) drives every unit counted in days: the start day
// is not counted, a period ends at 24:00 of its last day (so `due` is 00:00 of the
// next day, exclusive), and a natural-day period whose last day is not a working
// day ends on the next working day. Suspensions (特别程序, 补正) stop the clock and
// are counted the same way: suspend day not counted, resume day counted.

#include <algorithm>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/internal/calendar_impl.h"

namespace oversight::calendar {
namespace {

using std::chrono::days;

// Clips each suspension to start after `start` (the clock was not running before
// it), drops the empty ones, sorts by `from` and merges overlapping or touching
// ones, so that a stretch of stopped clock is counted once.
base::Result<std::vector<Suspension>> Normalize(Instant start,
                                                std::span<const Suspension> suspensions) {
  std::vector<Suspension> clipped;
  for (std::size_t i = 0; i < suspensions.size(); ++i) {
    const Suspension& s = suspensions[i];
    if (s.to < s.from) {
      return base::InvalidArgument("suspension #" + std::to_string(i + 1) + " ends (" +
                                   base::FormatInstantUtc(s.to) + ") before it starts (" +
                                   base::FormatInstantUtc(s.from) + ")");
    }
    Suspension c{std::max(s.from, start), s.to};
    if (c.from < c.to) clipped.push_back(c);
  }
  std::sort(clipped.begin(), clipped.end(),
            [](const Suspension& a, const Suspension& b) { return a.from < b.from; });
  std::vector<Suspension> merged;
  for (const Suspension& s : clipped) {
    if (!merged.empty() && s.from <= merged.back().to) {
      merged.back().to = std::max(merged.back().to, s.to);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

base::Status CheckAmount(model::TimeLimit limit) {
  std::int64_t max =
      limit.unit == model::LimitUnit::kHours ? Calendar::kMaxDays * 24 : Calendar::kMaxDays;
  if (limit.amount >= 0 && limit.amount <= max) return base::Status::Ok();
  return base::InvalidArgument("time limit " + std::to_string(limit.amount) + " " +
                               std::string(model::LimitUnitName(limit.unit)) + " is outside 0–" +
                               std::to_string(max));
}

base::Status CheckTotal(std::int64_t n, std::int64_t suspended_days) {
  if (n + suspended_days <= Calendar::kMaxDays) return base::Status::Ok();
  return base::InvalidArgument("suspensions of " + std::to_string(suspended_days) +
                               " days push the period past " + std::to_string(Calendar::kMaxDays) +
                               " days");
}

}  // namespace

base::Result<Deadline> Calendar::Due(Instant start, model::TimeLimit limit,
                                     std::span<const Suspension> suspensions) const {
  OVS_RETURN_IF_ERROR(CheckAmount(limit));
  OVS_RETURN_IF_ERROR(Impl::CheckInstant(start, "start"));
  for (const Suspension& s : suspensions) {
    OVS_RETURN_IF_ERROR(Impl::CheckInstant(s.from, "suspension start"));
    OVS_RETURN_IF_ERROR(Impl::CheckInstant(s.to, "suspension end"));
  }
  OVS_ASSIGN_OR_RETURN(std::vector<Suspension> merged, Normalize(start, suspensions));
  switch (limit.unit) {
    case model::LimitUnit::kWorkingDays:
      return impl_->DueInWorkingDays(start, limit.amount, merged);
    case model::LimitUnit::kNaturalDays:
      return impl_->DueInNaturalDays(start, limit.amount, merged);
    case model::LimitUnit::kHours:
      return impl_->DueInHours(start, limit.amount, merged);
  }
  return base::InvalidArgument("unknown time limit unit " +
                               std::to_string(static_cast<int>(limit.unit)));
}

// Each suspension that starts before the deadline as it stands moves the last day
// by the working days D with local(from) < D ≤ local(to). One starting at or
// after the current due instant is ignored: the period had already run out.
base::Result<Deadline> Calendar::Impl::DueInWorkingDays(
    Instant start, std::int64_t n, std::span<const Suspension> suspensions) const {
  Deadline d;
  Date first = zone.LocalDate(start);
  OVS_ASSIGN_OR_RETURN(d.last_day, AddWorking(first, n, &d.from_fallback));
  d.due = zone.StartOfLocalDay(d.last_day + days(1));
  for (const Suspension& s : suspensions) {
    if (s.from >= d.due) break;  // sorted by `from`: the rest start later still
    Date from_day = zone.LocalDate(s.from);
    Date to_day = std::max(from_day, zone.LocalDate(s.to));
    OVS_ASSIGN_OR_RETURN(std::int64_t extra, CountWorking(from_day, to_day, &d.from_fallback));
    OVS_RETURN_IF_ERROR(CheckTotal(n, d.suspended_days + extra));
    OVS_ASSIGN_OR_RETURN(d.last_day, AddWorking(d.last_day, extra, &d.from_fallback));
    d.due = zone.StartOfLocalDay(d.last_day + days(1));
    d.suspended_days += extra;
    d.suspended_time += s.to - s.from;
  }
  d.days_counted = n + d.suspended_days;
  return d;
}

// The last day before moving off a holiday (`raw_last`) carries the natural days;
// the move to the next working day (民法典 art. 203) applies to the final last day.
base::Result<Deadline> Calendar::Impl::DueInNaturalDays(
    Instant start, std::int64_t n, std::span<const Suspension> suspensions) const {
  Deadline d;
  Date first = zone.LocalDate(start);
  Date raw_last = first + days(n);
  OVS_ASSIGN_OR_RETURN(d.last_day, WorkingOnOrAfter(raw_last, &d.from_fallback));
  d.due = zone.StartOfLocalDay(d.last_day + days(1));
  for (const Suspension& s : suspensions) {
    if (s.from >= d.due) break;
    std::int64_t extra =
        std::max<std::int64_t>(0, (zone.LocalDate(s.to) - zone.LocalDate(s.from)).count());
    OVS_RETURN_IF_ERROR(CheckTotal(n, d.suspended_days + extra));
    raw_last += days(extra);
    OVS_ASSIGN_OR_RETURN(d.last_day, WorkingOnOrAfter(raw_last, &d.from_fallback));
    d.due = zone.StartOfLocalDay(d.last_day + days(1));
    d.suspended_days += extra;
    d.suspended_time += s.to - s.from;
  }
  d.days_counted = (d.last_day - first).count();
  return d;
}

// Elapsed time: no calendar, no zone. A suspension adds its own duration.
Deadline Calendar::Impl::DueInHours(Instant start, std::int64_t n,
                                    std::span<const Suspension> suspensions) const {
  Deadline d;
  d.due = start + std::chrono::hours(n);
  for (const Suspension& s : suspensions) {
    if (s.from >= d.due) break;
    d.due += s.to - s.from;
    d.suspended_time += s.to - s.from;
  }
  d.last_day = zone.LocalDate(d.due - base::Milliseconds(1));
  return d;
}

}  // namespace oversight::calendar
