#pragma once

// How the desks send their events: as canonical JSON Lines records (docs/EVENTS.md)
// into an EventSink, which puts them through the same ingest path as any source's
// (validation, the store's append, and in the server the live engine). A sink
// fails unless every record was stored (or was a duplicate of a stored one).
//
//   EventSink sink = [&](std::string_view source, std::string lines) { ... };
//   OVS_RETURN_IF_ERROR(sink(kComplaintSource, EventLine(event) + "\n"));

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/event.h"

namespace oversight::complaints {

using EventSink = std::function<base::Status(std::string_view source, std::string jsonl)>;

// The sources the desks' events are stored under.
inline constexpr std::string_view kComplaintSource = "complaint-desk";
inline constexpr std::string_view kRatingSource = "rating-desk";

// The record for `event` (no newline), `at` in UTC; event.source is not written
// (the sink's source is).
std::string EventLine(const model::Event& event);

// Who takes a step: recorded as the event's actor.
struct Actor {
  std::string name;
  std::string role;
};

// The field a refusal names: the quoted field name a desk's messages start
// with ("'dept': no such department", "'text' is required" → "dept", "text"),
// or "".
std::string FieldOf(const base::Status& status);

}  // namespace oversight::complaints
