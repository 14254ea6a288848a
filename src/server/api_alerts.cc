// Alerts: search, one alert with its thread, the workflow actions (DESIGN §7),
// and counts for dashboards. The department side may respond; the bureau judges.
// Every action is a row in the alert's thread and an audit-trail record.

#include "base/strings.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"
#include "store/alert_workflow_store.h"

namespace oversight::server {
namespace {

Reply SearchAlerts(Service& svc, Call& call) {
  store::AlertQuery q;
  std::optional<ApiError> error;
  q.case_id = QueryText(call, "case");
  q.rule_id = QueryText(call, "rule");
  q.level = QueryText(call, "level");
  q.state = QueryText(call, "state");
  q.dept_code = QueryText(call, "dept");
  q.raised_from = QueryInstant(call, "from", error);
  q.raised_to = QueryInstant(call, "to", error);
  q.after_id = QueryCursor(call, error);
  q.limit = QueryLimit(call, 50, store::kMaxPageSize, error);
  if (error) return Reply::Error(*error);
  auto lock = svc.Lock();
  base::Result<store::AlertPage> page = svc.store().workflow().SearchAlerts(q, call.who().scope());
  if (!page.ok()) return Reply::FromStatus(page.status());
  std::vector<std::string> items;
  for (const store::AlertRecord& a : page->alerts) items.push_back(AlertJson(a));
  return Reply::Json(PageJson(items, page->next_cursor));
}

Reply OneAlert(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id) return Reply::Error(400, "invalid_field", "the alert id must be a positive integer", "id");
  auto lock = svc.Lock();
  const store::Scope scope = call.who().scope();
  base::Result<std::optional<store::AlertRecord>> alert = svc.store().workflow().FindAlert(*id, scope);
  if (!alert.ok()) return Reply::FromStatus(alert.status());
  if (!*alert) return Reply::Error(404, "not_found", "no alert " + std::to_string(*id) + " that you may see", "id");
  base::Result<std::vector<store::AlertActionRecord>> thread =
      svc.store().workflow().AlertThread(*id, scope);
  if (!thread.ok()) return Reply::FromStatus(thread.status());
  std::vector<std::string> steps;
  for (const store::AlertActionRecord& a : *thread) steps.push_back(AlertActionJson(a));
  // The rule's text and legal basis, so the reader sees why the alert exists.
  std::string rule = "null";
  if (svc.ready()) {
    for (const rules::Rule& r : svc.engine().rule_set().rules) {
      if (r.id != (*alert)->rule_id) continue;
      rule = "{\"id\":\"" + base::JsonEscape(r.id) + "\",\"version\":" + std::to_string(r.version) +
             ",\"title\":\"" + base::JsonEscape(r.title) + "\",\"legal_basis\":\"" +
             base::JsonEscape(r.legal_basis) + "\",\"description\":\"" +
             base::JsonEscape(r.description) + "\"}";
    }
  }
  return Reply::Json("{\"alert\":" + AlertJson(**alert) + ",\"thread\":" + JsonArray(steps) +
                     ",\"rule\":" + rule + "}");
}

Reply Act(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id) return Reply::Error(400, "invalid_field", "the alert id must be a positive integer", "id");
  JsonInput in = JsonInput::Parse(call.body, {"action", "response_kind", "text", "findings", "outcome"});
  const std::string action_name = in.String("action", {true, 32});
  const std::string kind_name = in.String("response_kind", {false, 16});
  workflow::ActionInput input;
  input.text = in.String("text", {false, workflow::kMaxFieldBytes});
  input.findings = in.String("findings", {false, workflow::kMaxFieldBytes});
  input.outcome = in.String("outcome", {false, workflow::kMaxFieldBytes});
  if (in.failed()) return Reply::Error(in.error());
  base::Result<workflow::Action> action = workflow::ParseAction(action_name);
  if (!action.ok()) return Reply::Error(400, "invalid_field", action.status().message(), "action");
  input.action = *action;
  if (!kind_name.empty()) {
    base::Result<workflow::ResponseKind> kind = workflow::ParseResponseKind(kind_name);
    if (!kind.ok()) return Reply::Error(400, "invalid_field", kind.status().message(), "response_kind");
    input.response_kind = *kind;
  }
  // Who may take the action: the department answers, the bureau judges.
  const auth::Permission needed = workflow::ActorFor(input.action) == workflow::Actor::kDepartment
                                      ? auth::Permission::kRespondAlert
                                      : auth::Permission::kJudgeAlert;
  if (!call.who().Can(needed)) {
    return Reply::Error(403, "forbidden",
                        "your role may not " + action_name + " an alert (" +
                            std::string(auth::PermissionName(needed)) + ")", "action");
  }
  auto lock = svc.Lock();
  const store::Scope scope = call.who().scope();
  base::Result<std::optional<store::AlertRecord>> current = svc.store().workflow().FindAlert(*id, scope);
  if (!current.ok()) return Reply::FromStatus(current.status());
  if (!*current) return Reply::Error(404, "not_found", "no alert " + std::to_string(*id) + " that you may see", "id");
  base::Result<workflow::AlertState> from = workflow::ParseAlertState((*current)->state);
  if (!from.ok()) return Reply::FromStatus(from.status());
  if (base::Status s = workflow::CheckFields(*from, input); !s.ok()) {
    // The message names the field ("'text' is required to respond").
    return Reply::Error(s.code() == base::StatusCode::kFailedPrecondition ? 409 : 400,
                        s.code() == base::StatusCode::kFailedPrecondition ? "illegal_transition" : "invalid_field",
                        s.message());
  }
  store::AlertActionRecord record;
  record.action = input.action;
  record.actor = call.who().name;
  record.actor_role = call.who().role ? std::string(auth::RoleName(*call.who().role)) : "token";
  record.at = call.now;
  record.text = input.text;
  record.response_kind = input.response_kind;
  record.findings = input.findings;
  record.outcome = input.outcome;
  record.expected_state = *from;
  base::Result<store::AlertRecord> updated = svc.store().workflow().ApplyAction(*id, record, scope);
  if (!updated.ok()) {
    (void)svc.Record(call, "alert." + action_name, "alert:" + std::to_string(*id), "failed",
                     updated.status().message());
    ApiError e = ErrorFromStatus(updated.status());
    if (e.http_status == 409) e.code = "illegal_transition";
    return Reply::Error(e);
  }
  if (base::Status s = svc.Record(call, "alert." + action_name, "alert:" + std::to_string(*id), "ok",
                                  (*current)->state + " -> " + updated->state);
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  svc.PublishAlert(*updated, "alert_state");
  return Reply::Json(AlertJson(*updated));
}

Reply Counts(Service& svc, Call& call) {
  auto lock = svc.Lock();
  base::Result<std::vector<store::AlertCount>> counts =
      svc.store().workflow().CountAlerts(call.who().scope());
  if (!counts.ok()) return Reply::FromStatus(counts.status());
  std::string out = "[";
  bool first = true;
  for (const store::AlertCount& c : *counts) {
    out += std::string(first ? "" : ",") + "{\"dept_code\":\"" + base::JsonEscape(c.dept_code) +
           "\",\"level\":\"" + base::JsonEscape(c.level) + "\",\"state\":\"" +
           base::JsonEscape(c.state) + "\",\"count\":" + std::to_string(c.count) + "}";
    first = false;
  }
  return Reply::Json(out + "]");
}

}  // namespace

void AddAlertRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/alerts", Access::kSignedIn, auth::Permission::kReadAlerts,
                    [&svc](Call& call) { return SearchAlerts(svc, call); }});
  routes.push_back({"GET", "/api/v1/alerts/counts", Access::kSignedIn, auth::Permission::kReadAlerts,
                    [&svc](Call& call) { return Counts(svc, call); }});
  routes.push_back({"GET", "/api/v1/alerts/{id}", Access::kSignedIn, auth::Permission::kReadAlerts,
                    [&svc](Call& call) { return OneAlert(svc, call); }});
  routes.push_back({"POST", "/api/v1/alerts/{id}/actions", Access::kSignedIn,
                    auth::Permission::kReadAlerts, [&svc](Call& call) { return Act(svc, call); }});
}

}  // namespace oversight::server
