#pragma once

// When one rung of a deadline ladder falls due (DESIGN §4): the stage's limit
// resolved against the item, shortened by `before` units for notices, counted by
// the calendar with the pauses so far, and moved to the start's clock time when
// the rule counts that way. Internal to the engine.

#include <optional>
#include <span>

#include "calendar/calendar.h"
#include "model/item.h"
#include "rules/rule.h"

namespace oversight::engine::internal {

// The limit a stage counts, or nullopt when it comes from an item that is
// unknown or has no such limit (the stage then never fires).
std::optional<model::TimeLimit> StageLimit(const rules::DeadlineStage& stage,
                                           const model::Item* item);

// The exclusive due instant of `limit` from `start` with the closed `pauses`; the
// calendar's error when it cannot count it (e.g. a year it does not cover).
//
// Counting::kSameClockTime, for day units: the period ends at the start's local
// clock time on the last day instead of at 24:00, i.e. due = 00:00 local of the
// last day + the start's local time of day. Hours are elapsed time either way.
base::Result<base::Instant> StageDue(const calendar::Calendar& calendar, base::Instant start,
                                     model::TimeLimit limit, rules::Counting counting,
                                     std::span<const calendar::Suspension> pauses);

}  // namespace oversight::engine::internal
