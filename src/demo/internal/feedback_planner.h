#pragma once

// Plans the cases that come back from the public: complaints (投诉举报, first
// feedback due within 24 hours) and bad ratings (差评 under 好差评: verify, rectify,
// revisit). A normal complaint gets its first feedback within 20 hours; a late one
// (complaint_feedback_late) 24 hours or more after receipt.

#include "base/status.h"
#include "demo/internal/planner_context.h"

namespace oversight::demo {

class FeedbackPlanner {
 public:
  explicit FeedbackPlanner(const PlannerContext& context) : ctx_(context) {}

  // A complaint about `item` received at `received_at`; `late` injects a late feedback.
  CasePlan PlanComplaint(Rng& rng, base::Instant received_at, std::size_t item,
                         model::Channel channel, bool late) const;

  // A bad rating of the approval case `rated` (which must have a delivery), given
  // some time after the delivery.
  CasePlan PlanRating(Rng& rng, const CasePlan& rated) const;

 private:
  const PlannerContext& ctx_;
};

}  // namespace oversight::demo
