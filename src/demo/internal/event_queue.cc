#include "demo/internal/event_queue.h"

#include <algorithm>
#include <cstdio>

#include "base/check.h"
#include "demo/internal/event_text.h"

namespace oversight::demo {

EventQueue::EventQueue(const WorkClock& clock, const CityModel& city, const Sink& sink,
                       std::optional<base::Instant> until)
    : clock_(clock),
      city_(city),
      sink_(sink),
      until_(until),
      buckets_(static_cast<std::size_t>(clock.day_count())) {}

void EventQueue::Add(CasePlan plan) {
  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
    remaining_.push_back(0);
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  for (std::uint32_t i = 0; i < plan.events.size(); ++i) {
    int day = clock_.DayIndexOf(plan.events[i].at);
    // Planners never place an event before the day being planned (see the header).
    OVS_CHECK(day >= next_day_);
    buckets_[static_cast<std::size_t>(day)].push_back(
        {base::ToUnixMillis(plan.events[i].at), next_order_++, slot, i});
  }
  remaining_[slot] = static_cast<std::uint32_t>(plan.events.size());
  slots_[slot] = std::move(plan);
}

void EventQueue::EmitThrough(int day) {
  for (; next_day_ <= day && next_day_ < clock_.day_count(); ++next_day_) {
    std::vector<Queued>& bucket = buckets_[static_cast<std::size_t>(next_day_)];
    std::sort(bucket.begin(), bucket.end(), [](const Queued& a, const Queued& b) {
      return a.at_ms != b.at_ms ? a.at_ms < b.at_ms : a.order < b.order;
    });
    for (const Queued& q : bucket) Emit(q);
    std::vector<Queued>().swap(bucket);
  }
}

void EventQueue::Emit(const Queued& q) {
  CasePlan& plan = slots_[q.slot];
  const PlannedEvent& e = plan.events[q.index];
  if (!until_ || e.at < *until_) Send(plan, e, q.index);
  if (--remaining_[q.slot] == 0) {
    plan = CasePlan();
    free_slots_.push_back(q.slot);
  }
}

void EventQueue::Send(const CasePlan& plan, const PlannedEvent& e, std::uint32_t index) {
  const model::Item& item = city_.city.items[plan.item];
  event_.source.assign(SourceName(plan));
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%02u", index + 1);
  event_.source_event_id.assign(plan.case_id).append(suffix);
  event_.case_id.assign(plan.case_id);
  event_.kind = plan.kind;
  event_.type = e.type;
  event_.step_name.assign(StepName(e.type));
  event_.at = e.at;
  event_.dept_code.assign(item.dept_code);
  event_.item_code.assign(item.code);
  if (e.actor == kApplicantActor) {
    event_.actor.assign("applicant");
  } else {
    event_.actor.clear();
    event_.actor += 'u';
    event_.actor += std::to_string(e.actor);
  }
  event_.channel = plan.channel;
  WriteAttrs(plan, e, event_.attrs_json);
  sink_(event_);
  ++emitted_;
  last_at_ = e.at;
}

}  // namespace oversight::demo
