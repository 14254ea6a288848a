#include "rules/rule_checker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace oversight::rules {
namespace {

ParsedRule Make(std::string id, RuleLevel level, std::optional<RuleLevel> folder, int line) {
  ParsedRule p;
  p.rule.id = std::move(id);
  p.rule.level = level;
  p.folder = folder;
  p.where = Location{"r.yaml", line, 1};
  return p;
}

TEST(RuleCheckerTest, AcceptsASoundSet) {
  std::vector<ParsedRule> set = {Make("a", RuleLevel::kCommon, RuleLevel::kCommon, 1),
                                 Make("b", RuleLevel::kDepartment, RuleLevel::kDepartment, 5),
                                 Make("c", RuleLevel::kAccountability, std::nullopt, 9)};
  EXPECT_TRUE(CheckRuleSet(set).empty());
}

TEST(RuleCheckerTest, ReportsDuplicateIdsWithBothPlaces) {
  std::vector<ParsedRule> set = {Make("a", RuleLevel::kCommon, std::nullopt, 1),
                                 Make("a", RuleLevel::kCommon, std::nullopt, 7)};
  std::vector<RuleError> errors = CheckRuleSet(set);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].ToString(), "r.yaml:7:1: id: \"a\" is already used by the rule at r.yaml:1:1");
}

TEST(RuleCheckerTest, ReportsALevelOutsideItsFolder) {
  std::vector<ParsedRule> set = {Make("a", RuleLevel::kAccountability, RuleLevel::kCommon, 3)};
  std::vector<RuleError> errors = CheckRuleSet(set);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].ToString(),
              ::testing::HasSubstr("r.yaml:3:1: level: the rule's level is accountability but it sits "
                                   "in the common/ folder"));
}

}  // namespace
}  // namespace oversight::rules
