#include "calendar/internal/day_index.h"

#include <algorithm>
#include <utility>

namespace oversight::calendar::internal {
namespace {

using std::chrono::days;

// Mon–Fri days in [kMonday, date] (negative before it), so that
// WeekdaysThrough(b) − WeekdaysThrough(a) counts the weekdays in (a, b].
constexpr Date kMonday = Date(days(4));  // 1970-01-05

std::int64_t WeekdaysThrough(Date date) {
  std::int64_t k = (date - kMonday).count();
  std::int64_t weeks = k >= 0 ? k / 7 : -((-k + 6) / 7);  // floor(k / 7)
  std::int64_t day_in_week = k - weeks * 7;               // 0 = Monday … 6 = Sunday
  return weeks * 5 + std::min<std::int64_t>(day_in_week + 1, 5);
}

}  // namespace

bool IsWeekend(Date date) {
  unsigned wd = std::chrono::weekday(date).c_encoding();  // 0 = Sunday
  return wd == 0 || wd == 6;
}

DayIndex::DayIndex(Date span_begin, Date span_end, std::map<Date, EffectiveDay> listed)
    : span_begin_(span_begin), span_end_(span_end), listed_(std::move(listed)) {
  std::int64_t span_days = Offset(span_end_);
  is_working_.resize(span_days);
  before_.resize(span_days + 1);
  for (std::int64_t i = 0; i < span_days; ++i) {
    Date date = span_begin_ + days(i);
    const EffectiveDay* entry = Listed(date);
    bool working = entry != nullptr ? entry->is_working : !IsWeekend(date);
    is_working_[i] = working ? 1 : 0;
    before_[i + 1] = before_[i] + (working ? 1 : 0);
    if (working) working_days_.push_back(static_cast<std::int32_t>(i));
  }
}

const EffectiveDay* DayIndex::Listed(Date date) const {
  auto it = listed_.find(date);
  return it == listed_.end() ? nullptr : &it->second;
}

bool DayIndex::IsWorking(Date date) const {
  if (InSpan(date)) return is_working_[Offset(date)] != 0;
  return IsWorkingOutside(date);
}

bool DayIndex::IsWorkingOutside(Date date) const {
  const EffectiveDay* entry = Listed(date);
  return entry != nullptr ? entry->is_working : !IsWeekend(date);
}

std::int64_t DayIndex::CountOutside(Date lo, Date hi) const {
  std::int64_t count = WeekdaysThrough(hi) - WeekdaysThrough(lo - days(1));
  // Listed days outside the span are few (a neighbour year's makeup day, closures).
  for (auto it = listed_.lower_bound(lo); it != listed_.end() && it->first <= hi; ++it) {
    count += (it->second.is_working ? 1 : 0) - (IsWeekend(it->first) ? 0 : 1);
  }
  return count;
}

std::int64_t DayIndex::CountWorking(Date a, Date b) const {
  // Split (a, b] into the part before the span, inside it and after it.
  std::int64_t count = 0;
  Date first = a + days(1);
  Date before_end = std::min(b, span_begin_ - days(1));
  if (first <= before_end) count += CountOutside(first, before_end);
  Date in_lo = std::max(a, span_begin_ - days(1));
  Date in_hi = std::min(b, span_end_ - days(1));
  if (in_lo < in_hi) count += WorkingThrough(in_hi) - WorkingThrough(in_lo);
  Date after_begin = std::max(first, span_end_);
  if (after_begin <= b) count += CountOutside(after_begin, b);
  return count;
}

Date DayIndex::AddWorking(Date from, std::int64_t n) const {
  Date date = from;
  std::int64_t left = n;
  // Before the span (fallback only): step until done or until the next day is in it.
  while (left > 0 && date + days(1) < span_begin_) {
    date += days(1);
    if (IsWorkingOutside(date)) --left;
  }
  if (left == 0) return date;
  // Inside the span: jump straight to the answer through the working-day list.
  if (date + days(1) < span_end_) {
    std::int64_t target = WorkingThrough(std::max(date, span_begin_ - days(1))) + left;
    std::int64_t total = static_cast<std::int64_t>(working_days_.size());
    if (target <= total) return span_begin_ + days(working_days_[target - 1]);
    left = target - total;
    date = span_end_ - days(1);
  }
  // After the span (fallback only).
  while (left > 0) {
    date += days(1);
    if (IsWorkingOutside(date)) --left;
  }
  return date;
}

}  // namespace oversight::calendar::internal
