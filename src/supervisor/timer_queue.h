#pragma once

// The runtime's timer queue (DESIGN §6): the next due instant of each case, so
// the clock can be advanced — to an event's time, or to now — and exactly the
// cases whose deadlines come due are ticked. A case rescheduled keeps only its
// newest timer; stale ones are skipped when they surface.

#include <functional>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/time.h"

namespace oversight::supervisor {

class TimerQueue {
 public:
  // Sets (or replaces) the case's timer.
  void Schedule(const std::string& case_id, base::Instant due) {
    latest_[case_id] = due;
    heap_.push({due, case_id});
  }
  void Cancel(const std::string& case_id) { latest_.erase(case_id); }

  // Calls fire(case_id, due) for every timer due at or before `until`, earliest
  // first; `fire` may schedule again.
  void AdvanceTo(base::Instant until, const std::function<void(const std::string&, base::Instant)>& fire) {
    while (!heap_.empty() && heap_.top().first <= until) {
      auto [due, case_id] = heap_.top();
      heap_.pop();
      auto it = latest_.find(case_id);
      if (it == latest_.end() || it->second != due) continue;  // replaced or cancelled
      latest_.erase(it);
      fire(case_id, due);
    }
  }

  std::size_t size() const { return latest_.size(); }

 private:
  using Timer = std::pair<base::Instant, std::string>;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> heap_;
  std::unordered_map<std::string, base::Instant> latest_;
};

}  // namespace oversight::supervisor
