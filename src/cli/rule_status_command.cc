// oversight rules submit | approve | reject | retire, and rules status: the
// approval workflow of rules, kept as an append-only history in the store.

#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "rules/approval.h"
#include "runtime/rule_files.h"
#include "supervisor/engine_setup.h"

namespace oversight::cli {

int RunRuleStep(const RuleStepArgs& args, const Environment& env, std::ostream& out) {
  std::optional<rules::RuleAction> action = rules::ParseRuleAction(args.action);
  if (!action) return Fail(base::InvalidArgument("unknown action '" + args.action + "'"));
  base::Instant now = env.clock();
  if (!args.now.empty()) {
    base::Result<base::Instant> parsed = base::ParseInstant(args.now);
    if (!parsed.ok()) return Fail(parsed.status().WithContext("--now"));
    now = *parsed;
  }
  base::Result<rules::RuleSet> rule_set = runtime::LoadRuleDir(args.rules_dir);
  if (!rule_set.ok()) return Fail(rule_set.status());
  const rules::Rule* rule = nullptr;
  for (const rules::Rule& r : rule_set->rules) {
    if (r.id == args.rule_id) rule = &r;
  }
  if (rule == nullptr) return Fail(base::NotFound("no rule '" + args.rule_id + "' in " + args.rules_dir));
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auto overrides = supervisor::LoadStatusOverrides(**store);
  if (!overrides.ok()) return Fail(overrides.status());
  rules::RuleStatus current = rules::EffectiveStatus(*rule, *overrides);
  base::Result<rules::RuleStatus> next = rules::NextStatus(current, *action);
  if (!next.ok()) return Fail(next.status().WithContext(rule->id + " v" + std::to_string(rule->version)));
  store::RuleStatusRecord record{rule->id, rule->version, std::string(rules::RuleStatusName(*next)),
                                 args.by, now, args.note};
  if (base::Status saved = (*store)->RecordRuleStatus(record); !saved.ok()) return Fail(saved);
  out << rule->id << " v" << rule->version << ": " << rules::RuleStatusName(current) << " → "
      << rules::RuleStatusName(*next) << " (by " << args.by << ")\n";
  return kExitOk;
}

int RunRuleStatusList(const RuleStepArgs& args, const Environment& env, std::ostream& out) {
  base::Result<rules::RuleSet> rule_set = runtime::LoadRuleDir(args.rules_dir);
  if (!rule_set.ok()) return Fail(rule_set.status());
  rules::StatusOverrides overrides;
  std::vector<store::RuleStatusRecord> history;
  if (std::filesystem::exists(args.store.db)) {
    auto store = OpenExistingStore(args.store, env);
    if (!store.ok()) return Fail(store.status());
    auto loaded = supervisor::LoadStatusOverrides(**store);
    if (!loaded.ok()) return Fail(loaded.status());
    overrides = std::move(*loaded);
    auto steps = (*store)->RuleStatusHistory();
    if (!steps.ok()) return Fail(steps.status());
    history = std::move(*steps);
  }
  if (args.json) out << "[";
  bool first = true;
  for (const rules::Rule& rule : rule_set->rules) {
    std::string status(rules::RuleStatusName(rules::EffectiveStatus(rule, overrides)));
    const store::RuleStatusRecord* last = nullptr;
    for (const auto& step : history) {
      if (step.rule_id == rule.id && step.version == rule.version) last = &step;
    }
    if (args.json) {
      out << (first ? "" : ",\n") << "{\"rule\":\"" << base::JsonEscape(rule.id) << "\",\"version\":"
          << rule.version << ",\"level\":\"" << rules::RuleLevelName(rule.level) << "\",\"status\":\""
          << status << "\"";
      if (last) {
        out << ",\"by\":\"" << base::JsonEscape(last->actor) << "\",\"at\":\""
            << base::FormatInstantUtc(last->at) << "\"";
      }
      out << "}";
    } else {
      out << status << "  " << rule.id << " v" << rule.version << "  (" << rules::RuleLevelName(rule.level)
          << ")";
      if (last) out << "  by " << last->actor << " at " << base::FormatInstantUtc(last->at);
      out << "\n";
    }
    first = false;
  }
  if (args.json) out << "]\n";
  return kExitOk;
}

}  // namespace oversight::cli
