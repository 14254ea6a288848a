#include "calendar/shipped_data_for_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace oversight::calendar {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename T>
T ValueOrDie(base::Result<T> result, std::string_view what) {
  if (!result.ok()) {
    ADD_FAILURE() << what << ": " << result.status().ToString();
    std::abort();
  }
  return std::move(result).value();
}

}  // namespace

HolidayTable ShippedHolidayTableForTest() {
  std::filesystem::path dir = std::filesystem::path(OVS_SOURCE_DIR) / "data" / "holidays";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  HolidayTable table;
  for (const auto& file : files) {
    base::Status status = table.AddYearJson(ReadFile(file));
    if (!status.ok()) {
      ADD_FAILURE() << file << ": " << status.ToString();
      std::abort();
    }
  }
  return table;
}

Calendar ShippedCalendarForTest(CalendarOptions options, std::string_view closures_yaml) {
  HolidayTable table = ShippedHolidayTableForTest();
  if (!closures_yaml.empty()) {
    base::Status status = table.AddClosuresYaml(closures_yaml);
    if (!status.ok()) {
      ADD_FAILURE() << "closures: " << status.ToString();
      std::abort();
    }
  }
  return ValueOrDie(Calendar::Create(std::move(table), std::move(options)), "Calendar::Create");
}

Instant At(std::string_view rfc3339) { return ValueOrDie(base::ParseInstant(rfc3339), rfc3339); }

Date Day(std::string_view yyyy_mm_dd) {
  return ValueOrDie(base::ParseDate(yyyy_mm_dd), yyyy_mm_dd);
}

}  // namespace oversight::calendar
