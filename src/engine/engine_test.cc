#include "engine/engine.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/internal/test_support.h"

namespace oversight::engine {
namespace {

using namespace test_support;  // NOLINT: test builders

// --- deadlines ---------------------------------------------------------------

TEST(EngineDeadline, LadderFiresNoticeYellowRedOnTicks) {
  Engine engine = MakeEngine({CompletionLadder()});
  CaseState state;
  // Accepted Monday 2025-03-03; promised 5 working days (last day Mon 03-10),
  // statutory 10 (last day Mon 03-17). The notice 1 working day ahead is the end
  // of a 4-working-day period (last day Fri 03-07): one working day is left.
  EngineStep step = engine.OnEvent(state, Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00"));
  EXPECT_TRUE(step.changes.empty());
  ASSERT_TRUE(step.next_due);
  EXPECT_EQ(*step.next_due, At("2025-03-08T00:00:00+08:00"));

  struct Want {
    std::string tick;
    std::vector<std::pair<AlertLevel, std::string>> raised;
    std::optional<std::string> next_due;
  };
  const std::vector<Want> table = {
      {"2025-03-07T23:59:59+08:00", {}, "2025-03-08T00:00:00+08:00"},
      {"2025-03-09T10:00:00+08:00", {{AlertLevel::kNotice, "2025-03-08T00:00:00+08:00"}},
       "2025-03-11T00:00:00+08:00"},
      {"2025-03-10T12:00:00+08:00", {}, "2025-03-11T00:00:00+08:00"},
      {"2025-03-11T00:00:00+08:00", {{AlertLevel::kYellow, "2025-03-11T00:00:00+08:00"}},
       "2025-03-18T00:00:00+08:00"},
      {"2025-03-18T08:00:00+08:00", {{AlertLevel::kRed, "2025-03-18T00:00:00+08:00"}},
       std::nullopt},
      {"2025-04-01T00:00:00+08:00", {}, std::nullopt},
  };
  for (const Want& want : table) {
    SCOPED_TRACE(want.tick);
    step = engine.OnTick(state, At(want.tick));
    ASSERT_EQ(step.changes.size(), want.raised.size());
    for (std::size_t i = 0; i < want.raised.size(); ++i) {
      EXPECT_EQ(step.changes[i].kind, AlertChange::kRaise);
      EXPECT_EQ(step.changes[i].level, want.raised[i].first);
      EXPECT_EQ(step.changes[i].at, At(want.raised[i].second));
      EXPECT_EQ(step.changes[i].due, At(want.raised[i].second));
      EXPECT_EQ(step.changes[i].rule_id, "complete-within-limit");
      EXPECT_EQ(step.changes[i].case_id, "C1");
    }
    EXPECT_EQ(step.next_due.has_value(), want.next_due.has_value());
    if (want.next_due && step.next_due) {
      EXPECT_EQ(*step.next_due, At(*want.next_due));
    }
  }
  // The three rungs have distinct keys.
  std::set<std::string> keys;
  for (const AlertChange& c :
       engine.Rederive({Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00")},
                       At("2025-04-01T00:00:00+08:00"))
           .alerts) {
    keys.insert(c.DedupKey());
  }
  EXPECT_EQ(keys, (std::set<std::string>{"complete-within-limit|C1|1|notice",
                                         "complete-within-limit|C1|2|yellow",
                                         "complete-within-limit|C1|3|red"}));
}

TEST(EngineDeadline, PauseAcrossSpringFestival) {
  // Accepted Thu 2025-01-23, 5 working days: 01-24, 01-26 (Sunday made working),
  // 01-27, then the 春节 holiday (01-28..02-04), 02-05, 02-06: due 02-07 00:00.
  // A supplement wait from 01-27 to 02-05 stops the clock; only 02-05 of it is a
  // working day after the pause day, so the due moves one working day: 02-08 00:00.
  Engine engine = MakeEngine({FixedDeadline("decide-5wd", 5, LimitUnit::kWorkingDays)});
  struct Case {
    std::string name;
    std::vector<model::Event> events;
    std::vector<std::pair<AlertLevel, std::string>> want;
  };
  const std::vector<Case> cases = {
      {"paused, on time",
       {Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-01-27T09:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-02-05T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-02-07T15:00:00+08:00")},
       {}},
      {"paused, late",
       {Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-01-27T09:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-02-05T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-02-08T09:00:00+08:00")},
       {{AlertLevel::kYellow, "2025-02-08T00:00:00+08:00"}}},
      {"no pause: the same completion is late",
       {Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"),
        Ev(EventType::kComplete, "2025-02-07T15:00:00+08:00")},
       {{AlertLevel::kYellow, "2025-02-07T00:00:00+08:00"}}},
      {"still waiting for the supplement: no alert however late",
       {Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-01-27T09:00:00+08:00")},
       {}},
      {"pause begun after the due does not save it",
       {Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-02-07T09:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-02-10T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-02-10T15:00:00+08:00")},
       {{AlertLevel::kYellow, "2025-02-07T00:00:00+08:00"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::set<Key> want;
    for (const auto& [level, at] : c.want) {
      want.insert({"decide-5wd", 1, level, base::ToUnixMillis(At(at))});
    }
    const base::Instant end = At("2025-03-31T00:00:00+08:00");
    EXPECT_EQ(Keys(Replay(engine, c.events, end)), want);
    EXPECT_EQ(Keys(Live(engine, c.events, end)), want);
  }
}

TEST(EngineDeadline, NoNextDueWhilePaused) {
  Engine engine = MakeEngine({FixedDeadline("decide-5wd", 5, LimitUnit::kWorkingDays)});
  CaseState state;
  engine.OnEvent(state, Ev(EventType::kAccept, "2025-01-23T10:00:00+08:00"));
  EngineStep step =
      engine.OnEvent(state, Ev(EventType::kRequestSupplement, "2025-01-27T09:00:00+08:00"));
  EXPECT_FALSE(step.next_due);
  step = engine.OnEvent(state, Ev(EventType::kSupplementReceived, "2025-02-05T09:00:00+08:00"));
  ASSERT_TRUE(step.next_due);
  EXPECT_EQ(*step.next_due, At("2025-02-08T00:00:00+08:00"));
}

TEST(EngineDeadline, StopAfterDueRaisesBreachWithoutTick) {
  Engine engine = MakeEngine({AcceptWithin5()});
  CaseState state;
  // Submitted Fri 2025-03-07: Mon..Fri 03-10..03-14, due 03-15 00:00.
  engine.OnEvent(state, Ev(EventType::kSubmit, "2025-03-07T16:00:00+08:00"));
  EngineStep step = engine.OnEvent(state, Ev(EventType::kAccept, "2025-03-17T09:00:00+08:00"));
  ASSERT_EQ(step.changes.size(), 1u);
  EXPECT_EQ(step.changes[0].level, AlertLevel::kYellow);
  EXPECT_EQ(step.changes[0].at, At("2025-03-15T00:00:00+08:00"));
  EXPECT_NE(step.changes[0].reason.find("stopped by accept"), std::string::npos)
      << step.changes[0].reason;
  EXPECT_FALSE(step.next_due);
  // Nothing more on later ticks.
  EXPECT_TRUE(engine.OnTick(state, At("2025-06-01T00:00:00+08:00")).changes.empty());
}

TEST(EngineDeadline, StopExactlyAtDueIsLateAndJustBeforeIsOnTime) {
  Engine engine = MakeEngine({AcceptWithin5()});
  for (const auto& [at, late] : std::vector<std::pair<std::string, bool>>{
           {"2025-03-14T23:59:59+08:00", false}, {"2025-03-15T00:00:00+08:00", true}}) {
    SCOPED_TRACE(at);
    CaseState state;
    engine.OnEvent(state, Ev(EventType::kSubmit, "2025-03-07T16:00:00+08:00"));
    EngineStep step = engine.OnEvent(state, Ev(EventType::kAccept, at));
    EXPECT_EQ(step.changes.size(), late ? 1u : 0u);
  }
}

TEST(EngineDeadline, HoursAndSameClockTimeCounting) {
  // 24 h complaint feedback is elapsed time.
  Engine complaints = MakeEngine({ComplaintFeedback24h()});
  CaseState c;
  EngineStep step =
      complaints.OnEvent(c, Ev(EventType::kComplaintReceived, "2025-01-28T10:30:00+08:00"));
  ASSERT_TRUE(step.next_due);
  EXPECT_EQ(*step.next_due, At("2025-01-29T10:30:00+08:00"));

  // 3 working days from Friday 2025-03-07 14:15: end of day → Thu 03-13 00:00;
  // same clock time → Wed 03-12 14:15.
  Engine end_of_day = MakeEngine({FixedDeadline("d", 3, LimitUnit::kWorkingDays)});
  Engine same_clock = MakeEngine(
      {FixedDeadline("d", 3, LimitUnit::kWorkingDays, rules::Counting::kSameClockTime)});
  CaseState a;
  CaseState b;
  step = end_of_day.OnEvent(a, Ev(EventType::kAccept, "2025-03-07T14:15:00+08:00"));
  ASSERT_TRUE(step.next_due);
  EXPECT_EQ(*step.next_due, At("2025-03-13T00:00:00+08:00"));
  step = same_clock.OnEvent(b, Ev(EventType::kAccept, "2025-03-07T14:15:00+08:00"));
  ASSERT_TRUE(step.next_due);
  EXPECT_EQ(*step.next_due, At("2025-03-12T14:15:00+08:00"));
}

TEST(EngineDeadline, ItemLimitMissingMeansNoStage) {
  Engine engine = MakeEngine({CompletionLadder()});
  CaseState state;
  EngineStep step = engine.OnEvent(
      state, Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00", "", "{}", "unknown-item"));
  EXPECT_FALSE(step.next_due);
  EXPECT_TRUE(engine.OnTick(state, At("2026-01-01T00:00:00+08:00")).changes.empty());
}

TEST(EngineDeadline, UncountableDueIsReportedNotFired) {
  // The shipped calendar stops at its last covered year; a case accepted in the
  // last days of it runs into a year it cannot count.
  Engine engine = MakeEngine({FixedDeadline("decide-5wd", 5, LimitUnit::kWorkingDays)});
  const int year = Cal().last_year();
  CaseState state;
  EngineStep step = engine.OnEvent(
      state, Ev(EventType::kAccept, std::to_string(year) + "-12-30T10:00:00+08:00"));
  EXPECT_FALSE(step.next_due);
  EXPECT_NE(step.problem.find("decide-5wd"), std::string::npos) << step.problem;
  step = engine.OnTick(state, At(std::to_string(year + 1) + "-06-01T00:00:00+08:00"));
  EXPECT_TRUE(step.changes.empty());
  EXPECT_FALSE(step.problem.empty());
}

// --- late events and duplicates ------------------------------------------------

TEST(EngineLate, LateStopWithdrawsTheTickRaisedBreach) {
  Engine engine = MakeEngine({AcceptWithin5()});
  CaseState state;
  model::Event submit = Ev(EventType::kSubmit, "2025-03-07T16:00:00+08:00");
  engine.OnEvent(state, submit);
  EngineStep tick = engine.OnTick(state, At("2025-03-15T00:00:00+08:00"));
  ASSERT_EQ(tick.changes.size(), 1u);
  std::vector<AlertChange> stored = tick.changes;

  // The department system's acceptance on 03-14 arrives only now.
  model::Event accept = Ev(EventType::kAccept, "2025-03-14T11:00:00+08:00");
  CaseState before = state;
  EngineStep step = engine.OnEvent(state, accept);
  EXPECT_TRUE(step.needs_rederive);
  EXPECT_TRUE(step.changes.empty());
  EXPECT_EQ(state.words, before.words);  // untouched

  const base::Instant now = At("2025-03-16T10:00:00+08:00");
  Rederived r = engine.Rederive({submit, accept}, now);
  EXPECT_TRUE(r.alerts.empty());
  std::vector<AlertChange> diff = DiffAlerts(stored, r.alerts, now);
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].kind, AlertChange::kWithdraw);
  EXPECT_EQ(diff[0].Key(), stored[0].Key());
  EXPECT_EQ(diff[0].reason, kWithdrawnAfterLateEvent);
  EXPECT_EQ(diff[0].at, now);

  // The rebuilt state carries on live.
  EXPECT_TRUE(engine.OnTick(r.state, At("2025-04-01T00:00:00+08:00")).changes.empty());
}

TEST(EngineLate, RederiveDiffTable) {
  Engine engine = MakeEngine({AcceptWithin5(), OneSupplement()});
  const base::Instant now = At("2025-04-01T00:00:00+08:00");
  const model::Event submit = Ev(EventType::kSubmit, "2025-03-07T16:00:00+08:00");
  struct Row {
    std::string name;
    std::vector<model::Event> first;  // processed live, with a tick at `now`
    model::Event late;
    std::vector<std::pair<AlertChange::Kind, std::string>> diff;  // kind, rule
  };
  const std::vector<Row> rows = {
      {"late stop after the due: the breach stands",
       {submit, Ev(EventType::kReview, "2025-03-20T09:00:00+08:00")},
       Ev(EventType::kAccept, "2025-03-18T09:00:00+08:00"),
       {}},
      {"late second supplement request: a new alert",
       {submit, Ev(EventType::kRequestSupplement, "2025-03-10T09:00:00+08:00"),
        Ev(EventType::kReview, "2025-03-20T09:00:00+08:00")},
       Ev(EventType::kRequestSupplement, "2025-03-12T09:00:00+08:00"),
       {{AlertChange::kRaise, "one-supplement"}}},
      {"late first supplement request in time: the breach goes",
       {submit, Ev(EventType::kReview, "2025-03-20T09:00:00+08:00")},
       Ev(EventType::kRequestSupplement, "2025-03-11T09:00:00+08:00"),
       {{AlertChange::kWithdraw, "accept-within-5-days"}}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    CaseState state;
    std::vector<AlertChange> stored;
    for (const model::Event& e : row.first) {
      EngineStep step = engine.OnEvent(state, e);
      stored.insert(stored.end(), step.changes.begin(), step.changes.end());
    }
    EngineStep tick = engine.OnTick(state, now);
    stored.insert(stored.end(), tick.changes.begin(), tick.changes.end());
    ASSERT_TRUE(engine.OnEvent(state, row.late).needs_rederive);

    std::vector<model::Event> all = row.first;
    all.push_back(row.late);
    std::sort(all.begin(), all.end(),
              [](const model::Event& a, const model::Event& b) { return a.at < b.at; });
    std::vector<AlertChange> diff = DiffAlerts(stored, engine.Rederive(all, now).alerts, now);
    ASSERT_EQ(diff.size(), row.diff.size());
    for (std::size_t i = 0; i < diff.size(); ++i) {
      EXPECT_EQ(diff[i].kind, row.diff[i].first);
      EXPECT_EQ(diff[i].rule_id, row.diff[i].second);
    }
  }
}

TEST(EngineLate, EventBeforeTheLatestIsLate) {
  Engine engine = MakeEngine({OneSupplement()});
  CaseState state;
  engine.OnEvent(state, Ev(EventType::kSubmit, "2025-03-07T16:00:00+08:00"));
  engine.OnEvent(state, Ev(EventType::kAccept, "2025-03-10T09:00:00+08:00"));
  EXPECT_TRUE(
      engine.OnEvent(state, Ev(EventType::kRequestSupplement, "2025-03-08T09:00:00+08:00"))
          .needs_rederive);
}

TEST(EngineLate, DiffRaisesWhatIsNewAndKeepsWhatHolds) {
  AlertChange a;
  a.rule_id = "r";
  a.case_id = "C1";
  a.occurrence = 1;
  AlertChange b = a;
  b.occurrence = 2;
  std::vector<AlertChange> diff = DiffAlerts({a}, {a, b}, base::Instant{});
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].kind, AlertChange::kRaise);
  EXPECT_EQ(diff[0].occurrence, 2);
}

TEST(EngineDuplicates, SameEventTwiceRaisesNothingTwice) {
  Engine engine = MakeEngine({OneSupplement(), FeeMatches(), AcceptWithin5()});
  const std::vector<model::Event> events = {
      Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00", "e1"),
      Ev(EventType::kRequestSupplement, "2025-03-04T09:00:00+08:00", "e2"),
      Ev(EventType::kRequestSupplement, "2025-03-05T09:00:00+08:00", "e3"),
      Ev(EventType::kComplete, "2025-03-20T09:00:00+08:00", "e4", R"({"fee":500})"),
  };
  CaseState once;
  CaseState twice;
  std::vector<AlertChange> from_once;
  std::vector<AlertChange> from_twice;
  for (const model::Event& e : events) {
    EngineStep s = engine.OnEvent(once, e);
    from_once.insert(from_once.end(), s.changes.begin(), s.changes.end());
    for (int i = 0; i < 2; ++i) {
      EngineStep t = engine.OnEvent(twice, e);
      EXPECT_FALSE(t.needs_rederive);
      if (i == 1) {
        EXPECT_TRUE(t.changes.empty()) << e.source_event_id;
      }
      from_twice.insert(from_twice.end(), t.changes.begin(), t.changes.end());
    }
  }
  // one-supplement (second request) and fee-matches (fee 500 ≠ 0).
  EXPECT_EQ(Keys(from_once).size(), 2u);
  EXPECT_EQ(Keys(from_once), Keys(from_twice));
  EXPECT_EQ(from_once.size(), from_twice.size());

  // Rederive drops the duplicates too.
  std::vector<model::Event> doubled;
  for (const model::Event& e : events) {
    doubled.push_back(e);
    doubled.push_back(e);
  }
  EXPECT_EQ(Keys(engine.Rederive(doubled, At("2025-04-01T00:00:00+08:00")).alerts),
            Keys(from_once));
}

// --- the other per-case kinds ---------------------------------------------------

TEST(EngineKinds, Table) {
  Engine engine =
      MakeEngine({OneSupplement(), DecideAfterAccept(), NotTooFast(), FeeMatches()});
  struct Row {
    std::string name;
    std::vector<model::Event> events;
    std::set<std::pair<std::string, std::int64_t>> want;  // rule, occurrence
  };
  const std::vector<Row> rows = {
      {"clean case",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"),
        Ev(EventType::kDecide, "2025-03-05T10:00:00+08:00"),
        Ev(EventType::kComplete, "2025-03-05T11:00:00+08:00", "", R"({"fee":0})")},
       {}},
      {"two supplement requests",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-05T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-06T10:00:00+08:00")},
       {{"one-supplement", 1}}},
      {"decide without accept",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kDecide, "2025-03-05T10:00:00+08:00"),
        Ev(EventType::kAccept, "2025-03-05T11:00:00+08:00"),
        Ev(EventType::kDecide, "2025-03-05T12:00:00+08:00")},
       {{"decide-after-accept", 1}}},
      {"completed five minutes after submission",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-03-03T09:05:00+08:00")},
       {{"not-too-fast", 1}}},
      {"completed exactly at the minimum",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-03-03T09:10:00+08:00")},
       {}},
      {"fee charged on a free item, twice",
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kComplete, "2025-03-04T09:00:00+08:00", "", R"({"fee":500})"),
        Ev(EventType::kComplete, "2025-03-04T10:00:00+08:00", "", R"({"fee":0})"),
        Ev(EventType::kComplete, "2025-03-04T11:00:00+08:00", "", R"({"fee":300})")},
       {{"fee-matches", 1}, {"fee-matches", 3}}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    std::set<std::pair<std::string, std::int64_t>> got;
    for (const AlertChange& c : Replay(engine, row.events, At("2025-12-31T00:00:00+08:00"))) {
      got.insert({c.rule_id, c.occurrence});
      EXPECT_EQ(c.level, AlertLevel::kYellow);
    }
    EXPECT_EQ(got, row.want);
  }
}

TEST(EngineScope, ScopeAndKindSelectCases) {
  rules::Rule scoped = OneSupplement();
  scoped.scope =
      CompileExpr(R"(item.category == "行政许可" && case.channel in ["online", "mobile"])");
  Engine engine = MakeEngine({scoped, ComplaintFeedback24h()});
  struct Row {
    std::string name;
    std::string item;
    model::Channel channel;
    bool want;
  };
  const std::vector<Row> rows = {
      {"licence online", "445200-XK-0042", model::Channel::kOnline, true},
      {"public service", "445200-GG-0007", model::Channel::kOnline, false},
      {"licence at the window", "445200-XK-0042", model::Channel::kWindow, false},
      {"unknown item", "nope", model::Channel::kOnline, false},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    std::vector<model::Event> events = {
        Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00", "", "{}", row.item),
        Ev(EventType::kRequestSupplement, "2025-03-04T09:00:00+08:00", "", "{}", row.item),
        Ev(EventType::kRequestSupplement, "2025-03-05T09:00:00+08:00", "", "{}", row.item)};
    events[0].channel = row.channel;
    EXPECT_EQ(Replay(engine, events, At("2025-12-31T00:00:00+08:00")).size(), row.want ? 1u : 0u);
  }
  // An approval rule never looks at a complaint, nor the complaint rule at an approval.
  CaseState approval;
  EngineStep step = engine.OnEvent(approval, Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"));
  EXPECT_FALSE(step.next_due);
  CaseState complaint;
  step = engine.OnEvent(complaint,
                        Ev(EventType::kComplaintReceived, "2025-03-03T09:00:00+08:00"));
  EXPECT_TRUE(step.next_due);
}

TEST(EngineCreate, RejectsMalformedRules) {
  rules::DeadlineRule empty;
  base::Result<Engine> e = Engine::Create(SetOf({MakeRule("x", empty)}), Cal(),
                                          [](std::string_view) { return nullptr; },
                                          [](std::string_view) { return nullptr; });
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().ToString().find("'x'"), std::string::npos);
  base::Result<Engine> aggregate =
      Engine::Create(SetOf({MakeRule("rate", rules::RateRule{})}), Cal(),
                     [](std::string_view) { return nullptr; },
                     [](std::string_view) { return nullptr; });
  ASSERT_TRUE(aggregate.ok());
  EXPECT_EQ(aggregate->aggregate_rules(), std::vector<std::size_t>{0});
}

// --- state size and determinism ---------------------------------------------------

TEST(EngineState, FootprintOfATypicalCase) {
  Engine engine = MakeEngine(DefaultPackLike());
  CaseState state;
  for (const model::Event& e :
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-03-06T10:00:00+08:00")}) {
    engine.OnEvent(state, e);
  }
  RecordProperty("footprint_bytes", static_cast<int>(state.Footprint()));
  EXPECT_LT(state.Footprint(), 256u);
  // A plain value: a copy carries on exactly like the original.
  CaseState copy = state;
  EXPECT_EQ(Keys(engine.OnTick(copy, At("2025-06-01T00:00:00+08:00")).changes),
            Keys(engine.OnTick(state, At("2025-06-01T00:00:00+08:00")).changes));
}

TEST(EngineDeterminism, LiveEqualsReplayEqualsRederive) {
  Engine engine = MakeEngine(DefaultPackLike());
  const base::Instant end = At("2025-12-31T00:00:00+08:00");
  std::size_t total = 0;
  for (int n = 0; n < 200; ++n) {
    std::vector<model::Event> events = GenerateCase(static_cast<std::uint64_t>(n) + 7, n);
    SCOPED_TRACE("case " + std::to_string(n));
    std::set<Key> live = Keys(Live(engine, events, end));
    std::set<Key> replay = Keys(Replay(engine, events, end));
    std::set<Key> rederived = Keys(engine.Rederive(events, end).alerts);
    EXPECT_EQ(live, replay);
    EXPECT_EQ(live, rederived);
    total += live.size();
  }
  EXPECT_GT(total, 50u);  // the generator does produce breaches
}

TEST(EngineState, EncodeDecodeRoundTripAndLayoutCheck) {
  Engine engine = MakeEngine(DefaultPackLike());
  CaseState state;
  for (const model::Event& e :
       {Ev(EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
        Ev(EventType::kAccept, "2025-03-03T10:00:00+08:00"),
        Ev(EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"),
        Ev(EventType::kSupplementReceived, "2025-03-06T10:00:00+08:00"),
        Ev(EventType::kSuspend, "2025-03-07T10:00:00+08:00")}) {
    engine.OnEvent(state, e);
  }
  std::string bytes = engine.EncodeState(state);
  base::Result<CaseState> back = engine.DecodeState(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == state);
  // The decoded state carries on exactly like the original.
  const base::Instant later = At("2025-06-01T00:00:00+08:00");
  const model::Event resume = Ev(EventType::kResume, "2025-03-10T10:00:00+08:00");
  EXPECT_EQ(Keys(engine.OnEvent(*back, resume).changes),
            Keys(engine.OnEvent(state, resume).changes));
  EXPECT_EQ(Keys(engine.OnTick(*back, later).changes), Keys(engine.OnTick(state, later).changes));

  // Another rule set: the layout differs and the state must be rederived.
  Engine other = MakeEngine({AcceptWithin5()});
  EXPECT_NE(other.layout_fingerprint(), engine.layout_fingerprint());
  EXPECT_EQ(other.DecodeState(bytes).status().code(), base::StatusCode::kFailedPrecondition);
  // Truncated or padded bytes are rejected, never read past.
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(engine.DecodeState(std::string_view(bytes).substr(0, n)).ok()) << n;
  }
  EXPECT_FALSE(engine.DecodeState(bytes + "x").ok());
}

TEST(EngineKinds, StepNamesMatch) {
  Engine engine = MakeEngine({MakeRule(
      "one-site-visit", rules::MaxCountRule{rules::EventMatcher{{}, {"现场核查"}}, 1})});
  model::Event visit = Ev(EventType::kStep, "2025-03-04T09:00:00+08:00", "v1");
  visit.step_name = "现场核查";
  model::Event again = visit;
  again.source_event_id = "v2";
  again.at = At("2025-03-05T09:00:00+08:00");
  model::Event other = visit;
  other.source_event_id = "v3";
  other.step_name = "材料流转";
  EXPECT_EQ(Replay(engine, {visit, other}, At("2025-12-31T00:00:00+08:00")).size(), 0u);
  EXPECT_EQ(Replay(engine, {visit, other, again}, At("2025-12-31T00:00:00+08:00")).size(), 1u);
}

}  // namespace
}  // namespace oversight::engine
