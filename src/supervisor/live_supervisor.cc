#include "supervisor/live_supervisor.h"

namespace oversight::supervisor {

LiveSupervisor::LiveSupervisor(store::Store& store, const engine::Engine& engine)
    : store_(store), engine_(engine) {
  for (const rules::Rule& rule : engine.rule_set().rules) versions_[rule.id] = rule.version;
}

void LiveSupervisor::Keep(const std::string& case_id, const std::string& dept,
                          engine::CaseState state, std::optional<base::Instant> next_due) {
  live_[case_id] = Live{std::move(state), dept};
  if (next_due) {
    timers_.Schedule(case_id, *next_due);
  } else {
    timers_.Cancel(case_id);
  }
}

base::Result<SuperviseSummary> LiveSupervisor::Start(base::Instant now) {
  live_.clear();
  timers_ = TimerQueue();
  SuperviseOptions options;
  options.now = now;
  options.on_case = [&](const std::string& case_id, const std::string& dept,
                        engine::Rederived& derived) {
    Keep(case_id, dept, std::move(derived.state), derived.next_due);
  };
  return Supervise(store_, engine_, options);
}

void LiveSupervisor::Take(const std::string& case_id, engine::EngineStep step) {
  if (problem_.empty()) problem_ = step.problem;
  for (engine::AlertChange& change : step.changes) raised_.push_back(std::move(change));
  if (step.next_due) {
    timers_.Schedule(case_id, *step.next_due);
  } else {
    timers_.Cancel(case_id);
  }
}

base::Result<LiveChanges> LiveSupervisor::Stored(std::span<const model::Event> events,
                                                 const store::AppendResult& appended,
                                                 base::Instant now) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (appended.seqs[i] == 0) continue;  // a duplicate: nothing new to judge
    const model::Event& event = events[i];
    if (rederive_.contains(event.case_id)) continue;
    auto it = live_.find(event.case_id);
    if (it == live_.end()) {
      // Not held in memory although stored before (another writer): rebuild it.
      if (!appended.first_of_case[i]) {
        rederive_.insert(event.case_id);
        continue;
      }
      it = live_.try_emplace(event.case_id, Live{{}, event.dept_code}).first;
    }
    engine::EngineStep step = engine_.OnEvent(it->second.state, event);
    if (step.needs_rederive) {
      rederive_.insert(event.case_id);
      timers_.Cancel(event.case_id);
      continue;
    }
    Take(event.case_id, std::move(step));
  }
  // The batch arrived at `now`: whatever came due by then fires too.
  AdvanceTo(now);
  LiveChanges changes;
  OVS_RETURN_IF_ERROR(Flush(now, changes));
  return changes;
}

void LiveSupervisor::AdvanceTo(base::Instant now) {
  timers_.AdvanceTo(now, [&](const std::string& case_id, base::Instant due) {
    auto it = live_.find(case_id);
    if (it != live_.end() && !rederive_.contains(case_id)) {
      Take(case_id, engine_.OnTick(it->second.state, due));
    }
  });
}

base::Result<LiveChanges> LiveSupervisor::Tick(base::Instant now) {
  AdvanceTo(now);
  LiveChanges changes;
  OVS_RETURN_IF_ERROR(Flush(now, changes));
  return changes;
}

// Stores what the live path raised, then rebuilds the cases that need it.
base::Status LiveSupervisor::Flush(base::Instant now, LiveChanges& changes) {
  std::erase_if(raised_, [&](const engine::AlertChange& a) { return rederive_.contains(a.case_id); });
  changes.raised.reserve(raised_.size());
  for (const engine::AlertChange& a : raised_) {
    auto it = live_.find(a.case_id);
    changes.raised.push_back(
        ToAlertRecord(a, versions_[a.rule_id], it == live_.end() ? std::string() : it->second.dept));
    changes.raised.back().noticed_at = now;  // the service's clock: told from now on
  }
  raised_.clear();
  if (!changes.raised.empty()) OVS_RETURN_IF_ERROR(store_.RaiseAlerts(changes.raised).status());
  if (!rederive_.empty()) {
    SuperviseOptions options;
    options.now = now;
    options.only_cases = std::move(rederive_);
    rederive_.clear();
    options.on_case = [&](const std::string& case_id, const std::string& dept,
                          engine::Rederived& derived) {
      Keep(case_id, dept, std::move(derived.state), derived.next_due);
    };
    OVS_ASSIGN_OR_RETURN(SuperviseSummary summary, Supervise(store_, engine_, options));
    if (problem_.empty()) problem_ = summary.problem;
    changes.rejudged_cases.assign(options.only_cases.begin(), options.only_cases.end());
  }
  changes.problem = problem_;
  return base::Status::Ok();
}

}  // namespace oversight::supervisor
