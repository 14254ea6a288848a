// Satisfaction ratings (好差评, docs/COMPLAINTS.md). The online hall pushes ratings
// with its API token, the complaint desk records those given by phone, and the
// public portal takes an applicant's rating of their own case (proved with the
// last 4 characters of the identity or phone number on record). A bad rating
// opens a rectification case whose steps the department takes here; the
// department may appeal a mistaken or malicious rating, the bureau decides.
// Lists are scoped in the store's SQL and carry the figures over the codes as
// coded (1 best … 5 worst; never inverted).

#include <nlohmann/json.hpp>

#include "complaints/rating_desk.h"
#include "server/event_intake.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPublicBody = 8 * 1024;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json OptTime(const std::optional<base::Instant>& at) {
  return at ? json(base::FormatInstantUtc(*at)) : json(nullptr);
}

json AppealJson(const std::optional<store::RatingAppeal>& a) {
  if (!a) return nullptr;
  return {{"reason", a->reason},
          {"filed_by", a->filed_by},
          {"filed_at", base::FormatInstantUtc(a->filed_at)},
          {"state", a->decision.empty() ? std::string("pending") : a->decision},
          {"decision_reason", a->decision_reason},
          {"decided_by", a->decided_by},
          {"decided_at", OptTime(a->decided_at)}};
}

json RatingJson(const store::RatingRecord& r) {
  return {{"id", r.id},
          {"case_id", r.case_id.empty() ? json(nullptr) : json(r.case_id)},
          {"item_code", r.item_code},
          {"dept_code", r.dept_code},
          {"level", r.level},
          {"level_name", std::string(complaints::LevelName(r.level))},
          {"bad", complaints::IsBadLevel(r.level)},
          {"channel", r.channel},
          {"comment", r.comment},
          {"rater", r.rater},
          {"rated_at", base::FormatInstantUtc(r.rated_at)},
          {"is_default", r.is_default},
          {"rectification_case", r.rectification_case.empty() ? json(nullptr) : json(r.rectification_case)},
          {"excluded", r.excluded_at.has_value()},
          {"excluded_at", OptTime(r.excluded_at)},
          {"excluded_reason", r.excluded_reason},
          {"appeal", AppealJson(r.appeal)}};
}

json SummaryJson(const store::RatingSummary& s) {
  json per_level = json::object();
  for (int level = 1; level <= 5; ++level) {
    per_level[std::to_string(level)] = s.per_level[static_cast<std::size_t>(level - 1)];
  }
  return {{"count", s.count},
          {"bad", s.bad},
          {"excluded", s.excluded},
          {"per_level", per_level},
          // The mean of the codes as coded: lower is better (GB/T 39046 A.8).
          {"average_level", s.average_level ? json(*s.average_level) : json(nullptr)}};
}

complaints::Actor ActorOf(const Call& call) {
  const auth::Principal& who = call.who();
  return {who.name, who.role ? std::string(auth::RoleName(*who.role)) : "token"};
}

// The rating fields every route that takes a rating reads.
complaints::NewRating ReadRating(JsonInput& in) {
  complaints::NewRating r;
  r.case_id = in.String("case_id", {false, 128});
  std::optional<std::int64_t> level = in.Int("level", true, 1, 5);
  r.level = level ? static_cast<int>(*level) : 0;
  r.comment = in.String("comment", {false, 1000});
  return r;
}

