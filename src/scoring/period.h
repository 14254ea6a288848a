#pragma once

// A scoring period: a calendar month ("2026-10") or year ("2026") in the
// calendar's local zone (Asia/Shanghai by default). The range is half-open:
// [00:00 local of the first day, 00:00 local of the first day after).
//
//   OVS_ASSIGN_OR_RETURN(Period p, Period::Parse("2026-01"));
//   p.Previous().ToString();   // "2025-12"

#include <compare>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "calendar/calendar.h"

namespace oversight::scoring {

class Period {
 public:
  enum class Kind : std::uint8_t { kMonth, kYear };

  // "YYYY-MM" or "YYYY", years 1901–2998 (the calendar's range with a period to
  // spare on each side). InvalidArgument naming `period` otherwise.
  static base::Result<Period> Parse(std::string_view text);
  static Period Month(int year, int month) { return Period(Kind::kMonth, year, month); }
  static Period Year(int year) { return Period(Kind::kYear, year, 0); }

  Kind kind() const { return kind_; }
  int year() const { return year_; }
  int month() const { return month_; }  // 1–12; 0 for a year

  std::string ToString() const;  // "2026-10" or "2026"
  Period Previous() const;        // the month or year before
  base::Date FirstDay() const;
  base::Date EndDay() const;  // the first day after the period

  friend bool operator==(const Period&, const Period&) = default;

 private:
  Period(Kind kind, int year, int month) : kind_(kind), year_(year), month_(month) {}
  Kind kind_ = Kind::kMonth;
  int year_ = 2000;
  int month_ = 1;
};

// [from, to) as instants: local midnights in the calendar's zone.
struct PeriodRange {
  base::Instant from{};
  base::Instant to{};
  bool Contains(base::Instant at) const { return at >= from && at < to; }
};
PeriodRange RangeOf(const Period& period, const calendar::Calendar& calendar);

}  // namespace oversight::scoring
