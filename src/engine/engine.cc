#include "engine/engine.h"

#include <algorithm>
#include <string>
#include <utility>

#include "engine/internal/stage_due.h"

namespace oversight::engine {
namespace {

constexpr std::int64_t kUnset = CaseState::kUnset;

// Deadline slot: words[w] = start (Unix ms or kUnset), words[w + 1] = bits:
// stages raised (low 16), stopped, and which pause pair is open (bits 24–31).
// The open pause itself is the slot's PauseRecord with to_ms == kUnset.
constexpr std::int64_t kStoppedBit = std::int64_t{1} << 16;
constexpr int kOpenPairShift = 24;

bool Matches(const rules::EventMatcher& m, const model::Event& e) {
  return m.Matches(e.type, e.step_name);
}

// An expression as one line of an alert's reason: YAML block text keeps its
// line breaks and indentation, which a reason read in a list should not.
std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// FNV-1a over source and source_event_id: the event's identity for duplicates.
std::uint64_t EventId(const model::Event& e) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  mix(e.source);
  mix("\x1f");
  mix(e.source_event_id);
  return h;
}

std::int64_t Ms(base::Instant at) { return base::ToUnixMillis(at); }
base::Instant At(std::int64_t ms) { return base::FromUnixMillis(ms); }

std::string DescribeLimit(model::TimeLimit limit) {
  return std::to_string(limit.amount) + " " + std::string(model::LimitUnitName(limit.unit));
}

std::uint32_t Bit(std::size_t i) { return std::uint32_t{1} << i; }

// The closed pauses of one deadline slot, in time order.
std::vector<calendar::Suspension> PausesOf(const CaseState& state, std::uint32_t word) {
  std::vector<calendar::Suspension> out;
  for (const PauseRecord& p : state.pauses) {
    if (p.slot == word && p.to_ms != kUnset) out.push_back({At(p.from_ms), At(p.to_ms)});
  }
  return out;
}

// The open pause of one deadline slot, if any (always the slot's last record).
template <typename State>  // CaseState or const CaseState
auto OpenPause(State& state, std::uint32_t word) -> decltype(state.pauses.data()) {
  for (auto it = state.pauses.rbegin(); it != state.pauses.rend(); ++it) {
    if (it->slot == word) return it->to_ms == kUnset ? &*it : nullptr;
  }
  return nullptr;
}

// Calls fn(k, limit, due) for each stage k of a started, unstopped deadline that
// has not fired and whose clock runs: a pause that began before a stage's due
// stopped the clock, so that stage waits for the resume. A due the calendar
// cannot count is skipped and, the first time, described in `*problem`.
template <typename Fn>
void ForEachRunningStage(const calendar::Calendar& calendar, const CaseState& state,
                         std::uint32_t word, const rules::Rule& rule, const model::Item* item,
                         std::string* problem, Fn&& fn) {
  const auto& r = std::get<rules::DeadlineRule>(rule.kind);
  const std::int64_t start = state.words[word];
  const std::int64_t bits = state.words[word + 1];
  if (start == kUnset || (bits & kStoppedBit) != 0) return;
  const PauseRecord* open_pause = OpenPause(state, word);
  const std::int64_t open = open_pause ? open_pause->from_ms : kUnset;
  std::vector<calendar::Suspension> pauses = PausesOf(state, word);
  for (std::size_t k = 0; k < r.ladder.size(); ++k) {
    if ((bits & (std::int64_t{1} << k)) != 0) continue;
    std::optional<model::TimeLimit> limit = internal::StageLimit(r.ladder[k], item);
    if (!limit) continue;
    base::Result<base::Instant> due =
        internal::StageDue(calendar, At(start), *limit, r.counting, pauses);
    if (!due.ok()) {
      if (problem != nullptr && problem->empty()) {
        *problem = "rule '" + rule.id + "', case '" + state.case_id + "', stage " +
                   std::to_string(k + 1) + ": " + due.status().ToString();
      }
      continue;
    }
    if (open != kUnset && At(open) < *due) continue;
    fn(k, *limit, *due);
  }
}

AlertChange StageAlert(const rules::Rule& rule, const CaseState& state, std::size_t k,
                       rules::AlertLevel level, base::Instant due) {
  AlertChange c;
  c.rule_id = rule.id;
  c.case_id = state.case_id;
  c.occurrence = static_cast<std::int64_t>(k) + 1;
  c.level = level;
  c.at = due;
  c.due = due;
  return c;
}

}  // namespace

