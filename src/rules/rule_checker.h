#pragma once

// Checks that need the whole rule set rather than one document: ids are unique
// (a rule is named by its id in alerts, so two rules with one id would merge
// their alerts), and every rule sits in the folder of its level (department/,
// common/, accountability/), so the folder a reviewer opens shows all of a level.
// Per-document checks (kinds, expressions, owners, approvals) are in rule_yaml.h.

#include <span>
#include <vector>

#include "rules/rule_yaml.h"

namespace oversight::rules {

// Every problem found, in input order; empty when the set is sound.
std::vector<RuleError> CheckRuleSet(std::span<const ParsedRule> rules);

}  // namespace oversight::rules
