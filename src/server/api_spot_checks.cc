// Spot checks (线下抽查, docs/SURVEYS.md): the supervisor draws a reproducible,
// stratified sample of a period's completed cases (spotcheck/draw.h), inspectors
// record a finding per sampled case, and a confirmed problem becomes an alert
// of rule spotcheck.finding on the case and its department — in the alert inbox,
// the workflow and the scores like any other.

#include <nlohmann/json.hpp>

#include "auth/random.h"
#include "base/strings.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"
#include "spotcheck/draw.h"
#include "spotcheck/finding.h"
#include "spotcheck/period.h"
#include "store/spot_check_store.h"

namespace oversight::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxFilterCodes = 500;

json CheckJson(const store::SpotCheckRecord& c) {
  json config = json::parse(c.config_json, nullptr, false);
  return json{{"id", c.id},
              {"period", c.period},
              {"from", base::FormatInstantUtc(c.from)},
              {"to", base::FormatInstantUtc(c.to)},
              {"seed", c.seed},
              {"config", config.is_discarded() ? json(c.config_json) : config},
              {"population", c.population},
              {"sample_size", c.sample_size},
              {"cases_checked", c.cases_checked},
              {"problems", c.problems},
              {"created_by", c.created_by},
              {"created_at", base::FormatInstantUtc(c.created_at)},
              {"note", c.note}};
}

json FindingJson(const store::FindingRecord& f) {
  return json{{"id", f.id},
              {"case_id", f.case_id},
              {"dept_code", f.dept_code},
              {"inspector", f.inspector},
              {"at", base::FormatInstantUtc(f.at)},
              {"outcome", f.outcome},
              {"category", f.category.empty() ? json(nullptr) : json(f.category)},
              {"text", f.text},
              {"confirmed", f.confirmed},
              {"alert_id", f.alert_id ? json(*f.alert_id) : json(nullptr)}};
}

// A seed for a draw that names none: 53 random bits (see spotcheck::kMaxSeed).
std::int64_t RandomSeed() {
  const std::string bytes = auth::RandomBytes(8);
  std::uint64_t v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  return static_cast<std::int64_t>(v & spotcheck::kMaxSeed);
}

