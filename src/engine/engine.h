#pragma once

// The supervision engine core (DESIGN §6): a pure, deterministic function
//   (case state, event | clock tick, rules, calendar) → (new state, alert changes, next due)
// with no I/O, no clock, no globals and no locks. The runtime feeds each case's
// events in event-time order, ticks the case when its next due instant comes,
// stores the alert changes, and rebuilds the case with Rederive when an event
// arrives late.
//
//   OVS_ASSIGN_OR_RETURN(Engine engine, Engine::Create(rule_set, calendar, items, depts));
//   CaseState state;
//   EngineStep step = engine.OnEvent(state, event);     // store step.changes,
//   if (step.next_due) timers.Schedule(case_id, *step.next_due);   // then later:
//   step = engine.OnTick(state, now);
//
// Per-case kinds: deadline, max_count, sequence, min_duration, check. Rate and
// reconcile rules are aggregate (department-month, across sources): see
// engine/aggregate.h.
//
// Determinism: live processing (events, plus a tick at every next_due) and replay
// (the events, then one tick at the end) raise the same alerts, because a
// deadline stage's alert is dated at its due instant, not at the tick that saw it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "calendar/calendar.h"
#include "engine/alert_change.h"
#include "engine/case_state.h"
#include "engine/internal/event_fields.h"
#include "model/department.h"
#include "model/event.h"
#include "model/item.h"
#include "rules/rule.h"

namespace oversight::engine {

// Catalogue lookups: nullptr when the code is unknown. The pointee must outlive
// the call; the engine keeps nothing it returns.
using ItemLookup = std::function<const model::Item*(std::string_view code)>;
using DepartmentLookup = std::function<const model::Department*(std::string_view code)>;

struct EngineStep {
  std::vector<AlertChange> changes;        // raises only; withdrawals come from DiffAlerts
  std::optional<base::Instant> next_due;   // tick the case then (nullopt: nothing pending)
  // The event is earlier than what the state has already accounted for (an
  // earlier event, or a due a tick already fired): the state was not touched;
  // call Rederive with all the case's events and diff the result.
  bool needs_rederive = false;
  // Non-empty when a stage's due could not be counted (e.g. a year the calendar
  // does not cover): that stage waits and cannot fire. Log it; the first one only.
  std::string problem;
};

// One rung of a deadline as a case's timeline shows it (全程留痕, 进度可查).
struct StageView {
  rules::AlertLevel level = rules::AlertLevel::kYellow;
  std::optional<model::TimeLimit> limit;  // nullopt: the item has no such limit
  std::optional<base::Instant> due;       // with the pauses so far
  // "met" (stopped before due), "breached", "running", "paused", "no limit"
  std::string state;
};

// A deadline rule's clock for one case: when it started, what stopped it, and
// where each rung of its ladder falls.
struct DeadlineView {
  std::string rule_id;
  std::string title;
  base::Instant start{};
  std::optional<base::Instant> stopped_at;
  std::string stopped_by;          // the stop event's type
  base::Milliseconds paused{0};    // total closed pause time
  std::vector<StageView> stages;
};

struct Rederived {
  CaseState state;
  std::vector<AlertChange> alerts;  // every alert the history justifies at `now`
  std::optional<base::Instant> next_due;
  std::string problem;  // as EngineStep::problem
};

// Const methods may run concurrently (on different states) when the lookups may.
class Engine {
 public:
  // Per case kind at most kMaxRulesPerKind per-case rules; a ladder has at most
  // kMaxStages stages. Rule status is not filtered: the caller passes the rules
  // it wants evaluated (active ones live, drafts too in a backtest).
  static constexpr std::size_t kMaxRulesPerKind = 32;
  static constexpr std::size_t kMaxStages = 16;

  static base::Result<Engine> Create(rules::RuleSet rules, calendar::Calendar calendar,
                                     ItemLookup items, DepartmentLookup departments);

