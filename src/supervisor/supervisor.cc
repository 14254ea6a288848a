#include "supervisor/supervisor.h"

#include <unordered_map>

#include "base/strings.h"
#include "engine/aggregate.h"

namespace oversight::supervisor {
namespace {

// Stored alerts the engine compares with what the history justifies: every one
// not withdrawn that a rule raised (a spot-check finding, rule spotcheck.*, is an
// inspector's record the engine neither derives nor withdraws). Of those, a
// closed or accountability alert is a settled human record: it counts as
// present but the engine never withdraws it.
bool IsLive(const store::AlertRecord& alert) {
  return alert.state != "withdrawn" && !base::StartsWith(alert.rule_id, "spotcheck.");
}
bool IsSettled(const store::AlertRecord& alert) {
  return alert.state == "closed" || alert.state == "accountability";
}

// Live stored alerts by case, read once: one query instead of one per case.
base::Result<std::unordered_map<std::string, std::vector<store::AlertRecord>>> OpenAlertsByCase(
    store::Store& store) {
  store::AlertFilter filter;
  filter.limit = INT64_MAX;
  OVS_ASSIGN_OR_RETURN(std::vector<store::AlertRecord> all, store.ListAlerts(filter));
  std::unordered_map<std::string, std::vector<store::AlertRecord>> by_case;
  for (store::AlertRecord& alert : all) {
    if (IsLive(alert)) by_case[alert.case_id].push_back(std::move(alert));
  }
  return by_case;
}

engine::AlertChange ToChange(const store::AlertRecord& record) {
  engine::AlertChange change;
  change.rule_id = record.rule_id;
  change.case_id = record.case_id;
  change.occurrence = record.occurrence;
  change.level = rules::ParseAlertLevel(record.level).value_or(rules::AlertLevel::kYellow);
  change.at = record.raised_at;
  change.due = record.due;
  change.reason = record.reason;
  return change;
}

bool InWindow(const engine::AlertChange& alert, const SuperviseOptions& options) {
  return (!options.from || alert.at >= *options.from) && (!options.to || alert.at < *options.to);
}

class Run {
 public:
  Run(store::Store& store, const engine::Engine& engine, const SuperviseOptions& options)
      : store_(store), engine_(engine), options_(options), aggregate_(engine) {
    for (const rules::Rule& rule : engine.rule_set().rules) {
      versions_[rule.id] = rule.version;
      if (std::holds_alternative<rules::RateRule>(rule.kind)) rate_rules_.insert(rule.id);
    }
  }

  base::Status Go() {
    if (!options_.only_cases.empty()) return GoCases();
    if (options_.write) {
      OVS_ASSIGN_OR_RETURN(open_, OpenAlertsByCase(store_));
    }
    base::Status status;
    OVS_RETURN_IF_ERROR(store_.ScanCases([&](std::vector<store::StoredEvent>& stored) {
      status = Case(stored);
      return status.ok();
    }));
    OVS_RETURN_IF_ERROR(status);
    OVS_RETURN_IF_ERROR(Rates());
    return WritePending();
  }

  // Rate alerts belong to a department-month ("<dept>/<YYYY-MM>"), judged once
  // every case has been counted; only a pass over the whole history can do that.
  base::Status Rates() {
    std::map<std::string, std::vector<engine::AlertChange>> by_period;
    for (const auto& [case_id, alerts] : open_) {
      for (const store::AlertRecord& a : alerts) {
        if (rate_rules_.contains(a.rule_id)) by_period[case_id];
      }
    }
    for (engine::AlertChange& alert : aggregate_.RateAlerts()) {
      Count(alert);
      by_period[alert.case_id].push_back(std::move(alert));
    }
    for (const auto& [period, wanted] : by_period) {
      OVS_RETURN_IF_ERROR(Reconcile(period, period.substr(0, period.find('/')), wanted));
    }
    return base::Status::Ok();
  }

  void Count(const engine::AlertChange& alert) {
    if (!InWindow(alert, options_)) return;
    ++summary_.alerts;
    ++summary_.by_rule_level[{alert.rule_id, std::string(rules::AlertLevelName(alert.level))}];
    if (options_.keep_alerts) summary_.kept.push_back(alert);
  }

  SuperviseSummary& summary() { return summary_; }

 private:
  // A few named cases (after an ingest): read each one by its index.
  base::Status GoCases() {
    for (const std::string& case_id : options_.only_cases) {
      OVS_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> stored, store_.EventsOfCase(case_id));
      if (stored.empty()) continue;
      if (options_.write) {
        store::AlertFilter filter;
        filter.case_id = case_id;
        OVS_ASSIGN_OR_RETURN(std::vector<store::AlertRecord> alerts, store_.ListAlerts(filter));
        std::erase_if(alerts, [](const store::AlertRecord& a) { return !IsLive(a); });
        open_[case_id] = std::move(alerts);
      }
      OVS_RETURN_IF_ERROR(Case(stored));
    }
    return WritePending();
  }

