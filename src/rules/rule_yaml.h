#pragma once

// Rule files (docs/RULES.md) to Rule values. A file holds one or more YAML
// documents separated by `---`, one rule each. Parsing never stops at the first
// problem: every error is collected with its place, "FILE:LINE:COL: what was
// expected", so an analyst fixes a file in one pass. Unknown keys are errors, so a
// typo cannot silently switch a rule off.
//
//   ParseResult parsed = ParseRuleDocuments(text, "rules/common/acceptance.yaml");
//   for (const RuleError& e : parsed.errors) std::cerr << e.ToString() << '\n';
//
// Everything one document decides is checked here (kinds, limits, expressions,
// event types against the case kind, owner and approval of department rules);
// what needs the whole set (unique ids, folder ↔ level) is rule_checker.h.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace oversight::rules {

// 1-based line and column; 0 when unknown (e.g. an error about a whole file).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string ToString() const;  // "file:line:col", "file:line" or "file"
};

struct RuleError {
  Location where;
  std::string message;
  std::string ToString() const;  // "file:line:col: message"
};

struct ParsedRule {
  Rule rule;
  Location where;                    // where the document starts
  std::optional<RuleLevel> folder;   // the level folder the file sits in (set by the loader)
};

struct ParseResult {
  std::vector<ParsedRule> rules;  // the documents without errors
  std::vector<RuleError> errors;
};

// Parses every document of `text`; `file` names it in locations and in Rule::origin.
// Empty documents are skipped. A document with any error yields no rule. A deadline
// without its own `counting` takes `settings.counting`.
ParseResult ParseRuleDocuments(std::string_view text, std::string_view file,
                               const RuleSetSettings& settings = {});

// Parses a folder's `ruleset.yaml`: one mapping with the optional key `counting`
// (end_of_day | same_clock_time). Errors are appended to `errors`.
RuleSetSettings ParseRuleSetSettings(std::string_view text, std::string_view file,
                                     std::vector<RuleError>& errors);

// Parses a duration as rules write it: an integer and a unit, s, m, h or d (24 h),
// e.g. "10m", "24h". Nullopt when malformed or negative.
std::optional<base::Milliseconds> ParseRuleDuration(std::string_view text);

}  // namespace oversight::rules
