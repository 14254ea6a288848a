// Engine::Deadlines: each deadline of one case laid out for people (case show),
// counted the way the engine counts (internal/stage_due.h), from the events alone.

#include "engine/engine.h"
#include "engine/internal/stage_due.h"

namespace oversight::engine {
std::vector<DeadlineView> Engine::Deadlines(const std::vector<model::Event>& events,
                                            base::Instant now) const {
  std::vector<DeadlineView> out;
  if (events.empty()) return out;
  const model::Event& first = events.front();
  const model::Item* item = first.item_code.empty() ? nullptr : items_(first.item_code);
  for (const rules::Rule& rule : rules_.rules) {
    const auto* r = std::get_if<rules::DeadlineRule>(&rule.kind);
    if (r == nullptr || first.kind != rule.case_kind) continue;
    if (rule.scope && !Holds(*rule.scope, first, first)) continue;
    DeadlineView view;
    view.rule_id = rule.id;
    view.title = rule.title;
    bool started = false;
    // The pause in progress, if any (`has_open_pause`): a plain pair, not an optional,
    // which GCC 12 misreads as maybe-uninitialised at -O3.
    bool has_open_pause = false;
    base::Instant open_pause{};
    std::size_t open_pair = 0;
    std::vector<calendar::Suspension> pauses;
    for (const model::Event& e : events) {
      if (!started) {
        if (!r->start.Matches(e.type, e.step_name)) continue;
        started = true;
        view.start = e.at;
      }
      if (has_open_pause) {
        if (r->pauses[open_pair].second.Matches(e.type, e.step_name)) {
          pauses.push_back({open_pause, e.at});
          view.paused += e.at - open_pause;
          has_open_pause = false;
        }
      } else {
        for (std::size_t k = 0; k < r->pauses.size(); ++k) {
          if (r->pauses[k].first.Matches(e.type, e.step_name)) {
            has_open_pause = true;
            open_pause = e.at;
            open_pair = k;
            break;
          }
        }
      }
      if (r->stop.Matches(e.type, e.step_name)) {
        view.stopped_at = e.at;
        view.stopped_by = std::string(model::EventTypeName(e.type));
        break;
      }
    }
    if (!started) continue;
    const base::Instant judged_at = view.stopped_at.value_or(now);
    for (const rules::DeadlineStage& stage : r->ladder) {
      StageView s;
      s.level = stage.level;
      s.limit = internal::StageLimit(stage, item);
      if (!s.limit) {
        s.state = "no limit";
        view.stages.push_back(std::move(s));
        continue;
      }
      base::Result<base::Instant> due =
          internal::StageDue(calendar_, view.start, *s.limit, r->counting, pauses);
      if (due.ok()) s.due = *due;
      // A pause still open that began before the due holds the clock.
      if (s.due && has_open_pause && open_pause < *s.due && !view.stopped_at) {
        s.state = "paused";
      } else if (!s.due) {
        s.state = "uncountable";
      } else if (judged_at >= *s.due) {
        s.state = "breached";
      } else {
        s.state = view.stopped_at ? "met" : "running";
      }
      view.stages.push_back(std::move(s));
    }
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace oversight::engine
