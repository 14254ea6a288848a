// Case search (filters, cursor pages) and one case with its timeline (全程留痕),
// deadlines and alerts. Department scoping is applied by the store's queries.

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "auth/token.h"
#include "base/strings.h"
#include "scoring/case_facts.h"
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

// --- The public progress lookup (办件进度查询) ------------------------------
//
// Anyone holding a case id and the last four characters of the applicant's
// identity number or phone sees where the case stands: nothing personal, no
// names of staff, no alerts. An unknown id and a wrong check answer the same 404,
// so ids cannot be probed; the public rate limit bounds guessing the check.

// "1234", "123X": exactly four of [0-9Xx].
bool WellFormedCheck(const std::string& check) {
  if (check.size() != 4) return false;
  return std::all_of(check.begin(), check.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == 'X' || c == 'x'; });
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The last four characters that identify the applicant in the case's events:
// of the identity number (stored masked, its last four kept) and of any phone
// (digits only, so "0663-888 8888" ends in 8888).
std::vector<std::string> ApplicantChecks(const std::vector<store::StoredEvent>& events) {
  std::vector<std::string> out;
  for (const store::StoredEvent& stored : events) {
    nlohmann::json attrs = nlohmann::json::parse(stored.event.attrs_json, nullptr, false);
    if (!attrs.is_object()) continue;
    for (const auto& [key, value] : attrs.items()) {
      if (!value.is_string()) continue;
      std::string text = value.get<std::string>();
      if (key == "applicant_id_masked" || key == "applicant_id") {
        text = std::string(base::Trim(text));
      } else if (key.find("phone") != std::string::npos || key.find("mobile") != std::string::npos) {
        std::erase_if(text, [](char c) { return c < '0' || c > '9'; });
      } else {
        continue;
      }
      if (text.size() >= 4) out.push_back(Upper(text.substr(text.size() - 4)));
    }
  }
  return out;
}

nlohmann::json DueJson(const std::optional<model::TimeLimit>& limit,
                       const std::optional<base::Instant>& due) {
  if (!limit) return nullptr;
  return {{"amount", limit->amount},
          {"unit", std::string(model::LimitUnitName(limit->unit))},
          {"at", due ? nlohmann::json(base::FormatInstantUtc(*due)) : nlohmann::json(nullptr)}};
}

Reply PublicCase(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  const std::string check = call.Query("check");
  if (!WellFormedCheck(check)) {
    return Reply::Error(400, "invalid_field",
                        "'check' must be the last 4 characters of the applicant's identity number "
                        "or phone (digits, or X)",
                        "check");
  }
  // One answer for an unknown id, a case of another kind and a wrong check.
  const Reply not_found =
      Reply::Error(404, "not_found", "no case with this id and check", "id");
  if (id.empty() || id.size() > 128) return not_found;
  auto lock = svc.Lock();
  base::Result<std::optional<model::Case>> found = svc.store().FindCase(id);
  if (!found.ok()) return Reply::FromStatus(found.status());
  if (!*found || (*found)->kind != model::CaseKind::kApproval) return not_found;
  base::Result<std::vector<store::StoredEvent>> events = svc.store().EventsOfCase(id);
  if (!events.ok()) return Reply::FromStatus(events.status());
  bool matches = false;
  const std::string wanted = Upper(check);
  for (const std::string& candidate : ApplicantChecks(*events)) {
    matches = auth::ConstantTimeEquals(candidate, wanted) || matches;
  }
  if (!matches || events->empty()) return not_found;
  base::Result<std::vector<model::Item>> items = svc.store().ListItems();
  if (!items.ok()) return Reply::FromStatus(items.status());
  base::Result<std::vector<model::Department>> depts = svc.store().ListDepartments();
  if (!depts.ok()) return Reply::FromStatus(depts.status());
  const calendar::Calendar& cal = svc.calendar();
  lock.unlock();

  const model::Case& c = **found;
  const model::Item* item = nullptr;
  for (const model::Item& i : *items) {
    if (i.code == c.item_code) item = &i;
  }
  std::string dept_name;
  for (const model::Department& d : *depts) {
    if (d.code == c.dept_code) dept_name = d.name;
  }
  // The timeline keeps each step's type and time only: no actors, no attrs.
  nlohmann::json timeline = nlohmann::json::array();
  for (const store::StoredEvent& e : *events) {
    timeline.push_back({{"type", std::string(model::EventTypeName(e.event.type))},
                        {"at", base::FormatInstantUtc(e.event.at)}});
  }
  // A pause still open at the latest event (a supplement awaited, a special
  // procedure under way) stops the clock: the due is not yet known.
  bool supplement = false;
  bool suspended = false;
  std::optional<model::EventType> result;
  for (const store::StoredEvent& e : *events) {
    switch (e.event.type) {
      case model::EventType::kRequestSupplement: supplement = true; break;
      case model::EventType::kSupplementReceived: supplement = false; break;
      case model::EventType::kSuspend: suspended = true; break;
      case model::EventType::kResume: suspended = false; break;
      default: break;
    }
  }
  scoring::CaseFacts facts = scoring::SummariseCase(*events, item, &cal);
  if (facts.concluded_at) {
    for (const store::StoredEvent& e : *events) {
      if (e.event.at == *facts.concluded_at &&
          (e.event.type == model::EventType::kComplete || e.event.type == model::EventType::kReject ||
           e.event.type == model::EventType::kWithdraw)) {
        result = e.event.type;
        break;
      }
    }
  }
  const bool paused = !facts.concluded_at && (supplement || suspended);
  // Past the promised due (承诺时限): concluded after it, or still open beyond it.
  bool overdue = false;
  if (facts.promised_due) {
    overdue = facts.concluded_at ? *facts.concluded_at >= *facts.promised_due
                                 : !paused && call.now >= *facts.promised_due;
  }
  const auto time_or_null = [](const std::optional<base::Instant>& at) {
    return at ? nlohmann::json(base::FormatInstantUtc(*at)) : nlohmann::json(nullptr);
  };
  nlohmann::json body = {
      {"id", c.id},
      {"item", {{"code", c.item_code}, {"name", item ? item->name : std::string()}}},
      {"department", {{"code", c.dept_code}, {"name", dept_name}}},
      {"channel", std::string(model::ChannelName(c.channel))},
      {"stage", std::string(model::EventTypeName(facts.stage))},
      {"submitted_at", base::FormatInstantUtc(events->front().event.at)},
      {"accepted_at", time_or_null(facts.First(model::EventType::kAccept))},
      {"promised_due", DueJson(item ? item->promised_limit : std::nullopt, facts.promised_due)},
      {"statutory_due", DueJson(item ? item->statutory_limit : std::nullopt, facts.statutory_due)},
      {"paused", paused},
      {"concluded_at", time_or_null(facts.concluded_at)},
      {"result", result ? nlohmann::json(std::string(model::EventTypeName(*result))) : nlohmann::json(nullptr)},
      {"overdue", overdue},
      {"timeline", timeline},
      {"as_of", base::FormatInstantUtc(call.now)}};
  return Reply::Json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void AddCaseRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/cases", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return SearchCases(svc, call); }});
  routes.push_back({"GET", "/api/v1/cases/{id}", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return OneCase(svc, call); }});
  routes.push_back({"GET", "/api/v1/public/cases/{id}", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return PublicCase(svc, call); }});
}

}  // namespace oversight::server
