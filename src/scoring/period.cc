#include "scoring/period.h"

#include <charconv>
#include <cstdio>

namespace oversight::scoring {
namespace {

constexpr int kMinYear = 1901;
constexpr int kMaxYear = 2998;

bool ParseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

base::Result<Period> Period::Parse(std::string_view text) {
  auto bad = [&](std::string why) {
    return base::InvalidArgument("period: expected a month YYYY-MM or a year YYYY, found \"" +
                                 std::string(text) + "\"" + why);
  };
  int year = 0;
  int month = 0;
  if (text.size() == 4) {
    if (!ParseDigits(text, year)) return bad("");
  } else if (text.size() == 7 && text[4] == '-') {
    if (!ParseDigits(text.substr(0, 4), year) || !ParseDigits(text.substr(5, 2), month)) {
      return bad("");
    }
    if (month < 1 || month > 12) return bad(" (no such month)");
  } else {
    return bad("");
  }
  if (year < kMinYear || year > kMaxYear) {
    return bad(" (years " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) + ")");
  }
  return month == 0 ? Year(year) : Month(year, month);
}

std::string Period::ToString() const {
  char buf[16];
  if (kind_ == Kind::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", year_);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_);
  }
  return buf;
}

Period Period::Previous() const {
  if (kind_ == Kind::kYear) return Year(year_ - 1);
  return month_ == 1 ? Month(year_ - 1, 12) : Month(year_, month_ - 1);
}

base::Date Period::FirstDay() const {
  using namespace std::chrono;
  return sys_days(std::chrono::year(year_) / std::chrono::month(kind_ == Kind::kYear ? 1 : month_) /
                  1);
}

base::Date Period::EndDay() const {
  using namespace std::chrono;
  if (kind_ == Kind::kYear) return sys_days(std::chrono::year(year_ + 1) / January / 1);
  year_month next = std::chrono::year(year_) / std::chrono::month(month_) + months(1);
  return sys_days(next / 1);
}

PeriodRange RangeOf(const Period& period, const calendar::Calendar& calendar) {
  return PeriodRange{calendar.StartOfLocalDay(period.FirstDay()),
                     calendar.StartOfLocalDay(period.EndDay())};
}

}  // namespace oversight::scoring
