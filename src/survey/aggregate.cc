#include "survey/aggregate.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace oversight::survey {
namespace {

using nlohmann::json;

VersionResult EmptyResult(const VersionDefinition& def) {
  VersionResult r;
  r.version = def.version;
  for (const Question& q : def.questionnaire.questions) {
    QuestionResult qr;
    qr.id = q.id;
    qr.kind = q.kind;
    for (const Option& o : q.options) qr.options.emplace_back(o.id, 0);
    r.questions.push_back(std::move(qr));
  }
  return r;
}

void Add(VersionResult& r, const Answers& answers) {
  ++r.responses;
  for (QuestionResult& qr : r.questions) {
    auto it = answers.find(qr.id);
    if (it == answers.end()) continue;
    const Answer& a = it->second;
    ++qr.answered;
    for (const std::string& choice : a.choices) {
      for (auto& [id, count] : qr.options) {
        if (id == choice) ++count;
      }
    }
    if (qr.kind == QuestionKind::kScale && a.scale >= kScaleMin && a.scale <= kScaleMax) {
      ++qr.distribution[static_cast<std::size_t>(a.scale - kScaleMin)];
      qr.scale_sum += a.scale;
    }
  }
}

Tallies EmptyTallies(const std::vector<VersionDefinition>& versions) {
  Tallies t;
  for (const VersionDefinition& def : versions) t.versions.push_back(EmptyResult(def));
  return t;
}

// A ratio rounded half away from zero to `decimals` places, or null.
json Ratio(std::int64_t numerator, std::int64_t denominator, int decimals) {
  if (denominator <= 0) return nullptr;
  const double scale = std::pow(10.0, decimals);
  return std::round(static_cast<double>(numerator) * scale / static_cast<double>(denominator)) /
         scale;
}

json QuestionJson(const QuestionResult& q) {
  json out = json::object();
  out["id"] = q.id;
  out["kind"] = std::string(QuestionKindName(q.kind));
  out["answered"] = q.answered;
  switch (q.kind) {
    case QuestionKind::kSingle:
    case QuestionKind::kMultiple: {
      json options = json::array();
      for (const auto& [id, count] : q.options)
        options.push_back(json{{"id", id}, {"count", count}});
      out["options"] = std::move(options);
      break;
    }
    case QuestionKind::kScale:
      out["distribution"] = q.distribution;
      out["mean"] = Ratio(q.scale_sum, q.answered, 2);
      break;
    case QuestionKind::kText:
      break;
  }
  return out;
}

json TalliesJson(const Tallies& t) {
  json out = json::object();
  out["submissions"] = t.submissions;
  out["valid_responses"] = t.valid;
  out["refused"] = t.refused;
  out["valid_response_rate"] = Ratio(t.valid, t.submissions, 4);
  out["invitations"] = t.invitations;
  out["invitation_responses"] = t.invitation_responses;
  out["invitation_response_rate"] = Ratio(t.invitation_responses, t.invitations, 4);
  json versions = json::array();
  for (const VersionResult& v : t.versions) {
    json questions = json::array();
    for (const QuestionResult& q : v.questions) questions.push_back(QuestionJson(q));
    versions.push_back(json{
        {"version", v.version}, {"responses", v.responses}, {"questions", std::move(questions)}});
  }
  out["versions"] = std::move(versions);
  return out;
}

}  // namespace

base::Result<Results> Aggregate(const std::string& survey_id,
                                const std::vector<VersionDefinition>& versions,
                                const std::vector<StoredAnswers>& responses,
                                const std::vector<OutcomeCount>& submissions,
                                const std::vector<DeptCount>& invitations) {
  Results results;
  results.survey_id = survey_id;
  results.total = EmptyTallies(versions);
  if (!versions.empty()) results.current_version = versions.back().version;
  auto dept = [&](const std::string& code) -> Tallies& {
    auto it = results.departments.find(code);
    if (it == results.departments.end())
      it = results.departments.emplace(code, EmptyTallies(versions)).first;
    return it->second;
  };
  auto index_of = [&](std::int64_t version) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < versions.size(); ++i) {
      if (versions[i].version == version) return i;
    }
    return std::nullopt;
  };
  for (const StoredAnswers& r : responses) {
    std::optional<std::size_t> i = index_of(r.version);
    if (!i) {
      return base::DataLoss("a stored response of '" + survey_id + "' names unknown version " +
                            std::to_string(r.version));
    }
    base::Result<Answers> answers = ValidateAnswers(versions[*i].questionnaire, r.answers_json);
    if (!answers.ok()) {
      return base::DataLoss("a stored response of '" + survey_id +
                            "' no longer validates: " + answers.status().message());
    }
    Add(results.total.versions[*i], *answers);
    Add(dept(r.dept_code).versions[*i], *answers);
    if (r.via_invitation) {
      ++results.total.invitation_responses;
      ++dept(r.dept_code).invitation_responses;
    }
  }
  for (const OutcomeCount& s : submissions) {
    for (Tallies* t : {&results.total, s.dept_code.empty() ? nullptr : &dept(s.dept_code)}) {
      if (!t) continue;
      t->submissions += s.count;
      if (s.outcome == kValidOutcome) {
        t->valid += s.count;
      } else {
        t->refused[s.outcome] += s.count;
      }
    }
  }
  for (const DeptCount& d : invitations) {
    results.total.invitations += d.count;
    dept(d.dept_code).invitations += d.count;
  }
  return results;
}

std::string ResultsJson(const Results& results) {
  json out = TalliesJson(results.total);
  out["survey"] = results.survey_id;
  out["current_version"] = results.current_version;
  out["scale"] =
      json{{"min", kScaleMin},
           {"max", kScaleMax},
           {"direction",
            "1 = best (非常满意), 5 = worst (非常不满意), as GB/T 39046; a lower mean is better"}};
  json departments = json::array();
  for (const auto& [code, t] : results.departments) {
    json d = TalliesJson(t);
    d["dept_code"] = code;
    departments.push_back(std::move(d));
  }
  out["departments"] = std::move(departments);
  return out.dump();
}

}  // namespace oversight::survey
