#include "scoring/case_facts.h"

#include <vector>

namespace oversight::scoring {
namespace {

using model::EventType;

bool EndsCase(model::CaseKind kind, EventType type) {
  switch (kind) {
    case model::CaseKind::kApproval:
      return type == EventType::kComplete || type == EventType::kReject ||
             type == EventType::kWithdraw;
    case model::CaseKind::kComplaint: return type == EventType::kComplaintResolved;
    case model::CaseKind::kRating: return type == EventType::kRatingRevisited;
  }
  return false;
}

// The clock-stopping spans of a case, paired in time order; a pause still open
// at the last event stops nothing (its end is unknown).
std::vector<calendar::Suspension> Pauses(std::span<const store::StoredEvent> events) {
  std::vector<calendar::Suspension> out;
  std::optional<base::Instant> supplement;
  std::optional<base::Instant> suspend;
  for (const store::StoredEvent& stored : events) {
    const model::Event& e = stored.event;
    if (e.type == EventType::kRequestSupplement && !supplement) supplement = e.at;
    if (e.type == EventType::kSupplementReceived && supplement) {
      out.push_back({*supplement, e.at});
      supplement.reset();
    }
    if (e.type == EventType::kSuspend && !suspend) suspend = e.at;
    if (e.type == EventType::kResume && suspend) {
      out.push_back({*suspend, e.at});
      suspend.reset();
    }
  }
  return out;
}

std::optional<base::Instant> DueOf(base::Instant start, const std::optional<model::TimeLimit>& limit,
                                   std::span<const calendar::Suspension> pauses,
                                   const calendar::Calendar& calendar) {
  if (!limit || limit->amount <= 0) return std::nullopt;
  base::Result<calendar::Deadline> due = calendar.Due(start, *limit, pauses);
  if (!due.ok()) return std::nullopt;  // outside the calendar's data: not judged
  return due->due;
}

}  // namespace

CaseFacts SummariseCase(std::span<store::StoredEvent> events, const model::Item* item,
                        const calendar::Calendar* calendar) {
  CaseFacts facts;
  if (events.empty()) return facts;
  const model::Event& head = events.front().event;
  facts.id = head.case_id;
  facts.kind = head.kind;
  facts.channel = head.channel;
  facts.source = head.source;
  facts.item_code = head.item_code;
  facts.dept_code = head.dept_code;
  facts.first_attrs = head.attrs_json;
  facts.event_count = static_cast<std::int64_t>(events.size());
  bool any_channel = false;
  bool only_online = true;
  std::vector<calendar::Suspension> pauses = Pauses(events);
  for (store::StoredEvent& stored : events) {
    model::Event& e = stored.event;
    const auto t = static_cast<std::size_t>(e.type);
    if (!facts.first[t]) facts.first[t] = e.at;
    facts.last[t] = e.at;
    ++facts.count[t];
    facts.last_attrs[t] = std::move(e.attrs_json);
    facts.stage = e.type;
    if (e.channel != model::Channel::kUnknown) {
      any_channel = true;
      only_online = only_online &&
                    (e.channel == model::Channel::kOnline || e.channel == model::Channel::kMobile);
    }
    if (!facts.concluded_at && EndsCase(facts.kind, e.type)) facts.concluded_at = e.at;
  }
  facts.all_online = any_channel && only_online;
  const std::optional<base::Instant>& accepted = facts.First(EventType::kAccept);
  if (calendar != nullptr && item != nullptr && accepted &&
      (item->promised_limit || item->statutory_limit)) {
    facts.promised_due = DueOf(*accepted, item->promised_limit, pauses, *calendar);
    facts.statutory_due = DueOf(*accepted, item->statutory_limit, pauses, *calendar);
  }
  return facts;
}

}  // namespace oversight::scoring
