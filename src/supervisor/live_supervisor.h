#pragma once

// The engine kept running inside a long-lived process (`oversight serve`): every
// case's state in memory, rebuilt from the store at start, advanced by each
// stored batch and by the clock's ticks (DESIGN §6, §10).
//
//   LiveSupervisor live(store, engine);
//   OVS_RETURN_IF_ERROR(live.Start(now).status());      // judge history, keep states
//   after each append:   live.Stored(events, appended, now)
//   every few seconds:   live.Tick(now)
//
// A case whose new event is earlier than what its state already accounted for
// (late data) is rebuilt from its stored events, which withdraws what no longer
// holds; so live processing ends where a replay of the same history ends.
// Rate rules (a department's month) are judged by Start and by `oversight run`.
// Not thread-safe: the caller serialises calls with its store access.

#include <cstdint>
#include <optional>
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

// What one step changed, for the caller's notifications.
struct LiveChanges {
  std::vector<store::AlertRecord> raised;    // alerts stored by this step (new or already held)
  std::vector<std::string> rejudged_cases;   // cases rebuilt from the store (raises and withdrawals)
  std::string problem;                       // the first calendar problem met, if any
};

class LiveSupervisor {
 public:
  LiveSupervisor(store::Store& store, const engine::Engine& engine);

  // Judges the whole stored history at `now`, bringing the alerts table up to
  // date, and keeps every case's state and next due.
  base::Result<SuperviseSummary> Start(base::Instant now);

  // The events of a batch the store just appended and what it did with each.
  base::Result<LiveChanges> Stored(std::span<const model::Event> events,
                                   const store::AppendResult& appended, base::Instant now);

  // The clock reached `now`: ticks every case whose next due has come.
  base::Result<LiveChanges> Tick(base::Instant now);

  std::size_t cases() const { return live_.size(); }
  std::size_t timers() const { return timers_.size(); }

 private:
  void Keep(const std::string& case_id, const std::string& dept, engine::CaseState state,
            std::optional<base::Instant> next_due);
  void Take(const std::string& case_id, engine::EngineStep step);
  void AdvanceTo(base::Instant now);  // ticks every case whose timer is due by `now`
  base::Status Flush(base::Instant now, LiveChanges& changes);

  store::Store& store_;
  const engine::Engine& engine_;
  std::unordered_map<std::string, std::int64_t> versions_;
  struct Live {
    engine::CaseState state;
    std::string dept;
  };
  std::unordered_map<std::string, Live> live_;
  TimerQueue timers_;
  std::vector<engine::AlertChange> raised_;
  std::set<std::string> rederive_;
  std::string problem_;
};

}  // namespace oversight::supervisor
