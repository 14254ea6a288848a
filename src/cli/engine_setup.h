#pragma once

// The command line's options for building an engine (cli/commands.h) turned into
// supervisor::EngineSetup.

#include "cli/commands.h"
#include "supervisor/engine_setup.h"

namespace oversight::cli {

inline supervisor::EngineSetup EngineSetupFrom(const std::string& rules_dir,
                                               const CalendarArgs& calendar, bool active_only) {
  supervisor::EngineSetup setup;
  setup.rules_dir = rules_dir;
  if (!calendar.data_dir.empty()) setup.holidays_dir = std::filesystem::path(calendar.data_dir) / "holidays";
  if (!calendar.closures_file.empty()) setup.closures_file = calendar.closures_file;
  setup.calendar.zone = calendar.zone;
  if (calendar.weekends_fallback) setup.calendar.out_of_range = calendar::OutOfRange::kWeekendsOnly;
  setup.active_only = active_only;
  return setup;
}

}  // namespace oversight::cli
