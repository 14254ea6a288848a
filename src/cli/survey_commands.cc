// oversight survey create | update | list | publish | close | results:
// questionnaires (调查问卷, docs/SURVEYS.md) from a definition file (YAML or
// JSON), their lifecycle, and their results with the valid response rate. The
// portal takes the responses (oversight serve); every change here is an
// operations audit record.

#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "store/ops_log.h"
#include "store/survey_store.h"
#include "survey/aggregate.h"
#include "survey/lifecycle.h"
#include "survey/questionnaire.h"

namespace oversight::cli {
namespace {

using nlohmann::json;

constexpr char kCliRole[] = "cli";
constexpr char kCliClient[] = "local";

base::Result<base::Instant> Now(const SurveyArgs& args, const Environment& env) {
  if (args.now.empty()) return env.clock();
  base::Result<base::Instant> at = base::ParseInstant(args.now);
  if (!at.ok()) return base::InvalidArgument("--now: " + at.status().message());
  return at;
}

// The definition file: YAML unless its name ends in .json.
base::Result<survey::Questionnaire> ReadDefinition(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::NotFound("cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  const bool is_json =
      path.size() >= 5 && base::ToLowerAscii(path.substr(path.size() - 5)) == ".json";
  base::Result<survey::Questionnaire> q = is_json ? survey::ParseQuestionnaireJson(text.str())
                                                  : survey::ParseQuestionnaireYaml(text.str());
  if (!q.ok()) return q.status().WithContext(path);
  return q;
}

// Records the operation; a change that cannot be audited is reported as failed.
int Finish(store::Store& store, base::Instant at, const SurveyArgs& args, std::string_view action,
           const std::string& object, const base::Status& status, std::string_view detail = {}) {
  const store::OpsActor who{args.by, kCliRole, kCliClient};
  std::string text(detail);
  if (!status.ok()) text = status.message();
  base::Result<std::int64_t> seq = store::RecordOp(store.ops_log(), at, who, action, object,
                                                   status.ok() ? "ok" : "failed", text);
  if (!status.ok()) return Fail(status);
  if (!seq.ok()) return Fail(seq.status().WithContext("recording " + std::string(action)));
  return kExitOk;
}

struct Loaded {
  store::SurveyRecord record;
  survey::Questionnaire questionnaire;
  survey::SurveyState state = survey::SurveyState::kDraft;
};

base::Result<Loaded> Load(store::Store& store, const std::string& id) {
  OVS_ASSIGN_OR_RETURN(std::optional<store::SurveyRecord> record, store.surveys().FindSurvey(id));
  if (!record) return base::NotFound("no questionnaire '" + id + "' (survey list shows them)");
  OVS_ASSIGN_OR_RETURN(survey::Questionnaire q,
                       survey::ParseQuestionnaireJson(record->current.definition_json));
  std::optional<survey::SurveyState> state = survey::ParseSurveyState(record->state);
  if (!state) return base::DataLoss("questionnaire '" + id + "' has state '" + record->state + "'");
  return Loaded{std::move(*record), std::move(q), *state};
}

json SummaryJson(const Loaded& s, base::Instant now) {
  return json{
      {"id", s.record.id},
      {"title", {{"zh", s.questionnaire.title.zh}, {"en", s.questionnaire.title.en}}},
      {"state", s.record.state},
      {"status",
       std::string(survey::SurveyStatusName(survey::StatusAt(s.state, s.questionnaire, now)))},
      {"version", s.record.current.version},
      {"opens_at", base::FormatInstantUtc(s.questionnaire.opens_at)},
      {"closes_at", base::FormatInstantUtc(s.questionnaire.closes_at)},
      {"questions", s.questionnaire.questions.size()},
      {"attach_items", s.questionnaire.attach_items}};
}

void PrintSummary(const Loaded& s, base::Instant now, std::ostream& out) {
  out << s.record.id << "  v" << s.record.current.version << "  "
      << survey::SurveyStatusName(survey::StatusAt(s.state, s.questionnaire, now)) << "  "
      << base::FormatInstantUtc(s.questionnaire.opens_at) << " .. "
      << base::FormatInstantUtc(s.questionnaire.closes_at) << "  " << s.questionnaire.title.zh
      << "\n";
}

int Show(store::Store& store, const std::string& id, base::Instant now, bool as_json,
         std::ostream& out) {
  base::Result<Loaded> loaded = Load(store, id);
  if (!loaded.ok()) return Fail(loaded.status());
  if (as_json) {
    out << SummaryJson(*loaded, now).dump() << "\n";
  } else {
    PrintSummary(*loaded, now, out);
  }
  return kExitOk;
}

std::string Rate(const json& v) {
  if (v.is_null()) return "n/a";
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << v.get<double>() * 100 << "%";
  return s.str();
}

}  // namespace

int RunSurveyCreate(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  base::Result<survey::Questionnaire> q = ReadDefinition(args.file);
  if (!q.ok()) return Fail(q.status());
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  store::SurveyVersionRecord first{
      q->id, 1, survey::QuestionnaireJson(*q), q->opens_at, q->closes_at, args.by, *now};
  base::Status created = (*store)->surveys().CreateSurvey(first);
  if (created.code() == base::StatusCode::kAlreadyExists) {
    created = base::AlreadyExists(created.message() + " (survey update FILE makes a new version)");
  }
  if (int code =
          Finish(**store, *now, args, "survey.create", "survey:" + q->id, created, "version 1");
      code != kExitOk) {
    return code;
  }
  if (!args.json) out << "created questionnaire " << q->id << " (draft, version 1)\n";
  return args.json ? Show(**store, q->id, *now, true, out) : kExitOk;
}

int RunSurveyUpdate(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  base::Result<survey::Questionnaire> q = ReadDefinition(args.file);
  if (!q.ok()) return Fail(q.status());
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<Loaded> current = Load(**store, q->id);
  if (!current.ok()) return Fail(current.status());
  base::Status allowed = survey::CheckEdit(current->state, current->questionnaire);
  base::Result<std::int64_t> version =
      allowed.ok()
          ? (*store)->surveys().AddSurveyVersion(
                {q->id, 0, survey::QuestionnaireJson(*q), q->opens_at, q->closes_at, args.by, *now})
          : base::Result<std::int64_t>(allowed);
  const std::string detail = version.ok() ? "version " + std::to_string(*version) : "";
  if (int code = Finish(**store, *now, args, "survey.edit", "survey:" + q->id,
                        version.ok() ? base::Status::Ok() : version.status(), detail);
      code != kExitOk) {
    return code;
  }
  if (!args.json) out << "questionnaire " << q->id << " is now version " << *version << "\n";
  return args.json ? Show(**store, q->id, *now, true, out) : kExitOk;
}

int RunSurveyList(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<std::vector<store::SurveyRecord>> all = (*store)->surveys().ListSurveys();
  if (!all.ok()) return Fail(all.status());
  json items = json::array();
  for (const store::SurveyRecord& r : *all) {
    base::Result<Loaded> loaded = Load(**store, r.id);
    if (!loaded.ok()) return Fail(loaded.status());
    if (args.json) {
      items.push_back(SummaryJson(*loaded, *now));
    } else {
      PrintSummary(*loaded, *now, out);
    }
  }
  if (args.json) out << items.dump() << "\n";
  if (!args.json && all->empty()) out << "no questionnaires (survey create FILE designs one)\n";
  return kExitOk;
}

int RunSurveyTransition(const SurveyArgs& args, const Environment& env, std::ostream& out,
                        bool publish) {
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<Loaded> current = Load(**store, args.id);
  if (!current.ok()) return Fail(current.status());
  base::Status allowed = publish
                             ? survey::CheckPublish(current->state, current->questionnaire, *now)
                             : survey::CheckClose(current->state);
  base::Result<store::SurveyRecord> moved =
      allowed.ok()
          ? (*store)->surveys().SetSurveyState(args.id, current->record.state,
                                               publish ? "published" : "closed", args.by, *now)
          : base::Result<store::SurveyRecord>(allowed);
  if (int code = Finish(**store, *now, args, publish ? "survey.publish" : "survey.close",
                        "survey:" + args.id, moved.ok() ? base::Status::Ok() : moved.status(),
                        moved.ok() ? current->record.state + " -> " + moved->state : "");
      code != kExitOk) {
    return code;
  }
  return Show(**store, args.id, *now, args.json, out);
}

int RunSurveyPublish(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  return RunSurveyTransition(args, env, out, true);
}

int RunSurveyClose(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  return RunSurveyTransition(args, env, out, false);
}

int RunSurveyResults(const SurveyArgs& args, const Environment& env, std::ostream& out) {
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<Loaded> loaded = Load(**store, args.id);
  if (!loaded.ok()) return Fail(loaded.status());
  const store::Scope scope =
      args.dept.empty() ? store::Scope::All() : store::Scope::Departments({args.dept});
  store::SurveyStore& surveys = (*store)->surveys();
  auto versions = surveys.SurveyVersions(args.id);
  auto responses = surveys.SurveyResponses(args.id, scope);
  auto submissions = surveys.CountSubmissions(args.id, scope);
  auto invitations = surveys.CountInvitations(args.id, scope);
  for (const base::Status* s :
       {&versions.status(), &responses.status(), &submissions.status(), &invitations.status()}) {
    if (!s->ok()) return Fail(*s);
  }
  std::vector<survey::VersionDefinition> defs;
  for (const store::SurveyVersionRecord& v : *versions) {
    base::Result<survey::Questionnaire> q = survey::ParseQuestionnaireJson(v.definition_json);
    if (!q.ok())
      return Fail(base::DataLoss("stored version does not parse: " + q.status().message()));
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
  base::Result<survey::Results> results =
      survey::Aggregate(args.id, defs, answers, outcomes, invited);
  if (!results.ok()) return Fail(results.status());
  json j = json::parse(survey::ResultsJson(*results));
  j["status"] = std::string(
      survey::SurveyStatusName(survey::StatusAt(loaded->state, loaded->questionnaire, *now)));
  if (args.json) {
    out << j.dump() << "\n";
    return kExitOk;
  }
  out << args.id << " (" << j["status"].get<std::string>() << ", current version "
      << j["current_version"] << ")" << (args.dept.empty() ? "" : ", department " + args.dept)
      << "\n";
  out << "submissions " << j["submissions"] << ", valid " << j["valid_responses"]
      << ", valid response rate " << Rate(j["valid_response_rate"]) << "\n";
  out << "invitations " << j["invitations"] << ", answered " << j["invitation_responses"] << " ("
      << Rate(j["invitation_response_rate"]) << ")\n";
  for (const json& v : j["versions"]) {
    out << "version " << v["version"] << ": " << v["responses"] << " responses\n";
    for (const json& q : v["questions"]) {
      out << "  " << q["id"].get<std::string>() << " (" << q["kind"].get<std::string>()
          << "): " << q["answered"] << " answered";
      if (q.contains("mean")) {
        out << ", mean " << (q["mean"].is_null() ? std::string("n/a") : q["mean"].dump())
            << " (1 = best)";
      }
      if (q.contains("options")) {
        for (const json& o : q["options"])
          out << ", " << o["id"].get<std::string>() << " " << o["count"];
      }
      out << "\n";
    }
  }
  return kExitOk;
}

}  // namespace oversight::cli