  base::Status Case(std::vector<store::StoredEvent>& stored) {
    const std::string case_id = stored.front().event.case_id;  // a copy: the events move below
    ++summary_.cases;
    summary_.events += static_cast<std::int64_t>(stored.size());
    events_.clear();
    for (store::StoredEvent& s : stored) events_.push_back(std::move(s.event));
    engine::Rederived derived = engine_.Rederive(events_, options_.now);
    if (summary_.problem.empty()) summary_.problem = derived.problem;
    for (engine::AlertChange& alert : aggregate_.AddCase(events_, options_.now)) {
      derived.alerts.push_back(std::move(alert));  // reconcile rules: per case too
    }
    for (const engine::AlertChange& alert : derived.alerts) Count(alert);
    OVS_RETURN_IF_ERROR(Reconcile(case_id, events_.front().dept_code, derived.alerts));
    if (options_.on_case) options_.on_case(case_id, events_.front().dept_code, derived);
    return base::Status::Ok();
  }

  // Brings the stored alerts of one case to `wanted`.
  base::Status Reconcile(const std::string& case_id, const std::string& dept,
                         const std::vector<engine::AlertChange>& wanted) {
    std::vector<engine::AlertChange> stored;
    std::vector<const store::AlertRecord*> records;
    if (auto it = open_.find(case_id); it != open_.end()) {
      for (const store::AlertRecord& record : it->second) {
        stored.push_back(ToChange(record));
        records.push_back(&record);
      }
    }
    for (const engine::AlertChange& change : engine::DiffAlerts(stored, wanted, options_.now)) {
      if (change.kind == engine::AlertChange::kWithdraw) {
        bool settled = false;
        for (const store::AlertRecord* record : records) {
          if (ToChange(*record).Key() == change.Key()) settled = IsSettled(*record);
        }
        if (settled) continue;
        ++summary_.withdrawn;
        if (!options_.write) continue;
        // A rule that left the running set (retired, or back to draft) takes its alerts with it.
        std::string reason = versions_.contains(change.rule_id)
                                 ? change.reason
                                 : "rule " + change.rule_id + " is no longer active";
        for (const store::AlertRecord* record : records) {
          if (ToChange(*record).Key() == change.Key()) {
            OVS_RETURN_IF_ERROR(store_.WithdrawAlert(record->id, options_.now, reason));
          }
        }
        continue;
      }
      ++summary_.raised;
      if (!options_.write) continue;
      pending_.push_back(ToAlertRecord(change, versions_[change.rule_id], dept));
      pending_.back().noticed_at = options_.noticed_at.value_or(options_.now);
      if (pending_.size() >= 10'000) OVS_RETURN_IF_ERROR(WritePending());
    }
    return base::Status::Ok();
  }

  base::Status WritePending() {
    if (pending_.empty()) return base::Status::Ok();
    OVS_ASSIGN_OR_RETURN(std::int64_t added, store_.RaiseAlerts(pending_));
    (void)added;  // keys already stored (withdrawn earlier) stay as they are
    pending_.clear();
    return base::Status::Ok();
  }

  store::Store& store_;
  const engine::Engine& engine_;
  const SuperviseOptions& options_;
  SuperviseSummary summary_;
  std::unordered_map<std::string, std::int64_t> versions_;
  std::unordered_map<std::string, std::vector<store::AlertRecord>> open_;
  std::vector<model::Event> events_;
  std::vector<store::AlertRecord> pending_;
  engine::AggregateRules aggregate_;
  std::set<std::string> rate_rules_;
};

}  // namespace

store::AlertRecord ToAlertRecord(const engine::AlertChange& change, std::int64_t rule_version,
                                 const std::string& dept_code) {
  store::AlertRecord record;
  record.rule_id = change.rule_id;
  record.rule_version = rule_version;
  record.case_id = change.case_id;
  record.occurrence = change.occurrence;
  record.level = std::string(rules::AlertLevelName(change.level));
  record.dept_code = dept_code;
  record.raised_at = change.at;
  record.due = change.due;
  record.reason = change.reason;
  return record;
}

base::Result<SuperviseSummary> Supervise(store::Store& store, const engine::Engine& engine,
                                         const SuperviseOptions& options) {
  Run run(store, engine, options);
  OVS_RETURN_IF_ERROR(run.Go());
  return std::move(run.summary());
}

std::string SuperviseSummary::ToJson() const {
  std::string out = "{\"cases\":" + std::to_string(cases) + ",\"events\":" + std::to_string(events) +
                    ",\"alerts\":" + std::to_string(alerts) + ",\"raised\":" + std::to_string(raised) +
                    ",\"withdrawn\":" + std::to_string(withdrawn) + ",\"by_rule\":[";
  bool first = true;
  for (const auto& [key, count] : by_rule_level) {
    if (!first) out += ",";
    first = false;
    out += "{\"rule\":\"" + base::JsonEscape(key.first) + "\",\"level\":\"" + key.second +
           "\",\"count\":" + std::to_string(count) + "}";
  }
  out += "]";
  if (!problem.empty()) out += ",\"problem\":\"" + base::JsonEscape(problem) + "\"";
  return out + "}";
}

std::string SuperviseSummary::ToText() const {
  std::string out = std::to_string(cases) + " cases, " + std::to_string(events) + " events: " +
                    std::to_string(alerts) + " alerts (" + std::to_string(raised) + " new, " +
                    std::to_string(withdrawn) + " withdrawn)\n";
  for (const auto& [key, count] : by_rule_level) {
    out += "  " + key.first + " [" + key.second + "]: " + std::to_string(count) + "\n";
  }
  if (!problem.empty()) out += "warning: " + problem + "\n";
  return out;
}

}  // namespace oversight::supervisor
