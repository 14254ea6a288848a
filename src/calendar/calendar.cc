#include "calendar/calendar.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "calendar/internal/calendar_impl.h"
#include "calendar/internal/day_index.h"
#include "calendar/zone.h"

namespace oversight::calendar {
namespace {

using std::chrono::days;
using std::chrono::January;

// Years the calendar does arithmetic for at all, whatever the data: keeps the
// per-day table small and instants far from the limits of their representation.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;

int YearOf(Date date) { return int(std::chrono::year_month_day(date).year()); }
constexpr Date NewYear(int year) { return Date(std::chrono::year(year) / January / 1); }

base::Status CheckYears(const HolidayTable& table) {
  if (table.first_year > table.last_year) {
    return base::FailedPrecondition(
        "holiday data covers no year: no year file with listed days was loaded "
        "(see data/holidays/SOURCES.md)");
  }
  if (table.first_year < kMinYear || table.last_year > kMaxYear) {
    return base::InvalidArgument("holiday data years " + std::to_string(table.first_year) + "–" +
                                 std::to_string(table.last_year) + " are outside " +
                                 std::to_string(kMinYear) + "–" + std::to_string(kMaxYear));
  }
  if (table.covered_years.empty()) return base::Status::Ok();  // a table built by hand
  for (int year = table.first_year; year <= table.last_year; ++year) {
    if (!table.covered_years.contains(year)) {
      return base::FailedPrecondition(
          "holiday data has a gap: no notice for " + std::to_string(year) + " between " +
          std::to_string(table.first_year) + " and " + std::to_string(table.last_year) +
          " (add data/holidays/" + std::to_string(year) + ".json)");
    }
  }
  return base::Status::Ok();
}

// Listed days as Describe shows them; closures win over the State Council lists.
std::map<Date, internal::EffectiveDay> MergeListed(const HolidayTable& table) {
  std::map<Date, internal::EffectiveDay> merged;
  for (const auto& [date, day] : table.days) {
    internal::EffectiveDay& out = merged[date];
    out.is_working = !day.is_off;
    if (day.is_off) {
      out.name = day.name.empty() ? "holiday" : day.name;
      out.kind = DayKind::kHoliday;
    } else if (internal::IsWeekend(date)) {
      out.name = day.name + "调休上班";
      out.kind = DayKind::kMakeup;
    } else {
      // A weekday confirmed as working (2020-02-03 after the extended Spring Festival).
      out.name = "workday";
      out.kind = DayKind::kWorkday;
    }
  }
  for (const auto& [date, day] : table.closures) {
    // A closure that makes a day working (防汛值守) reads as a makeup day on a weekend.
    DayKind kind = day.is_off ? DayKind::kClosure
                   : internal::IsWeekend(date) ? DayKind::kMakeup
                                               : DayKind::kWorkday;
    merged[date] = {.is_working = !day.is_off,
                    .name = day.name.empty() ? (day.is_off ? "closure" : "workday") : day.name,
                    .kind = kind};
  }
  return merged;
}

}  // namespace

std::string_view DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday: return "workday";
    case DayKind::kWeekend: return "weekend";
    case DayKind::kHoliday: return "holiday";
    case DayKind::kMakeup: return "makeup";
    case DayKind::kClosure: return "closure";
  }
  return "workday";
}

base::Result<Calendar> Calendar::Create(HolidayTable table, CalendarOptions options) {
  OVS_ASSIGN_OR_RETURN(Zone zone, Zone::Locate(options.zone));
  OVS_RETURN_IF_ERROR(CheckYears(table));
  internal::DayIndex index(NewYear(table.first_year), NewYear(table.last_year + 1),
                           MergeListed(table));
  auto impl = std::make_shared<const Impl>(std::move(zone), std::move(index), table.first_year,
                                           table.last_year, std::move(options));
  return Calendar(std::move(impl));
}

base::Status Calendar::Impl::CheckCovered(Date lo, Date hi, bool* fell_back) const {
  if (index.InSpan(lo) && index.InSpan(hi)) return base::Status::Ok();
  int lo_year = YearOf(lo);
  int hi_year = YearOf(hi);
  if (lo_year < kMinYear || hi_year > kMaxYear) {
    return base::OutOfRange("date " + base::FormatDate(lo_year < kMinYear ? lo : hi) +
                            " is outside the years " + std::to_string(kMinYear) + "–" +
                            std::to_string(kMaxYear) + " the calendar handles");
  }
  if (out_of_range == OutOfRange::kError) {
    Date date = lo_year < first_year ? lo : std::max(lo, index.span_end());
    int year = YearOf(date);
    return base::OutOfRange(
        "no holiday data for " + std::to_string(year) + " (needed for " + base::FormatDate(date) +
        "; covered years: " + std::to_string(first_year) + "–" + std::to_string(last_year) +
        "); add data/holidays/" + std::to_string(year) +
        ".json once the State Council notice is out, or allow the weekends-only fallback");
  }
  *fell_back = true;
  std::vector<int> fresh;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (int year = lo_year; year <= hi_year; ++year) {
      if (year >= first_year && year <= last_year) continue;
      if (reported_years.insert(year).second) fresh.push_back(year);
    }
  }
  // Outside the lock, so a callback may use the calendar.
  if (on_fallback) {
    for (int year : fresh) on_fallback(year);
  }
  return base::Status::Ok();
}

