#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "calendar/calendar.h"
#include "calendar/shipped_data_for_test.h"

namespace oversight::calendar {
namespace {

using ::testing::HasSubstr;

TEST(HolidayTableTest, ShippedDataCovers2007To2026AndKeepsNeighbourYearDays) {
  HolidayTable table = ShippedHolidayTableForTest();
  EXPECT_EQ(table.first_year, 2007);
  EXPECT_EQ(table.last_year, 2026);
  EXPECT_TRUE(table.Covers(2025));
  EXPECT_FALSE(table.Covers(2027));  // 2027.json: "days": []
  // 2019.json opens with 2018-12-29 (makeup) and 2018-12-30/31 (off).
  ASSERT_TRUE(table.days.contains(Day("2018-12-29")));
  EXPECT_FALSE(table.days.at(Day("2018-12-29")).is_off);
  EXPECT_TRUE(table.days.at(Day("2018-12-31")).is_off);
  EXPECT_EQ(table.days.at(Day("2018-12-31")).name, "元旦");
}

TEST(HolidayTableTest, ReadsAYearFile) {
  HolidayTable table;
  base::Status s = table.AddYearJson(R"({"year": 2025, "papers": [], "days": [
      {"name": "元旦", "date": "2024-12-29", "isOffDay": false},
      {"name": "元旦", "date": "2025-01-01", "isOffDay": true}]})");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(table.first_year, 2025);
  EXPECT_EQ(table.last_year, 2025);
  EXPECT_EQ(table.days.size(), 2u);
  EXPECT_FALSE(table.days.at(Day("2024-12-29")).is_off);
}

TEST(HolidayTableTest, AYearWithoutDaysIsNotCovered) {
  HolidayTable table;
  ASSERT_TRUE(table.AddYearJson(R"({"year": 2027, "papers": [], "days": []})").ok());
  EXPECT_FALSE(table.Covers(2027));
  EXPECT_TRUE(table.covered_years.empty());
}

struct BadJsonRow {
  const char* json;
  const char* message;
};

TEST(HolidayTableTest, RejectsMalformedFilesNamingTheField) {
  const BadJsonRow rows[] = {
      {"{", "not valid JSON"},
      {"[]", "expected a JSON object"},
      {R"({"days": []})", "year: missing"},
      {R"({"year": "2025", "days": []})", "year: missing or not an integer"},
      {R"({"year": 2025})", "days: missing"},
      {R"({"year": 2025, "days": [{"date": "2025-01-01", "isOffDay": true}]})", "days[0].name"},
      {R"({"year": 2025, "days": [{"name": "x", "date": "2025-02-30", "isOffDay": true}]})",
       "days[0].date: no such date"},
      {R"({"year": 2025, "days": [{"name": "x", "date": "2025-01-01", "isOffDay": 1}]})",
       "days[0].isOffDay"},
      {R"({"year": 2025, "days": [{"name": "x", "date": "2019-01-01", "isOffDay": true}]})",
       "too far from the file's year 2025"},
      {R"({"year": 2025, "days": [{"name": "x", "date": "2025-01-01", "isOffDay": true},
                                   {"name": "x", "date": "2025-01-01", "isOffDay": false}]})",
       "days[1]: 2025-01-01 is listed both as a day off and as a working day"},
  };
  for (const BadJsonRow& row : rows) {
    HolidayTable table;
    base::Status s = table.AddYearJson(row.json);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument) << row.json;
    EXPECT_THAT(s.message(), HasSubstr(row.message)) << row.json;
    EXPECT_TRUE(table.days.empty()) << "a failed file must leave the table unchanged";
    EXPECT_FALSE(table.Covers(2025));
  }
}

TEST(HolidayTableTest, RejectsTheSameYearTwice) {
  HolidayTable table;
  const char* kFile =
      R"({"year": 2025, "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]})";
  ASSERT_TRUE(table.AddYearJson(kFile).ok());
  base::Status s = table.AddYearJson(kFile);
  EXPECT_EQ(s.code(), base::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(), HasSubstr("2025"));
}

TEST(HolidayTableTest, ReadsClosures) {
  HolidayTable table;
  base::Status s = table.AddClosuresYaml(R"(
# typhoon day and a Saturday on duty
closures:
  - {date: 2025-07-15, name: 台风停工, working: false}
  - {date: 2025-07-19, name: 防汛值守, working: true}
  - {date: 2025-07-16, name: 台风停工}
)");
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(table.closures.size(), 3u);
  EXPECT_TRUE(table.closures.at(Day("2025-07-15")).is_off);
  EXPECT_EQ(table.closures.at(Day("2025-07-15")).name, "台风停工");
  EXPECT_FALSE(table.closures.at(Day("2025-07-19")).is_off);
  EXPECT_TRUE(table.closures.at(Day("2025-07-16")).is_off);  // `working` defaults to false
  EXPECT_TRUE(table.days.empty());
}

TEST(HolidayTableTest, EmptyClosuresAreFine) {
  for (const char* text : {"", "# nothing\n", "closures:\n", "closures: []\n"}) {
    HolidayTable table;
    EXPECT_TRUE(table.AddClosuresYaml(text).ok()) << text;
    EXPECT_TRUE(table.closures.empty());
  }
}

TEST(HolidayTableTest, RejectsMalformedClosuresNamingTheEntry) {
  const BadJsonRow rows[] = {
      {"closures: [", "not valid YAML"},
      {"- 2025-07-15\n", "expected a mapping"},
      {"closure: []\n", "unknown key 'closure'"},
      {"closures: {date: 2025-07-15}\n", "'closures' must be a list"},
      {"closures:\n  - {date: 2025-07-15, name: x, workng: false}\n",
       "closures[0] (line 2): unknown key 'workng'"},
      {"closures:\n  - {name: x}\n", "'date' is missing"},
      {"closures:\n  - {date: 2025-07-15}\n", "'name' is missing"},
      {"closures:\n  - {date: 2025-07-32, name: x}\n", "no such date"},
      {"closures:\n  - {date: 2025-07-15, name: x, working: maybe}\n", "true or false"},
      {"closures:\n  - {date: 2025-07-15, name: x}\n  - {date: 2025-07-15, name: y}\n",
       "closures[1] (line 3): 2025-07-15 is given twice"},
  };
  for (const BadJsonRow& row : rows) {
    HolidayTable table;
    base::Status s = table.AddClosuresYaml(row.json);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument) << row.json;
    EXPECT_THAT(s.message(), HasSubstr(row.message)) << row.json;
    EXPECT_TRUE(table.closures.empty()) << row.json;
  }
}

TEST(HolidayTableTest, ClosuresWinWhicheverIsAddedFirst) {
  HolidayTable table;
  ASSERT_TRUE(
      table.AddClosuresYaml("closures: [{date: 2025-01-26, name: 停工, working: false}]").ok());
  ASSERT_TRUE(table
                  .AddYearJson(R"({"year": 2025, "days": [
      {"name": "春节", "date": "2025-01-26", "isOffDay": false}]})")
                  .ok());
  base::Result<Calendar> cal = Calendar::Create(std::move(table), {});
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  base::Result<DayInfo> day = cal->Describe(Day("2025-01-26"));
  EXPECT_FALSE(day->is_working);
  EXPECT_EQ(day->name, "停工");
}

}  // namespace
}  // namespace oversight::calendar
