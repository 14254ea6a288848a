#include "demo/internal/planner_context.h"

#include "base/check.h"

namespace oversight::demo {

base::Instant EventAppender::AtPosition(std::int64_t pos, model::EventType type, int actor,
                                        std::int64_t value) {
  return AtInstant(clock_.InstantOf(pos, static_cast<int>(rng_.Below(60))), type, actor, value);
}

base::Instant EventAppender::AtInstant(base::Instant at, model::EventType type, int actor,
                                       std::int64_t value) {
  // Planners place each step at a later minute than the one before.
  OVS_CHECK(events_.empty() || events_.back().at < at);
  events_.push_back({.at = at, .type = type, .actor = actor, .value = value});
  return at;
}

std::int64_t Along(std::int64_t lo, std::int64_t hi, double f) {
  return lo + static_cast<std::int64_t>(static_cast<double>(hi - lo) * f);
}

}  // namespace oversight::demo
