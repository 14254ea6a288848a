#pragma once

// Loads the working-day calendar from disk: the holiday year files shipped in
// data/holidays (data/holidays/SOURCES.md) and an optional local closures file
// (config/closures.example.yaml). The calendar itself does no I/O; this is its edge.
//
//   OVS_ASSIGN_OR_RETURN(calendar::Calendar cal,
//                        LoadCalendar(DefaultDataDir() / "holidays", std::nullopt, {}));

#include <filesystem>
#include <map>
#include <optional>

#include "base/status.h"
#include "calendar/calendar.h"

namespace oversight::runtime {

// Reads every `*.json` in `holidays_dir` (in name order) and, when given, the
// closures YAML, then builds the calendar. Errors name the file at fault:
// NotFound for a missing directory or file, InvalidArgument for bad content,
// FailedPrecondition when no year is covered or a year is missing in between.
base::Result<calendar::Calendar> LoadCalendar(
    const std::filesystem::path& holidays_dir,
    const std::optional<std::filesystem::path>& closures_file, calendar::CalendarOptions options);

// The same, with closures kept elsewhere (the store's) added last: on a date
// that the closures file also names, the later record wins.
base::Result<calendar::Calendar> LoadCalendar(
    const std::filesystem::path& holidays_dir,
    const std::optional<std::filesystem::path>& closures_file,
    const std::map<base::Date, calendar::ListedDay>& extra_closures, calendar::CalendarOptions options);

// Where shipped data lives: $OVERSIGHT_DATA_DIR when set and non-empty, else the
// source tree's data/ directory fixed at build time (OVS_DEFAULT_DATA_DIR).
std::filesystem::path DefaultDataDir();

}  // namespace oversight::runtime
