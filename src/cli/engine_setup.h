#pragma once

// The command line's options for building an engine (cli/commands.h) turned into
// supervisor::EngineSetup.

#include "cli/calendar_source.h"
#include "cli/commands.h"
#include "supervisor/engine_setup.h"

namespace oversight::cli {

inline supervisor::EngineSetup EngineSetupFrom(const std::string& rules_dir,
                                               const CalendarArgs& calendar, bool active_only) {
  CalendarSource source = CalendarSourceFrom(calendar);
  supervisor::EngineSetup setup;
  setup.rules_dir = rules_dir;
  setup.holidays_dir = std::move(source.holidays_dir);
  setup.closures_file = std::move(source.closures_file);
  setup.calendar = std::move(source.options);
  setup.active_only = active_only;
  return setup;
}

}  // namespace oversight::cli
