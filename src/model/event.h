#pragma once

#include <cstdint>
#include <string>

#include "base/time.h"
#include "model/event_type.h"

namespace oversight::model {

enum class Channel : std::uint8_t { kUnknown = 0, kOnline, kWindow, kMobile };

std::string_view ChannelName(Channel channel);          // "online" | "window" | "mobile" | ""
std::optional<Channel> ParseChannel(std::string_view);  // accepts "" as kUnknown

// One fact about one case, as stored: never updated, never deleted (DESIGN §3).
struct Event {
  std::string source;           // the system that sent it (ingest --source)
  std::string source_event_id;  // the source's id, or a content hash when it has none
  std::string case_id;          // 办件编号
  CaseKind kind = CaseKind::kApproval;
  EventType type = EventType::kSubmit;
  std::string step_name;        // the source's own name for the step (always kept)
  base::Instant at{};           // event time, UTC
  std::string dept_code;
  std::string item_code;
  std::string actor;
  Channel channel = Channel::kUnknown;
  std::string attrs_json;       // a JSON object with everything else ("{}" when empty)
};

}  // namespace oversight::model
