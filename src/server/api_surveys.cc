// Questionnaires (调查问卷, docs/SURVEYS.md): the bureau designs, edits (a new
// version), publishes and closes them and invites completed cases; the public
// portal lists the open ones and takes responses, each validated, stored with
// its case's department and counted — valid or refused — for the valid response
// rate; results are aggregated per version, question and department, scoped to
// the caller's departments in the store's SQL.

#include <nlohmann/json.hpp>

#include "auth/random.h"
#include "auth/token.h"
#include "base/strings.h"
#include "server/json_input.h"
#include "server/routes.h"
#include "spotcheck/period.h"
#include "store/survey_store.h"
#include "survey/aggregate.h"
#include "survey/answers.h"
#include "survey/lifecycle.h"
#include "survey/questionnaire.h"

namespace oversight::server {
namespace {

using nlohmann::json;

constexpr std::int64_t kDefaultInvitations = 1000;
constexpr std::int64_t kMaxInvitations = 5000;
constexpr std::size_t kInvitationTokenBytes =
    16;  // 128 bits; 22 characters, short enough for a text message

struct Loaded {
  store::SurveyRecord record;
  survey::Questionnaire questionnaire;
  survey::SurveyState state = survey::SurveyState::kDraft;
};

json Nullable(const std::optional<base::Instant>& at) {
  return at ? json(base::FormatInstantUtc(*at)) : json(nullptr);
}

// The id from the path, or an error reply.
std::optional<std::string> SurveyId(const Call& call, std::optional<Reply>& error) {
  auto it = call.params.find("id");
  if (it == call.params.end() || !survey::ValidSurveyId(it->second)) {
    error = Reply::Error(400, "invalid_field",
                         "the questionnaire id must be 1-64 of a-z, 0-9, '.', '-', '_'", "id");
    return std::nullopt;
  }
  return it->second;
}

// Loads a questionnaire with its current definition (lock held); NotFound when absent.
base::Result<Loaded> Load(Service& svc, const std::string& id) {
  OVS_ASSIGN_OR_RETURN(std::optional<store::SurveyRecord> record,
                       svc.store().surveys().FindSurvey(id));
  if (!record) return base::NotFound("no questionnaire '" + id + "'");
  base::Result<survey::Questionnaire> q =
      survey::ParseQuestionnaireJson(record->current.definition_json);
  if (!q.ok())
    return base::DataLoss("stored questionnaire '" + id +
                          "' does not parse: " + q.status().message());
  std::optional<survey::SurveyState> state = survey::ParseSurveyState(record->state);
  if (!state)
    return base::DataLoss("stored questionnaire '" + id + "' has state '" + record->state + "'");
  return Loaded{std::move(*record), std::move(*q), *state};
}

json Summary(const Loaded& s, base::Instant now) {
  const store::SurveyRecord& r = s.record;
  const survey::Questionnaire& q = s.questionnaire;
  return json{{"id", r.id},
              {"title", {{"zh", q.title.zh}, {"en", q.title.en}}},
              {"state", r.state},
              {"status", std::string(survey::SurveyStatusName(survey::StatusAt(s.state, q, now)))},
              {"version", r.current.version},
              {"opens_at", base::FormatInstantUtc(q.opens_at)},
              {"closes_at", base::FormatInstantUtc(q.closes_at)},
              {"attach_items", q.attach_items},
              {"questions", q.questions.size()},
              {"created_by", r.created_by},
              {"created_at", base::FormatInstantUtc(r.created_at)},
              {"published_by", r.published_by},
              {"published_at", Nullable(r.published_at)},
              {"closed_by", r.closed_by},
              {"closed_at", Nullable(r.closed_at)}};
}

Reply DefinitionError(const base::Status& status) {
  return Reply::Error(400, "invalid_field", status.message(), survey::ErrorField(status));
}

Reply Design(Service& svc, Call& call) {
  base::Result<survey::Questionnaire> q = survey::ParseQuestionnaireJson(call.body);
  if (!q.ok()) return DefinitionError(q.status());
  auto lock = svc.Lock();
  store::SurveyVersionRecord first{
      q->id,           1,       survey::QuestionnaireJson(*q), q->opens_at, q->closes_at,
      call.who().name, call.now};
  base::Status created = svc.store().surveys().CreateSurvey(first);
  const std::string object = "survey:" + q->id;
  if (!created.ok()) {
    (void)svc.Record(call, "survey.create", object, "failed", created.message());
    return Reply::FromStatus(created,
                             created.code() == base::StatusCode::kAlreadyExists ? "id" : "");
  }
  if (base::Status s = svc.Record(call, "survey.create", object, "ok", "version 1"); !s.ok()) {
    return Reply::FromStatus(s);
  }
  base::Result<Loaded> loaded = Load(svc, q->id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status());
  return Reply::Json(Summary(*loaded, call.now).dump(), 201);
}

Reply Edit(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  base::Result<survey::Questionnaire> q = survey::ParseQuestionnaireJson(call.body);
  if (!q.ok()) return DefinitionError(q.status());
  if (q->id != *id) {
    return Reply::Error(400, "invalid_field",
                        "the body's id '" + q->id + "' is not the questionnaire edited", "id");
  }
  auto lock = svc.Lock();
  base::Result<Loaded> current = Load(svc, *id);
  if (!current.ok()) return Reply::FromStatus(current.status(), "id");
  const std::string object = "survey:" + *id;
  if (base::Status s = survey::CheckEdit(current->state, current->questionnaire); !s.ok()) {
    (void)svc.Record(call, "survey.edit", object, "failed", s.message());
    return Reply::Error(409, "conflict", s.message());
  }
  store::SurveyVersionRecord next{
      *id, 0, survey::QuestionnaireJson(*q), q->opens_at, q->closes_at, call.who().name, call.now};
  base::Result<std::int64_t> version = svc.store().surveys().AddSurveyVersion(next);
  if (!version.ok()) {
    (void)svc.Record(call, "survey.edit", object, "failed", version.status().message());
    return Reply::FromStatus(version.status());
  }
  if (base::Status s =
          svc.Record(call, "survey.edit", object, "ok", "version " + std::to_string(*version));
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  base::Result<Loaded> loaded = Load(svc, *id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status());
  return Reply::Json(Summary(*loaded, call.now).dump());
}

Reply List(Service& svc, Call& call) {
  const std::string status = call.Query("status");
  if (!status.empty() && status != "draft" && status != "scheduled" && status != "open" &&
      status != "closed") {
    return Reply::Error(400, "invalid_field", "'status' must be draft, scheduled, open or closed",
                        "status");
  }
  auto lock = svc.Lock();
  base::Result<std::vector<store::SurveyRecord>> all = svc.store().surveys().ListSurveys();
  if (!all.ok()) return Reply::FromStatus(all.status());
  json items = json::array();
  for (const store::SurveyRecord& r : *all) {
    base::Result<Loaded> loaded = Load(svc, r.id);
    if (!loaded.ok()) return Reply::FromStatus(loaded.status());
    json summary = Summary(*loaded, call.now);
    if (!status.empty() && summary["status"] != status) continue;
    items.push_back(std::move(summary));
  }
  return Reply::Json(json{{"items", std::move(items)}}.dump());
}

Reply One(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  auto lock = svc.Lock();
  base::Result<Loaded> loaded = Load(svc, *id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status(), "id");
  base::Result<std::vector<store::SurveyVersionRecord>> versions =
      svc.store().surveys().SurveyVersions(*id);
  if (!versions.ok()) return Reply::FromStatus(versions.status());
  json out = Summary(*loaded, call.now);
  out["definition"] = json::parse(loaded->record.current.definition_json);
  json history = json::array();
  for (const store::SurveyVersionRecord& v : *versions) {
    history.push_back(json{{"version", v.version},
                           {"created_by", v.created_by},
                           {"created_at", base::FormatInstantUtc(v.created_at)},
                           {"opens_at", base::FormatInstantUtc(v.opens_at)},
                           {"closes_at", base::FormatInstantUtc(v.closes_at)}});
  }
  out["versions"] = std::move(history);
  return Reply::Json(out.dump());
}

// publish or close.
Reply Transition(Service& svc, Call& call, bool publish) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  if (!call.body.empty()) {
    JsonInput in = JsonInput::Parse(call.body, {});
    if (in.failed()) return Reply::Error(in.error());
  }
  const std::string action = publish ? "survey.publish" : "survey.close";
  auto lock = svc.Lock();
  base::Result<Loaded> current = Load(svc, *id);
  if (!current.ok()) return Reply::FromStatus(current.status(), "id");
  const std::string object = "survey:" + *id;
  base::Status allowed =
      publish ? survey::CheckPublish(current->state, current->questionnaire, call.now)
              : survey::CheckClose(current->state);
  if (!allowed.ok()) {
    (void)svc.Record(call, action, object, "failed", allowed.message());
    return Reply::Error(409, "conflict", allowed.message());
  }
  base::Result<store::SurveyRecord> moved = svc.store().surveys().SetSurveyState(
      *id, current->record.state, publish ? "published" : "closed", call.who().name, call.now);
  if (!moved.ok()) {
    (void)svc.Record(call, action, object, "failed", moved.status().message());
    return Reply::FromStatus(moved.status());
  }
  if (base::Status s =
          svc.Record(call, action, object, "ok", current->record.state + " -> " + moved->state);
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  base::Result<Loaded> loaded = Load(svc, *id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status());
  return Reply::Json(Summary(*loaded, call.now).dump());
}

Reply Results(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  auto lock = svc.Lock();
  base::Result<Loaded> loaded = Load(svc, *id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status(), "id");
  store::SurveyStore& surveys = svc.store().surveys();
  const store::Scope scope = call.who().scope();
  base::Result<std::vector<store::SurveyVersionRecord>> versions = surveys.SurveyVersions(*id);
  base::Result<std::vector<store::ResponseRecord>> responses = surveys.SurveyResponses(*id, scope);
  base::Result<std::vector<store::SurveyOutcomeCount>> submissions =
      surveys.CountSubmissions(*id, scope);
  base::Result<std::vector<store::SurveyDeptCount>> invitations =
      surveys.CountInvitations(*id, scope);
  if (!versions.ok()) return Reply::FromStatus(versions.status());
  if (!responses.ok()) return Reply::FromStatus(responses.status());
  if (!submissions.ok()) return Reply::FromStatus(submissions.status());
  if (!invitations.ok()) return Reply::FromStatus(invitations.status());
  std::vector<survey::VersionDefinition> defs;
  for (const store::SurveyVersionRecord& v : *versions) {
    base::Result<survey::Questionnaire> q = survey::ParseQuestionnaireJson(v.definition_json);
    if (!q.ok())
      return Reply::FromStatus(
          base::DataLoss("stored version does not parse: " + q.status().message()));
    defs.push_back({v.version, std::move(*q)});
  }
  std::vector<survey::StoredAnswers> answers;
  for (const store::ResponseRecord& r : *responses) {
    answers.push_back({r.version, r.dept_code, r.invitation_id.has_value(), r.answers_json});
  }
  std::vector<survey::OutcomeCount> outcomes;
  for (const store::SurveyOutcomeCount& c : *submissions)
    outcomes.push_back({c.dept_code, c.outcome, c.count});
  std::vector<survey::DeptCount> invited;
  for (const store::SurveyDeptCount& c : *invitations) invited.push_back({c.dept_code, c.count});
  base::Result<survey::Results> results = survey::Aggregate(*id, defs, answers, outcomes, invited);
  if (!results.ok()) return Reply::FromStatus(results.status());
  json out = json::parse(survey::ResultsJson(*results));
  out["status"] = std::string(
      survey::SurveyStatusName(survey::StatusAt(loaded->state, loaded->questionnaire, call.now)));
  out["scope"] = scope.all() ? json("all") : json(scope.departments());
  return Reply::Json(out.dump());
}

Reply Invite(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  JsonInput in = JsonInput::Parse(call.body, {"period", "limit"});
  const std::string period_text = in.String("period", {true, 16});
  const std::int64_t limit =
      in.Int("limit", false, 1, kMaxInvitations).value_or(kDefaultInvitations);
  if (in.failed()) return Reply::Error(in.error());
  base::Result<spotcheck::Period> period = spotcheck::ParsePeriod(period_text);
  if (!period.ok()) return Reply::Error(400, "invalid_field", period.status().message(), "period");
  auto lock = svc.Lock();
  base::Result<Loaded> loaded = Load(svc, *id);
  if (!loaded.ok()) return Reply::FromStatus(loaded.status(), "id");
  const std::string object = "survey:" + *id;
  const survey::SurveyStatus status =
      survey::StatusAt(loaded->state, loaded->questionnaire, call.now);
  if (status != survey::SurveyStatus::kOpen && status != survey::SurveyStatus::kScheduled) {
    const std::string why =
        "questionnaire '" + *id + "' is " + std::string(survey::SurveyStatusName(status)) +
        "; invitations are issued for a published questionnaire that has not closed";
    (void)svc.Record(call, "survey.invite", object, "failed", why);
    return Reply::Error(409, "conflict", why);
  }
  store::CompletedCaseQuery query;
  query.from = svc.calendar().StartOfLocalDay(period->first);
  query.to = svc.calendar().StartOfLocalDay(period->end);
  query.items = loaded->questionnaire.attach_items;
  base::Result<std::vector<store::CompletedCase>> candidates =
      svc.store().surveys().InvitationCandidates(*id, query);
  if (!candidates.ok()) return Reply::FromStatus(candidates.status());
  const std::size_t take = std::min(candidates->size(), static_cast<std::size_t>(limit));
  std::vector<store::InvitationRecord> records;
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < take; ++i) {
    const store::CompletedCase& c = (*candidates)[i];
    tokens.push_back(auth::MakeSecret(auth::RandomBytes(kInvitationTokenBytes)));
    records.push_back({0, *id, c.case_id, c.dept_code, c.item_code, auth::TokenHash(tokens.back()),
                       call.who().name, call.now});
  }
  if (base::Status s = svc.store().surveys().AddInvitations(records); !s.ok()) {
    (void)svc.Record(call, "survey.invite", object, "failed", s.message());
    return Reply::FromStatus(s);
  }
  const std::int64_t remaining = static_cast<std::int64_t>(candidates->size() - take);
  if (base::Status s = svc.Record(call, "survey.invite", object, "ok",
                                  "period " + period->text + ": " + std::to_string(take) +
                                      " issued, " + std::to_string(remaining) + " remaining");
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  json issued = json::array();
  for (std::size_t i = 0; i < take; ++i) {
    issued.push_back(json{{"case_id", records[i].case_id},
                          {"dept_code", records[i].dept_code},
                          {"item_code", records[i].item_code},
                          {"token", tokens[i]}});
  }
  return Reply::Json(json{{"survey", *id},
                          {"period", period->text},
                          {"issued", take},
                          {"remaining", remaining},
                          {"invitations", std::move(issued)}}
                         .dump(),
                     201);
}

// --- the public portal ---

Reply PublicList(Service& svc, Call& call) {
  auto lock = svc.Lock();
  base::Result<std::vector<store::SurveyRecord>> all = svc.store().surveys().ListSurveys();
  if (!all.ok()) return Reply::FromStatus(all.status());
  json items = json::array();
  for (const store::SurveyRecord& r : *all) {
    base::Result<Loaded> loaded = Load(svc, r.id);
    if (!loaded.ok()) return Reply::FromStatus(loaded.status());
    if (survey::StatusAt(loaded->state, loaded->questionnaire, call.now) !=
        survey::SurveyStatus::kOpen)
      continue;
    items.push_back(
        json::parse(survey::PublicQuestionnaireJson(loaded->questionnaire, r.current.version)));
  }
  return Reply::Json(json{{"items", std::move(items)}}.dump());
}

// An open questionnaire, or the reply that says why not.
base::Result<Loaded> OpenSurvey(Service& svc, const std::string& id, base::Instant now,
                                std::optional<Reply>& refusal) {
  base::Result<Loaded> loaded = Load(svc, id);
  if (!loaded.ok()) {
    if (loaded.status().code() == base::StatusCode::kNotFound) {
      refusal = Reply::Error(404, "not_found", "no open questionnaire '" + id + "'", "id");
    }
    return loaded;
  }
  switch (survey::StatusAt(loaded->state, loaded->questionnaire, now)) {
    case survey::SurveyStatus::kOpen:
      break;
    case survey::SurveyStatus::kDraft:
      refusal = Reply::Error(404, "not_found", "no open questionnaire '" + id + "'", "id");
      break;
    case survey::SurveyStatus::kScheduled:
      refusal = Reply::Error(
          409, "not_open",
          "the questionnaire opens at " + base::FormatInstantUtc(loaded->questionnaire.opens_at));
      break;
    case survey::SurveyStatus::kClosed:
      refusal =
          Reply::Error(409, "closed", "the questionnaire is closed and takes no more answers");
      break;
  }
  return loaded;
}

Reply PublicOne(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  auto lock = svc.Lock();
  std::optional<Reply> refusal;
  base::Result<Loaded> loaded = OpenSurvey(svc, *id, call.now, refusal);
  // The portal shows only what takes answers now.
  if (refusal) return Reply::Error(404, "not_found", "no open questionnaire '" + *id + "'", "id");
  if (!loaded.ok()) return Reply::FromStatus(loaded.status());
  return Reply::Json(
      survey::PublicQuestionnaireJson(loaded->questionnaire, loaded->record.current.version));
}

Reply Respond(Service& svc, Call& call) {
  std::optional<Reply> error;
  std::optional<std::string> id = SurveyId(call, error);
  if (!id) return *error;
  auto lock = svc.Lock();
  std::optional<Reply> closed;
  base::Result<Loaded> loaded = OpenSurvey(svc, *id, call.now, closed);
  // Outside its window a questionnaire collects nothing, so nothing is counted.
  if (closed) return *closed;
  if (!loaded.ok()) return Reply::FromStatus(loaded.status());
  const std::int64_t version = loaded->record.current.version;
  const std::string object = "survey:" + *id;
  std::string dept;  // of the case, once known
  // Counts a refused submission and answers with the field at fault.
  auto refuse = [&](int http, const std::string& code, const std::string& message,
                    const std::string& field) {
    store::SubmissionRecord sub{*id, version, call.now, dept, code, field};
    if (base::Status s = svc.store().surveys().AddRefusedSubmission(sub); !s.ok())
      return Reply::FromStatus(s);
    if (base::Status s = svc.Record(call, "survey.respond", object, "failed", code + ": " + field);
        !s.ok()) {
      return Reply::FromStatus(s);
    }
    return Reply::Error(http, code, message, field);
  };

  base::Result<survey::ResponseRequest> request = survey::ParseResponseRequest(call.body);
  if (!request.ok()) {
    return refuse(400, "invalid", request.status().message(), survey::ErrorField(request.status()));
  }
  store::CompletedCase served;
  std::optional<std::int64_t> invitation_id;
  const std::string id_field = request->token.empty() ? "case_id" : "token";
  if (!request->token.empty()) {
    base::Result<std::optional<store::InvitationRecord>> invitation =
        svc.store().surveys().FindInvitation(auth::TokenHash(request->token));
    if (!invitation.ok()) return Reply::FromStatus(invitation.status());
    if (!*invitation || (*invitation)->survey_id != *id) {
      return refuse(404, "unknown_token", "the invitation is not valid for this questionnaire",
                    "token");
    }
    served = {(*invitation)->case_id, (*invitation)->dept_code, (*invitation)->item_code, {}};
    invitation_id = (*invitation)->id;
  } else {
    base::Result<std::optional<store::CompletedCase>> found =
        svc.store().surveys().FindCompletedCase(request->case_id);
    if (!found.ok()) return Reply::FromStatus(found.status());
    if (!*found)
      return refuse(404, "unknown_case", "no completed case with this number", "case_id");
    served = **found;
    if (!loaded->questionnaire.AttachedTo(served.item_code)) {
      dept = served.dept_code;
      return refuse(422, "not_eligible",
                    "this questionnaire does not cover the service of this case", "case_id");
    }
  }
  dept = served.dept_code;
  if (request->version && *request->version != version) {
    return refuse(409, "version_changed",
                  "the questionnaire changed (now version " + std::to_string(version) +
                      "); reload it and answer again",
                  "version");
  }
  base::Result<survey::Answers> answers =
      survey::ValidateAnswers(loaded->questionnaire, request->answers_json);
  if (!answers.ok()) {
    return refuse(400, "invalid", answers.status().message(), survey::ErrorField(answers.status()));
  }
  base::Result<bool> answered = svc.store().surveys().HasResponse(*id, served.case_id);
  if (!answered.ok()) return Reply::FromStatus(answered.status());
  if (*answered)
    return refuse(409, "duplicate", "this case has already answered this questionnaire", id_field);
  store::ResponseRecord response;
  response.survey_id = *id;
  response.version = version;
  response.case_id = served.case_id;
  response.dept_code = served.dept_code;
  response.item_code = served.item_code;
  response.invitation_id = invitation_id;
  response.received_at = call.now;
  response.answers_json = survey::AnswersJson(*answers);
  base::Result<std::int64_t> stored = svc.store().surveys().AddResponse(response);
  if (!stored.ok()) {
    if (stored.status().code() == base::StatusCode::kAlreadyExists) {
      return refuse(409, "duplicate", "this case has already answered this questionnaire",
                    id_field);
    }
    return Reply::FromStatus(stored.status());
  }
  if (base::Status s = svc.Record(call, "survey.respond", object, "ok",
                                  "response " + std::to_string(*stored) + ", version " +
                                      std::to_string(version) +
                                      (invitation_id ? ", invitation" : ", case number"));
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  // Nothing personal comes back: not the case, not the answers.
  return Reply::Json(json{{"accepted", true},
                          {"survey", *id},
                          {"version", version},
                          {"received_at", base::FormatInstantUtc(call.now)}}
                         .dump(),
                     201);
}

}  // namespace

void AddSurveyRoutes(RouteTable& routes, Service& svc) {
  using auth::Permission;
  routes.push_back({"POST", "/api/v1/surveys", Access::kSignedIn, Permission::kManageSurveys,
                    [&svc](Call& call) { return Design(svc, call); }});
  routes.push_back({"GET", "/api/v1/surveys", Access::kSignedIn, Permission::kReadScores,
                    [&svc](Call& call) { return List(svc, call); }});
  routes.push_back({"GET", "/api/v1/surveys/{id}", Access::kSignedIn, Permission::kReadScores,
                    [&svc](Call& call) { return One(svc, call); }});
  routes.push_back({"PUT", "/api/v1/surveys/{id}", Access::kSignedIn, Permission::kManageSurveys,
                    [&svc](Call& call) { return Edit(svc, call); }});
  routes.push_back({"POST", "/api/v1/surveys/{id}/publish", Access::kSignedIn,
                    Permission::kManageSurveys,
                    [&svc](Call& call) { return Transition(svc, call, true); }});
  routes.push_back({"POST", "/api/v1/surveys/{id}/close", Access::kSignedIn,
                    Permission::kManageSurveys,
                    [&svc](Call& call) { return Transition(svc, call, false); }});
  routes.push_back({"GET", "/api/v1/surveys/{id}/results", Access::kSignedIn,
                    Permission::kReadScores, [&svc](Call& call) { return Results(svc, call); }});
  routes.push_back({"POST", "/api/v1/surveys/{id}/invitations", Access::kSignedIn,
                    Permission::kManageSurveys, [&svc](Call& call) { return Invite(svc, call); }});
  routes.push_back({"GET", "/api/v1/public/surveys", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return PublicList(svc, call); }});
  routes.push_back({"GET", "/api/v1/public/surveys/{id}", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return PublicOne(svc, call); }});
  routes.push_back({"POST", "/api/v1/public/surveys/{id}/responses", Access::kPublic, std::nullopt,
                    [&svc](Call& call) { return Respond(svc, call); }});
}

}  // namespace oversight::server