Engine::Engine(rules::RuleSet rules, calendar::Calendar calendar, ItemLookup items,
               DepartmentLookup departments)
    : rules_(std::move(rules)),
      calendar_(std::move(calendar)),
      items_(std::move(items)),
      departments_(std::move(departments)),
      fields_(rules::expr::DefaultSchema()) {}

base::Result<Engine> Engine::Create(rules::RuleSet rules, calendar::Calendar calendar,
                                    ItemLookup items, DepartmentLookup departments) {
  Engine engine(std::move(rules), std::move(calendar), std::move(items), std::move(departments));
  for (std::size_t i = 0; i < engine.rules_.rules.size(); ++i) {
    const rules::Rule& rule = engine.rules_.rules[i];
    auto kind_index = static_cast<std::size_t>(rule.case_kind);
    if (kind_index >= std::size(engine.plans_)) {
      return base::InvalidArgument("rule '" + rule.id + "': unknown case kind " +
                                   std::to_string(kind_index));
    }
    Planned p;
    p.rule = i;
    std::uint32_t words = 1;
    if (const auto* d = std::get_if<rules::DeadlineRule>(&rule.kind)) {
      if (d->ladder.empty()) {
        return base::InvalidArgument("rule '" + rule.id + "': a deadline needs at least one stage");
      }
      if (d->ladder.size() > kMaxStages) {
        return base::InvalidArgument("rule '" + rule.id + "': " + std::to_string(d->ladder.size()) +
                                     " stages, at most " + std::to_string(kMaxStages));
      }
      if (d->pauses.size() > 255) {
        return base::InvalidArgument("rule '" + rule.id + "': more than 255 pause pairs");
      }
      p.slot = Slot::kDeadline;
      words = 2;
    } else if (const auto* m = std::get_if<rules::MaxCountRule>(&rule.kind)) {
      if (m->max < 0) {
        return base::InvalidArgument("rule '" + rule.id + "': max " + std::to_string(m->max) +
                                     " is negative");
      }
      p.slot = Slot::kMaxCount;
    } else if (std::holds_alternative<rules::SequenceRule>(rule.kind)) {
      p.slot = Slot::kSequence;
    } else if (std::holds_alternative<rules::MinDurationRule>(rule.kind)) {
      p.slot = Slot::kMinDuration;
    } else if (std::holds_alternative<rules::CheckRule>(rule.kind)) {
      p.slot = Slot::kCheck;
    } else {
      engine.aggregate_rules_.push_back(i);
      continue;
    }
    KindPlan& plan = engine.plans_[kind_index];
    if (plan.rules.size() >= kMaxRulesPerKind) {
      return base::InvalidArgument("more than " + std::to_string(kMaxRulesPerKind) +
                                   " per-case rules for case kind '" +
                                   std::string(model::CaseKindName(rule.case_kind)) + "' (at '" +
                                   rule.id + "')");
    }
    p.width = words;
    plan.rules.push_back(p);
  }
  engine.layout_ = engine.ComputeLayout();
  return engine;
}

std::uint64_t Engine::ComputeLayout() const {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // separator
    h *= 1099511628211ULL;
  };
  for (std::size_t kind = 0; kind < std::size(plans_); ++kind) {
    mix(std::to_string(kind));
    for (const Planned& p : plans_[kind].rules) {
      const rules::Rule& rule = rules_.rules[p.rule];
      mix(rule.id);
      mix(std::to_string(rule.version));
      mix(std::to_string(static_cast<int>(p.slot)));
    }
  }
  return h;
}

