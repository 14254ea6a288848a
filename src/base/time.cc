#include "base/time.h"

#include <cstdio>

namespace oversight::base {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// A tiny cursor over fixed-width ASCII fields; parsing timestamps is on the ingest
// hot path, so this avoids streams and locales.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool Digits(int width, int* out) {
    if (pos_ + width > text_.size()) return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
      char c = text_[pos_ + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += width;
    *out = value;
    return true;
  }
  bool Accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool AtEnd() const { return pos_ == text_.size(); }
  void Skip() { ++pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

Result<Date> ReadDate(Cursor& in, std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!in.Digits(4, &y) || !in.Accept('-') || !in.Digits(2, &m) || !in.Accept('-') ||
      !in.Digits(2, &d)) {
    return InvalidArgument("not a date (want YYYY-MM-DD): '" + std::string(text) + "'");
  }
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                  std::chrono::day(d)};
  if (!ymd.ok()) return InvalidArgument("no such date: '" + std::string(text) + "'");
  return Date(ymd);
}


// Writes "YYYY-MM-DDThh:mm:ss[.mmm]" with snprintf: building it from many small
// strings trips GCC 12's -Wrestrict false positive at -O3.
std::string FormatWall(Instant wall) {
  Date date = std::chrono::floor<days>(wall);
  std::chrono::year_month_day ymd(date);
  std::chrono::hh_mm_ss<Milliseconds> hms(wall - date);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(ymd.year()),
                        unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                        int(hms.minutes().count()), int(hms.seconds().count()));
  if (hms.subseconds().count() != 0) {
    std::snprintf(buf + n, sizeof buf - n, ".%03d", int(hms.subseconds().count()));
  }
  return buf;
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  Cursor in(text);
  OVS_ASSIGN_OR_RETURN(Date date, ReadDate(in, text));
  if (!in.AtEnd()) return InvalidArgument("not a date (want YYYY-MM-DD): '" + std::string(text) + "'");
  return date;
}

Result<Timestamp> ParseTimestamp(std::string_view text) {
  Cursor in(text);
  OVS_ASSIGN_OR_RETURN(Date date, ReadDate(in, text));
  Timestamp out{Instant(date), std::nullopt};
  if (in.AtEnd()) return out;
  auto bad = [&](std::string_view what) {
    return InvalidArgument(std::string(what) + " in timestamp '" + std::string(text) + "'");
  };
  if (!in.Accept('T') && !in.Accept(' ') && !in.Accept('t')) return bad("expected 'T' after the date");
  int hh = 0, mi = 0, ss = 0;
  if (!in.Digits(2, &hh) || !in.Accept(':') || !in.Digits(2, &mi)) return bad("bad time of day");
  if (in.Accept(':') && !in.Digits(2, &ss)) return bad("bad seconds");
  // 24:00:00 is a legal way to write the end of a day in ISO 8601.
  bool end_of_day = hh == 24 && mi == 0 && ss == 0;
  if ((hh > 23 && !end_of_day) || mi > 59 || ss > 60) return bad("time of day out of range");
  if (ss == 60) ss = 59;  // a leap second reads as the second before it
  int millis = 0;
  if (in.Accept('.') || in.Accept(',')) {
    int scale = 100, digits = 0;
    while (in.Peek() >= '0' && in.Peek() <= '9') {
      millis += (in.Peek() - '0') * scale;
      scale /= 10;
      ++digits;
      in.Skip();
    }
    if (digits == 0) return bad("empty fraction");
  }
  out.wall += hours(hh) + minutes(mi) + seconds(ss) + Milliseconds(millis);
  if (in.AtEnd()) return out;
  if (in.Accept('Z') || in.Accept('z')) {
    out.offset = minutes(0);
  } else {
    int sign = in.Accept('+') ? 1 : (in.Accept('-') ? -1 : 0);
    int oh = 0, om = 0;
    if (sign == 0 || !in.Digits(2, &oh)) return bad("bad zone offset");
    in.Accept(':');
    if (!in.AtEnd() && !in.Digits(2, &om)) return bad("bad zone offset");
    if (oh > 18 || om > 59) return bad("zone offset out of range");
    out.offset = minutes(sign * (oh * 60 + om));
  }
  if (!in.AtEnd()) return bad("unexpected text after the time");
  return out;
}

Result<Instant> ParseInstant(std::string_view text) {
  OVS_ASSIGN_OR_RETURN(Timestamp ts, ParseTimestamp(text));
  if (!ts.has_offset()) {
    return InvalidArgument("timestamp '" + std::string(text) +
                           "' has no zone offset (add Z or +08:00)");
  }
  return ts.ToInstant();
}

std::string FormatDate(Date date) {
  std::chrono::year_month_day ymd(date);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string FormatInstantUtc(Instant at) { return FormatWall(at) + "Z"; }

std::string FormatInstantWithOffset(Instant at, minutes offset) {
  int total = int(offset.count());
  char sign = total < 0 ? '-' : '+';
  if (total < 0) total = -total;
  char zone[16];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, total / 60, total % 60);
  return FormatWall(at + offset) + zone;
}

}  // namespace oversight::base
