// Complaints (投诉举报, docs/COMPLAINTS.md): the desk registers them, the desk or
// the department gives the first feedback (due within 24 hours) and resolves
// them, the desk reopens them and records the complainant's satisfaction. The
// public portal files complaints and follows one with the lookup code it got.
// Every step is an event through the ingest path and the live engine
// (event_intake.h); department scope is applied in the store's SQL; the
// complainant's name and contact are masked unless the caller may unmask, and
// that read is audited.

#include <nlohmann/json.hpp>

#include "auth/random.h"
#include "auth/token.h"
#include "codes/mask.h"
#include "complaints/complaint_desk.h"
#include "server/event_intake.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"
#include "store/alert_workflow_store.h"

namespace oversight::server {
namespace {

using nlohmann::json;

// A public complaint is a few kilobytes of text; anything larger is not one.
constexpr std::size_t kMaxPublicBody = 16 * 1024;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json OptionalText(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

std::string NewLookupCode() {
  return complaints::LookupCodeFrom(auth::RandomBytes(complaints::kLookupCodeLength));
}

json StateJson(const model::Case& kase) {
  std::optional<complaints::ComplaintState> state = complaints::ComplaintStateOf(kase.stage);
  return state ? json(std::string(complaints::ComplaintStateName(*state))) : json(nullptr);
}

json SatisfactionJson(const std::optional<store::ComplaintSatisfaction>& s) {
  if (!s) return nullptr;
  return {{"level", s->level},
          {"level_name", std::string(complaints::LevelName(s->level))},
          {"comment", s->comment},
          {"at", base::FormatInstantUtc(s->at)}};
}

// One complaint. `detail` adds the complaint's text; `unmask` shows the
// complainant in clear (the caller checked the permission and recorded the read).
json ComplaintJson(const store::ComplaintView& v, bool detail, bool unmask) {
  const model::Case& c = v.kase;
  json out = {{"id", c.id},
              {"state", StateJson(c)},
              {"dept_code", c.dept_code},
              {"item_code", c.item_code},
              {"received_at", base::FormatInstantUtc(c.first_at)},
              {"last_step_at", base::FormatInstantUtc(c.last_at)},
              {"steps", c.event_count},
              {"source", c.source},
              {"registered", v.record.has_value()},
              {"channel", v.record ? json(v.record->channel) : json(std::string(model::ChannelName(c.channel)))},
              {"about_case", v.record ? OptionalText(v.record->about_case) : json(nullptr)},
              {"category", v.record ? OptionalText(v.record->category) : json(nullptr)},
              {"complainant", nullptr},
              {"satisfaction", SatisfactionJson(v.satisfaction)}};
  if (v.record) {
    const store::ComplaintRecord& r = *v.record;
    out["complainant"] = {
        {"name", unmask ? r.complainant_name : codes::MaskName(r.complainant_name)},
        {"contact", unmask ? r.complainant_contact : complaints::MaskContact(r.complainant_contact)}};
    if (detail) out["content"] = r.content;
  }
  return out;
}

complaints::Actor ActorOf(const Call& call) {
  if (!call.principal) return {"public", "public"};
  const auth::Principal& who = call.who();
  return {who.name, who.role ? std::string(auth::RoleName(*who.role)) : "token"};
}

// Records a change; a change that cannot be recorded is reported as failed.
std::optional<Reply> RecordOrFail(Service& svc, const Call& call, std::string_view action,
                                  const std::string& object, std::string_view detail) {
  if (base::Status s = svc.Record(call, action, object, "ok", detail); !s.ok()) return Reply::FromStatus(s);
  return std::nullopt;
}

// The fields of a registration, shared by the desk's and the public route.
complaints::NewComplaint ReadComplaint(JsonInput& in) {
  complaints::NewComplaint c;
  c.dept_code = in.String("dept", {false, 64});
  c.item_code = in.String("item", {false, 128});
  c.about_case = in.String("about_case", {false, 128});
  c.category = in.String("category", {false, 64});
  c.content = in.String("content", {true, complaints::kMaxContentBytes});
  c.complainant_name = in.String("name", {false, 64});
  c.complainant_contact = in.String("contact", {false, 128});
  return c;
}

Reply Register(Service& svc, Call& call, complaints::NewComplaint complaint) {
  const std::string code = NewLookupCode();
  complaint.lookup_hash = auth::TokenHash(code);
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  complaints::ComplaintDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<store::ComplaintRecord> added = desk.Register(complaint, ActorOf(call), call.now);
  if (!added.ok()) {
    (void)svc.Record(call, "complaint.register", "complaint:", "failed", added.status().message());
    return Reply::Error(DeskError(added.status()));
  }
  if (auto failed = RecordOrFail(svc, call, "complaint.register", "complaint:" + added->case_id,
                                 "dept " + added->dept_code + ", channel " + added->channel)) {
    return *failed;
  }
  // The lookup code is shown once; only its hash is kept.
  return Reply::Json(Dump({{"id", added->case_id},
                           {"state", "received"},
                           {"lookup_code", code},
                           {"received_at", base::FormatInstantUtc(added->received_at)}}),
                     201);
}

Reply RegisterAtDesk(Service& svc, Call& call) {
  JsonInput in = JsonInput::Parse(call.body, {"channel", "dept", "item", "about_case", "category",
                                              "content", "name", "contact", "received_at"});
  complaints::NewComplaint c = ReadComplaint(in);
  c.channel = in.Choice("channel", {"hotline", "window", "online", "mobile", "letter", "email"}, true);
  const std::string received = in.String("received_at", {false, 64});
  if (in.failed()) return Reply::Error(in.error());
  if (!received.empty()) {
    base::Result<base::Instant> at = base::ParseInstant(received);
    if (!at.ok()) return Reply::Error(400, "invalid_field", "'received_at' must be an RFC 3339 instant with offset", "received_at");
    c.received_at = *at;
  }
  return Register(svc, call, std::move(c));
}

Reply RegisterFromPortal(Service& svc, Call& call) {
  if (call.body.size() > kMaxPublicBody) {
    return Reply::Error(413, "payload_too_large",
                        "a complaint is at most " + std::to_string(kMaxPublicBody) + " bytes");
  }
  JsonInput in = JsonInput::Parse(call.body, {"dept", "item", "about_case", "category", "content",
                                              "name", "contact"});
  complaints::NewComplaint c = ReadComplaint(in);
  if (in.failed()) return Reply::Error(in.error());
  c.channel = "online";
  return Register(svc, call, std::move(c));
}

Reply Search(Service& svc, Call& call) {
  store::ComplaintQuery q;
  std::optional<ApiError> error;
  if (std::string dept = call.Query("dept"); !dept.empty()) q.dept_code = dept;
  if (std::string state = call.Query("state"); !state.empty()) {
    std::optional<complaints::ComplaintState> s = complaints::ParseComplaintState(state);
    if (!s) return Reply::Error(400, "invalid_field", "'state' must be received, fed_back, resolved or reopened", "state");
    q.stage = complaints::StageOf(*s);
  }
  q.received_from = QueryInstant(call, "from", error);
  q.received_to = QueryInstant(call, "to", error);
  if (std::string after = call.Query("cursor"); !after.empty()) {
    Call probe = call;
    probe.params["cursor"] = after;
    q.after = PathId(probe, "cursor");
    if (!q.after) return Reply::Error(400, "invalid_field", "'cursor' must be a cursor from a previous page", "cursor");
  }
  q.limit = QueryLimit(call, 50, store::kMaxPageSize, error);
  if (error) return Reply::Error(*error);
  auto lock = svc.Lock();
  base::Result<store::ComplaintPage> page = svc.store().complaints().SearchComplaints(q, call.who().scope());
  if (!page.ok()) return Reply::FromStatus(page.status());
  std::vector<std::string> items;
  for (const store::ComplaintView& v : page->complaints) items.push_back(Dump(ComplaintJson(v, false, false)));
  return Reply::Json(PageJson(items, page->next_cursor));
}

Reply One(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  if (id.empty() || id.size() > 128) return Reply::Error(400, "invalid_field", "bad complaint id", "id");
  const bool unmask = call.Query("unmask") == "true";
  if (unmask && !call.who().Can(auth::Permission::kUnmaskPersonal)) {
    return Reply::Error(403, "forbidden", "your role may not see personal data in clear", "unmask");
  }
  auto lock = svc.Lock();
  const store::Scope scope = call.who().scope();
  base::Result<std::optional<store::ComplaintView>> view = svc.store().complaints().FindComplaintView(id, scope);
  if (!view.ok()) return Reply::FromStatus(view.status());
  if (!*view) return Reply::Error(404, "not_found", "no complaint '" + id + "' that you may see", "id");
  if (unmask) {
    if (base::Status s = svc.Record(call, "personal.unmask", "complaint:" + id, "ok"); !s.ok()) {
      return Reply::FromStatus(s);
    }
  }
  base::Result<std::vector<store::StoredEvent>> events = svc.store().EventsOfCase(id);
  if (!events.ok()) return Reply::FromStatus(events.status());
  std::vector<model::Event> history;
  json timeline = json::array();
  for (const store::StoredEvent& e : *events) {
    history.push_back(e.event);
    timeline.push_back(json::parse(EventJson(e, unmask)));
  }
  json deadlines = json::array();
  if (svc.ready()) {
    for (const engine::DeadlineView& d : svc.engine().Deadlines(history, call.now)) {
      deadlines.push_back(json::parse(DeadlineJson(d)));
    }
  }
  store::AlertQuery aq;
  aq.case_id = id;
  aq.limit = store::kMaxPageSize;
  base::Result<store::AlertPage> alerts = svc.store().workflow().SearchAlerts(aq, scope);
  if (!alerts.ok()) return Reply::FromStatus(alerts.status());
  json alert_json = json::array();
  for (const store::AlertRecord& a : alerts->alerts) alert_json.push_back(json::parse(AlertJson(a)));
  json out = ComplaintJson(**view, true, unmask);
  out["timeline"] = std::move(timeline);
  out["deadlines"] = std::move(deadlines);
  out["alerts"] = std::move(alert_json);
  return Reply::Json(Dump(out));
}

Reply TakeStep(Service& svc, Call& call, complaints::ComplaintStep step) {
  const std::string id = call.params["id"];
  if (id.empty() || id.size() > 128) return Reply::Error(400, "invalid_field", "bad complaint id", "id");
  // The department answers its complaints; the desk does for anyone; reopening
  // (the complainant is not satisfied) is the desk's.
  const auth::Principal& who = call.who();
  const bool desk = who.Can(auth::Permission::kManageComplaints);
  if (!desk && (step == complaints::ComplaintStep::kReopen || !who.Can(auth::Permission::kRespondAlert))) {
    return Reply::Error(403, "forbidden", "your role may not " +
                                              std::string(complaints::ComplaintStepName(step)) +
                                              " a complaint");
  }
  JsonInput in = JsonInput::Parse(call.body, {"text"});
  const std::string text = in.String("text", {true, complaints::kMaxTextBytes});
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  complaints::ComplaintDesk complaint_desk(svc.store(), IntakeSink(svc, call.now));
  const std::string action = "complaint." + std::string(complaints::ComplaintStepName(step));
  base::Result<complaints::ComplaintState> state =
      complaint_desk.Step(id, step, text, ActorOf(call), call.now, who.scope());
  if (!state.ok()) {
    (void)svc.Record(call, action, "complaint:" + id, "failed", state.status().message());
    return Reply::Error(DeskError(state.status(), "id"));
  }
  if (auto failed = RecordOrFail(svc, call, action, "complaint:" + id,
                                 "-> " + std::string(complaints::ComplaintStateName(*state)))) {
    return *failed;
  }
  base::Result<std::optional<store::ComplaintView>> view =
      svc.store().complaints().FindComplaintView(id, who.scope());
  if (!view.ok() || !*view) return Reply::FromStatus(view.ok() ? base::Internal("complaint vanished") : view.status());
  return Reply::Json(Dump(ComplaintJson(**view, false, false)));
}

Reply Satisfaction(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  JsonInput in = JsonInput::Parse(call.body, {"level", "comment"});
  std::optional<std::int64_t> level = in.Int("level", true, 1, 5);
  const std::string comment = in.String("comment", {false, 1000});
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  complaints::ComplaintDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<store::ComplaintSatisfaction> s = desk.RecordSatisfaction(
      id, static_cast<int>(*level), comment, ActorOf(call), call.now, call.who().scope());
  if (!s.ok()) {
    (void)svc.Record(call, "complaint.satisfaction", "complaint:" + id, "failed", s.status().message());
    return Reply::Error(DeskError(s.status(), "id"));
  }
  if (auto failed = RecordOrFail(svc, call, "complaint.satisfaction", "complaint:" + id,
                                 "level " + std::to_string(s->level))) {
    return *failed;
  }
  return Reply::Json(Dump(SatisfactionJson(*s)), 201);
}

// The portal's view of one complaint: found only with its lookup code, and
// nothing personal in it.
base::Result<std::optional<store::ComplaintView>> FindWithCode(Service& svc, const std::string& id,
                                                               const std::string& code) {
  OVS_ASSIGN_OR_RETURN(std::optional<store::ComplaintRecord> record, svc.store().complaints().FindComplaint(id));
  if (!record || record->lookup_hash.empty() ||
      !auth::ConstantTimeEquals(record->lookup_hash, auth::TokenHash(code))) {
    return std::optional<store::ComplaintView>();
  }
  return svc.store().complaints().FindComplaintView(id, store::Scope::All());
}

Reply PublicOne(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  const std::string code = call.Query("code");
  if (code.empty() || code.size() > 32) {
    return Reply::Error(400, "invalid_field", "'code' (the lookup code given at filing) is required", "code");
  }
  auto lock = svc.Lock();
  base::Result<std::optional<store::ComplaintView>> view = FindWithCode(svc, id, code);
  if (!view.ok()) return Reply::FromStatus(view.status());
  if (!*view) return Reply::Error(404, "not_found", "no complaint with this id and lookup code", "id");
  const model::Case& c = (*view)->kase;
  return Reply::Json(Dump({{"id", c.id},
                           {"state", StateJson(c)},
                           {"received_at", base::FormatInstantUtc(c.first_at)},
                           {"last_step_at", base::FormatInstantUtc(c.last_at)},
                           {"satisfaction", SatisfactionJson((*view)->satisfaction)}}));
}

Reply PublicSatisfaction(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  if (call.body.size() > kMaxPublicBody) return Reply::Error(413, "payload_too_large", "the body is too large");
  JsonInput in = JsonInput::Parse(call.body, {"code", "level", "comment"});
  const std::string code = in.String("code", {true, 32});
  std::optional<std::int64_t> level = in.Int("level", true, 1, 5);
  const std::string comment = in.String("comment", {false, 1000});
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  base::Result<std::optional<store::ComplaintView>> view = FindWithCode(svc, id, code);
  if (!view.ok()) return Reply::FromStatus(view.status());
  if (!*view) return Reply::Error(404, "not_found", "no complaint with this id and lookup code", "id");
  complaints::ComplaintDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<store::ComplaintSatisfaction> s = desk.RecordSatisfaction(
      id, static_cast<int>(*level), comment, ActorOf(call), call.now, store::Scope::All());
  if (!s.ok()) return Reply::Error(DeskError(s.status(), "id"));
  if (auto failed = RecordOrFail(svc, call, "complaint.satisfaction", "complaint:" + id,
                                 "level " + std::to_string(s->level) + " (portal)")) {
    return *failed;
  }
  return Reply::Json(Dump({{"id", id}, {"level", s->level}}), 201);
}

}  // namespace

void AddComplaintRoutes(RouteTable& routes, Service& svc) {
  using complaints::ComplaintStep;
  routes.push_back({"POST", "/api/v1/complaints", Access::kSignedIn, auth::Permission::kManageComplaints,
                    [&svc](Call& call) { return RegisterAtDesk(svc, call); }});
  routes.push_back({"GET", "/api/v1/complaints", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return Search(svc, call); }});
  routes.push_back({"GET", "/api/v1/complaints/{id}", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return One(svc, call); }});
  routes.push_back({"POST", "/api/v1/complaints/{id}/feedback", Access::kSignedIn,
                    auth::Permission::kReadCases,
                    [&svc](Call& call) { return TakeStep(svc, call, ComplaintStep::kFeedback); }});
  routes.push_back({"POST", "/api/v1/complaints/{id}/resolve", Access::kSignedIn,
                    auth::Permission::kReadCases,
                    [&svc](Call& call) { return TakeStep(svc, call, ComplaintStep::kResolve); }});
  routes.push_back({"POST", "/api/v1/complaints/{id}/reopen", Access::kSignedIn,
                    auth::Permission::kManageComplaints,
                    [&svc](Call& call) { return TakeStep(svc, call, ComplaintStep::kReopen); }});
  routes.push_back({"POST", "/api/v1/complaints/{id}/satisfaction", Access::kSignedIn,
                    auth::Permission::kManageComplaints,
                    [&svc](Call& call) { return Satisfaction(svc, call); }});
  routes.push_back({"POST", "/api/v1/public/complaints", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return RegisterFromPortal(svc, call); }});
  routes.push_back({"GET", "/api/v1/public/complaints/{id}", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return PublicOne(svc, call); }});
  routes.push_back({"POST", "/api/v1/public/complaints/{id}/satisfaction", Access::kPublic,
                    std::nullopt, [&svc](Call& call) { return PublicSatisfaction(svc, call); }});
}

}  // namespace oversight::server