std::string Engine::EncodeState(const CaseState& state) const {
  return EncodeCaseState(state, layout_);
}

base::Result<CaseState> Engine::DecodeState(std::string_view bytes) const {
  OVS_ASSIGN_OR_RETURN(CaseState state, DecodeCaseState(bytes, layout_));
  auto bad = [&state](const std::string& what) {
    return base::InvalidArgument("case state '" + state.case_id + "': " + what);
  };
  const KindPlan& plan = PlanOf(state);
  std::uint32_t words = 0;
  std::vector<std::pair<std::uint32_t, const rules::DeadlineRule*>> deadlines;
  for (std::size_t i = 0; i < Engine::kMaxRulesPerKind; ++i) {
    if ((state.applies & Bit(i)) == 0) continue;
    if (i >= plan.rules.size()) return bad("rule slot " + std::to_string(i) + " does not exist");
    if (plan.rules[i].slot == Slot::kDeadline) {
      const rules::Rule& rule = rules_.rules[plan.rules[i].rule];
      deadlines.emplace_back(words, &std::get<rules::DeadlineRule>(rule.kind));
    }
    words += plan.rules[i].width;
  }
  if (words != state.words.size()) {
    return bad(std::to_string(state.words.size()) + " slot words, the rules need " +
               std::to_string(words));
  }
  // Every pause belongs to a deadline with pause pairs, and an open one names a pair it has.
  for (const PauseRecord& pause : state.pauses) {
    auto it = std::find_if(deadlines.begin(), deadlines.end(),
                           [&pause](const auto& d) { return d.first == pause.slot; });
    if (it == deadlines.end() || it->second->pauses.empty()) {
      return bad("a pause for slot " + std::to_string(pause.slot) + ", which has no pauses");
    }
    auto pair = static_cast<std::size_t>((state.words[pause.slot + 1] >> kOpenPairShift) & 0xff);
    if (pause.to_ms == kUnset && pair >= it->second->pauses.size()) {
      return bad("open pause pair " + std::to_string(pair) + " does not exist");
    }
  }
  return state;
}

const Engine::KindPlan& Engine::PlanOf(const CaseState& state) const {
  return plans_[static_cast<std::size_t>(state.kind)];
}

bool Engine::Holds(const rules::expr::Expr& predicate, const model::Event& event,
                   const model::Event& first) const {
  const model::Item* item = first.item_code.empty() ? nullptr : items_(first.item_code);
  const model::Department* dept = event.dept_code.empty() ? nullptr : departments_(event.dept_code);
  internal::CaseFacts facts{first.kind, first.channel, first.item_code};
  internal::EventFields fields(fields_, event, facts, item, dept);
  rules::expr::EvalContext context{&calendar_};
  return predicate.Evaluate(fields, context).AsBool();
}

void Engine::Open(CaseState& state, const model::Event& event) const {
  state = CaseState{};
  state.opened = true;
  state.case_id = event.case_id;
  state.kind = event.kind;
  state.channel = event.channel;
  state.item_code = event.item_code;
  const KindPlan& plan = PlanOf(state);
  const model::Item* item = event.item_code.empty() ? nullptr : items_(event.item_code);
  const model::Department* dept = event.dept_code.empty() ? nullptr : departments_(event.dept_code);
  internal::CaseFacts facts{state.kind, state.channel, state.item_code};
  internal::EventFields fields(fields_, event, facts, item, dept);
  rules::expr::EvalContext context{&calendar_};
  std::size_t words = 0;
  for (std::size_t i = 0; i < plan.rules.size(); ++i) {
    const rules::Rule& rule = rules_.rules[plan.rules[i].rule];
    if (rule.scope && !rule.scope->Evaluate(fields, context).AsBool()) continue;
    state.applies |= Bit(i);
    words += plan.rules[i].width;
  }
  state.words.reserve(words);
  for (std::size_t i = 0; i < plan.rules.size(); ++i) {
    if ((state.applies & Bit(i)) == 0) continue;
    const Planned& p = plan.rules[i];
    // Deadline and min_duration starts begin unset; counts and bits at 0.
    const bool starts_unset = p.slot == Slot::kDeadline || p.slot == Slot::kMinDuration;
    state.words.push_back(starts_unset ? kUnset : 0);
    if (p.width == 2) state.words.push_back(0);
  }
}

