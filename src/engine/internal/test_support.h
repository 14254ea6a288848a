#pragma once

// Builders shared by the engine's tests: the real calendar, a small catalogue,
// rules written in C++, events, and the two ways of driving a case (live with
// ticks at every next_due, and replay with one tick at the end).

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "runtime/calendar_files.h"

namespace oversight::engine::test_support {

using model::EventType;
using model::LimitUnit;
using rules::AlertLevel;

inline base::Instant At(std::string_view text) {
  base::Result<base::Instant> at = base::ParseInstant(text);
  EXPECT_TRUE(at.ok()) << text;
  return at.ok() ? *at : base::Instant{};
}

inline const calendar::Calendar& Cal() {
  static const calendar::Calendar* const cal = [] {
    base::Result<calendar::Calendar> c =
        runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new calendar::Calendar(std::move(c.value()));
  }();
  return *cal;
}

inline rules::EventMatcher Types(std::initializer_list<EventType> types) {
  return rules::EventMatcher{std::vector<EventType>(types), {}};
}

inline rules::expr::Expr CompileExpr(std::string_view text) {
  base::Result<rules::expr::Expr> e =
      rules::expr::Compile(text, rules::expr::DefaultSchema(), rules::expr::ValueType::kBool);
  EXPECT_TRUE(e.ok()) << text << ": " << e.status().ToString();
  return e.ok() ? *e : rules::expr::Expr{};
}

inline rules::RuleSet SetOf(std::vector<rules::Rule> rules) {
  rules::RuleSet set;
  set.rules = std::move(rules);
  return set;
}

inline rules::Rule MakeRule(std::string id, rules::RuleKind kind,
                            model::CaseKind case_kind = model::CaseKind::kApproval) {
  rules::Rule r;
  r.id = std::move(id);
  r.case_kind = case_kind;
  r.kind = std::move(kind);
  return r;
}

inline rules::DeadlineStage Stage(AlertLevel level, rules::LimitSource source,
                                  std::int64_t amount = 0,
                                  LimitUnit unit = LimitUnit::kWorkingDays,
                                  std::int64_t before = 0) {
  rules::DeadlineStage s;
  s.level = level;
  s.source = source;
  s.limit = {amount, unit};
  s.before = before;
  return s;
}

// Completion within the item's limits: a notice 1 working day before the
// promised limit, yellow at it, red at the statutory limit; the clock stops
// while waiting for a supplement or during a special procedure.
inline rules::Rule CompletionLadder() {
  rules::DeadlineRule d;
  d.start = Types({EventType::kAccept});
  d.stop = Types({EventType::kComplete, EventType::kReject, EventType::kWithdraw});
  d.pauses = {{Types({EventType::kRequestSupplement}), Types({EventType::kSupplementReceived})},
              {Types({EventType::kSuspend}), Types({EventType::kResume})}};
  d.ladder = {Stage(AlertLevel::kNotice, rules::LimitSource::kItemPromised, 0,
                    LimitUnit::kWorkingDays, 1),
              Stage(AlertLevel::kYellow, rules::LimitSource::kItemPromised),
              Stage(AlertLevel::kRed, rules::LimitSource::kItemStatutory)};
  return MakeRule("complete-within-limit", d);
}

// Accept (or reject, or ask for a supplement) within 5 working days of submission.
inline rules::Rule AcceptWithin5() {
  rules::DeadlineRule d;
  d.start = Types({EventType::kSubmit});
  d.stop = Types({EventType::kAccept, EventType::kReject, EventType::kRequestSupplement});
  d.ladder = {Stage(AlertLevel::kYellow, rules::LimitSource::kFixed, 5)};
  return MakeRule("accept-within-5-days", d);
}

inline rules::Rule FixedDeadline(std::string id, std::int64_t amount, LimitUnit unit,
                                 rules::Counting counting = rules::Counting::kEndOfDay) {
  rules::DeadlineRule d;
  d.start = Types({EventType::kAccept});
  d.stop = Types({EventType::kComplete});
  d.pauses = {{Types({EventType::kRequestSupplement}), Types({EventType::kSupplementReceived})}};
  d.ladder = {Stage(AlertLevel::kYellow, rules::LimitSource::kFixed, amount, unit)};
  d.counting = counting;
  return MakeRule(std::move(id), d);
}

inline rules::Rule OneSupplement() {
  return MakeRule("one-supplement", rules::MaxCountRule{Types({EventType::kRequestSupplement}), 1});
}
inline rules::Rule DecideAfterAccept() {
  return MakeRule("decide-after-accept",
                  rules::SequenceRule{Types({EventType::kDecide}), Types({EventType::kAccept})});
}
inline rules::Rule NotTooFast() {
  return MakeRule("not-too-fast",
                  rules::MinDurationRule{Types({EventType::kSubmit}), Types({EventType::kComplete}),
                                         std::chrono::minutes(10)});
}
inline rules::Rule FeeMatches() {
  return MakeRule("fee-matches",
                  rules::CheckRule{Types({EventType::kComplete}),
                                   CompileExpr("event.attrs.fee != null && "
                                               "event.attrs.fee != item.fee_fen")});
}
inline rules::Rule ComplaintFeedback24h() {
  rules::DeadlineRule d;
  d.start = Types({EventType::kComplaintReceived});
  d.stop = Types({EventType::kComplaintFeedback, EventType::kComplaintResolved});
  d.ladder = {Stage(AlertLevel::kYellow, rules::LimitSource::kFixed, 24, LimitUnit::kHours)};
  return MakeRule("complaint-feedback-24h", d, model::CaseKind::kComplaint);
}

struct Catalog {
  std::map<std::string, model::Item, std::less<>> items;
  std::map<std::string, model::Department, std::less<>> depts;

