#pragma once

// Loads a rule folder from disk (docs/RULES.md): `department/`, `common/` and
// `accountability/` under it, every *.yaml / *.yml file in them, recursively, in
// path order, and the optional `ruleset.yaml` beside them (settings for the set). Every problem in every file is collected, each located
// "FILE:LINE:COL: ...", so one run of `oversight rules check` lists them all.
//
//   OVS_ASSIGN_OR_RETURN(rules::RuleSet set, LoadRuleDir("rules"));

#include <filesystem>
#include <vector>

#include "base/status.h"
#include "rules/rule.h"
#include "rules/rule_yaml.h"

namespace oversight::runtime {

struct RuleDirContents {
  std::vector<rules::ParsedRule> rules;  // the rules without errors, in path order
  rules::RuleSetSettings settings;       // from ruleset.yaml, already applied to `rules`
  std::vector<rules::RuleError> errors;  // parse, per-document and set-level errors
};

// Reads and checks everything; never fails as a whole: a missing directory is
// one error too. A YAML file outside the three level folders is an error (it
// would otherwise be silently ignored).
RuleDirContents ReadRuleDir(const std::filesystem::path& dir);

// The rule set, or InvalidArgument whose message lists every error, one per
// line (NotFound when `dir` is not a directory).
base::Result<rules::RuleSet> LoadRuleDir(const std::filesystem::path& dir);

}  // namespace oversight::runtime
