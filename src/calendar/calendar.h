#pragma once

// The working-day calendar (工作日历): weekends, statutory holidays, makeup working
// days (调休) and local closures, and deadline arithmetic over them in one local
// zone. Pure: holiday data comes in as parsed tables, time comes in as arguments.
// The counting rule (民法典 arts. 201–203) is written out in docs/CALENDAR.md.
//
//   OVS_ASSIGN_OR_RETURN(Calendar cal, Calendar::Create(std::move(table), {}));
//   OVS_ASSIGN_OR_RETURN(Deadline d, cal.Due(accepted_at, {20, LimitUnit::kWorkingDays}, {}));
//   bool on_time = completed_at < d.due;   // the due instant is exclusive

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "model/time_limit.h"

namespace oversight::calendar {

using base::Date;
using base::Instant;

// Why a date is working or not, as a calendar page shows it.
enum class DayKind {
  kWorkday,  // an ordinary weekday (or a weekday a list confirms as working)
  kWeekend,  // an ordinary Saturday or Sunday
  kHoliday,  // a statutory holiday (法定节假日)
  kMakeup,   // a weekend day made working (调休上班), or a local working day on a weekend
  kClosure,  // a local closure (临时闭馆): a rest day whatever the lists say
};

// "workday", "weekend", "holiday", "makeup", "closure".
std::string_view DayKindName(DayKind kind);

// What the calendar says about one civil date.
struct DayInfo {
  Date date{};
  bool is_working = false;
  // Why: the holiday's name (春节), the makeup day's name ("春节调休上班" for a
  // weekend day made working), the closure's name, "weekend" / "workday" for
  // ordinary days.
  std::string name;
  bool from_fallback = false;  // outside the covered years, weekends-only rule used
  DayKind kind = DayKind::kWorkday;
};

// Listed days, keyed by date: true = off (holiday / closure), false = working (makeup day).
struct ListedDay {
  bool is_off = false;
  std::string name;
};

// Holiday data for a span of years. Merge all yearly files into one table: a
// file may list dates of the neighbouring year.
struct HolidayTable {
  std::map<Date, ListedDay> days;
  // Local closures (typhoon, epidemic): they override `days` whatever the order
  // in which the two were added.
  std::map<Date, ListedDay> closures;
  int first_year = 0;  // years whose official notice is included, inclusive
  int last_year = -1;
  // The years AddYearJson saw a notice for; Calendar::Create rejects gaps in it.
  std::set<int> covered_years;

  // Adds one holiday-cn year file (see data/holidays/SOURCES.md). A year whose
  // file lists no days (no notice published yet) does not count as covered.
  // Rejects malformed files, a year added twice and a date listed twice with
  // different values; on error the table is unchanged.
  base::Status AddYearJson(std::string_view json_text);
  // Adds local closures (YAML, see config/closures.example.yaml) that override listed
  // days. Rejects unknown keys and a date given twice; on error the table is unchanged.
  base::Status AddClosuresYaml(std::string_view yaml_text);
  bool Covers(int year) const { return year >= first_year && year <= last_year; }
};

// A half-open interval [from, to) during which the clock is stopped (特别程序, 补正).
struct Suspension {
  Instant from{};
  Instant to{};
};

// A computed deadline. `due` is exclusive: an act is on time when its instant is
// strictly before `due`; a period ending at 24:00 of day D has due = 00:00 of D+1.
struct Deadline {
  Instant due{};
  // The last local day counted (day units); for hours, the local day of the last
  // instant before `due`.
  Date last_day{};
  // Working or natural days from the start day (not counted) to last_day, including
  // suspended days and a natural-day period's move off a holiday; 0 for hours.
  std::int64_t days_counted = 0;
  std::int64_t suspended_days = 0;       // days added because of suspensions (day units)
  base::Milliseconds suspended_time{0};  // wall time of the suspensions that applied
  bool from_fallback = false;            // some day counted came from the weekends-only rule
};

enum class OutOfRange {
  kError,         // a date outside the covered years is an error (default)
  kWeekendsOnly,  // fall back to Mon–Fri working, and report it through on_fallback
};

struct CalendarOptions {
  std::string zone = "Asia/Shanghai";
  OutOfRange out_of_range = OutOfRange::kError;
  // Called once per year that falls back to weekends-only (log it; never silent).
  // Runs on whichever thread asked, so it must be thread-safe.
  std::function<void(int year)> on_fallback = nullptr;
};

// Thread-safe: a Calendar is immutable after Create and cheap to copy.
// Every query about a date in a year the data does not cover is OutOfRange,
// unless CalendarOptions::out_of_range says to fall back to weekends-only.
// Instants must lie in the years 1900–2999 (OutOfRange otherwise).
class Calendar {
 public:
  // Longest period accepted, in days: ten years and change. Guards the arithmetic
  // against runaway inputs such as a limit typed in minutes.
  static constexpr std::int64_t kMaxDays = 3660;

  // Fails when the zone is unknown, the table covers no year, or the covered
  // years have a gap.
  static base::Result<Calendar> Create(HolidayTable table, CalendarOptions options);

  base::Result<DayInfo> Describe(Date date) const;
  base::Result<bool> IsWorkingDay(Date date) const;

  // The n-th working day after `from` (`from` itself is not counted), 0 ≤ n ≤
  // kMaxDays; other n is InvalidArgument.
  base::Result<Date> AddWorkingDays(Date from, std::int64_t n) const;

  // The due instant of `limit` started at `start`, pushed later by `suspensions`
  // (any order, may overlap; the part of one before `start` is ignored). Amounts
  // above kMaxDays (days) or kMaxDays·24 (hours) are InvalidArgument.
  base::Result<Deadline> Due(Instant start, model::TimeLimit limit,
                             std::span<const Suspension> suspensions) const;

  // Working days elapsed from `from` to `to`: working days D with
  // local(from) < D ≤ local(to) (start day not counted). Negative if to < from.
  base::Result<std::int64_t> WorkingDaysBetween(Instant from, Instant to) const;

  // Zone conversions: the only place in the project that knows about zones.
  Date LocalDate(Instant at) const;
  Instant StartOfLocalDay(Date date) const;  // 00:00 local of `date`, as UTC
  std::chrono::minutes OffsetAt(Instant at) const;
  // A wall-clock reading without offset, read in this calendar's zone.
  Instant FromLocal(Instant wall) const;
  // RFC 3339 with the local offset, e.g. "2025-02-06T00:00:00+08:00".
  std::string FormatLocal(Instant at) const;

  const std::string& zone_name() const;
  int first_year() const;
  int last_year() const;

 private:
  struct Impl;
  explicit Calendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;  // immutable, so copies share it safely across threads
};

}  // namespace oversight::calendar