Reply SaveRating(Service& svc, Call& call, const complaints::NewRating& rating, const std::string& rater,
            const complaints::DepartmentCheck& may_rate) {
  complaints::RatingDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<store::RatingRecord> added = desk.Add(rating, rater, call.now, may_rate);
  if (!added.ok()) {
    (void)svc.Record(call, "rating.add", "rating:", "failed", added.status().message());
    ApiError e = DeskError(added.status());
    if (added.status().code() == base::StatusCode::kAlreadyExists) e.code = "already_rated";
    return Reply::Error(e);
  }
  std::string detail = "level " + std::to_string(added->level);
  if (!added->rectification_case.empty()) detail += ", rectification case " + added->rectification_case;
  if (base::Status s = svc.Record(call, "rating.add", "rating:" + std::to_string(added->id), "ok", detail);
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  return Reply::Json(Dump(RatingJson(*added)), 201);
}

// The online hall (an API token) or the complaint desk (a rating given by phone).
Reply Add(Service& svc, Call& call) {
  const auth::Principal& who = call.who();
  const bool token = who.is_token && who.Can(auth::Permission::kIngest);
  if (!token && !who.Can(auth::Permission::kManageComplaints)) {
    return Reply::Error(403, "forbidden", "ratings come from the online hall's token or the complaint desk");
  }
  JsonInput in = JsonInput::Parse(call.body, {"case_id", "item", "level", "channel", "comment", "rated_at"});
  complaints::NewRating rating = ReadRating(in);
  rating.item_code = in.String("item", {false, 128});
  rating.channel = in.String("channel", {true, 32});
  const std::string rated_at = in.String("rated_at", {false, 64});
  if (in.failed()) return Reply::Error(in.error());
  if (!rated_at.empty()) {
    base::Result<base::Instant> at = base::ParseInstant(rated_at);
    if (!at.ok()) return Reply::Error(400, "invalid_field", "'rated_at' must be an RFC 3339 instant with offset", "rated_at");
    rating.rated_at = *at;
  }
  complaints::DepartmentCheck may_rate;
  if (token) {
    may_rate = [&who](const std::string& dept) -> base::Status {
      if (who.MayIngestFor(dept)) return base::Status::Ok();
      return base::InvalidArgument("'case_id': this token may not send for department " + dept);
    };
  }
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  return SaveRating(svc, call, rating, token ? "token:" + who.token_source : who.name, may_rate);
}

// The public portal: an applicant rates their own case.
Reply AddFromPortal(Service& svc, Call& call) {
  if (call.body.size() > kMaxPublicBody) {
    return Reply::Error(413, "payload_too_large", "a rating is at most " + std::to_string(kMaxPublicBody) + " bytes");
  }
  JsonInput in = JsonInput::Parse(call.body, {"case_id", "proof", "level", "channel", "comment"});
  complaints::NewRating rating = ReadRating(in);
  const std::string proof = in.String("proof", {true, 4});
  rating.channel = in.Choice("channel", {"pc", "mobile", "qr_code"}, false);
  if (rating.channel.empty()) rating.channel = "pc";
  if (!in.failed() && rating.case_id.empty()) in.Fail("case_id", "'case_id' is required (the case you rate)");
  if (!in.failed() && proof.size() != 4) {
    in.Fail("proof", "'proof' is the last 4 characters of your identity or phone number");
  }
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  complaints::RatingDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<complaints::Proof> checked = desk.CheckProof(rating.case_id, proof, call.now);
  if (!checked.ok()) return Reply::FromStatus(checked.status());
  switch (*checked) {
    case complaints::Proof::kMatches: break;
    case complaints::Proof::kWrong:
      (void)svc.Record(call, "rating.public_proof", "case:" + rating.case_id, "denied");
      return Reply::Error(403, "proof_mismatch", "the proof does not match the applicant of this case", "proof");
    case complaints::Proof::kNoRecord:
      // Same answer as an unknown case, so case numbers cannot be probed here.
      return Reply::Error(404, "not_found", "no case with this number can be rated here; rate it at the hall", "case_id");
    case complaints::Proof::kTooManyTries:
      return Reply::Error(429, "too_many_attempts", "too many wrong proofs for this case; try again tomorrow", "proof");
  }
  Reply reply = SaveRating(svc, call, rating, "public", nullptr);
  if (reply.status != 201) return reply;
  // Nothing personal back: the rating's id and what it counts as.
  json stored = json::parse(reply.body);
  return Reply::Json(Dump({{"id", stored["id"]},
                           {"level", stored["level"]},
                           {"level_name", stored["level_name"]},
                           {"rectification", !stored["rectification_case"].is_null()}}),
                     201);
}

Reply Search(Service& svc, Call& call) {
  store::RatingQuery q;
  std::optional<ApiError> error;
  if (std::string v = call.Query("case"); !v.empty()) q.case_id = v;
  if (std::string v = call.Query("dept"); !v.empty()) q.dept_code = v;
  if (std::string v = call.Query("item"); !v.empty()) q.item_code = v;
  if (std::string v = call.Query("level"); !v.empty()) {
    if (v.size() != 1 || v[0] < '1' || v[0] > '5') return Reply::Error(400, "invalid_field", "'level' must be 1..5", "level");
    q.level = v[0] - '0';
  }
  q.bad_only = call.Query("bad") == "true";
  q.include_excluded = call.Query("excluded") != "false";
  if (std::string v = call.Query("appeal"); !v.empty()) {
    if (v != "pending" && v != "upheld" && v != "rejected" && v != "none") {
      return Reply::Error(400, "invalid_field", "'appeal' must be pending, upheld, rejected or none", "appeal");
    }
    q.appeal = v;
  }
  q.from = QueryInstant(call, "from", error);
  q.to = QueryInstant(call, "to", error);
  if (std::string after = call.Query("cursor"); !after.empty()) {
    Call probe = call;
    probe.params["cursor"] = after;
    q.after_id = PathId(probe, "cursor");
    if (!q.after_id) return Reply::Error(400, "invalid_field", "'cursor' must be a cursor from a previous page", "cursor");
  }
  q.limit = QueryLimit(call, 50, store::kMaxPageSize, error);
  if (error) return Reply::Error(*error);
  auto lock = svc.Lock();
  const store::Scope scope = call.who().scope();
  base::Result<store::RatingPage> page = svc.store().ratings().SearchRatings(q, scope);
  if (!page.ok()) return Reply::FromStatus(page.status());
  base::Result<store::RatingSummary> summary = svc.store().ratings().Summarise(q, scope);
  if (!summary.ok()) return Reply::FromStatus(summary.status());
  json items = json::array();
  for (const store::RatingRecord& r : page->ratings) items.push_back(RatingJson(r));
  return Reply::Json(Dump({{"items", items},
                           {"next_cursor", page->next_cursor ? json(*page->next_cursor) : json(nullptr)},
                           {"summary", SummaryJson(*summary)}}));
}

Reply One(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id) return Reply::Error(400, "invalid_field", "the rating id must be a positive integer", "id");
  auto lock = svc.Lock();
  base::Result<std::optional<store::RatingRecord>> r = svc.store().ratings().FindRating(*id, call.who().scope());
  if (!r.ok()) return Reply::FromStatus(r.status());
  if (!*r) return Reply::Error(404, "not_found", "no rating " + std::to_string(*id) + " that you may see", "id");
  return Reply::Json(Dump(RatingJson(**r)));
}

