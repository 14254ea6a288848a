#pragma once

// The skeleton of an event a desk sends. Not for use outside complaints/.

#include <cstdio>
#include <string>

#include "model/event.h"

namespace oversight::complaints::internal {

// case, kind, type and time set; source_event_id "<case_id>-NN", NN the event's
// position in its case (so a step sent twice is recognised as a duplicate).
inline model::Event DeskEvent(const std::string& case_id, std::int64_t position,
                              model::CaseKind kind, model::EventType type, base::Instant at) {
  model::Event e;
  char suffix[24];
  std::snprintf(suffix, sizeof suffix, "-%02lld", static_cast<long long>(position));
  e.source_event_id = case_id + suffix;
  e.case_id = case_id;
  e.kind = kind;
  e.type = type;
  e.step_name = std::string(model::EventTypeName(type));
  e.at = at;
  e.attrs_json = "{}";
  return e;
}

}  // namespace oversight::complaints::internal
