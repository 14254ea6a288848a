#include "runtime/calendar_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace oversight::runtime {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kShipped = fs::path(OVS_SOURCE_DIR) / "data" / "holidays";

// A fresh directory under the test's temp dir, removed with everything in it.
class TempDir {
 public:
  explicit TempDir(std::string_view name)
      : path_(fs::path(::testing::TempDir()) / ("calendar_files_" + std::string(name))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path Write(std::string_view name, std::string_view text) const {
    fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path path_;
};

base::Instant At(std::string_view text) { return *base::ParseInstant(text); }

TEST(CalendarFilesTest, LoadsTheShippedData) {
  base::Result<calendar::Calendar> cal = LoadCalendar(kShipped, std::nullopt, {});
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->first_year(), 2007);
  EXPECT_EQ(cal->last_year(), 2026);
  // The CLI's worked example: accepted Thu 2025-01-23, 3 working days: Fri 24,
  // Sun 26 (春节 makeup), Mon 27 → due at 24:00 of the 27th.
  base::Result<calendar::Deadline> d =
      cal->Due(At("2025-01-23T10:00:00+08:00"), {3, model::LimitUnit::kWorkingDays}, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(cal->FormatLocal(d->due), "2025-01-28T00:00:00+08:00");
}

TEST(CalendarFilesTest, AppliesAClosuresFile) {
  TempDir dir("closures");
  fs::path closures = dir.Write(
      "closures.yaml", "closures:\n  - {date: 2025-07-15, name: 台风停工, working: false}\n");
  base::Result<calendar::Calendar> cal = LoadCalendar(kShipped, closures, {});
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->Describe(*base::ParseDate("2025-07-15"))->name, "台风停工");
}

TEST(CalendarFilesTest, ShipsAWorkingClosuresExample) {
  fs::path example = fs::path(OVS_SOURCE_DIR) / "config" / "closures.example.yaml";
  base::Result<calendar::Calendar> cal = LoadCalendar(kShipped, example, {});
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
}

TEST(CalendarFilesTest, ErrorsNameTheFileAtFault) {
  TempDir dir("bad_json");
  dir.Write("2025.json",
            R"({"year": 2025, "days": [{"name": "x", "date": "2025-13-01", "isOffDay": true}]})");
  dir.Write("notes.txt", "not read: only *.json counts");
  base::Result<calendar::Calendar> cal = LoadCalendar(dir.path(), std::nullopt, {});
  ASSERT_FALSE(cal.ok());
  EXPECT_EQ(cal.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(cal.status().message(), HasSubstr("2025.json: days[0].date"));

  TempDir closures_dir("bad_yaml");
  fs::path closures = closures_dir.Write("closures.yaml", "closures:\n  - {date: 2025-07-15}\n");
  cal = LoadCalendar(kShipped, closures, {});
  ASSERT_FALSE(cal.ok());
  EXPECT_THAT(cal.status().message(), HasSubstr("closures.yaml: closures[0]"));
}

TEST(CalendarFilesTest, MissingDirectoryOrFileIsNotFound) {
  base::Result<calendar::Calendar> cal = LoadCalendar("/nonexistent/holidays", std::nullopt, {});
  EXPECT_EQ(cal.status().code(), base::StatusCode::kNotFound);
  EXPECT_THAT(cal.status().message(), HasSubstr("/nonexistent/holidays"));

  cal = LoadCalendar(kShipped, fs::path("/nonexistent/closures.yaml"), {});
  EXPECT_EQ(cal.status().code(), base::StatusCode::kNotFound);
  EXPECT_THAT(cal.status().message(), HasSubstr("/nonexistent/closures.yaml"));
}

TEST(CalendarFilesTest, DirectoryWithoutCoveredYearsFails) {
  TempDir dir("empty_years");
  dir.Write("2027.json", R"({"year": 2027, "papers": [], "days": []})");
  base::Result<calendar::Calendar> cal = LoadCalendar(dir.path(), std::nullopt, {});
  EXPECT_EQ(cal.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_THAT(cal.status().message(), HasSubstr(dir.path().string()));
}

TEST(CalendarFilesTest, DefaultDataDirFollowsTheEnvironment) {
  // Tests run single-threaded here, so changing the environment is safe.
  const char* saved = std::getenv("OVERSIGHT_DATA_DIR");
  std::string saved_value = saved != nullptr ? saved : "";
  unsetenv("OVERSIGHT_DATA_DIR");
  EXPECT_EQ(DefaultDataDir(), fs::path(OVS_SOURCE_DIR) / "data");
  EXPECT_TRUE(fs::exists(DefaultDataDir() / "holidays" / "2025.json"));
  setenv("OVERSIGHT_DATA_DIR", "/srv/oversight/data", 1);
  EXPECT_EQ(DefaultDataDir(), fs::path("/srv/oversight/data"));
  setenv("OVERSIGHT_DATA_DIR", "", 1);
  EXPECT_EQ(DefaultDataDir(), fs::path(OVS_SOURCE_DIR) / "data");
  if (saved != nullptr) {
    setenv("OVERSIGHT_DATA_DIR", saved_value.c_str(), 1);
  } else {
    unsetenv("OVERSIGHT_DATA_DIR");
  }
}

}  // namespace
}  // namespace oversight::runtime