Reply Appeal(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id) return Reply::Error(400, "invalid_field", "the rating id must be a positive integer", "id");
  JsonInput in = JsonInput::Parse(call.body, {"reason"});
  const std::string reason = in.String("reason", {true, 4000});
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  complaints::RatingDesk desk(svc.store(), IntakeSink(svc, call.now));
  const std::string object = "rating:" + std::to_string(*id);
  base::Result<store::RatingAppeal> appeal = desk.Appeal(*id, reason, ActorOf(call), call.now, call.who().scope());
  if (!appeal.ok()) {
    (void)svc.Record(call, "rating.appeal", object, "failed", appeal.status().message());
    return Reply::Error(DeskError(appeal.status(), "id"));
  }
  if (base::Status s = svc.Record(call, "rating.appeal", object, "ok"); !s.ok()) return Reply::FromStatus(s);
  base::Result<std::optional<store::RatingRecord>> r = svc.store().ratings().FindRating(*id, store::Scope::All());
  if (!r.ok() || !*r) return Reply::FromStatus(r.ok() ? base::Internal("rating vanished") : r.status());
  return Reply::Json(Dump(RatingJson(**r)), 201);
}

Reply Decide(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id) return Reply::Error(400, "invalid_field", "the rating id must be a positive integer", "id");
  JsonInput in = JsonInput::Parse(call.body, {"decision", "reason"});
  const std::string decision = in.Choice("decision", {"upheld", "rejected"}, true);
  const std::string reason = in.String("reason", {true, 4000});
  if (in.failed()) return Reply::Error(in.error());
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  complaints::RatingDesk desk(svc.store(), IntakeSink(svc, call.now));
  const std::string object = "rating:" + std::to_string(*id);
  base::Result<complaints::AppealOutcome> outcome = desk.Decide(*id, decision, reason, ActorOf(call), call.now);
  if (!outcome.ok()) {
    (void)svc.Record(call, "rating.appeal_decide", object, "failed", outcome.status().message());
    return Reply::Error(DeskError(outcome.status(), "id"));
  }
  std::string detail = decision;
  for (const store::AlertRecord& a : outcome->withdrawn) {
    detail += (&a == &outcome->withdrawn.front() ? "; withdrew alert " : ", ") + std::to_string(a.id);
  }
  if (base::Status s = svc.Record(call, "rating.appeal_decide", object, "ok", detail); !s.ok()) {
    return Reply::FromStatus(s);
  }
  json withdrawn = json::array();
  for (const store::AlertRecord& a : outcome->withdrawn) {
    svc.PublishAlert(a, "alert_state");
    withdrawn.push_back(json::parse(AlertJson(a)));
  }
  json out = RatingJson(outcome->rating);
  out["withdrawn_alerts"] = std::move(withdrawn);
  return Reply::Json(Dump(out));
}

