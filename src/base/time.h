#pragma once

// Time types shared by every module. Instants are UTC with millisecond precision;
// a Date is a civil date with no zone attached (which zone it belongs to is the
// calendar's business, see calendar/zone.h). Nothing here reads the clock.
//
//   Result<Timestamp> t = ParseTimestamp("2025-03-03T09:12:33+08:00");
//   Instant at = t->ToInstant();   // 2025-03-03T01:12:33Z

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::base {

using Milliseconds = std::chrono::milliseconds;
using Instant = std::chrono::sys_time<Milliseconds>;  // UTC
using Date = std::chrono::sys_days;                    // civil date, zone-less

// A parsed timestamp as written: the wall-clock reading and, when the text had
// one, its UTC offset. `wall` is stored on the sys_time axis but means local time.
struct Timestamp {
  Instant wall;
  std::optional<std::chrono::minutes> offset;

  bool has_offset() const { return offset.has_value(); }
  // Only meaningful when has_offset().
  Instant ToInstant() const { return wall - offset.value_or(std::chrono::minutes(0)); }
};

// Parses ISO 8601 / RFC 3339 date-times: "YYYY-MM-DD[T| ]hh:mm[:ss[.fraction]][Z|±hh[:]mm]".
// A date alone ("YYYY-MM-DD") reads as midnight. Fractions beyond milliseconds are
// truncated. Rejects impossible dates and times with a message naming the part.
Result<Timestamp> ParseTimestamp(std::string_view text);

// Parses "YYYY-MM-DD", rejecting impossible dates (2025-02-29).
Result<Date> ParseDate(std::string_view text);

// Parses an instant that must carry an offset (for API and CLI inputs).
Result<Instant> ParseInstant(std::string_view text);

std::string FormatDate(Date date);
// RFC 3339 in UTC: "2025-03-03T01:12:33Z" (milliseconds shown only when non-zero).
std::string FormatInstantUtc(Instant at);
// RFC 3339 with the given offset: "2025-03-03T09:12:33+08:00".
std::string FormatInstantWithOffset(Instant at, std::chrono::minutes offset);

inline std::int64_t ToUnixMillis(Instant at) { return at.time_since_epoch().count(); }
inline Instant FromUnixMillis(std::int64_t ms) { return Instant(Milliseconds(ms)); }

}  // namespace oversight::base