Reply DrawCheck(Service& svc, Call& call) {
  JsonInput in = JsonInput::Parse(call.body, {"period", "seed", "per_stratum", "per_dept", "rate",
                                              "min_per_dept", "depts", "items", "note"});
  const std::string period_text = in.String("period", {true, 16});
  std::optional<std::int64_t> seed =
      in.Int("seed", false, 0, static_cast<std::int64_t>(spotcheck::kMaxSeed));
  std::optional<std::int64_t> per_stratum = in.Int("per_stratum", false, 1, spotcheck::kMaxSize);
  std::optional<std::int64_t> per_dept = in.Int("per_dept", false, 1, spotcheck::kMaxSize);
  const std::int64_t min_per_dept =
      in.Int("min_per_dept", false, 0, spotcheck::kMaxSize).value_or(0);
  std::vector<std::string> depts = in.StringList("depts", kMaxFilterCodes, {true, 64});
  std::vector<std::string> items = in.StringList("items", kMaxFilterCodes, {true, 64});
  const std::string note = in.String("note", {false, 1000});
  if (in.failed()) return Reply::Error(in.error());
  // The rate is a fraction; JsonInput reads integers only.
  std::optional<double> rate;
  if (json body = json::parse(call.body, nullptr, false); body.contains("rate")) {
    if (!body["rate"].is_number())
      return Reply::Error(400, "invalid_field", "'rate' must be a number in (0, 1]", "rate");
    rate = body["rate"].get<double>();
  }
  if ((per_stratum ? 1 : 0) + (per_dept ? 1 : 0) + (rate ? 1 : 0) > 1) {
    return Reply::Error(400, "invalid_field", "give one of per_stratum, per_dept and rate",
                        "per_stratum");
  }
  spotcheck::DrawConfig config;
  config.min_per_dept = min_per_dept;
  if (rate) {
    base::Result<std::int64_t> ppm = spotcheck::RateToPpm(*rate);
    if (!ppm.ok()) return Reply::Error(400, "invalid_field", ppm.status().message(), "rate");
    config.sizing = spotcheck::Sizing::kRate;
    config.rate_ppm = *ppm;
  } else if (per_dept) {
    config.sizing = spotcheck::Sizing::kPerDepartment;
    config.size = *per_dept;
  } else {
    config.sizing = spotcheck::Sizing::kPerStratum;
    config.size = per_stratum.value_or(1);
  }
  base::Result<spotcheck::Period> period = spotcheck::ParsePeriod(period_text);
  if (!period.ok()) return Reply::Error(400, "invalid_field", period.status().message(), "period");
  const std::int64_t chosen_seed = seed ? *seed : RandomSeed();

  auto lock = svc.Lock();
  store::CompletedCaseQuery query;
  query.from = svc.calendar().StartOfLocalDay(period->first);
  query.to = svc.calendar().StartOfLocalDay(period->end);
  query.items = items;
  query.depts = depts;
  base::Result<std::vector<store::CompletedCase>> cases =
      svc.store().spot_checks().CompletedCases(query);
  if (!cases.ok()) return Reply::FromStatus(cases.status());
  std::vector<spotcheck::Candidate> candidates;
  candidates.reserve(cases->size());
  for (const store::CompletedCase& c : *cases)
    candidates.push_back({c.case_id, c.dept_code, c.item_code});
  base::Result<spotcheck::DrawResult> drawn =
      spotcheck::Draw(std::move(candidates), static_cast<std::uint64_t>(chosen_seed), config);
  if (!drawn.ok())
    return Reply::Error(400, "invalid_field", drawn.status().message(),
                        drawn.status().message().substr(0, drawn.status().message().find(':')));

  json stored_config = json::parse(spotcheck::ConfigJson(config));
  if (!depts.empty()) stored_config["depts"] = depts;
  if (!items.empty()) stored_config["items"] = items;
  store::SpotCheckRecord record;
  record.period = period->text;
  record.from = query.from;
  record.to = query.to;
  record.seed = chosen_seed;
  record.config_json = stored_config.dump();
  record.population = drawn->population;
  record.created_by = call.who().name;
  record.created_at = call.now;
  record.note = note;
  std::vector<store::SampleRecord> sample;
  for (const spotcheck::Sampled& s : drawn->sample) {
    sample.push_back({s.candidate.case_id, s.candidate.dept_code, s.candidate.item_code,
                      std::string(spotcheck::ReasonName(s.reason))});
  }
  base::Result<std::int64_t> id = svc.store().spot_checks().SaveSpotCheck(record, sample);
  if (!id.ok()) {
    (void)svc.Record(call, "spotcheck.draw", "spotcheck:", "failed", id.status().message());
    return Reply::FromStatus(id.status());
  }
  if (base::Status s = svc.Record(
          call, "spotcheck.draw", "spotcheck:" + std::to_string(*id), "ok",
          "period " + period->text + ", seed " + std::to_string(chosen_seed) + ", " +
              std::to_string(sample.size()) + " of " + std::to_string(drawn->population));
      !s.ok()) {
    return Reply::FromStatus(s);
  }
  base::Result<std::optional<store::SpotCheckRecord>> saved =
      svc.store().spot_checks().FindSpotCheck(*id);
  if (!saved.ok() || !*saved)
    return Reply::FromStatus(saved.ok() ? base::Internal("draw vanished") : saved.status());
  json out = CheckJson(**saved);
  json rows = json::array();
  for (const store::SampleRecord& s : sample) {
    rows.push_back(json{{"case_id", s.case_id},
                        {"dept_code", s.dept_code},
                        {"item_code", s.item_code},
                        {"reason", s.reason}});
  }
  out["sample"] = std::move(rows);
  json strata = json::array();
  for (const spotcheck::StratumCount& s : drawn->strata) {
    strata.push_back(json{{"dept_code", s.dept_code},
                          {"item_code", s.item_code},
                          {"population", s.population},
                          {"sampled", s.sampled}});
  }
  out["strata"] = std::move(strata);
  return Reply::Json(out.dump(), 201);
}

Reply ListChecks(Service& svc, Call& call) {
  std::optional<ApiError> error;
  const std::int64_t limit = QueryLimit(call, 50, 500, error);
  if (error) return Reply::Error(*error);
  auto lock = svc.Lock();
  base::Result<std::vector<store::SpotCheckRecord>> checks =
      svc.store().spot_checks().ListSpotChecks(limit);
  if (!checks.ok()) return Reply::FromStatus(checks.status());
  json items = json::array();
  for (const store::SpotCheckRecord& c : *checks) items.push_back(CheckJson(c));
  return Reply::Json(json{{"items", std::move(items)}}.dump());
}

Reply OneCheck(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id)
    return Reply::Error(400, "invalid_field", "the spot check id must be a positive integer", "id");
  auto lock = svc.Lock();
  store::SpotCheckStore& checks = svc.store().spot_checks();
  base::Result<std::optional<store::SpotCheckRecord>> check = checks.FindSpotCheck(*id);
  if (!check.ok()) return Reply::FromStatus(check.status());
  if (!*check) return Reply::Error(404, "not_found", "no spot check " + std::to_string(*id), "id");
  const store::Scope scope = call.who().scope();
  base::Result<std::vector<store::SampleRecord>> sample = checks.SpotCheckSample(*id, scope);
  base::Result<std::vector<store::FindingRecord>> findings = checks.SpotCheckFindings(*id, scope);
  if (!sample.ok()) return Reply::FromStatus(sample.status());
  if (!findings.ok()) return Reply::FromStatus(findings.status());
  json out = CheckJson(**check);
  json rows = json::array();
  for (const store::SampleRecord& s : *sample) {
    json of_case = json::array();
    std::string latest;
    for (const store::FindingRecord& f : *findings) {
      if (f.case_id != s.case_id) continue;
      of_case.push_back(FindingJson(f));
      latest = f.outcome;
    }
    rows.push_back(json{{"case_id", s.case_id},
                        {"dept_code", s.dept_code},
                        {"item_code", s.item_code},
                        {"reason", s.reason},
                        {"latest", latest.empty() ? json(nullptr) : json(latest)},
                        {"findings", std::move(of_case)}});
  }
  out["sample"] = std::move(rows);
  return Reply::Json(out.dump());
}

