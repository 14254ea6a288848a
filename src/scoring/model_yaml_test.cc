#include "scoring/model_yaml.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace oversight::scoring {
namespace {

std::string ReadDefault() {
  std::ifstream in(std::string(OVS_SOURCE_DIR) + "/scoring/default.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A valid model to break one line at a time.
constexpr char kGood[] = R"(model_id: test
version: 2
indicators:
  - id: on_time
    name_zh: 按时办结率
    name_en: On-time completion
    subject: cases
    case_kind: approval
    period_by: complete
    ratio:
      denominator: case.promised_due != null
      numerator: case.first.complete < case.promised_due
    direction: higher_is_better
    points: {linear: {floor: 0.8, target: 1.0}}
    weight: 25
deductions:
  - id: red_cards
    name_zh: 红牌扣分
    name_en: Red cards
    subject: alerts
    where: alert.level == "red"
    points_each: 0.5
    cap: 5
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The errors of a model text, each "file:line:col: message".
std::vector<std::string> Errors(const std::string& text) {
  ModelParse parsed = ParseScoringModelText(text, "m.yaml");
  EXPECT_FALSE(parsed.model.has_value());
  std::vector<std::string> out;
  for (const ModelError& e : parsed.errors) out.push_back(e.ToString());
  return out;
}

TEST(ModelYamlTest, TheDefaultModelLoads) {
  auto model = ParseScoringModel(ReadDefault(), "scoring/default.yaml");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->model_id, "jieyang-default");
  EXPECT_EQ(model->version, 1);
  std::vector<std::string> ids;
  double weights = 0;
  for (const Indicator& ind : model->indicators) {
    ids.push_back(ind.id);
    weights += ind.weight;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"catalog_standardization", "standardized_use",
                                           "online_capability", "full_online", "complaint_handling",
                                           "satisfaction", "on_time", "alert_correction"}));
  EXPECT_EQ(weights, 100);
  ASSERT_EQ(model->deductions.size(), 2u);
  EXPECT_EQ(model->deductions[1].per, Deduction::Per::kCase);
  EXPECT_EQ(model->indicators[5].direction, Direction::kLowerIsBetter);
  EXPECT_EQ(model->indicators[5].measure, Indicator::Measure::kAverage);
}

TEST(ModelYamlTest, AGoodModelParses) {
  auto model = ParseScoringModel(kGood, "m.yaml");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->version, 2);
  EXPECT_EQ(model->indicators[0].period_by, model::EventType::kComplete);
  EXPECT_EQ(model->deductions[0].per, Deduction::Per::kSubject);
}

TEST(ModelYamlTest, ErrorsNameFileLineAndField) {
  EXPECT_EQ(Errors(Replace(kGood, "    weight: 25", "    weight: ten")),
            std::vector<std::string>{"m.yaml:15:13: indicators[0].weight: expected a number > 0, "
                                     "found \"ten\""});
  EXPECT_EQ(Errors(Replace(kGood, "    weight: 25", "    wieght: 25")),
            (std::vector<std::string>{
                "m.yaml:4:5: indicators[0]: missing `weight`",
                "m.yaml:15:5: indicators[0]: unknown key `wieght` (expected one of: id, name_zh, "
                "name_en, description, subject, case_kind, period_by, ratio, average, min_count, "
                "direction, points, weight)"}));
  EXPECT_EQ(Errors(Replace(kGood, "version: 2", "version: 0")),
            std::vector<std::string>{"m.yaml:2:10: version: expected a whole number ≥ 1, found \"0\""});
  EXPECT_EQ(Errors(Replace(kGood, "case_kind: approval", "case_kind: complaint")),
            std::vector<std::string>{
                "m.yaml:9:16: indicators[0].period_by: event type \"complete\" belongs to approval "
                "cases, but case_kind is complaint"});
  EXPECT_EQ(Errors(Replace(kGood, "floor: 0.8, target: 1.0", "floor: 0.8, target: 0.5")),
            std::vector<std::string>{
                "m.yaml:14:43: indicators[0].points.linear.target: expected a target above the "
                "floor when higher is better"});
  EXPECT_EQ(Errors(Replace(kGood, "cap: 5", "cap: -1")),
            std::vector<std::string>{"m.yaml:23:10: deductions[0].cap: expected a number > 0, found \"-1\""});
}

