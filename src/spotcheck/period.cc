#include "spotcheck/period.h"

#include <charconv>

namespace oversight::spotcheck {
namespace {

std::optional<int> Digits(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

base::Result<Period> ParsePeriod(std::string_view text) {
  const auto bad = [&] {
    return base::InvalidArgument("period: '" + std::string(text) +
                                 "' is not a month YYYY-MM or a year YYYY");
  };
  if (text.size() != 4 && text.size() != 7) return bad();
  std::optional<int> year = Digits(text.substr(0, 4));
  if (!year || *year < 1970 || *year > 2999) return bad();
  using std::chrono::month;
  using std::chrono::year_month_day;
  Period p;
  p.text = std::string(text);
  if (text.size() == 4) {
    p.first = std::chrono::sys_days(std::chrono::year(*year) / month(1) / 1);
    p.end = std::chrono::sys_days(std::chrono::year(*year + 1) / month(1) / 1);
    return p;
  }
  if (text[4] != '-' || text[5] < '0' || text[5] > '9' || text[6] < '0' || text[6] > '9')
    return bad();
  const int m = (text[5] - '0') * 10 + (text[6] - '0');
  if (m < 1 || m > 12) return bad();
  const auto ym = std::chrono::year(*year) / month(static_cast<unsigned>(m));
  p.first = std::chrono::sys_days(ym / 1);
  p.end = std::chrono::sys_days((ym + std::chrono::months(1)) / 1);
  return p;
}

}  // namespace oversight::spotcheck
