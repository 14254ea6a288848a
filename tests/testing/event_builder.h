#pragma once

// Builds model::Event values for tests in one line:
//   Event e = EventBuilder("c1", EventType::kAccept).At("2025-03-03T09:00:00+08:00").Build();

#include <string>

#include "base/time.h"
#include "model/event.h"

namespace oversight::testing {

class EventBuilder {
 public:
  EventBuilder(std::string case_id, model::EventType type) {
    event_.source = "test";
    event_.case_id = std::move(case_id);
    event_.type = type;
    event_.kind = model::KindOfEventType(type).value_or(model::CaseKind::kApproval);
    event_.step_name = std::string(model::EventTypeName(type));
    event_.source_event_id = event_.case_id + "/" + event_.step_name;
    event_.dept_code = "11445200MB2C12345T";
    event_.item_code = "445200-XK-0001";
    event_.attrs_json = "{}";
    event_.at = *base::ParseInstant("2025-03-03T09:00:00+08:00");
  }
  EventBuilder& At(std::string_view rfc3339) {
    event_.at = *base::ParseInstant(rfc3339);
    return *this;
  }
  EventBuilder& Id(std::string id) {
    event_.source_event_id = std::move(id);
    return *this;
  }
  EventBuilder& Source(std::string source) {
    event_.source = std::move(source);
    return *this;
  }
  EventBuilder& Attrs(std::string json) {
    event_.attrs_json = std::move(json);
    return *this;
  }
  model::Event Build() const { return event_; }

 private:
  model::Event event_;
};

}  // namespace oversight::testing
