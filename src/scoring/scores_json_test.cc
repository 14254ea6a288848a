#include "scoring/scores_json.h"

#include <gtest/gtest.h>

namespace oversight::scoring {
namespace {

PeriodScores Small() {
  PeriodScores s;
  s.model_id = "m";
  s.model_version = 3;
  s.period = Period::Month(2025, 3);
  s.previous = Period::Month(2025, 2);
  s.from_text = "2025-03-01T00:00:00+08:00";
  s.to_text = "2025-04-01T00:00:00+08:00";
  s.indicators.push_back({"on_time", "按时办结率", "On \"time\"", Subject::kCases, false, false, 25,
                          Direction::kHigherIsBetter});
  s.deductions.push_back({"red", "红牌", "Red", Subject::kAlerts, true, false, 0,
                          Direction::kLowerIsBetter});
  DepartmentResult a;
  a.dept_code = "A";
  a.dept_name = "甲\n局";
  a.indicators.push_back({"on_time", 5, 6, 0.8333, 16.65, 1.0, 100.0});
  a.deductions.push_back({"red", 2, 1.0, 0, 0});
  a.weighted = 16.65;
  a.deducted = 1.0;
  a.total = 15.65;
  a.rank = 1;
  a.previous_total = 100.0;
  a.previous_rank = 1;
  a.change = -84.35;
  DepartmentResult b;
  b.dept_code = "B";
  b.indicators.push_back({"on_time", 0, 0, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  b.deductions.push_back({"red", 0, 0, 0, 0});
  s.departments = {a, b};
  return s;
}

TEST(ScoresJsonTest, FixedDecimalsFixedOrderNullsAndEscapes) {
  EXPECT_EQ(
      ScoresToJson(Small()),
      R"({"model":{"id":"m","version":3},"period":"2025-03","from":"2025-03-01T00:00:00+08:00",)"
      R"("to":"2025-04-01T00:00:00+08:00","previous_period":"2025-02","indicators":[{"id":"on_time",)"
      R"("name_zh":"按时办结率","name_en":"On \"time\"","subject":"cases","measure":"ratio",)"
      R"("direction":"higher_is_better","weight":25.00}],"deductions":[{"id":"red","name_zh":"红牌",)"
      R"("name_en":"Red","subject":"alerts"}],"departments":[{"rank":1,"dept":"A","name":"甲\n局",)"
      R"("total":15.65,"change":-84.35,"previous_total":100.00,"previous_rank":1,"weighted":16.65,)"
      R"("deducted":1.00,"indicators":[{"id":"on_time","value":0.8333,"points":16.65,"numerator":5,)"
      R"("denominator":6,"change":-83.35,"value_change":-0.1667,"previous_value":1.0000,)"
      R"("previous_points":100.00}],"deductions":[{"id":"red","count":2,"points":1.00,)"
      R"("previous_count":0,"previous_points":0.00}]},{"rank":null,"dept":"B","name":"",)"
      R"("total":null,"change":null,"previous_total":null,"previous_rank":null,"weighted":null,)"
      R"("deducted":0.00,"indicators":[{"id":"on_time","value":null,"points":null,"numerator":0,)"
      R"("denominator":0,"change":null,"value_change":null,"previous_value":null,)"
      R"("previous_points":null}],"deductions":[{"id":"red","count":0,"points":0.00,)"
      R"("previous_count":0,"previous_points":0.00}]}]})"
      "\n");
}

TEST(ScoresJsonTest, DrillLists) {
  PeriodScores s = Small();
  Drill d{"A", "on_time", {{"c1", "A1", true, std::nullopt}, {"c2", "A1", false, 4.5}}};
  EXPECT_EQ(DrillToJson(s, d),
            R"({"period":"2025-03","dept":"A","figure":"on_time","rows":[{"id":"c1","detail":"A1",)"
            R"("counted":true,"value":null},{"id":"c2","detail":"A1","counted":false,"value":4.5000}]})"
            "\n");
  s.drills.push_back(d);
  EXPECT_NE(ScoresToJson(s).find(R"(,"drills":[{"period":"2025-03","dept":"A")"), std::string::npos);
}

TEST(ScoresJsonTest, FormatFixed) {
  EXPECT_EQ(FormatFixed(1.0, 2), "1.00");
  EXPECT_EQ(FormatFixed(-0.001, 2), "0.00");
  EXPECT_EQ(FormatFixed(0.125, 2), "0.13");
  EXPECT_EQ(FormatFixed(3, 0), "3");
}

}  // namespace
}  // namespace oversight::scoring
