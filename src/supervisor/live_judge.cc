#include "supervisor/live_judge.h"

namespace oversight::supervisor {

LiveJudge::LiveJudge(store::Store& store, const engine::Engine& engine)
    : store_(store), engine_(engine) {}

void LiveJudge::Take(const std::string& case_id, engine::EngineStep step) {
  if (problem_.empty()) problem_ = step.problem;
  for (engine::AlertChange& change : step.changes) raised_.push_back(std::move(change));
  if (step.next_due) {
    timers_.Schedule(case_id, *step.next_due);
  } else {
    timers_.Cancel(case_id);
  }
}

void LiveJudge::AdvanceClock(base::Instant until) {
  timers_.AdvanceTo(until, [&](const std::string& case_id, base::Instant due) {
    auto it = live_.find(case_id);
    if (it != live_.end()) Take(case_id, engine_.OnTick(it->second, due));
  });
}

void LiveJudge::Stored(std::span<const model::Event> events, const store::AppendResult& appended) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (appended.seqs[i] == 0) continue;  // a duplicate: nothing new to judge
    const model::Event& event = events[i];
    if (event.at > clock_) {
      clock_ = event.at;
      AdvanceClock(clock_);
    }
    if (rederive_.contains(event.case_id)) continue;
    auto it = live_.find(event.case_id);
    if (it == live_.end()) {
      // History stored before this ingest is not in memory: judge the case from the store.
      if (!appended.first_of_case[i]) {
        rederive_.insert(event.case_id);
        continue;
      }
      it = live_.try_emplace(event.case_id).first;
      dept_of_.emplace(event.case_id, event.dept_code);
    }
    engine::EngineStep step = engine_.OnEvent(it->second, event);
    if (step.needs_rederive) {
      rederive_.insert(event.case_id);
      timers_.Cancel(event.case_id);
      live_.erase(it);
      continue;
    }
    Take(event.case_id, std::move(step));
  }
}

base::Result<SuperviseSummary> LiveJudge::Finish(base::Instant now) {
  SuperviseSummary summary;
  AdvanceClock(now);
  for (auto& [case_id, state] : live_) {
    engine::EngineStep step = engine_.OnTick(state, now);
    for (engine::AlertChange& change : step.changes) raised_.push_back(std::move(change));
  }
  // Alerts of cases later sent to re-derivation are that pass's business.
  std::erase_if(raised_, [&](const engine::AlertChange& a) { return rederive_.contains(a.case_id); });
  std::unordered_map<std::string, std::int64_t> versions;
  for (const rules::Rule& rule : engine_.rule_set().rules) versions[rule.id] = rule.version;
  std::vector<store::AlertRecord> records;
  records.reserve(raised_.size());
  for (const engine::AlertChange& a : raised_) {
    records.push_back(ToAlertRecord(a, versions[a.rule_id], dept_of_[a.case_id]));
    // The judge's clock ran with event time; the alerts are stored at the caller's.
    records.back().noticed_at = now;
    ++summary.alerts;
    ++summary.by_rule_level[{a.rule_id, records.back().level}];
  }
  OVS_ASSIGN_OR_RETURN(summary.raised, store_.RaiseAlerts(records));
  summary.cases = static_cast<std::int64_t>(live_.size());
  summary.problem = problem_;
  if (!rederive_.empty()) {
    SuperviseOptions options;
    options.now = now;
    options.only_cases = rederive_;
    OVS_ASSIGN_OR_RETURN(SuperviseSummary rederived, Supervise(store_, engine_, options));
    summary.cases += rederived.cases;
    summary.raised += rederived.raised;
    summary.withdrawn += rederived.withdrawn;
    summary.alerts += rederived.alerts;
    for (const auto& [key, count] : rederived.by_rule_level) summary.by_rule_level[key] += count;
    if (summary.problem.empty()) summary.problem = rederived.problem;
  }
  return summary;
}

}  // namespace oversight::supervisor
