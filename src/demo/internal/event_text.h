#pragma once

// The words a demo event carries: the Chinese step name a hall system would show,
// the source system's name, and the attrs object.

#include <string>
#include <string_view>

#include "demo/internal/case_plan.h"

namespace oversight::demo {

// 受理, 补正告知, 办结, ... for every canonical type the demo emits.
std::string_view StepName(model::EventType type);

// demo-hall (online), demo-window, demo-mobile, demo-complaint, demo-rating.
std::string_view SourceName(const CasePlan& plan);

// Replaces `out` with the attrs JSON object of `event` (compact, keys in a fixed order).
void WriteAttrs(const CasePlan& plan, const PlannedEvent& event, std::string& out);

}  // namespace oversight::demo
