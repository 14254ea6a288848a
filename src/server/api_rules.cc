// Rules: the list with each version's status, one rule with its file and
// approval history, a department's proposal (submitted for the bureau's
// approval), the approval steps, and a backtest of a rule or a draft over the
// stored history (what it would have raised, before it is switched on).

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "rules/approval.h"
#include "rules/rule_yaml.h"
#include "runtime/rule_files.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"
#include "supervisor/engine_setup.h"
#include "supervisor/supervisor.h"

namespace oversight::server {
namespace {

std::string RuleJson(const rules::Rule& r, rules::RuleStatus status) {
  return "{\"id\":\"" + base::JsonEscape(r.id) + "\",\"version\":" + std::to_string(r.version) +
         ",\"title\":\"" + base::JsonEscape(r.title) + "\",\"level\":\"" +
         std::string(rules::RuleLevelName(r.level)) + "\",\"kind\":\"" +
         std::string(rules::RuleKindName(r.kind)) + "\",\"status\":\"" +
         std::string(rules::RuleStatusName(status)) + "\",\"case_kind\":\"" +
         std::string(model::CaseKindName(r.case_kind)) + "\",\"owner_dept\":\"" +
         base::JsonEscape(r.owner_dept) + "\",\"legal_basis\":\"" + base::JsonEscape(r.legal_basis) +
         "\",\"description\":\"" + base::JsonEscape(r.description) + "\",\"origin\":\"" +
         base::JsonEscape(r.origin) + "\"}";
}

std::string ErrorsJson(const std::vector<rules::RuleError>& errors) {
  std::string out = "[";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    out += std::string(i ? "," : "") + "{\"file\":\"" + base::JsonEscape(errors[i].where.file) +
           "\",\"line\":" + std::to_string(errors[i].where.line) +
           ",\"column\":" + std::to_string(errors[i].where.column) + ",\"message\":\"" +
           base::JsonEscape(errors[i].message) + "\"}";
  }
  return out + "]";
}

Reply ListRules(Service& svc, Call&) {
  const std::filesystem::path dir = svc.options().engine.rules_dir;
  runtime::RuleDirContents contents = runtime::ReadRuleDir(dir);
  auto lock = svc.Lock();
  base::Result<rules::StatusOverrides> overrides = supervisor::LoadStatusOverrides(svc.store());
  if (!overrides.ok()) return Reply::FromStatus(overrides.status());
  std::vector<std::string> items;
  for (const rules::ParsedRule& p : contents.rules) {
    items.push_back(RuleJson(p.rule, rules::EffectiveStatus(p.rule, *overrides)));
  }
  return Reply::Json("{\"rules\":" + JsonArray(items) + ",\"errors\":" + ErrorsJson(contents.errors) + "}");
}

std::string ReadFileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Reply OneRule(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  const std::filesystem::path dir = svc.options().engine.rules_dir;
  runtime::RuleDirContents contents = runtime::ReadRuleDir(dir);
  auto lock = svc.Lock();
  base::Result<rules::StatusOverrides> overrides = supervisor::LoadStatusOverrides(svc.store());
  if (!overrides.ok()) return Reply::FromStatus(overrides.status());
  base::Result<std::vector<store::RuleStatusRecord>> history = svc.store().RuleStatusHistory();
  if (!history.ok()) return Reply::FromStatus(history.status());
  for (const rules::ParsedRule& p : contents.rules) {
    if (p.rule.id != id) continue;
    std::string steps = "[";
    bool first = true;
    for (const store::RuleStatusRecord& s : *history) {
      if (s.rule_id != id) continue;
      steps += std::string(first ? "" : ",") + "{\"version\":" + std::to_string(s.version) +
               ",\"status\":\"" + base::JsonEscape(s.status) + "\",\"actor\":\"" +
               base::JsonEscape(s.actor) + "\",\"at\":\"" + base::FormatInstantUtc(s.at) +
               "\",\"note\":\"" + base::JsonEscape(s.note) + "\"}";
      first = false;
    }
    steps += "]";
    return Reply::Json("{\"rule\":" + RuleJson(p.rule, rules::EffectiveStatus(p.rule, *overrides)) +
                       ",\"yaml\":\"" + base::JsonEscape(ReadFileText(p.where.file)) +
                       "\",\"history\":" + steps + "}");
  }
  return Reply::Error(404, "not_found", "no rule '" + id + "'", "id");
}

// A department's own rule, proposed as YAML; it waits for the bureau's approval.
Reply Submit(Service& svc, Call& call) {
  JsonInput in = JsonInput::Parse(call.body, {"yaml", "note"});
  const std::string yaml = in.String("yaml", {true, 64 * 1024});
  const std::string note = in.String("note", {false, 2000});
  if (in.failed()) return Reply::Error(in.error());
  rules::ParseResult parsed = rules::ParseRuleDocuments(yaml, "submitted.yaml");
  if (!parsed.errors.empty()) {
    Reply r = Reply::Json("{\"error\":{\"code\":\"invalid_rule\",\"message\":\"the rule has errors\","
                          "\"field\":\"yaml\"},\"errors\":" + ErrorsJson(parsed.errors) + "}", 400);
    return r;
  }
  if (parsed.rules.size() != 1) {
    return Reply::Error(400, "invalid_field", "submit exactly one rule per request", "yaml");
  }
  const rules::Rule& rule = parsed.rules.front().rule;
  if (rule.level != rules::RuleLevel::kDepartment) {
    return Reply::Error(400, "invalid_field", "only department rules are submitted here (level: department)", "yaml");
  }
  const auth::Principal& who = call.who();
  if (!who.scope().Allows(rule.owner_dept)) {
    return Reply::Error(403, "forbidden", "a department proposes rules for itself only (owner_dept)", "yaml");
  }
  if (rule.id.find('/') != std::string::npos || rule.id.find("..") != std::string::npos) {
    return Reply::Error(400, "invalid_field", "the rule id may not contain '/' or '..'", "yaml");
  }
  const std::filesystem::path file = std::filesystem::path(svc.options().engine.rules_dir) /
                                     "department" /
                                     (rule.id + ".v" + std::to_string(rule.version) + ".yaml");
  auto lock = svc.Lock();
  runtime::RuleDirContents contents = runtime::ReadRuleDir(svc.options().engine.rules_dir);
  for (const rules::ParsedRule& p : contents.rules) {
    if (p.rule.id == rule.id && p.rule.version >= rule.version) {
      return Reply::Error(409, "already_exists",
                          "rule " + rule.id + " already has version " + std::to_string(p.rule.version) +
                              "; submit a higher version", "yaml");
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  {
    std::ofstream out(file, std::ios::binary);
    out << yaml;
    if (!out) return Reply::Error(500, "internal", "the rule could not be saved");
  }
  store::RuleStatusRecord step{rule.id, rule.version, "pending_approval", who.name, call.now, note};
  if (base::Status s = svc.store().RecordRuleStatus(step); !s.ok()) return Reply::FromStatus(s);
  (void)svc.Record(call, "rule.submit", "rule:" + rule.id + "@" + std::to_string(rule.version), "ok");
  return Reply::Json(RuleJson(rule, rules::RuleStatus::kPendingApproval), 201);
}

Reply Step(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  JsonInput in = JsonInput::Parse(call.body, {"action", "version", "note"});
  const std::string action_name = in.Choice("action", {"approve", "reject", "retire"}, true);
  std::optional<std::int64_t> version = in.Int("version", false, 1, 1'000'000);
  const std::string note = in.String("note", {false, 2000});
  if (in.failed()) return Reply::Error(in.error());
  std::optional<rules::RuleAction> action = rules::ParseRuleAction(action_name);
  runtime::RuleDirContents contents = runtime::ReadRuleDir(svc.options().engine.rules_dir);
  auto lock = svc.Lock();
  base::Result<rules::StatusOverrides> overrides = supervisor::LoadStatusOverrides(svc.store());
  if (!overrides.ok()) return Reply::FromStatus(overrides.status());
  const rules::Rule* rule = nullptr;
  for (const rules::ParsedRule& p : contents.rules) {
    if (p.rule.id == id && (!version || p.rule.version == *version) &&
        (rule == nullptr || p.rule.version > rule->version)) {
      rule = &p.rule;
    }
  }
  if (rule == nullptr) return Reply::Error(404, "not_found", "no rule '" + id + "'", "id");
  const rules::RuleStatus current = rules::EffectiveStatus(*rule, *overrides);
  base::Result<rules::RuleStatus> next = rules::NextStatus(current, *action);
  if (!next.ok()) return Reply::Error(409, "illegal_transition", next.status().message(), "action");
  store::RuleStatusRecord step{rule->id, rule->version, std::string(rules::RuleStatusName(*next)),
                               call.who().name, call.now, note};
  if (base::Status s = svc.store().RecordRuleStatus(step); !s.ok()) return Reply::FromStatus(s);
  if (base::Status s = svc.Record(call, "rule." + action_name,
                                  "rule:" + rule->id + "@" + std::to_string(rule->version), "ok", note);
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  // Approving or retiring changes what runs: rebuild the engine and re-judge.
  if (*next != current) {
    if (base::Status s = svc.ReloadRules(call.now); !s.ok()) return Reply::FromStatus(s);
  }
  return Reply::Json(RuleJson(*rule, *next));
}

Reply Backtest(Service& svc, Call& call) {
  JsonInput in = JsonInput::Parse(call.body, {"rule_id", "yaml", "from", "to", "limit"});
  const std::string rule_id = in.String("rule_id", {false, 200});
  const std::string yaml = in.String("yaml", {false, 64 * 1024});
  const std::string from_text = in.String("from", {true, 40});
  const std::string to_text = in.String("to", {true, 40});
  const std::int64_t limit = in.Int("limit", false, 0, 1000).value_or(100);
  if (in.failed()) return Reply::Error(in.error());
  if (rule_id.empty() == yaml.empty()) {
    return Reply::Error(400, "invalid_field", "give either 'rule_id' or 'yaml'", "rule_id");
  }
  base::Result<base::Instant> from = base::ParseInstant(from_text);
  if (!from.ok()) return Reply::Error(400, "invalid_field", "'from' must be an RFC 3339 instant", "from");
  base::Result<base::Instant> to = base::ParseInstant(to_text);
  if (!to.ok() || *to <= *from) return Reply::Error(400, "invalid_field", "'to' must be an instant after 'from'", "to");
  rules::RuleSet set;
  if (!yaml.empty()) {
    rules::ParseResult parsed = rules::ParseRuleDocuments(yaml, "draft.yaml");
    if (!parsed.errors.empty()) {
      return Reply::Json("{\"error\":{\"code\":\"invalid_rule\",\"message\":\"the draft has errors\","
                         "\"field\":\"yaml\"},\"errors\":" + ErrorsJson(parsed.errors) + "}", 400);
    }
    for (rules::ParsedRule& p : parsed.rules) set.rules.push_back(std::move(p.rule));
  } else {
    runtime::RuleDirContents contents = runtime::ReadRuleDir(svc.options().engine.rules_dir);
    for (rules::ParsedRule& p : contents.rules) {
      if (p.rule.id == rule_id) set.rules.push_back(std::move(p.rule));
    }
    if (set.rules.empty()) return Reply::Error(404, "not_found", "no rule '" + rule_id + "'", "rule_id");
  }
  auto lock = svc.Lock();
  base::Result<supervisor::EngineCatalog> catalog = supervisor::LoadEngineCatalog(svc.store());
  if (!catalog.ok()) return Reply::FromStatus(catalog.status());
  base::Result<engine::Engine> engine =
      supervisor::MakeEngineWithRules(std::move(set), svc.options().engine, std::move(*catalog));
  if (!engine.ok()) return Reply::FromStatus(engine.status(), "yaml");
  supervisor::SuperviseOptions options;
  options.now = std::min(*to, call.now);
  options.write = false;
  options.from = *from;
  options.to = *to;
  options.keep_alerts = true;
  base::Result<supervisor::SuperviseSummary> summary = supervisor::Supervise(svc.store(), *engine, options);
  if (!summary.ok()) return Reply::FromStatus(summary.status());
  std::string sample = "[";
  for (std::size_t i = 0; i < summary->kept.size() && static_cast<std::int64_t>(i) < limit; ++i) {
    const engine::AlertChange& a = summary->kept[i];
    sample += std::string(i ? "," : "") + "{\"rule_id\":\"" + base::JsonEscape(a.rule_id) +
              "\",\"case_id\":\"" + base::JsonEscape(a.case_id) + "\",\"level\":\"" +
              std::string(rules::AlertLevelName(a.level)) + "\",\"at\":\"" +
              base::FormatInstantUtc(a.at) + "\",\"reason\":\"" + base::JsonEscape(a.reason) + "\"}";
  }
  sample += "]";
  return Reply::Json("{\"cases\":" + std::to_string(summary->cases) +
                     ",\"alerts\":" + std::to_string(summary->alerts) + ",\"summary\":" +
                     summary->ToJson() + ",\"sample\":" + sample + "}");
}

}  // namespace

void AddRuleRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/rules", Access::kSignedIn, auth::Permission::kReadRules,
                    [&svc](Call& call) { return ListRules(svc, call); }});
  routes.push_back({"POST", "/api/v1/rules", Access::kSignedIn, auth::Permission::kProposeRule,
                    [&svc](Call& call) { return Submit(svc, call); }});
  routes.push_back({"POST", "/api/v1/rules/backtest", Access::kSignedIn, auth::Permission::kBacktestRule,
                    [&svc](Call& call) { return Backtest(svc, call); }});
  routes.push_back({"GET", "/api/v1/rules/{id}", Access::kSignedIn, auth::Permission::kReadRules,
                    [&svc](Call& call) { return OneRule(svc, call); }});
  routes.push_back({"POST", "/api/v1/rules/{id}/actions", Access::kSignedIn, auth::Permission::kApproveRule,
                    [&svc](Call& call) { return Step(svc, call); }});
}

}  // namespace oversight::server
