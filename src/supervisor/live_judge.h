#pragma once

// Judging cases while they are ingested: each newly stored event goes through
// the engine at once, on per-case states held in memory, so an ingest with rules
// does not read its events back. The clock advances with the events (the latest
// event time seen) through a timer queue, so deadlines fire between events as
// they would live; Finish advances it to now. A case that already had stored history before
// this ingest, or whose event arrives late for its state, is re-derived from the
// store at the end instead (Supervise over those cases), which withdraws what no
// longer holds. Rate rules, which need every case of a month, are left to
// `oversight run`.
//
//   LiveJudge judge(store, engine);
//   runner options: on_stored = [&](events, appended) { judge.Stored(events, appended); }
//   OVS_ASSIGN_OR_RETURN(SuperviseSummary s, judge.Finish(now));

#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/engine.h"
#include "store/store.h"
#include "supervisor/supervisor.h"
#include "supervisor/timer_queue.h"

namespace oversight::supervisor {

class LiveJudge {
 public:
  LiveJudge(store::Store& store, const engine::Engine& engine);

  // The events of one appended batch and what the store did with each.
  void Stored(std::span<const model::Event> events, const store::AppendResult& appended);

  // Ticks every live case at `now`, stores the alerts, and re-derives the cases
  // that need it from the store. `now` is the caller's clock (the wall clock or
  // an injected one, not event time): it is also when the alerts count as noticed.
  base::Result<SuperviseSummary> Finish(base::Instant now);

 private:
  store::Store& store_;
  const engine::Engine& engine_;
  void Take(const std::string& case_id, engine::EngineStep step);
  // Ticks every live case whose timer comes due by `until`.
  void AdvanceClock(base::Instant until);

  std::unordered_map<std::string, engine::CaseState> live_;
  TimerQueue timers_;
  base::Instant clock_{};  // the latest event time seen
  std::set<std::string> rederive_;
  std::vector<engine::AlertChange> raised_;
  std::unordered_map<std::string, std::string> dept_of_;  // case → department, for alert rows
  std::string problem_;
};

}  // namespace oversight::supervisor
