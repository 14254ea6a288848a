#pragma once

// Where a command's working-day calendar comes from (its --data-dir, --closures,
// --zone and --weekends-fallback options), in one place for every command.

#include <filesystem>
#include <optional>

#include "calendar/calendar.h"
#include "cli/commands.h"

namespace oversight::cli {

struct CalendarSource {
  std::filesystem::path holidays_dir;
  std::optional<std::filesystem::path> closures_file;
  calendar::CalendarOptions options;  // with a warning on stderr for each fallback year
};

CalendarSource CalendarSourceFrom(const CalendarArgs& args);

// Loads the calendar the options describe.
base::Result<calendar::Calendar> OpenCalendar(const CalendarArgs& args);

}  // namespace oversight::cli
