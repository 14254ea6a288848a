#pragma once

// What scoring reads about one case: a summary of its events (first and last
// time and count of each event type, the attrs of each type's latest event) and
// the deadlines derived from its item's limits. Built once per case while the
// store streams it; expressions read it through fields.h.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "base/time.h"
#include "calendar/calendar.h"
#include "model/event.h"
#include "model/item.h"
#include "store/store.h"

namespace oversight::scoring {

struct CaseFacts {
  std::string id;
  model::CaseKind kind = model::CaseKind::kApproval;
  model::Channel channel = model::Channel::kUnknown;  // the first event's
  std::string source;     // the first event's
  std::string item_code;  // the first event's
  std::string dept_code;  // the first event's: the department the case counts for
  model::EventType stage = model::EventType::kSubmit;  // the latest event's type
  // Every event that names a channel names online or mobile, and one does.
  bool all_online = false;
  std::int64_t event_count = 0;
  std::array<std::optional<base::Instant>, model::kEventTypeCount> first{};
  std::array<std::optional<base::Instant>, model::kEventTypeCount> last{};
  std::array<std::int32_t, model::kEventTypeCount> count{};
  // The attrs JSON of the latest event of each type ("" when none).
  std::array<std::string, model::kEventTypeCount> last_attrs;
  std::string first_attrs;  // the first event's attrs (applicant type)
  // Due instants of the item's promised (承诺) and statutory (法定) limits counted
  // from the first acceptance, paused by [request_supplement, supplement_received]
  // and [suspend, resume] pairs; null without an acceptance, the limit or calendar data.
  std::optional<base::Instant> promised_due;
  std::optional<base::Instant> statutory_due;
  // The first event that ends the case: complete, reject or withdraw (approval),
  // complaint_resolved (complaint), rating_revisited (rating).
  std::optional<base::Instant> concluded_at;

  const std::optional<base::Instant>& First(model::EventType type) const {
    return first[static_cast<std::size_t>(type)];
  }
};

// Summarises a case from its events in event-time order (as Store::ScanCases
// gives them). `item` is the case's catalogued item or null; `calendar` may be
// null (no deadlines then). Moves the attrs out of `events` (the scan's buffer)
// rather than copying them.
CaseFacts SummariseCase(std::span<store::StoredEvent> events, const model::Item* item,
                        const calendar::Calendar* calendar);

}  // namespace oversight::scoring
