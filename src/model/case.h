#pragma once

#include <string>

#include "model/event.h"

namespace oversight::model {

// A supervised case (办件, complaint or rating) as the store summarises it from
// its events. The events are the truth; this is a convenience view.
struct Case {
  std::string id;
  CaseKind kind = CaseKind::kApproval;
  std::string item_code;
  std::string dept_code;
  std::string applicant_type;    // natural person, legal person, ... (GB/T 39046 A.4)
  std::string applicant_masked;  // masked identity (脱敏), never the clear number
  Channel channel = Channel::kUnknown;
  std::string source;
  EventType stage = EventType::kSubmit;  // type of the latest event by event time
  base::Instant first_at{};
  base::Instant last_at{};
  std::int64_t event_count = 0;
};

}  // namespace oversight::model
