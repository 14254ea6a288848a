#include "cli/calendar_source.h"

#include <iostream>

#include "runtime/calendar_files.h"

namespace oversight::cli {

CalendarSource CalendarSourceFrom(const CalendarArgs& args) {
  CalendarSource source;
  std::filesystem::path data_dir =
      args.data_dir.empty() ? runtime::DefaultDataDir() : std::filesystem::path(args.data_dir);
  source.holidays_dir = data_dir / "holidays";
  if (!args.closures_file.empty()) source.closures_file = args.closures_file;
  source.options.zone = args.zone;
  if (args.weekends_fallback) {
    source.options.out_of_range = calendar::OutOfRange::kWeekendsOnly;
    source.options.on_fallback = [](int year) {
      std::cerr << "oversight: warning: no holiday data for " << year
                << "; counting Monday to Friday as working days\n";
    };
  }
  return source;
}

base::Result<calendar::Calendar> OpenCalendar(const CalendarArgs& args) {
  CalendarSource source = CalendarSourceFrom(args);
  return runtime::LoadCalendar(source.holidays_dir, source.closures_file, std::move(source.options));
}

}  // namespace oversight::cli
