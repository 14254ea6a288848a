#pragma once

// What every planner reads: the office hours, the calendar (for the exact legal
// deadlines the truth quotes) and the city. All borrowed; the generator owns them.

#include <vector>

#include "base/time.h"
#include "calendar/calendar.h"
#include "demo/internal/case_plan.h"
#include "demo/internal/city_model.h"
#include "demo/internal/rng.h"
#include "demo/internal/work_clock.h"

namespace oversight::demo {

struct PlannerContext {
  const WorkClock& clock;
  const calendar::Calendar& calendar;
  const CityModel& city;
};

// Appends events to a plan at work positions or instants, checking that time
// moves forward (planners rely on it: the emitted order within a case is by time).
class EventAppender {
 public:
  EventAppender(const WorkClock& clock, Rng& rng, std::vector<PlannedEvent>& events)
      : clock_(clock), rng_(rng), events_(events) {}

  // At work position `pos`, a random second into the minute.
  base::Instant AtPosition(std::int64_t pos, model::EventType type, int actor,
                           std::int64_t value = 0);
  base::Instant AtInstant(base::Instant at, model::EventType type, int actor,
                          std::int64_t value = 0);

 private:
  const WorkClock& clock_;
  Rng& rng_;
  std::vector<PlannedEvent>& events_;
};

// lo + ⌊(hi − lo)·f⌋ for f in [0, 1): a point a fraction of the way along.
std::int64_t Along(std::int64_t lo, std::int64_t hi, double f);

}  // namespace oversight::demo
