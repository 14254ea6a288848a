// oversight spotcheck draw | list | show | finding: spot checks (线下抽查,
// docs/SURVEYS.md). A draw is a seeded, stratified sample of a period's
// completed cases, stored with its seed and configuration so that anyone can
// draw it again; a confirmed problem found offline becomes an alert of rule
// spotcheck.finding on the case's department. Every change is an operations
// audit record.

#include <nlohmann/json.hpp>
#include <ostream>

#include "auth/random.h"
#include "base/strings.h"
#include "calendar/zone.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "spotcheck/draw.h"
#include "spotcheck/finding.h"
#include "spotcheck/period.h"
#include "store/ops_log.h"
#include "store/spot_check_store.h"

namespace oversight::cli {
namespace {

using nlohmann::json;

constexpr char kCliRole[] = "cli";
constexpr char kCliClient[] = "local";

base::Result<base::Instant> Now(const SpotCheckArgs& args, const Environment& env) {
  if (args.now.empty()) return env.clock();
  base::Result<base::Instant> at = base::ParseInstant(args.now);
  if (!at.ok()) return base::InvalidArgument("--now: " + at.status().message());
  return at;
}

int Finish(store::Store& store, base::Instant at, const SpotCheckArgs& args,
           std::string_view action, const std::string& object, const base::Status& status,
           std::string_view detail = {}) {
  const store::OpsActor who{args.by, kCliRole, kCliClient};
  base::Result<std::int64_t> seq =
      store::RecordOp(store.ops_log(), at, who, action, object, status.ok() ? "ok" : "failed",
                      status.ok() ? detail : std::string_view(status.message()));
  if (!status.ok()) return Fail(status);
  if (!seq.ok()) return Fail(seq.status().WithContext("recording " + std::string(action)));
  return kExitOk;
}

base::Result<spotcheck::DrawConfig> ConfigFrom(const SpotCheckArgs& args) {
  const int given =
      (args.per_stratum > 0 ? 1 : 0) + (args.per_dept > 0 ? 1 : 0) + (args.rate > 0 ? 1 : 0);
  if (given > 1) return base::InvalidArgument("give one of --per-stratum, --per-dept and --rate");
  spotcheck::DrawConfig config;
  config.min_per_dept = args.min_per_dept;
  if (args.rate > 0) {
    OVS_ASSIGN_OR_RETURN(config.rate_ppm, spotcheck::RateToPpm(args.rate));
    config.sizing = spotcheck::Sizing::kRate;
  } else if (args.per_dept > 0) {
    config.sizing = spotcheck::Sizing::kPerDepartment;
    config.size = args.per_dept;
  } else {
    config.sizing = spotcheck::Sizing::kPerStratum;
    config.size = args.per_stratum > 0 ? args.per_stratum : 1;
  }
  OVS_RETURN_IF_ERROR(spotcheck::ValidateConfig(config));
  return config;
}

json CheckJson(const store::SpotCheckRecord& c) {
  return json{{"id", c.id},
              {"period", c.period},
              {"from", base::FormatInstantUtc(c.from)},
              {"to", base::FormatInstantUtc(c.to)},
              {"seed", c.seed},
              {"config", json::parse(c.config_json, nullptr, false)},
              {"population", c.population},
              {"sample_size", c.sample_size},
              {"cases_checked", c.cases_checked},
              {"problems", c.problems},
              {"created_by", c.created_by},
              {"created_at", base::FormatInstantUtc(c.created_at)},
              {"note", c.note}};
}

void PrintCheck(const store::SpotCheckRecord& c, std::ostream& out) {
  out << "spot check " << c.id << ": period " << c.period << ", seed " << c.seed << ", "
      << c.config_json << ", " << c.sample_size << " of " << c.population << " completed cases; "
      << c.cases_checked << " checked, " << c.problems << " with a problem (by " << c.created_by
      << ", " << base::FormatInstantUtc(c.created_at) << ")\n";
}

int ShowCheck(store::Store& store, std::int64_t id, bool as_json, std::ostream& out) {
  store::SpotCheckStore& checks = store.spot_checks();
  auto check = checks.FindSpotCheck(id);
  if (!check.ok()) return Fail(check.status());
  if (!*check) return Fail(base::NotFound("no spot check " + std::to_string(id)));
  auto sample = checks.SpotCheckSample(id, store::Scope::All());
  auto findings = checks.SpotCheckFindings(id, store::Scope::All());
  if (!sample.ok()) return Fail(sample.status());
  if (!findings.ok()) return Fail(findings.status());
  json rows = json::array();
  if (!as_json) PrintCheck(**check, out);
  for (const store::SampleRecord& s : *sample) {
    json of_case = json::array();
    std::string latest;
    for (const store::FindingRecord& f : *findings) {
      if (f.case_id != s.case_id) continue;
      latest = f.outcome + (f.category.empty() ? "" : " " + f.category) +
               (f.confirmed ? "" : " (unconfirmed)");
      of_case.push_back(json{{"id", f.id},
                             {"inspector", f.inspector},
                             {"at", base::FormatInstantUtc(f.at)},
                             {"outcome", f.outcome},
                             {"category", f.category},
                             {"text", f.text},
                             {"confirmed", f.confirmed},
                             {"alert_id", f.alert_id ? json(*f.alert_id) : json(nullptr)}});
    }
    if (as_json) {
      rows.push_back(json{{"case_id", s.case_id},
                          {"dept_code", s.dept_code},
                          {"item_code", s.item_code},
                          {"reason", s.reason},
                          {"findings", std::move(of_case)}});
    } else {
      out << "  " << s.case_id << "  " << s.dept_code << "  " << s.item_code << "  " << s.reason
          << "  " << (latest.empty() ? "not checked" : latest) << "\n";
    }
  }
  if (as_json) {
    json j = CheckJson(**check);
    j["sample"] = std::move(rows);
    out << j.dump() << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunSpotCheckDraw(const SpotCheckArgs& args, const Environment& env, std::ostream& out) {
  base::Result<spotcheck::Period> period = spotcheck::ParsePeriod(args.period);
  if (!period.ok()) return Fail(base::InvalidArgument("--" + period.status().message()));
  base::Result<spotcheck::DrawConfig> config = ConfigFrom(args);
  if (!config.ok()) return Fail(config.status());
  if (args.seed > static_cast<std::int64_t>(spotcheck::kMaxSeed)) {
    return Fail(base::InvalidArgument("--seed must be between 0 and " +
                                      std::to_string(spotcheck::kMaxSeed)));
  }
  base::Result<calendar::Zone> zone = calendar::Zone::Locate(args.calendar.zone);
  if (!zone.ok()) return Fail(base::InvalidArgument("--zone: " + zone.status().message()));
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  std::int64_t seed = args.seed;
  if (seed < 0) {  // none given: a random one, printed and stored so the draw can be repeated
    std::uint64_t v = 0;
    for (unsigned char b : auth::RandomBytes(8)) v = (v << 8) | b;
    seed = static_cast<std::int64_t>(v & spotcheck::kMaxSeed);
  }
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  store::CompletedCaseQuery query;
  query.from = zone->StartOfLocalDay(period->first);
  query.to = zone->StartOfLocalDay(period->end);
  query.depts = args.depts;
  query.items = args.items;
  auto cases = (*store)->spot_checks().CompletedCases(query);
  if (!cases.ok()) return Fail(cases.status());
  std::vector<spotcheck::Candidate> candidates;
  for (const store::CompletedCase& c : *cases)
    candidates.push_back({c.case_id, c.dept_code, c.item_code});
  auto drawn = spotcheck::Draw(std::move(candidates), static_cast<std::uint64_t>(seed), *config);
  if (!drawn.ok()) return Fail(drawn.status());
  json stored_config = json::parse(spotcheck::ConfigJson(*config));
  if (!args.depts.empty()) stored_config["depts"] = args.depts;
  if (!args.items.empty()) stored_config["items"] = args.items;
  store::SpotCheckRecord record;
  record.period = period->text;
  record.from = query.from;
  record.to = query.to;
  record.seed = seed;
  record.config_json = stored_config.dump();
  record.population = drawn->population;
  record.created_by = args.by;
  record.created_at = *now;
  record.note = args.note;
  std::vector<store::SampleRecord> sample;
  for (const spotcheck::Sampled& s : drawn->sample) {
    sample.push_back({s.candidate.case_id, s.candidate.dept_code, s.candidate.item_code,
                      std::string(spotcheck::ReasonName(s.reason))});
  }
  auto id = (*store)->spot_checks().SaveSpotCheck(record, sample);
  if (int code =
          Finish(**store, *now, args, "spotcheck.draw",
                 id.ok() ? "spotcheck:" + std::to_string(*id) : "spotcheck:",
                 id.ok() ? base::Status::Ok() : id.status(),
                 "period " + period->text + ", seed " + std::to_string(seed) + ", " +
                     std::to_string(sample.size()) + " of " + std::to_string(drawn->population));
      code != kExitOk) {
    return code;
  }
  return ShowCheck(**store, *id, args.json, out);
}

int RunSpotCheckList(const SpotCheckArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auto checks = (*store)->spot_checks().ListSpotChecks(args.limit);
  if (!checks.ok()) return Fail(checks.status());
  json items = json::array();
  for (const store::SpotCheckRecord& c : *checks) {
    if (args.json) {
      items.push_back(CheckJson(c));
    } else {
      PrintCheck(c, out);
    }
  }
  if (args.json) out << items.dump() << "\n";
  if (!args.json && checks->empty())
    out << "no spot checks (spotcheck draw --period P draws one)\n";
  return kExitOk;
}

int RunSpotCheckShow(const SpotCheckArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  return ShowCheck(**store, args.id, args.json, out);
}

int RunSpotCheckFinding(const SpotCheckArgs& args, const Environment& env, std::ostream& out) {
  spotcheck::FindingInput finding;
  finding.case_id = args.case_id;
  std::optional<spotcheck::Outcome> outcome = spotcheck::ParseOutcome(args.outcome);
  if (!outcome) return Fail(base::InvalidArgument("--outcome must be conforms or problem"));
  finding.outcome = *outcome;
  if (!args.category.empty()) {
    finding.category = spotcheck::ParseCategory(args.category);
    if (!finding.category) {
      return Fail(base::InvalidArgument("--category must be one of " + spotcheck::CategoryList()));
    }
  }
  finding.text = args.text;
  finding.confirmed = !args.unconfirmed;
  if (base::Status s = spotcheck::CheckFinding(finding); !s.ok())
    return Fail(base::InvalidArgument("--" + s.message()));
  base::Result<base::Instant> now = Now(args, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  std::optional<store::AlertRecord> alert;
  if (spotcheck::RaisesAlert(finding)) {
    store::AlertRecord a;
    a.rule_id = std::string(spotcheck::kFindingRule);
    a.occurrence = args.id;
    a.level = std::string(spotcheck::AlertLevelFor(*finding.category));
    a.raised_at = *now;
    a.reason = spotcheck::AlertReason(args.id, *finding.category, finding.text);
    alert = std::move(a);
  }
  store::FindingRecord record;
  record.check_id = args.id;
  record.case_id = finding.case_id;
  record.inspector = args.by;
  record.at = *now;
  record.outcome = args.outcome;
  record.category = args.category;
  record.text = finding.text;
  record.confirmed = finding.confirmed;
  auto recorded = (*store)->spot_checks().RecordFinding(record, alert, store::Scope::All());
  std::string detail;
  if (recorded.ok()) {
    detail = "case " + finding.case_id + ": " + args.outcome;
    if (recorded->finding.alert_id)
      detail += ", alert " + std::to_string(*recorded->finding.alert_id);
  }
  if (int code =
          Finish(**store, *now, args, "spotcheck.finding", "spotcheck:" + std::to_string(args.id),
                 recorded.ok() ? base::Status::Ok() : recorded.status(), detail);
      code != kExitOk) {
    return code;
  }
  if (args.json) {
    out << json{{"finding_id", recorded->finding.id},
                {"case_id", recorded->finding.case_id},
                {"dept_code", recorded->finding.dept_code},
                {"alert_id",
                 recorded->finding.alert_id ? json(*recorded->finding.alert_id) : json(nullptr)},
                {"alert_level", recorded->alert ? json(recorded->alert->level) : json(nullptr)},
                {"alert_raised", recorded->alert_raised}}
               .dump()
        << "\n";
    return kExitOk;
  }
  out << "finding " << recorded->finding.id << " on case " << finding.case_id << " ("
      << recorded->finding.dept_code << "): " << args.outcome;
  if (recorded->alert) {
    out << "; " << (recorded->alert_raised ? "raised " : "linked to ") << recorded->alert->level
        << " alert " << recorded->alert->id;
  }
  out << "\n";
  return kExitOk;
}

}  // namespace oversight::cli
