// Case search (filters, cursor pages) and one case with its timeline (全程留痕),
// deadlines and alerts. Department scoping is applied by the store's queries.

#include <algorithm>

#include "base/strings.h"
#include "server/json_out.h"
#include "server/routes.h"
#include "store/alert_workflow_store.h"

namespace oversight::server {
namespace {

Reply SearchCases(Service& svc, Call& call) {
  store::CaseQuery q;
  std::optional<ApiError> error;
  q.case_id = QueryText(call, "id");
  q.case_id_prefix = QueryText(call, "id_prefix");
  q.item_code = QueryText(call, "item");
  q.dept_code = QueryText(call, "dept");
  if (auto stage = QueryText(call, "stage")) {
    q.stage = model::ParseEventType(*stage);
    if (!q.stage) return Reply::Error(400, "invalid_field", "unknown stage '" + *stage + "'", "stage");
  }
  if (auto kind = QueryText(call, "kind")) {
    q.kind = model::ParseCaseKind(*kind);
    if (!q.kind) return Reply::Error(400, "invalid_field", "unknown kind '" + *kind + "'", "kind");
  }
  if (auto channel = QueryText(call, "channel")) {
    q.channel = model::ParseChannel(*channel);
    if (!q.channel) return Reply::Error(400, "invalid_field", "unknown channel '" + *channel + "'", "channel");
  }
  q.first_from = QueryInstant(call, "from", error);
  q.first_to = QueryInstant(call, "to", error);
  q.overdue_only = call.Query("overdue") == "true";
  q.after = QueryCursor(call, error);
  q.limit = QueryLimit(call, 50, store::kMaxPageSize, error);
  if (error) return Reply::Error(*error);
  auto lock = svc.Lock();
  base::Result<store::CasePage> page = svc.store().workflow().SearchCases(q, call.who().scope());
  if (!page.ok()) return Reply::FromStatus(page.status());
  std::vector<std::string> items;
  items.reserve(page->cases.size());
  for (const model::Case& c : page->cases) items.push_back(CaseJson(c));
  return Reply::Json(PageJson(items, page->next_cursor));
}

Reply OneCase(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  if (id.empty() || id.size() > 128) return Reply::Error(400, "invalid_field", "bad case id", "id");
  const bool unmask = call.Query("unmask") == "true";
  if (unmask && !call.who().Can(auth::Permission::kUnmaskPersonal)) {
    return Reply::Error(403, "forbidden", "your role may not see personal data in clear", "unmask");
  }
  auto lock = svc.Lock();
  const store::Scope scope = call.who().scope();
  base::Result<std::optional<model::Case>> found = svc.store().workflow().FindCaseScoped(id, scope);
  if (!found.ok()) return Reply::FromStatus(found.status());
  if (!*found) return Reply::Error(404, "not_found", "no case '" + id + "' that you may see", "id");
  base::Result<std::vector<store::StoredEvent>> events = svc.store().EventsOfCase(id);
  if (!events.ok()) return Reply::FromStatus(events.status());
  if (unmask) {
    if (base::Status s = svc.Record(call, "personal.unmask", "case:" + id, "ok"); !s.ok()) {
      return Reply::FromStatus(s);
    }
  }
  std::vector<model::Event> sorted;
  sorted.reserve(events->size());
  for (const store::StoredEvent& e : *events) sorted.push_back(e.event);
  std::vector<engine::DeadlineView> deadline_views;
  if (svc.ready()) deadline_views = svc.engine().Deadlines(sorted, call.now);
  store::AlertQuery aq;
  aq.case_id = id;
  aq.limit = store::kMaxPageSize;
  base::Result<store::AlertPage> alerts = svc.store().workflow().SearchAlerts(aq, scope);
  if (!alerts.ok()) return Reply::FromStatus(alerts.status());
  // Everything below works on copies: writing the JSON does not hold up the
  // other requests waiting for the store.
  lock.unlock();
  std::vector<std::string> timeline;
  timeline.reserve(events->size());
  for (const store::StoredEvent& e : *events) timeline.push_back(EventJson(e, unmask));
  std::vector<std::string> deadlines;
  for (const engine::DeadlineView& d : deadline_views) deadlines.push_back(DeadlineJson(d));
  std::vector<std::string> alert_json;
  for (const store::AlertRecord& a : alerts->alerts) alert_json.push_back(AlertJson(a));
  return Reply::Json("{\"case\":" + CaseJson(**found) + ",\"timeline\":" + JsonArray(timeline) +
                     ",\"deadlines\":" + JsonArray(deadlines) + ",\"alerts\":" +
                     JsonArray(alert_json) + "}");
}

}  // namespace

void AddCaseRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/cases", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return SearchCases(svc, call); }});
  routes.push_back({"GET", "/api/v1/cases/{id}", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return OneCase(svc, call); }});
}

}  // namespace oversight::server
