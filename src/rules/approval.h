#pragma once

// The approval workflow of rules (三级监督): a department proposes its own rule,
// the bureau approves it, and only then does it take effect. A rule file states
// where a version starts; the store keeps every later step (who, when, why), and
// the latest step is the version's status.
//
//   draft ──submit──► pending_approval ──approve──► active ──retire──► retired
//                          │  ▲                                          ▲
//                          └──┴─reject (back to draft)      retire from any state
//
//   OVS_ASSIGN_OR_RETURN(RuleStatus next, NextStatus(current, RuleAction::kApprove));

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "rules/rule.h"

namespace oversight::rules {

enum class RuleAction : std::uint8_t { kSubmit, kApprove, kReject, kRetire };

std::optional<RuleAction> ParseRuleAction(std::string_view name);  // submit | approve | reject | retire

// The status after `action`, or FailedPrecondition naming what the rule's status allows.
base::Result<RuleStatus> NextStatus(RuleStatus current, RuleAction action);

// (rule id, version) → status, as the store's approval history leaves them.
using StatusOverrides = std::map<std::pair<std::string, std::int64_t>, RuleStatus>;

// The status `rule` has now: its file's, unless the history has a later word on it.
RuleStatus EffectiveStatus(const Rule& rule, const StatusOverrides& overrides);

}  // namespace oversight::rules
