// The shipped rule folder (rules/) through the engine: the state size of a
// typical open case and live/replay agreement. A separate binary because it
// depends on the rule loader as well.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/internal/test_support.h"
#include "runtime/rule_files.h"

namespace oversight::engine {
namespace {

using namespace test_support;  // NOLINT: test builders

// The shipped rule folder (rules/), read by the runtime's loader.
std::vector<rules::Rule> ShippedPack() {
  base::Result<rules::RuleSet> set =
      runtime::LoadRuleDir(std::filesystem::path(OVS_SOURCE_DIR) / "rules");
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? set->rules : std::vector<rules::Rule>{};
}

TEST(EngineShippedPack, StateSizeAndDeterminism) {
  std::vector<rules::Rule> pack = ShippedPack();
  ASSERT_GE(pack.size(), 5u);
  Engine engine = MakeEngine(pack);
  CaseState state;
  for (const model::Event& e :
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00", "", R"({"fee":0})"),
        Ev(EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-03-06T10:00:00+08:00"),
        Ev(EventType::kReview, "2025-03-07T10:00:00+08:00")}) {
    EXPECT_FALSE(engine.OnEvent(state, e).needs_rederive);
  }
  RecordProperty("shipped_pack_footprint_bytes", static_cast<int>(state.Footprint()));
  EXPECT_LT(state.Footprint(), 256u);

  const base::Instant end = At("2025-12-31T00:00:00+08:00");
  std::size_t total = 0;
  for (int n = 0; n < 100; ++n) {
    std::vector<model::Event> events = GenerateCase(static_cast<std::uint64_t>(n) + 1000, n);
    SCOPED_TRACE("case " + std::to_string(n));
    std::set<Key> live = Keys(Live(engine, events, end));
    EXPECT_EQ(live, Keys(Replay(engine, events, end)));
    EXPECT_EQ(live, Keys(engine.Rederive(events, end).alerts));
    total += live.size();
  }
  EXPECT_GT(total, 20u);
}

}  // namespace
}  // namespace oversight::engine
