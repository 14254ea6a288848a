#include "rules/approval.h"

#include <gtest/gtest.h>

namespace oversight::rules {
namespace {

TEST(ApprovalTest, TheWorkflowMovesOneWay) {
  EXPECT_EQ(*NextStatus(RuleStatus::kDraft, RuleAction::kSubmit), RuleStatus::kPendingApproval);
  EXPECT_EQ(*NextStatus(RuleStatus::kPendingApproval, RuleAction::kApprove), RuleStatus::kActive);
  EXPECT_EQ(*NextStatus(RuleStatus::kPendingApproval, RuleAction::kReject), RuleStatus::kDraft);
  EXPECT_EQ(*NextStatus(RuleStatus::kActive, RuleAction::kRetire), RuleStatus::kRetired);
  EXPECT_EQ(*NextStatus(RuleStatus::kDraft, RuleAction::kRetire), RuleStatus::kRetired);
}

TEST(ApprovalTest, RefusesStepsOutOfTurn) {
  auto approve_draft = NextStatus(RuleStatus::kDraft, RuleAction::kApprove);
  ASSERT_FALSE(approve_draft.ok());
  EXPECT_EQ(approve_draft.status().message(),
            "a rule that is draft cannot be approved (only one pending approval can)");
  EXPECT_FALSE(NextStatus(RuleStatus::kActive, RuleAction::kSubmit).ok());
  EXPECT_FALSE(NextStatus(RuleStatus::kRetired, RuleAction::kRetire).ok());
  EXPECT_FALSE(NextStatus(RuleStatus::kActive, RuleAction::kApprove).ok());
}

TEST(ApprovalTest, HistoryOverridesTheFileForThatVersionOnly) {
  Rule rule;
  rule.id = "dept.x";
  rule.version = 2;
  rule.status = RuleStatus::kPendingApproval;
  StatusOverrides overrides = {{{"dept.x", 1}, RuleStatus::kRetired}};
  EXPECT_EQ(EffectiveStatus(rule, overrides), RuleStatus::kPendingApproval);
  overrides[{"dept.x", 2}] = RuleStatus::kActive;
  EXPECT_EQ(EffectiveStatus(rule, overrides), RuleStatus::kActive);
  EXPECT_EQ(ParseRuleAction("approve"), RuleAction::kApprove);
  EXPECT_FALSE(ParseRuleAction("bless").has_value());
}

}  // namespace
}  // namespace oversight::rules