  Catalog() {
    model::Item license;
    license.code = "445200-XK-0042";
    license.name = "食品经营许可";
    license.category = "行政许可";
    license.statutory_limit = model::TimeLimit{10, LimitUnit::kWorkingDays};
    license.promised_limit = model::TimeLimit{5, LimitUnit::kWorkingDays};
    license.fee_fen = 0;
    items[license.code] = license;
    model::Item service = license;
    service.code = "445200-GG-0007";
    service.category = "公共服务";
    items[service.code] = service;
    model::Department dept;
    dept.code = "11445200MB2C12345T";
    dept.name = "揭阳市市场监督管理局";
    depts[dept.code] = dept;
  }
};

inline const Catalog& TheCatalog() {
  static const Catalog* const catalog = new Catalog();
  return *catalog;
}

inline Engine MakeEngine(std::vector<rules::Rule> rules) {
  const Catalog& c = TheCatalog();
  base::Result<Engine> engine = Engine::Create(
      SetOf(std::move(rules)), Cal(),
      [&c](std::string_view code) -> const model::Item* {
        auto it = c.items.find(code);
        return it == c.items.end() ? nullptr : &it->second;
      },
      [&c](std::string_view code) -> const model::Department* {
        auto it = c.depts.find(code);
        return it == c.depts.end() ? nullptr : &it->second;
      });
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return std::move(engine.value());
}

inline model::Event Ev(EventType type, std::string_view at, std::string id = "",
                       std::string attrs = "{}", std::string item = "445200-XK-0042") {
  model::Event e;
  e.source = "hall";
  e.case_id = "C1";
  e.type = type;
  e.at = At(at);
  e.source_event_id = id.empty() ? std::string(model::EventTypeName(type)) + "@" + std::string(at)
                                 : std::move(id);
  e.item_code = std::move(item);
  e.dept_code = "11445200MB2C12345T";
  e.channel = model::Channel::kOnline;
  e.attrs_json = std::move(attrs);
  if (model::KindOfEventType(type) == model::CaseKind::kComplaint) {
    e.kind = model::CaseKind::kComplaint;
  }
  return e;
}

// rule, occurrence, level, at (Unix ms)
using Key = std::tuple<std::string, std::int64_t, AlertLevel, std::int64_t>;

inline Key KeyOf(const AlertChange& c) {
  return {c.rule_id, c.occurrence, c.level, base::ToUnixMillis(c.at)};
}

inline std::set<Key> Keys(const std::vector<AlertChange>& changes) {
  std::set<Key> keys;
  for (const AlertChange& c : changes) {
    if (c.kind == AlertChange::kRaise) keys.insert(KeyOf(c));
  }
  return keys;
}

// Feeds events only, then one tick at `end`: the replay way.
inline std::vector<AlertChange> Replay(const Engine& engine,
                                       const std::vector<model::Event>& events,
                                       base::Instant end) {
  CaseState state;
  std::vector<AlertChange> all;
  for (const model::Event& e : events) {
    EngineStep step = engine.OnEvent(state, e);
    EXPECT_FALSE(step.needs_rederive);
    all.insert(all.end(), step.changes.begin(), step.changes.end());
  }
  EngineStep last = engine.OnTick(state, end);
  all.insert(all.end(), last.changes.begin(), last.changes.end());
  return all;
}

// Feeds events with a tick at every next_due before the next event: the live way.
inline std::vector<AlertChange> Live(const Engine& engine,
                                     const std::vector<model::Event>& events,
                                     base::Instant end) {
  CaseState state;
  std::vector<AlertChange> all;
  std::optional<base::Instant> next;
  auto tick_until = [&](base::Instant limit) {
    while (next && *next <= limit) {
      EngineStep step = engine.OnTick(state, *next);
      EXPECT_TRUE(!step.next_due || *step.next_due > *next) << "next_due must move forward";
      all.insert(all.end(), step.changes.begin(), step.changes.end());
      next = step.next_due;
    }
  };
  for (const model::Event& e : events) {
    tick_until(e.at);
    EngineStep step = engine.OnEvent(state, e);
    EXPECT_FALSE(step.needs_rederive);
    all.insert(all.end(), step.changes.begin(), step.changes.end());
    next = step.next_due;
  }
  tick_until(end);
  return all;
}

inline std::vector<rules::Rule> DefaultPackLike() {
  return {AcceptWithin5(),      CompletionLadder(), OneSupplement(),       DecideAfterAccept(),
          NotTooFast(),         FeeMatches(),       ComplaintFeedback24h()};
}

// A small deterministic generator of approval histories.
inline std::vector<model::Event> GenerateCase(std::uint64_t seed, int n) {
  std::uint64_t x = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  auto next = [&x](std::uint64_t mod) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x >> 33) % mod;
  };
  const EventType kFlow[] = {EventType::kRequestSupplement, EventType::kSupplementReceived,
                             EventType::kSuspend,          EventType::kResume,
                             EventType::kReview,           EventType::kDecide,
                             EventType::kAccept};
  // Spread over the 2025 Spring Festival and National Day holidays.
  base::Instant t = At(next(2) == 0 ? "2025-01-15T09:00:00+08:00" : "2025-09-24T09:00:00+08:00") +
                    std::chrono::hours(next(72));
  std::vector<model::Event> events;
  auto push = [&](EventType type) {
    model::Event e = Ev(type, "2025-01-01T00:00:00+08:00",
                        "g" + std::to_string(n) + "-" + std::to_string(events.size()));
    e.case_id = "G" + std::to_string(n);
    e.at = t;
    events.push_back(e);
  };
  push(EventType::kSubmit);
  t += std::chrono::hours(next(24 * 8));
  push(EventType::kAccept);
  const auto steps = static_cast<int>(next(6));
  for (int i = 0; i < steps; ++i) {
    t += std::chrono::minutes(next(60 * 24 * 6));
    push(kFlow[next(std::size(kFlow))]);
  }
  if (next(4) != 0) {
    t += std::chrono::minutes(next(60 * 24 * 12));
    push(EventType::kComplete);
    events.back().attrs_json = next(5) == 0 ? R"({"fee":100})" : R"({"fee":0})";
  }
  return events;
}

}  // namespace oversight::engine::test_support