EngineStep Engine::OnEvent(CaseState& state, const model::Event& event) const {
  EngineStep step;
  const std::uint64_t id = EventId(event);
  if (!state.opened) {
    Open(state, event);
    state.last_at = event.at;
  } else {
    if (event.at < state.last_at || event.at < state.fired_through) {
      step.needs_rederive = true;
      step.next_due = NextDue(state);
      return step;
    }
    if (event.at == state.last_at) {
      for (std::uint8_t i = 0; i < state.ids_at_last_count; ++i) {
        if (state.ids_at_last[i] == id) {  // seen already: nothing new
          step.next_due = NextDue(state);
          return step;
        }
      }
      if (state.ids_at_last_count == state.ids_at_last.size()) {
        // Too many events at one instant to tell a duplicate from a new one here.
        step.needs_rederive = true;
        step.next_due = NextDue(state);
        return step;
      }
    } else {
      state.last_at = event.at;
      state.ids_at_last_count = 0;
    }
  }
  state.ids_at_last[state.ids_at_last_count++] = id;
  Apply(state, event, step.changes, &step.problem);
  step.next_due = NextDue(state, &step.problem);
  return step;
}

EngineStep Engine::OnTick(CaseState& state, base::Instant now) const {
  EngineStep step;
  if (state.opened) Tick(state, now, step.changes, &step.problem);
  step.next_due = NextDue(state, &step.problem);
  return step;
}

Rederived Engine::Rederive(const std::vector<model::Event>& sorted_events,
                           base::Instant now) const {
  // Sorted already by contract; a stable sort keeps equal instants in the given order.
  std::vector<const model::Event*> events;
  events.reserve(sorted_events.size());
  for (const model::Event& e : sorted_events) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const model::Event* a, const model::Event* b) { return a->at < b->at; });

  Rederived out;
  CaseState& state = out.state;
  std::vector<std::uint64_t> ids_here;  // every id at the current instant
  for (const model::Event* e : events) {
    const std::uint64_t id = EventId(*e);
    if (!state.opened) {
      Open(state, *e);
      ids_here.clear();
    } else if (e->at != state.last_at) {
      ids_here.clear();
      state.ids_at_last_count = 0;
    } else if (std::find(ids_here.begin(), ids_here.end(), id) != ids_here.end()) {
      continue;  // an exact duplicate
    }
    state.last_at = e->at;
    ids_here.push_back(id);
    if (state.ids_at_last_count < state.ids_at_last.size()) {
      state.ids_at_last[state.ids_at_last_count++] = id;
    }
    Apply(state, *e, out.alerts, &out.problem);
  }
  if (state.opened) Tick(state, now, out.alerts, &out.problem);
  out.next_due = NextDue(state, &out.problem);
  return out;
}

