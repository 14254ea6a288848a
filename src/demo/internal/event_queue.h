#pragma once

// Puts the events of many planned cases into event-time order and hands them out
// as model::Events. Cases are planned day by day, and every event of a case planned
// on day D happens on day D or later; so once day D is planned its bucket is
// complete and can be sorted and emitted, while later days keep filling. Memory
// holds only the cases still open, not the whole run.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "demo/internal/case_plan.h"
#include "demo/internal/city_model.h"
#include "demo/internal/work_clock.h"
#include "model/event.h"

namespace oversight::demo {

class EventQueue {
 public:
  using Sink = std::function<void(const model::Event&)>;

  // With `until`, events at or after it are dropped (DemoOptions::until).
  EventQueue(const WorkClock& clock, const CityModel& city, const Sink& sink,
             std::optional<base::Instant> until = std::nullopt);

  // Takes the plan; its events must fall on days not yet emitted.
  void Add(CasePlan plan);
  // Emits every queued event of day `day` (and of earlier days) in (time, arrival) order.
  void EmitThrough(int day);
  std::int64_t emitted() const { return emitted_; }  // handed to the sink
  base::Instant last_at() const { return last_at_; }

 private:
  struct Queued {
    std::int64_t at_ms;
    std::uint64_t order;  // ties in time: the order the events were added
    std::uint32_t slot;
    std::uint32_t index;  // into the plan's events
  };

  void Emit(const Queued& q);
  void Send(const CasePlan& plan, const PlannedEvent& e, std::uint32_t index);

  const WorkClock& clock_;
  const CityModel& city_;
  const Sink& sink_;
  std::optional<base::Instant> until_;
  std::vector<std::vector<Queued>> buckets_;  // by day index
  int next_day_ = 0;                          // the first day not emitted yet
  std::vector<CasePlan> slots_;               // open cases
  std::vector<std::uint32_t> remaining_;      // events of each slot not emitted yet
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_order_ = 0;
  std::int64_t emitted_ = 0;
  base::Instant last_at_{};
  model::Event event_;  // reused: its strings keep their buffers between events
};

}  // namespace oversight::demo
