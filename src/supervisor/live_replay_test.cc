// Determinism at the scale of the demo city: processing events live, with the
// clock advanced through a timer queue of next-due instants between them, gives
// exactly the alerts that replaying each case's history gives (DESIGN §6).

#include <map>
#include <queue>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "demo/demo_generator.h"
#include "runtime/calendar_files.h"
#include "supervisor/engine_setup.h"
#include "supervisor/timer_queue.h"

namespace oversight::supervisor {
namespace {

using Key = std::tuple<std::string, std::string, std::int64_t, int, std::int64_t>;

Key KeyOf(const engine::AlertChange& a) {
  return {a.rule_id, a.case_id, a.occurrence, int(a.level), base::ToUnixMillis(a.at)};
}

TEST(LiveReplayTest, TimerQueueLiveEqualsReplayOnTheDemoCity) {
  auto cal = runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {});
  ASSERT_TRUE(cal.ok());
  demo::DemoOptions options;
  options.scale = 0.01;
  options.months = 4;
  options.seed = 5;
  auto gen = demo::DemoGenerator::Create(options, *cal);
  ASSERT_TRUE(gen.ok()) << gen.status().ToString();
  EngineCatalog catalog;
  for (const auto& item : gen->city().items) catalog.items.emplace(item.code, item);
  for (const auto& dept : gen->city().departments) catalog.departments.emplace(dept.code, dept);
  EngineSetup setup;
  setup.rules_dir = std::string(OVS_SOURCE_DIR) + "/rules";
  auto engine = MakeEngine(setup, catalog);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();

  std::vector<model::Event> events;
  ASSERT_TRUE(gen->Generate([&](const model::Event& e) { events.push_back(e); },
                            [](const demo::TruthRecord&) {}).ok());
  const base::Instant now = *base::ParseInstant("2026-01-01T00:00:00Z");

  // Live: before each event, every timer due by then fires.
  std::map<std::string, engine::CaseState> states;
  TimerQueue timers;
  std::set<Key> live;
  std::function<void(const engine::EngineStep&, const std::string&)> take =
      [&](const engine::EngineStep& step, const std::string& case_id) {
        for (const auto& change : step.changes) live.insert(KeyOf(change));
        if (step.next_due) timers.Schedule(case_id, *step.next_due);
      };
  auto fire_until = [&](base::Instant until) {
    timers.AdvanceTo(until, [&](const std::string& case_id, base::Instant due) {
      take(engine->OnTick(states[case_id], due), case_id);
    });
  };
  for (const model::Event& e : events) {
    fire_until(e.at);
    engine::EngineStep step = engine->OnEvent(states[e.case_id], e);
    ASSERT_FALSE(step.needs_rederive) << e.case_id;  // the demo sends events in time order
    take(step, e.case_id);
  }
  fire_until(now);
  for (auto& [case_id, state] : states) take(engine->OnTick(state, now), case_id);

  // Replay: each case from its whole history at once.
  std::map<std::string, std::vector<model::Event>> by_case;
  for (const model::Event& e : events) by_case[e.case_id].push_back(e);
  std::set<Key> replay;
  for (const auto& [case_id, history] : by_case) {
    for (const auto& change : engine->Rederive(history, now).alerts) replay.insert(KeyOf(change));
  }
  ASSERT_GT(replay.size(), 100u);
  EXPECT_EQ(live, replay);
}

}  // namespace
}  // namespace oversight::supervisor