void Engine::Apply(CaseState& state, const model::Event& event, std::vector<AlertChange>& out,
                   std::string* problem) const {
  if (state.item_code.empty() && !event.item_code.empty()) state.item_code = event.item_code;
  const KindPlan& plan = PlanOf(state);
  // The item and department are looked up only when a check needs them.
  const model::Item* item = nullptr;
  const model::Department* dept = nullptr;
  bool looked_up = false;

  std::uint32_t offset = 0;
  for (std::size_t i = 0; i < plan.rules.size(); ++i) {
    if ((state.applies & Bit(i)) == 0) continue;
    const Planned& p = plan.rules[i];
    const std::uint32_t first = offset;
    offset += p.width;
    const rules::Rule& rule = rules_.rules[p.rule];
    std::int64_t& word = state.words[first];
    auto raise = [&](std::int64_t occurrence, std::string reason) {
      AlertChange c;
      c.rule_id = rule.id;
      c.case_id = state.case_id;
      c.occurrence = occurrence;
      c.level = rule.level_when_breached;
      c.at = event.at;
      c.reason = std::move(reason);
      out.push_back(std::move(c));
    };
    switch (p.slot) {
      case Slot::kDeadline:
        ApplyDeadline(state, p, first, event, out, problem);
        break;
      case Slot::kMaxCount: {
        const auto& r = std::get<rules::MaxCountRule>(rule.kind);
        if (!Matches(r.event, event)) break;
        ++word;
        if (word > r.max && (state.raised & Bit(i)) == 0) {
          state.raised |= Bit(i);
          raise(1, std::string(model::EventTypeName(event.type)) + " event #" +
                       std::to_string(word) + " at " + calendar_.FormatLocal(event.at) +
                       "; at most " + std::to_string(r.max) + " allowed");
        }
        break;
      }
      case Slot::kSequence: {
        const auto& r = std::get<rules::SequenceRule>(rule.kind);
        if (Matches(r.event, event) && (state.seen & Bit(i)) == 0 &&
            (state.raised & Bit(i)) == 0) {
          state.raised |= Bit(i);
          raise(1, std::string(model::EventTypeName(event.type)) + " at " +
                       calendar_.FormatLocal(event.at) + " without the required earlier event");
        }
        if (Matches(r.requires_before, event)) state.seen |= Bit(i);
        break;
      }
      case Slot::kMinDuration: {
        const auto& r = std::get<rules::MinDurationRule>(rule.kind);
        if (word != kUnset) {
          if ((state.seen & Bit(i)) == 0 && Matches(r.end, event)) {
            state.seen |= Bit(i);
            base::Milliseconds took = event.at - At(word);
            if (took < r.min && (state.raised & Bit(i)) == 0) {
              state.raised |= Bit(i);
              raise(1, "took " + std::to_string(took.count() / 1000) + " s from " +
                           calendar_.FormatLocal(At(word)) + " to " +
                           calendar_.FormatLocal(event.at) + ", under the minimum of " +
                           std::to_string(r.min.count() / 1000) + " s");
            }
          }
        } else if (Matches(r.start, event)) {
          word = Ms(event.at);
        }
        break;
      }
      case Slot::kCheck: {
        const auto& r = std::get<rules::CheckRule>(rule.kind);
        if (!Matches(r.event, event)) break;
        ++word;
        if (!looked_up) {
          const std::string& code = event.item_code.empty() ? state.item_code : event.item_code;
          item = code.empty() ? nullptr : items_(code);
          dept = event.dept_code.empty() ? nullptr : departments_(event.dept_code);
          looked_up = true;
        }
        internal::CaseFacts facts{state.kind, state.channel, state.item_code};
        internal::EventFields fields(fields_, event, facts, item, dept);
        if (r.condition.Evaluate(fields, rules::expr::EvalContext{&calendar_}).AsBool()) {
          raise(word, std::string(model::EventTypeName(event.type)) + " at " +
                          calendar_.FormatLocal(event.at) + ": " + OneLine(r.condition.text()));
        }
        break;
      }
    }
  }
}