Reply Step(Service& svc, Call& call) {
  const std::string id = call.params["id"];
  if (id.empty() || id.size() > 128) return Reply::Error(400, "invalid_field", "bad case id", "id");
  const auth::Principal& who = call.who();
  if (!who.Can(auth::Permission::kRespondAlert) && !who.Can(auth::Permission::kManageComplaints)) {
    return Reply::Error(403, "forbidden", "the department (or the complaint desk) takes rectification steps");
  }
  JsonInput in = JsonInput::Parse(call.body, {"step", "text"});
  const std::string step_name = in.Choice("step", {"verify", "rectify", "revisit"}, true);
  const std::string text = in.String("text", {true, 4000});
  if (in.failed()) return Reply::Error(in.error());
  const complaints::RatingStep step = *complaints::ParseRatingStep(step_name);
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  complaints::RatingDesk desk(svc.store(), IntakeSink(svc, call.now));
  base::Result<std::string> state = desk.Step(id, step, text, ActorOf(call), call.now, who.scope());
  if (!state.ok()) {
    (void)svc.Record(call, "rating." + step_name, "case:" + id, "failed", state.status().message());
    return Reply::Error(DeskError(state.status(), "id"));
  }
  if (base::Status s = svc.Record(call, "rating." + step_name, "case:" + id, "ok", "-> " + *state); !s.ok()) {
    return Reply::FromStatus(s);
  }
  return Reply::Json(Dump({{"case_id", id}, {"state", *state}}));
}

}  // namespace

void AddRatingRoutes(RouteTable& routes, Service& svc) {
  // A token (the online hall) or the desk; checked in the handler, since a token
  // holds only the ingest permission and a session never does.
  routes.push_back({"POST", "/api/v1/ratings", Access::kIngest, std::nullopt,
                    [&svc](Call& call) { return Add(svc, call); }});
  routes.push_back({"GET", "/api/v1/ratings", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return Search(svc, call); }});
  routes.push_back({"GET", "/api/v1/ratings/{id}", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return One(svc, call); }});
  routes.push_back({"POST", "/api/v1/ratings/{id}/appeal", Access::kSignedIn,
                    auth::Permission::kRespondAlert, [&svc](Call& call) { return Appeal(svc, call); }});
  routes.push_back({"POST", "/api/v1/ratings/{id}/appeal/decision", Access::kSignedIn,
                    auth::Permission::kJudgeAlert, [&svc](Call& call) { return Decide(svc, call); }});
  routes.push_back({"POST", "/api/v1/rating-cases/{id}/steps", Access::kSignedIn,
                    auth::Permission::kReadCases, [&svc](Call& call) { return Step(svc, call); }});
  routes.push_back({"POST", "/api/v1/public/ratings", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return AddFromPortal(svc, call); }});
}

}  // namespace oversight::server
