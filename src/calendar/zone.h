#pragma once

// One IANA time zone (Asia/Shanghai by default) and the conversions between UTC
// instants and the zone's civil dates. The only code in the project that knows
// about zones: everything else stores UTC instants and asks the calendar for
// local dates. Reads the system tzdata (package tzdata) through Howard Hinnant's
// date library, once per zone, when the zone is located.
//
//   OVS_ASSIGN_OR_RETURN(Zone zone, Zone::Locate("Asia/Shanghai"));
//   Date d = zone.LocalDate(at);                       // the civil date at `at`
//   Instant midnight = zone.StartOfLocalDay(d + std::chrono::days(1));

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "base/time.h"

namespace date {
class time_zone;
}  // namespace date

namespace oversight::calendar {

// Thread-safe and cheap to copy: it points at the process-wide tz database.
class Zone {
 public:
  // InvalidArgument when the name is unknown or its tzdata cannot be read.
  static base::Result<Zone> Locate(std::string_view name);

  const std::string& name() const { return name_; }

  // UTC offset in force at `at` (+08:00 → 480 min).
  std::chrono::minutes OffsetAt(base::Instant at) const;
  // The civil date of `at` in this zone.
  base::Date LocalDate(base::Instant at) const;
  // 00:00 local of `date` as UTC. When 00:00 does not exist (a DST jump at
  // midnight), the first instant of the day, i.e. the end of the jump.
  base::Instant StartOfLocalDay(base::Date date) const;
  // A wall-clock reading without offset, read in this zone. A reading that does
  // not exist maps to the end of the jump; an ambiguous one to the earlier instant.
  base::Instant FromLocal(base::Instant wall) const;

 private:
  Zone(const date::time_zone* tz, std::string name) : tz_(tz), name_(std::move(name)) {}

  const date::time_zone* tz_;  // owned by date's tz database, lives for the process
  std::string name_;
};

}  // namespace oversight::calendar