TEST(ModelYamlTest, ExpressionErrorsPointIntoTheExpression) {
  // An unknown field, located at its column in the file.
  std::vector<std::string> e =
      Errors(Replace(kGood, "case.first.complete < case", "case.first.completed < case"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("m.yaml:12:18: indicators[0].ratio.numerator: ", 0), 0u) << e[0];
  EXPECT_NE(e[0].find("case.first.completed"), std::string::npos) << e[0];
  // A field its subject does not have: items have no case.
  e = Errors(Replace(Replace(Replace(kGood, "subject: cases", "subject: items"),
                             "    case_kind: approval\n    period_by: complete\n", ""),
                     "case.promised_due != null", "item.online_depth >= 3"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("indicators[0].ratio.numerator"), std::string::npos) << e[0];
  EXPECT_NE(e[0].find("case.first.complete"), std::string::npos) << e[0];
  // A wrong type: a number where a predicate is needed.
  e = Errors(Replace(kGood, "where: alert.level == \"red\"", "where: alert.id"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("m.yaml:21:12: deductions[0].where: ", 0), 0u) << e[0];
  // attrs must name an event type and a key.
  e = Errors(Replace(kGood, "case.promised_due != null", "case.attrs.acept.fee != null"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("`case.attrs.acept.fee`: expected case.attrs.<event type>.<key>"),
            std::string::npos)
      << e[0];
}

TEST(ModelYamlTest, StructuralErrors) {
  // Both measures, duplicate ids, bands out of order, case scope on items.
  std::string text = R"(model_id: Bad Id
version: 1
indicators:
  - id: a
    name_zh: 甲
    name_en: A
    subject: items
    case_kind: approval
    ratio: {numerator: "true"}
    average: {value: item.online_depth}
    direction: higher_is_better
    points:
      bands: [{at_least: 0.5, points: 50}, {at_least: 0.9, points: 100}]
    weight: 1
  - id: a
    name_zh: 乙
    name_en: B
    subject: items
    ratio: {numerator: "true"}
    direction: lower_is_better
    points: {bands: [{at_least: 1, points: 10}]}
    weight: 1
deductions:
  - id: d
    name_zh: 扣
    name_en: D
    subject: items
    where: "true"
    points_each: 1
    cap: 1
)";
  std::vector<std::string> e = Errors(text);
  auto has = [&](const std::string& part) {
    for (const std::string& line : e) {
      if (line.find(part) != std::string::npos) return true;
    }
    std::string all;
    for (const std::string& line : e) all += line + "\n";
    ADD_FAILURE() << "no error containing: " << part << "\nin:\n" << all;
    return false;
  };
  has("m.yaml:1:11: model_id: expected lower-case letters");
  has("m.yaml:8:16: indicators[0].case_kind: only for subject cases");
  has("indicators[0]: expected exactly one of `ratio` or `average`");
  has("m.yaml:13:55: indicators[0].points.bands[1].at_least: expected bands best first");
  has("m.yaml:15:9: indicators[1].id: id \"a\" is used twice");
  has("indicators[1].points.bands[0]: missing `at_most` (lower is better)");
  has("m.yaml:27:14: deductions[0].subject: deductions count cases or alerts");
}

TEST(ModelYamlTest, NotYamlOrNotAModel) {
  std::vector<std::string> e = Errors("model_id: [unclosed\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("not valid YAML"), std::string::npos) << e[0];
  e = Errors("- just\n- a list\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("expected a scoring model"), std::string::npos) << e[0];
  auto missing = LoadScoringModelFile("/nonexistent/model.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), base::StatusCode::kNotFound);
  auto bad = ParseScoringModel("model_id: x\n", "x.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "x.yaml:1:1: model: missing `version`\nx.yaml:1:1: model: missing `indicators`");
}

}  // namespace
}  // namespace oversight::scoring
