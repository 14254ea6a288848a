#include "rules/rule_checker.h"

#include <map>
#include <string>

namespace oversight::rules {

std::vector<RuleError> CheckRuleSet(std::span<const ParsedRule> rules) {
  std::vector<RuleError> errors;
  std::map<std::string, const ParsedRule*, std::less<>> by_id;
  for (const ParsedRule& parsed : rules) {
    const Rule& rule = parsed.rule;
    auto [it, inserted] = by_id.emplace(rule.id, &parsed);
    if (!inserted) {
      errors.push_back(RuleError{parsed.where, "id: \"" + rule.id + "\" is already used by the rule at " +
                                                   it->second->where.ToString()});
    }
    if (parsed.folder && *parsed.folder != rule.level) {
      errors.push_back(RuleError{
          parsed.where, "level: the rule's level is " + std::string(RuleLevelName(rule.level)) +
                            " but it sits in the " + std::string(RuleLevelName(*parsed.folder)) +
                            "/ folder; move the file to " + std::string(RuleLevelName(rule.level)) +
                            "/ or correct the level"});
    }
  }
  return errors;
}

}  // namespace oversight::rules