  // Applies one event of the case. The first event fixes the case (id, kind,
  // channel, item) and decides which rules apply (kind and scope). An event
  // already seen (same source and source_event_id at the same instant) changes
  // nothing.
  EngineStep OnEvent(CaseState& state, const model::Event& event) const;

  // The clock reached `now`: raises every deadline stage whose due instant is at
  // or before `now` and whose clock was neither stopped nor paused by then.
  EngineStep OnTick(CaseState& state, base::Instant now) const;

  // Rebuilds a case from all its events (sorted by event time; exact duplicates
  // are dropped) and a tick at `now`.
  Rederived Rederive(const std::vector<model::Event>& sorted_events, base::Instant now) const;

  // The earliest due instant of a stage that can still fire, if any.
  std::optional<base::Instant> NextDue(const CaseState& state) const;

  // Indexes into the rule set of rate and reconcile rules, which the per-case
  // core skips: engine/aggregate.h evaluates them (a department's month, two
  // sources' views of a case).
  const std::vector<std::size_t>& aggregate_rules() const { return aggregate_rules_; }

  const rules::RuleSet& rule_set() const { return rules_; }

  // Every deadline that applies to the case and has started, as of `now`, for
  // showing a case's timeline. `sorted_events` in event-time order.
  std::vector<DeadlineView> Deadlines(const std::vector<model::Event>& sorted_events,
                                      base::Instant now) const;

  // True when `predicate` holds on `event` of the case whose first event is
  // `first` (case.* fields come from it). For aggregate rules (aggregate.h).
  bool Holds(const rules::expr::Expr& predicate, const model::Event& event,
             const model::Event& first) const;

  // Identifies the per-case slot layout of this rule set (rule ids, versions and
  // kinds per case kind): states persist only across engines that share it.
  std::uint64_t layout_fingerprint() const { return layout_; }
  // The state in the binary form of case_state.h, and back; decoding fails for a
  // state of another layout or whose slots do not fit the rules (then Rederive).
  std::string EncodeState(const CaseState& state) const;
  base::Result<CaseState> DecodeState(std::string_view bytes) const;

 private:
  enum class Slot : std::uint8_t { kDeadline, kMaxCount, kSequence, kMinDuration, kCheck };
  struct Planned {
    std::size_t rule = 0;  // index into rules_.rules
    Slot slot = Slot::kDeadline;
    std::uint32_t width = 1;  // words in CaseState::words, when the rule applies
  };
  struct KindPlan {
    std::vector<Planned> rules;  // bit i of CaseState masks is rules[i]
  };

  Engine(rules::RuleSet rules, calendar::Calendar calendar, ItemLookup items,
         DepartmentLookup departments);

  void Open(CaseState& state, const model::Event& event) const;
  // `problem` collects the first calendar failure (see EngineStep::problem).
  void Apply(CaseState& state, const model::Event& event, std::vector<AlertChange>& out,
             std::string* problem) const;
  void ApplyDeadline(CaseState& state, const Planned& p, std::uint32_t word,
                     const model::Event& event, std::vector<AlertChange>& out,
                     std::string* problem) const;
  void Tick(CaseState& state, base::Instant now, std::vector<AlertChange>& out,
            std::string* problem) const;
  std::optional<base::Instant> NextDue(const CaseState& state, std::string* problem) const;
  const KindPlan& PlanOf(const CaseState& state) const;
  // Calls fn(planned, word) for each deadline rule that applies to the case, with
  // the first of its words in CaseState::words. Defined in engine.cc, used there.
  template <typename Fn>
  void ForEachAppliedDeadline(const CaseState& state, Fn&& fn) const;
  std::uint64_t ComputeLayout() const;

  rules::RuleSet rules_;
  calendar::Calendar calendar_;
  ItemLookup items_;
  DepartmentLookup departments_;
  internal::FieldMap fields_;
  KindPlan plans_[3];
  std::vector<std::size_t> aggregate_rules_;
  std::uint64_t layout_ = 0;
};

}  // namespace oversight::engine
