#pragma once

// Plans one approval case (办件) from its submission: acceptance, supplements,
// special procedures, review, decision, completion, delivery, in office hours.
//
// A normal case keeps clear of every violation in truth.h with a margin: accepted
// by the end of the 4th working day after the submission day (the law allows 5),
// completed at least one working day before the promised deadline (computed with
// the calendar when a special procedure stops the clock), and never under half an
// hour from submission to completion. An injected violation breaks exactly one of
// those conditions, checked against the calendar before it is recorded.

#include <cstddef>

#include "base/status.h"
#include "demo/internal/planner_context.h"

namespace oversight::demo {

struct Arrival {
  base::Instant submit_at{};
  std::size_t item = 0;  // index into City::items
  model::Channel channel = model::Channel::kUnknown;
};

class ApprovalPlanner {
 public:
  explicit ApprovalPlanner(const PlannerContext& context) : ctx_(context) {}

  // A plan with every event (submit first) and, when `violation` was injected, its
  // truth (case_id left empty). A violation that cannot happen in this case (too_fast
  // for a submission outside office hours) is dropped: the case stays normal.
  // Every case planned as normal is checked against the calendar's deadlines; fails
  // when the calendar cannot compute one, or (kInternal) when that check fails.
  base::Result<CasePlan> Plan(Rng& rng, const Arrival& arrival, Violation violation) const;

 private:
  base::Status CheckNormal(const CasePlan& plan) const;

  const PlannerContext& ctx_;
};

}  // namespace oversight::demo
