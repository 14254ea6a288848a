// oversight case show and oversight alerts list: what the store knows about a
// case (its full timeline, 全程留痕) and the alerts raised so far.

#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/engine_setup.h"
#include "cli/store_access.h"

namespace oversight::cli {
namespace {

// Local time for people reading a timeline; the zone is the city's.
std::string Local(base::Instant at) {
  return base::FormatInstantWithOffset(at, std::chrono::hours(8));
}

std::string AlertJson(const store::AlertRecord& a) {
  std::string out = "{\"id\":" + std::to_string(a.id) + ",\"rule\":\"" + base::JsonEscape(a.rule_id) +
                    "\",\"rule_version\":" + std::to_string(a.rule_version) + ",\"case_id\":\"" +
                    base::JsonEscape(a.case_id) + "\",\"occurrence\":" + std::to_string(a.occurrence) +
                    ",\"level\":\"" + a.level + "\",\"state\":\"" + a.state + "\",\"dept\":\"" +
                    base::JsonEscape(a.dept_code) + "\",\"raised_at\":\"" +
                    base::FormatInstantUtc(a.raised_at) + "\",\"due\":";
  out += a.due ? "\"" + base::FormatInstantUtc(*a.due) + "\"" : "null";
  out += ",\"reason\":\"" + base::JsonEscape(a.reason) + "\"";
  if (a.withdrawn_at) {
    out += ",\"withdrawn_at\":\"" + base::FormatInstantUtc(*a.withdrawn_at) +
           "\",\"withdraw_reason\":\"" + base::JsonEscape(a.withdraw_reason) + "\"";
  }
  return out + "}";
}

// The case's deadlines under the active rules, when a rule folder is at hand.
base::Result<std::vector<engine::DeadlineView>> DeadlinesOf(const CaseShowArgs& args,
                                                            const Environment& env,
                                                            store::Store& store,
                                                            const std::vector<store::StoredEvent>& stored) {
  if (!std::filesystem::is_directory(args.rules_dir)) return std::vector<engine::DeadlineView>();
  base::Instant now = env.clock();
  if (!args.until.empty()) {
    OVS_ASSIGN_OR_RETURN(now, base::ParseInstant(args.until));
  }
  OVS_ASSIGN_OR_RETURN(engine::Engine engine,
                       supervisor::MakeEngineForStore(
                           store, EngineSetupFrom(args.rules_dir, args.calendar, /*active_only=*/true)));
  std::vector<model::Event> events;
  for (const store::StoredEvent& s : stored) events.push_back(s.event);
  return engine.Deadlines(events, now);
}

std::string DeadlineJson(const engine::DeadlineView& d) {
  std::string out = "{\"rule\":\"" + base::JsonEscape(d.rule_id) + "\",\"title\":\"" +
                    base::JsonEscape(d.title) + "\",\"start\":\"" + base::FormatInstantUtc(d.start) +
                    "\",\"stopped_at\":";
  out += d.stopped_at ? "\"" + base::FormatInstantUtc(*d.stopped_at) + "\"" : "null";
  out += ",\"stopped_by\":\"" + d.stopped_by + "\",\"stages\":[";
  for (size_t i = 0; i < d.stages.size(); ++i) {
    const engine::StageView& s = d.stages[i];
    out += (i ? "," : "") + std::string("{\"level\":\"") + std::string(rules::AlertLevelName(s.level)) +
           "\",\"due\":" + (s.due ? "\"" + base::FormatInstantUtc(*s.due) + "\"" : "null") +
           ",\"state\":\"" + s.state + "\"}";
  }
  return out + "]}";
}

}  // namespace

int RunCaseShow(const CaseShowArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auto summary = (*store)->FindCase(args.case_id);
  if (!summary.ok()) return Fail(summary.status());
  if (!summary->has_value()) return Fail(base::NotFound("no case '" + args.case_id + "'"));
  auto events = (*store)->EventsOfCase(args.case_id);
  if (!events.ok()) return Fail(events.status());
  store::AlertFilter filter;
  filter.case_id = args.case_id;
  auto alerts = (*store)->ListAlerts(filter);
  if (!alerts.ok()) return Fail(alerts.status());
  const model::Case& c = **summary;
  auto deadlines = DeadlinesOf(args, env, **store, *events);
  if (!deadlines.ok()) return Fail(deadlines.status().WithContext("deadlines"));

  if (args.json) {
    out << "{\"case_id\":\"" << base::JsonEscape(c.id) << "\",\"kind\":\"" << model::CaseKindName(c.kind)
        << "\",\"item\":\"" << base::JsonEscape(c.item_code) << "\",\"dept\":\""
        << base::JsonEscape(c.dept_code) << "\",\"stage\":\"" << model::EventTypeName(c.stage)
        << "\",\"events\":[";
    for (size_t i = 0; i < events->size(); ++i) {
      const store::StoredEvent& s = (*events)[i];
      out << (i ? "," : "") << "{\"seq\":" << s.seq << ",\"at\":\"" << base::FormatInstantUtc(s.event.at)
          << "\",\"type\":\"" << model::EventTypeName(s.event.type) << "\",\"step\":\""
          << base::JsonEscape(s.event.step_name) << "\",\"actor\":\"" << base::JsonEscape(s.event.actor)
          << "\",\"source\":\"" << base::JsonEscape(s.event.source) << "\",\"attrs\":" << s.event.attrs_json
          << "}";
    }
    out << "],\"deadlines\":[";
    for (size_t i = 0; i < deadlines->size(); ++i) out << (i ? "," : "") << DeadlineJson((*deadlines)[i]);
    out << "],\"alerts\":[";
    for (size_t i = 0; i < alerts->size(); ++i) out << (i ? "," : "") << AlertJson((*alerts)[i]);
    out << "]}\n";
    return kExitOk;
  }
  out << "case " << c.id << " (" << model::CaseKindName(c.kind) << ")  item " << c.item_code
      << "  dept " << c.dept_code << "  stage " << model::EventTypeName(c.stage) << "\n";
  for (const store::StoredEvent& s : *events) {
    out << "  " << Local(s.event.at) << "  " << model::EventTypeName(s.event.type);
    if (s.event.step_name != model::EventTypeName(s.event.type)) out << " (" << s.event.step_name << ")";
    out << "  by " << (s.event.actor.empty() ? "-" : s.event.actor) << "  from " << s.event.source
        << "  #" << s.seq;
    if (s.event.attrs_json != "{}") out << "  " << s.event.attrs_json;
    out << "\n";
  }
  for (const engine::DeadlineView& d : *deadlines) {
    out << "  deadline " << d.rule_id << " (" << d.title << ") from " << Local(d.start);
    if (d.stopped_at) out << ", stopped by " << d.stopped_by << " at " << Local(*d.stopped_at);
    out << "\n";
    for (const engine::StageView& s : d.stages) {
      out << "    " << rules::AlertLevelName(s.level) << " due " << (s.due ? Local(*s.due) : "-") << "  "
          << s.state << "\n";
    }
  }
  if (alerts->empty()) out << "  no alerts\n";
  for (const store::AlertRecord& a : *alerts) {
    out << "  [" << a.level << ", " << a.state << "] " << a.rule_id << ": " << a.reason;
    if (a.due) out << " (due " << Local(*a.due) << ")";
    if (a.withdrawn_at) out << " — withdrawn: " << a.withdraw_reason;
    out << "\n";
  }
  return kExitOk;
}

int RunAlertsList(const AlertsListArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  store::AlertFilter filter;
  if (!args.level.empty()) filter.level = args.level;
  if (!args.rule.empty()) filter.rule_id = args.rule;
  if (!args.dept.empty()) filter.dept_code = args.dept;
  if (!args.state.empty()) filter.state = args.state;
  filter.limit = args.limit;
  auto alerts = (*store)->ListAlerts(filter);
  if (!alerts.ok()) return Fail(alerts.status());
  if (args.json) {
    out << "[";
    for (size_t i = 0; i < alerts->size(); ++i) out << (i ? ",\n" : "") << AlertJson((*alerts)[i]);
    out << "]\n";
    return kExitOk;
  }
  for (const store::AlertRecord& a : *alerts) {
    out << Local(a.raised_at) << "  " << a.level << "  " << a.state << "  " << a.rule_id << "  "
        << a.case_id << "  " << a.reason << "\n";
  }
  if (alerts->empty()) out << "no alerts\n";
  return kExitOk;
}

}  // namespace oversight::cli