void Engine::ApplyDeadline(CaseState& state, const Planned& p, std::uint32_t word,
                           const model::Event& event, std::vector<AlertChange>& out,
                           std::string* problem) const {
  const rules::Rule& rule = rules_.rules[p.rule];
  const auto& r = std::get<rules::DeadlineRule>(rule.kind);
  std::int64_t& start = state.words[word];
  std::int64_t& bits = state.words[word + 1];
  if ((bits & kStoppedBit) != 0) return;
  if (start == kUnset) {
    if (!Matches(r.start, event)) return;  // pauses and stops before the start do not count
    start = Ms(event.at);
  }
  if (PauseRecord* open = OpenPause(state, word)) {
    auto pair = static_cast<std::size_t>((bits >> kOpenPairShift) & 0xff);
    if (Matches(r.pauses[pair].second, event)) {
      open->to_ms = Ms(event.at);
      bits &= ~(std::int64_t{0xff} << kOpenPairShift);
    }
  } else {
    for (std::size_t k = 0; k < r.pauses.size(); ++k) {
      if (Matches(r.pauses[k].first, event)) {
        state.pauses.push_back({Ms(event.at), kUnset, word});
        bits |= static_cast<std::int64_t>(k) << kOpenPairShift;
        break;
      }
    }
  }
  if (!Matches(r.stop, event)) return;

  // A stop at or after a stage's due instant is a breach of it, whether or not a
  // tick saw the due pass: replay and live processing agree.
  const model::Item* item = state.item_code.empty() ? nullptr : items_(state.item_code);
  std::int64_t raised = 0;
  ForEachRunningStage(calendar_, state, word, rule, item, problem,
                      [&](std::size_t k, model::TimeLimit limit, base::Instant due) {
                        if (event.at < due) return;
                        raised |= std::int64_t{1} << k;
                        AlertChange c = StageAlert(rule, state, k, r.ladder[k].level, due);
                        c.reason = std::string(rules::AlertLevelName(c.level)) + ": " + DescribeLimit(limit) +
                                   " from " + calendar_.FormatLocal(At(start)) + " due " +
                                   calendar_.FormatLocal(due) + "; stopped by " +
                                   std::string(model::EventTypeName(event.type)) + " at " +
                                   calendar_.FormatLocal(event.at);
                        out.push_back(std::move(c));
                      });
  bits |= raised;
  bits |= kStoppedBit;
}

template <typename Fn>
void Engine::ForEachAppliedDeadline(const CaseState& state, Fn&& fn) const {
  const KindPlan& plan = PlanOf(state);
  std::uint32_t offset = 0;
  for (std::size_t i = 0; i < plan.rules.size(); ++i) {
    const Planned& p = plan.rules[i];
    if ((state.applies & Bit(i)) == 0) continue;
    const std::uint32_t word = offset;
    offset += p.width;
    if (p.slot == Slot::kDeadline) fn(p, word);
  }
}

void Engine::Tick(CaseState& state, base::Instant now, std::vector<AlertChange>& out,
                  std::string* problem) const {
  const model::Item* item = state.item_code.empty() ? nullptr : items_(state.item_code);
  ForEachAppliedDeadline(state, [&](const Planned& p, std::uint32_t word) {
    const rules::Rule& rule = rules_.rules[p.rule];
    const auto& r = std::get<rules::DeadlineRule>(rule.kind);
    const base::Instant start = At(state.words[word]);
    std::int64_t raised = 0;
    ForEachRunningStage(calendar_, state, word, rule, item, problem,
                        [&](std::size_t k, model::TimeLimit limit, base::Instant due) {
                          if (now < due) return;
                          raised |= std::int64_t{1} << k;
                          state.fired_through = std::max(state.fired_through, due);
                          AlertChange c = StageAlert(rule, state, k, r.ladder[k].level, due);
                          c.reason = std::string(rules::AlertLevelName(c.level)) + ": " +
                                     DescribeLimit(limit) + " from " +
                                     calendar_.FormatLocal(start) + " due " +
                                     calendar_.FormatLocal(due) + "; no stop event by then";
                          out.push_back(std::move(c));
                        });
    state.words[word + 1] |= raised;
  });
}

std::optional<base::Instant> Engine::NextDue(const CaseState& state) const {
  return NextDue(state, nullptr);
}

std::optional<base::Instant> Engine::NextDue(const CaseState& state, std::string* problem) const {
  if (!state.opened) return std::nullopt;
  const model::Item* item = state.item_code.empty() ? nullptr : items_(state.item_code);
  std::optional<base::Instant> next;
  ForEachAppliedDeadline(state, [&](const Planned& p, std::uint32_t word) {
    ForEachRunningStage(calendar_, state, word, rules_.rules[p.rule], item, problem,
                        [&](std::size_t, model::TimeLimit, base::Instant due) {
                          if (!next || due < *next) next = due;
                        });
  });
  return next;
}

}  // namespace oversight::engine