base::Result<Date> Calendar::Impl::AddWorking(Date from, std::int64_t n, bool* fell_back) const {
  if (n < 0 || n > kMaxDays) {
    return base::InvalidArgument("working-day count " + std::to_string(n) + " is outside 0–" +
                                 std::to_string(kMaxDays));
  }
  Date result = index.AddWorking(from, n);
  OVS_RETURN_IF_ERROR(CheckCovered(from, result, fell_back));
  return result;
}

base::Result<std::int64_t> Calendar::Impl::CountWorking(Date a, Date b, bool* fell_back) const {
  OVS_RETURN_IF_ERROR(CheckCovered(a, b, fell_back));
  return index.CountWorking(a, b);
}

base::Result<Date> Calendar::Impl::WorkingOnOrAfter(Date date, bool* fell_back) const {
  OVS_RETURN_IF_ERROR(CheckCovered(date, date, fell_back));
  if (index.IsWorking(date)) return date;
  return AddWorking(date, 1, fell_back);
}

base::Result<DayInfo> Calendar::Describe(Date date) const {
  DayInfo info;
  info.date = date;
  OVS_RETURN_IF_ERROR(impl_->CheckCovered(date, date, &info.from_fallback));
  if (const internal::EffectiveDay* listed = impl_->index.Listed(date)) {
    info.is_working = listed->is_working;
    info.name = listed->name;
    info.kind = listed->kind;
  } else {
    info.is_working = !internal::IsWeekend(date);
    info.name = info.is_working ? "workday" : "weekend";
    info.kind = info.is_working ? DayKind::kWorkday : DayKind::kWeekend;
  }
  return info;
}

base::Result<bool> Calendar::IsWorkingDay(Date date) const {
  bool fell_back = false;
  OVS_RETURN_IF_ERROR(impl_->CheckCovered(date, date, &fell_back));
  return impl_->index.IsWorking(date);
}

base::Result<Date> Calendar::AddWorkingDays(Date from, std::int64_t n) const {
  bool fell_back = false;
  return impl_->AddWorking(from, n, &fell_back);
}

base::Result<std::int64_t> Calendar::WorkingDaysBetween(Instant from, Instant to) const {
  if (to < from) {
    OVS_ASSIGN_OR_RETURN(std::int64_t reverse, WorkingDaysBetween(to, from));
    return -reverse;
  }
  OVS_RETURN_IF_ERROR(Impl::CheckInstant(from, "from"));
  OVS_RETURN_IF_ERROR(Impl::CheckInstant(to, "to"));
  bool fell_back = false;
  // A DST fall-back across midnight can make the later instant's date the earlier one.
  Date a = LocalDate(from);
  Date b = std::max(a, LocalDate(to));
  return impl_->CountWorking(a, b, &fell_back);
}

base::Status Calendar::Impl::CheckInstant(Instant at, std::string_view what) {
  // A day of slack either side: any zone's offset is well under a day.
  constexpr Instant kLow = Instant(NewYear(kMinYear)) + days(1);
  constexpr Instant kHigh = Instant(NewYear(kMaxYear + 1)) - days(1);
  if (at >= kLow && at < kHigh) return base::Status::Ok();
  // Instant::min()/max() sentinels cannot be formatted as dates without overflow.
  constexpr Instant kFirstPrintable = Instant(NewYear(1));
  constexpr Instant kEndPrintable = Instant(NewYear(9999));
  std::string shown = at >= kFirstPrintable && at < kEndPrintable
                          ? base::FormatInstantUtc(at)
                          : "(unix ms " + std::to_string(base::ToUnixMillis(at)) + ")";
  return base::OutOfRange(std::string(what) + " " + shown + " is outside the years " +
                          std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) +
                          " the calendar handles");
}

Date Calendar::LocalDate(Instant at) const { return impl_->zone.LocalDate(at); }
Instant Calendar::StartOfLocalDay(Date date) const { return impl_->zone.StartOfLocalDay(date); }
std::chrono::minutes Calendar::OffsetAt(Instant at) const { return impl_->zone.OffsetAt(at); }
Instant Calendar::FromLocal(Instant wall) const { return impl_->zone.FromLocal(wall); }

std::string Calendar::FormatLocal(Instant at) const {
  return base::FormatInstantWithOffset(at, OffsetAt(at));
}

const std::string& Calendar::zone_name() const { return impl_->zone.name(); }
int Calendar::first_year() const { return impl_->first_year; }
int Calendar::last_year() const { return impl_->last_year; }

}  // namespace oversight::calendar
