#include "runtime/calendar_files.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace oversight::runtime {
namespace {

namespace fs = std::filesystem;

base::Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return base::NotFound(path.string() + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return base::Unavailable(path.string() + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return base::Unavailable(path.string() + ": read error");
  return text.str();
}

base::Result<std::vector<fs::path>> ListJsonFiles(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return base::NotFound("holiday data directory " + dir.string() +
                          " not found (set OVERSIGHT_DATA_DIR to the directory holding holidays/)");
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return base::Unavailable(dir.string() + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

base::Result<calendar::Calendar> LoadCalendar(const fs::path& holidays_dir,
                                              const std::optional<fs::path>& closures_file,
                                              calendar::CalendarOptions options) {
  return LoadCalendar(holidays_dir, closures_file, {}, std::move(options));
}

base::Result<calendar::Calendar> LoadCalendar(
    const fs::path& holidays_dir, const std::optional<fs::path>& closures_file,
    const std::map<base::Date, calendar::ListedDay>& extra_closures,
    calendar::CalendarOptions options) {
  OVS_ASSIGN_OR_RETURN(std::vector<fs::path> files, ListJsonFiles(holidays_dir));
  calendar::HolidayTable table;
  for (const fs::path& file : files) {
    OVS_ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    OVS_RETURN_IF_ERROR(table.AddYearJson(text).WithContext(file.string()));
  }
  if (closures_file.has_value()) {
    OVS_ASSIGN_OR_RETURN(std::string text, ReadFile(*closures_file));
    OVS_RETURN_IF_ERROR(table.AddClosuresYaml(text).WithContext(closures_file->string()));
  }
  for (const auto& [date, day] : extra_closures) table.closures[date] = day;
  base::Result<calendar::Calendar> cal =
      calendar::Calendar::Create(std::move(table), std::move(options));
  if (!cal.ok()) return cal.status().WithContext("calendar from " + holidays_dir.string());
  return cal;
}

fs::path DefaultDataDir() {
  // getenv is only racy against setenv, which this program never calls.
  const char* env = std::getenv("OVERSIGHT_DATA_DIR");
  if (env != nullptr && *env != '\0') return fs::path(env);
  return fs::path(OVS_DEFAULT_DATA_DIR);
}

}  // namespace oversight::runtime
