#include "rules/approval.h"

namespace oversight::rules {

std::optional<RuleAction> ParseRuleAction(std::string_view name) {
  if (name == "submit") return RuleAction::kSubmit;
  if (name == "approve") return RuleAction::kApprove;
  if (name == "reject") return RuleAction::kReject;
  if (name == "retire") return RuleAction::kRetire;
  return std::nullopt;
}

base::Result<RuleStatus> NextStatus(RuleStatus current, RuleAction action) {
  auto refuse = [&](std::string_view what) -> base::Status {
    return base::FailedPrecondition("a rule that is " + std::string(RuleStatusName(current)) +
                                    " cannot be " + std::string(what));
  };
  switch (action) {
    case RuleAction::kSubmit:
      if (current == RuleStatus::kDraft) return RuleStatus::kPendingApproval;
      return refuse("submitted (only a draft can)");
    case RuleAction::kApprove:
      if (current == RuleStatus::kPendingApproval) return RuleStatus::kActive;
      return refuse("approved (only one pending approval can)");
    case RuleAction::kReject:
      if (current == RuleStatus::kPendingApproval) return RuleStatus::kDraft;
      return refuse("rejected (only one pending approval can)");
    case RuleAction::kRetire:
      if (current != RuleStatus::kRetired) return RuleStatus::kRetired;
      return refuse("retired again");
  }
  return refuse("changed");
}

RuleStatus EffectiveStatus(const Rule& rule, const StatusOverrides& overrides) {
  auto it = overrides.find({rule.id, rule.version});
  return it == overrides.end() ? rule.status : it->second;
}

}  // namespace oversight::rules
