#pragma once

// Test helpers: the holiday data shipped in data/holidays, read straight from the
// source tree (calendar/ does no I/O itself; runtime/calendar_files.h is the
// production loader).

#include "calendar/calendar.h"

namespace oversight::calendar {

// Every data/holidays/*.json merged into one table; aborts the test on error.
HolidayTable ShippedHolidayTableForTest();

// A calendar over the shipped data in Asia/Shanghai, optionally with closures YAML.
Calendar ShippedCalendarForTest(CalendarOptions options = {}, std::string_view closures_yaml = "");

// "2025-01-23T10:00:00+08:00" → Instant; aborts the test on a malformed literal.
Instant At(std::string_view rfc3339);
// "2025-01-23" → Date; aborts the test on a malformed literal.
Date Day(std::string_view yyyy_mm_dd);

}  // namespace oversight::calendar
