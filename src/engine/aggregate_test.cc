#include "engine/aggregate.h"

#include <gtest/gtest.h>

#include "engine/internal/test_support.h"

namespace oversight::engine {
namespace {

using namespace test_support;
using model::EventType;
using rules::AlertLevel;

rules::Rule RejectionRate(std::int64_t min_cases) {
  rules::RateRule rate;
  rate.numerator = CompileExpr("event.type == \"reject\"");
  rate.denominator = CompileExpr("event.type in [\"accept\", \"reject\"]");
  rate.bound = 0.3;
  rate.min_cases = min_cases;
  rules::Rule rule = MakeRule("license.rejection-rate", rate);
  rule.level_when_breached = AlertLevel::kYellow;
  return rule;
}

// A case submitted and then accepted or rejected on `day` (March 2025).
std::vector<model::Event> Decided(const std::string& id, bool rejected, const std::string& at) {
  std::vector<model::Event> events = {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
                                      Ev(rejected ? EventType::kReject : EventType::kAccept, at)};
  for (auto& e : events) e.case_id = id;
  return events;
}

TEST(AggregateRulesTest, RateRaisesPerDepartmentMonthAboveTheBound) {
  Engine engine = MakeEngine({RejectionRate(10)});
  AggregateRules aggregate(engine);
  // March: 4 of 10 rejected (40 % > 30 %). April: 1 of 10 (10 %).
  for (int i = 0; i < 10; ++i) {
    aggregate.AddCase(Decided("m" + std::to_string(i), i < 4, "2025-03-04T10:00:00+08:00"), At("2025-06-01T00:00:00Z"));
    aggregate.AddCase(Decided("a" + std::to_string(i), i < 1, "2025-04-02T10:00:00+08:00"), At("2025-06-01T00:00:00Z"));
  }
  std::vector<AlertChange> alerts = aggregate.RateAlerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].case_id, "11445200MB2C12345T/2025-03");
  EXPECT_EQ(alerts[0].occurrence, 202503);
  EXPECT_EQ(alerts[0].reason, "4 of 10 (40.0%) in 2025-03, above 30.0%");
  EXPECT_EQ(alerts[0].at, At("2025-04-01T00:00:00+08:00"));  // when March ended
}

TEST(AggregateRulesTest, RateStaysSilentBelowTheMinimumCount) {
  Engine engine = MakeEngine({RejectionRate(30)});
  AggregateRules aggregate(engine);
  for (int i = 0; i < 10; ++i) {
    aggregate.AddCase(Decided("m" + std::to_string(i), true, "2025-03-04T10:00:00+08:00"), At("2025-06-01T00:00:00Z"));
  }
  EXPECT_TRUE(aggregate.RateAlerts().empty());  // 100 % rejected, but only 10 cases
}

TEST(AggregateRulesTest, ReconcileFlagsDisagreeingSourcesAfterTheGrace) {
  rules::ReconcileRule reconcile;
  reconcile.source_a = "hall";
  reconcile.source_b = "dept-system";
  reconcile.grace = std::chrono::hours(48);
  rules::Rule rule = MakeRule("sync.hall-vs-department", reconcile);
  Engine engine = MakeEngine({rule});
  AggregateRules aggregate(engine);

  std::vector<model::Event> events = {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
                                      Ev(EventType::kComplete, "2025-03-05T09:00:00+08:00")};
  model::Event dept = Ev(EventType::kAccept, "2025-03-04T09:00:00+08:00");
  dept.source = "dept-system";
  events.insert(events.begin() + 1, dept);
  // The hall says complete, the department's system stops at accept.
  EXPECT_TRUE(aggregate.AddCase(events, At("2025-03-06T09:00:00+08:00")).empty());  // within 48 h
  std::vector<AlertChange> late = aggregate.AddCase(events, At("2025-03-08T09:00:00+08:00"));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].reason, "hall says complete, dept-system says accept");
  EXPECT_EQ(late[0].at, At("2025-03-07T09:00:00+08:00"));
  // Once the department's system reports completion too, they agree.
  model::Event done = Ev(EventType::kComplete, "2025-03-05T10:00:00+08:00");
  done.source = "dept-system";
  events.push_back(done);
  EXPECT_TRUE(aggregate.AddCase(events, At("2025-03-08T09:00:00+08:00")).empty());
  // A case the first source never reported is not its business.
  std::vector<model::Event> only_dept = {dept};
  EXPECT_TRUE(aggregate.AddCase(only_dept, At("2025-04-01T00:00:00Z")).empty());
}

}  // namespace
}  // namespace oversight::engine

namespace oversight::engine {
namespace {

using namespace test_support;

TEST(DeadlineViewTest, ShowsEachRungWithItsDueAndState) {
  Engine engine = MakeEngine({AcceptWithin5()});
  // Monday 2025-03-03: 5 working days are Tue 4 … Mon 10, so due 00:00 of Tue 11.
  std::vector<model::Event> open = {Ev(model::EventType::kSubmit, "2025-03-03T09:00:00+08:00")};
  std::vector<DeadlineView> running = engine.Deadlines(open, At("2025-03-05T00:00:00+08:00"));
  ASSERT_EQ(running.size(), 1u);
  ASSERT_EQ(running[0].stages.size(), 1u);
  EXPECT_EQ(running[0].stages[0].due, At("2025-03-11T00:00:00+08:00"));
  EXPECT_EQ(running[0].stages[0].state, "running");
  EXPECT_EQ(engine.Deadlines(open, At("2025-03-12T00:00:00+08:00"))[0].stages[0].state, "breached");

  std::vector<model::Event> accepted = open;
  accepted.push_back(Ev(model::EventType::kAccept, "2025-03-06T10:00:00+08:00"));
  std::vector<DeadlineView> met = engine.Deadlines(accepted, At("2025-06-01T00:00:00+08:00"));
  EXPECT_EQ(met[0].stages[0].state, "met");
  EXPECT_EQ(met[0].stopped_by, "accept");
  EXPECT_EQ(met[0].start, At("2025-03-03T09:00:00+08:00"));
}

}  // namespace
}  // namespace oversight::engine
