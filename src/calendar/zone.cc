#include "calendar/zone.h"

#include <date/tz.h>

#include <exception>
#include <utility>

namespace oversight::calendar {

using base::Date;
using base::Instant;

base::Result<Zone> Zone::Locate(std::string_view name) {
  if (name.empty()) {
    return base::InvalidArgument(
        "time zone name is empty (want an IANA name such as Asia/Shanghai)");
  }
  // date throws when the name is unknown or the tzdata file cannot be read; this
  // is the edge where that becomes a Status.
  try {
    const date::time_zone* tz = date::locate_zone(std::string(name));
    // Load the zone's transitions now, so a broken tzdata fails here and not in
    // the middle of a deadline computation.
    (void)tz->get_info(date::sys_seconds{});
    return Zone(tz, std::string(name));
  } catch (const std::exception& e) {
    return base::InvalidArgument("unknown time zone '" + std::string(name) +
                                 "' (want an IANA name such as Asia/Shanghai): " + e.what());
  }
}

std::chrono::minutes Zone::OffsetAt(Instant at) const {
  date::sys_info info = tz_->get_info(std::chrono::floor<std::chrono::seconds>(at));
  return std::chrono::duration_cast<std::chrono::minutes>(info.offset);
}

Date Zone::LocalDate(Instant at) const {
  return std::chrono::floor<std::chrono::days>(at + OffsetAt(at));
}

Instant Zone::StartOfLocalDay(Date date) const { return FromLocal(Instant(date)); }

Instant Zone::FromLocal(Instant wall) const {
  date::local_time<base::Milliseconds> local{wall.time_since_epoch()};
  // choose::earliest never throws: a non-existent reading maps to the end of the gap.
  return std::chrono::time_point_cast<base::Milliseconds>(
      tz_->to_sys(local, date::choose::earliest));
}

}  // namespace oversight::calendar