Reply RecordFinding(Service& svc, Call& call) {
  std::optional<std::int64_t> id = PathId(call);
  if (!id)
    return Reply::Error(400, "invalid_field", "the spot check id must be a positive integer", "id");
  JsonInput in =
      JsonInput::Parse(call.body, {"case_id", "outcome", "category", "text", "confirmed"});
  spotcheck::FindingInput finding;
  finding.case_id = in.String("case_id", {true, 128});
  const std::string outcome = in.Choice("outcome", {"conforms", "problem"}, true);
  const std::string category = in.Choice(
      "category", {"materials", "time_limit", "fee", "attitude", "procedure", "other"}, false);
  finding.text = in.String("text", {false, spotcheck::kMaxFindingTextBytes});
  finding.confirmed = in.Bool("confirmed", true);
  if (in.failed()) return Reply::Error(in.error());
  finding.outcome = *spotcheck::ParseOutcome(outcome);
  if (!category.empty()) finding.category = spotcheck::ParseCategory(category);
  if (base::Status s = spotcheck::CheckFinding(finding); !s.ok()) {
    return Reply::Error(400, "invalid_field", s.message(),
                        s.message().substr(0, s.message().find(':')));
  }
  std::optional<store::AlertRecord> alert;
  if (spotcheck::RaisesAlert(finding)) {
    store::AlertRecord a;
    a.rule_id = std::string(spotcheck::kFindingRule);
    a.rule_version = 1;
    a.occurrence = *id;  // one alert per draw and case
    a.level = std::string(spotcheck::AlertLevelFor(*finding.category));
    a.state = "open";
    a.raised_at = call.now;
    a.reason = spotcheck::AlertReason(*id, *finding.category, finding.text);
    alert = std::move(a);
  }
  store::FindingRecord record;
  record.check_id = *id;
  record.case_id = finding.case_id;
  record.inspector = call.who().name;
  record.at = call.now;
  record.outcome = outcome;
  record.category = category;
  record.text = finding.text;
  record.confirmed = finding.outcome == spotcheck::Outcome::kProblem ? finding.confirmed : true;

  auto lock = svc.Lock();
  const std::string object = "spotcheck:" + std::to_string(*id);
  base::Result<store::RecordedFinding> recorded =
      svc.store().spot_checks().RecordFinding(record, alert, call.who().scope());
  if (!recorded.ok()) {
    (void)svc.Record(call, "spotcheck.finding", object, "failed", recorded.status().message());
    return Reply::FromStatus(
        recorded.status(),
        recorded.status().code() == base::StatusCode::kNotFound ? "case_id" : "");
  }
  std::string detail = "case " + finding.case_id + ": " + outcome;
  if (!category.empty())
    detail += " (" + category + (record.confirmed ? "" : ", unconfirmed") + ")";
  if (recorded->finding.alert_id)
    detail += ", alert " + std::to_string(*recorded->finding.alert_id);
  if (base::Status s = svc.Record(call, "spotcheck.finding", object, "ok", detail); !s.ok()) {
    return Reply::FromStatus(s);
  }
  if (recorded->alert_raised && recorded->alert) {
    svc.metrics().AddAlertsRaised(1);
    svc.PublishAlert(*recorded->alert, "alert");
  }
  json out{{"finding", FindingJson(recorded->finding)},
           {"alert", recorded->alert ? json::parse(AlertJson(*recorded->alert)) : json(nullptr)},
           {"alert_raised", recorded->alert_raised}};
  return Reply::Json(out.dump(), 201);
}

}  // namespace

void AddSpotCheckRoutes(RouteTable& routes, Service& svc) {
  using auth::Permission;
  routes.push_back({"POST", "/api/v1/spot-checks", Access::kSignedIn, Permission::kInspect,
                    [&svc](Call& call) { return DrawCheck(svc, call); }});
  routes.push_back({"GET", "/api/v1/spot-checks", Access::kSignedIn, Permission::kInspect,
                    [&svc](Call& call) { return ListChecks(svc, call); }});
  routes.push_back({"GET", "/api/v1/spot-checks/{id}", Access::kSignedIn, Permission::kInspect,
                    [&svc](Call& call) { return OneCheck(svc, call); }});
  routes.push_back({"POST", "/api/v1/spot-checks/{id}/findings", Access::kSignedIn,
                    Permission::kInspect, [&svc](Call& call) { return RecordFinding(svc, call); }});
}

}  // namespace oversight::server
