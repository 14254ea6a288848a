#include "demo/demo_generator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar/shipped_data_for_test.h"
#include "codes/uscc.h"
#include "demo/event_jsonl.h"

namespace oversight::demo {
namespace {

using calendar::Day;
using model::EventType;
using ::testing::HasSubstr;

struct Output {
  std::vector<model::Event> events;
  std::vector<TruthRecord> truth;
  DemoStats stats;
};

DemoGenerator MakeGenerator(DemoOptions options) {
  base::Result<DemoGenerator> gen =
      DemoGenerator::Create(options, calendar::ShippedCalendarForTest());
  EXPECT_TRUE(gen.ok()) << gen.status().ToString();
  return std::move(gen).value();
}

Output Collect(const DemoGenerator& gen) {
  Output out;
  base::Result<DemoStats> stats =
      gen.Generate([&](const model::Event& e) { out.events.push_back(e); },
                   [&](const TruthRecord& t) { out.truth.push_back(t); });
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  if (stats.ok()) out.stats = *stats;
  return out;
}

// FNV-1a over the JSON lines and truth lines: a fingerprint of the whole output.
std::uint64_t Fingerprint(const DemoGenerator& gen) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  auto add = [&](const std::string& line) {
    for (char c : line) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    h = (h ^ '\n') * 0x100000001B3ULL;
  };
  base::Result<DemoStats> stats =
      gen.Generate([&](const model::Event& e) { add(e.source + " " + EventToJsonLine(e)); },
                   [&](const TruthRecord& t) { add(TruthToJsonLine(t)); });
  EXPECT_TRUE(stats.ok());
  return h;
}

DemoOptions Small(int months, double scale, std::uint64_t seed = 1) {
  DemoOptions o;
  o.months = months;
  o.scale = scale;
  o.seed = seed;
  return o;
}

TEST(DemoGeneratorTest, SameSeedSameBytesOtherSeedOtherBytes) {
  DemoGenerator a = MakeGenerator(Small(2, 0.02, 7));
  DemoGenerator b = MakeGenerator(Small(2, 0.02, 7));
  DemoGenerator c = MakeGenerator(Small(2, 0.02, 8));
  std::uint64_t fa = Fingerprint(a);
  EXPECT_EQ(fa, Fingerprint(b));
  EXPECT_EQ(fa, Fingerprint(a));  // Generate can be called again
  EXPECT_NE(fa, Fingerprint(c));
}

TEST(DemoGeneratorTest, VolumeScales) {
  // 1/50 of the default year: the full year at scale 1 gives 50 times this.
  Output out = Collect(MakeGenerator(Small(12, 0.02)));
  EXPECT_GE(out.stats.events, 20'000);  // ≥ 1 M at scale 1
  EXPECT_GE(out.stats.approvals, 3'000);
  EXPECT_LE(out.stats.approvals, 4'200);
  EXPECT_GT(out.stats.complaints, 20);
  EXPECT_GT(out.stats.ratings, 10);
  EXPECT_EQ(out.stats.events, static_cast<std::int64_t>(out.events.size()));
  EXPECT_EQ(out.stats.violations, static_cast<std::int64_t>(out.truth.size()));
}

TEST(DemoGeneratorTest, EventsAreOrderedUniqueAndWellFormed) {
  DemoGenerator gen = MakeGenerator(Small(3, 0.03));
  Output out = Collect(gen);
  std::set<std::string> items, depts, ids;
  for (const model::Item& item : gen.city().items) items.insert(item.code);
  for (const model::Department& d : gen.city().departments) depts.insert(d.code);
  ASSERT_FALSE(out.events.empty());
  for (std::size_t i = 0; i < out.events.size(); ++i) {
    const model::Event& e = out.events[i];
    if (i > 0) {
      ASSERT_LE(out.events[i - 1].at, e.at) << i;
    }
    ASSERT_TRUE(ids.insert(e.source + "/" + e.source_event_id).second) << e.source_event_id;
    ASSERT_TRUE(items.contains(e.item_code)) << e.item_code;
    ASSERT_TRUE(depts.contains(e.dept_code)) << e.dept_code;
    ASSERT_TRUE(codes::ValidateUscc(e.dept_code).ok());
    ASSERT_EQ(model::KindOfEventType(e.type), e.kind);
    ASSERT_EQ(e.attrs_json.front(), '{');
    ASSERT_FALSE(e.step_name.empty());
    if (e.type == EventType::kSubmit) {
      EXPECT_THAT(e.attrs_json, HasSubstr("\"applicant_id_masked\":\""));
      EXPECT_THAT(e.attrs_json, HasSubstr("********"));  // the birth date never shows
    }
  }
  EXPECT_GE(out.events.back().at, base::Instant(std::chrono::sys_days(Day("2025-04-01"))));
}

TEST(DemoGeneratorTest, StaffWorkOfficeHoursOnWorkingDays) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  Output out = Collect(MakeGenerator(Small(2, 0.03)));
  for (const model::Event& e : out.events) {
    bool staff_step = e.kind == model::CaseKind::kApproval && e.type != EventType::kSubmit &&
                      e.type != EventType::kSupplementReceived && e.type != EventType::kWithdraw;
    if (!staff_step) continue;
    ASSERT_TRUE(cal.IsWorkingDay(cal.LocalDate(e.at)).value()) << cal.FormatLocal(e.at);
    auto minute =
        std::chrono::floor<std::chrono::minutes>(e.at - cal.StartOfLocalDay(cal.LocalDate(e.at)))
            .count();
    bool morning = minute >= 9 * 60 && minute < 12 * 60;
    bool afternoon = minute >= 14 * 60 + 30 && minute < 17 * 60 + 30;
    ASSERT_TRUE(morning || afternoon) << cal.FormatLocal(e.at) << " " << e.case_id;
  }
}

TEST(DemoGeneratorTest, ArrivalsThinOnHolidaysAndRushBeforeSpringFestival) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  Output out = Collect(MakeGenerator(Small(2, 0.05)));  // January and February 2025
  std::map<base::Date, int> per_day;
  for (const model::Event& e : out.events) {
    if (e.type != EventType::kSubmit) continue;
    base::Date day = cal.LocalDate(e.at);
    ++per_day[day];
    if (!cal.IsWorkingDay(day).value()) {
      EXPECT_NE(e.channel, model::Channel::kWindow) << base::FormatDate(day);
    }
  }
  auto mean = [&](base::Date from, base::Date to, bool working) {
    double sum = 0;
    int days = 0;
    for (base::Date d = from; d <= to; d += std::chrono::days(1)) {
      if (cal.IsWorkingDay(d).value() != working) continue;
      sum += per_day[d];
      ++days;
    }
    return days == 0 ? 0.0 : sum / days;
  };
  double spring_festival = mean(Day("2025-01-28"), Day("2025-02-04"), false);
  double rush = mean(Day("2025-01-14"), Day("2025-01-27"), true);
  double february = mean(Day("2025-02-10"), Day("2025-02-28"), true);
  double weekends = mean(Day("2025-02-09"), Day("2025-02-28"), false);
  EXPECT_GT(february, 20.0);
  EXPECT_LT(spring_festival, february * 0.05);
  EXPECT_LT(weekends, february * 0.2);
  EXPECT_GT(rush, february * 1.2);
}

// An independent reading of the violation definitions in truth.h, straight from the
// events and the calendar. With `now` (a history cut there), a deadline still open
// counts once now ≥ its due, unless a pause is open (the clock stands still).
class TruthChecker {
 public:
  TruthChecker(const City& city, const calendar::Calendar& cal,
               std::optional<base::Instant> now = std::nullopt)
      : cal_(cal), now_(now) {
    for (const model::Item& item : city.items) items_[item.code] = &item;
  }

  std::set<std::pair<std::string, std::string>> Check(const std::vector<model::Event>& events) {
    std::map<std::string, std::vector<const model::Event*>> cases;
    for (const model::Event& e : events) cases[e.case_id].push_back(&e);
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& [id, list] : cases) {
      for (std::string_view v : Violations(list)) found.insert({id, std::string(v)});
    }
    return found;
  }

  // The deadline the truth should quote, for the deadline kinds.
  std::optional<base::Instant> Due(const std::vector<const model::Event*>& list,
                                   std::string_view violation) {
    if (violation == kAcceptanceOverdue) return AcceptanceDue(list);
    if (violation == kCompletionOverdue) return CompletionDue(list);
    if (violation == kComplaintFeedbackLate) {
      return First(list, EventType::kComplaintReceived)->at + std::chrono::hours(24);
    }
    return std::nullopt;
  }

 private:
  static const model::Event* First(const std::vector<const model::Event*>& list, EventType type) {
    for (const model::Event* e : list) {
      if (e->type == type) return e;
    }
    return nullptr;
  }

  static int Count(const std::vector<const model::Event*>& list, EventType type) {
    int n = 0;
    for (const model::Event* e : list) n += e->type == type;
    return n;
  }

  // suspend→resume and request_supplement→supplement_received stop the clock.
  static std::vector<calendar::Suspension> Suspensions(
      const std::vector<const model::Event*>& list) {
    std::vector<calendar::Suspension> out;
    std::optional<base::Instant> open_suspend, open_supplement;
    for (const model::Event* e : list) {
      if (e->type == EventType::kSuspend) open_suspend = e->at;
      if (e->type == EventType::kRequestSupplement) open_supplement = e->at;
      if (e->type == EventType::kResume && open_suspend) {
        out.push_back({*open_suspend, e->at});
        open_suspend.reset();
      }
      if (e->type == EventType::kSupplementReceived && open_supplement) {
        out.push_back({*open_supplement, e->at});
        open_supplement.reset();
      }
    }
    return out;
  }

  std::optional<base::Instant> AcceptanceDue(const std::vector<const model::Event*>& list) {
    const model::Event* submit = First(list, EventType::kSubmit);
    if (submit == nullptr) return std::nullopt;
    return cal_.Due(submit->at, {5, model::LimitUnit::kWorkingDays}, Suspensions(list)).value().due;
  }

  static bool PauseOpen(const std::vector<const model::Event*>& list) {
    int open = 0;
    for (const model::Event* e : list) {
      open += e->type == EventType::kSuspend || e->type == EventType::kRequestSupplement;
      open -= e->type == EventType::kResume || e->type == EventType::kSupplementReceived;
    }
    return open > 0;
  }

  // An open deadline (no stop event yet) is broken only once `now` reaches its due.
  bool Passed(base::Instant due) const { return now_ && due <= *now_; }

  std::optional<base::Instant> CompletionDue(const std::vector<const model::Event*>& list) {
    const model::Event* accept = First(list, EventType::kAccept);
    if (accept == nullptr) return std::nullopt;
    const model::Item& item = *items_.at(accept->item_code);
    return cal_.Due(accept->at, *item.promised_limit, Suspensions(list)).value().due;
  }

  std::vector<std::string_view> Violations(const std::vector<const model::Event*>& list) {
    std::vector<std::string_view> out;
    if (list.front()->kind == model::CaseKind::kComplaint) {
      const model::Event* received = First(list, EventType::kComplaintReceived);
      const model::Event* feedback = First(list, EventType::kComplaintFeedback);
      if (received && feedback && feedback->at - received->at >= std::chrono::hours(24)) {
        out.push_back(kComplaintFeedbackLate);
      }
      if (received && !feedback && Passed(received->at + std::chrono::hours(24))) {
        out.push_back(kComplaintFeedbackLate);
      }
      return out;
    }
    if (list.front()->kind != model::CaseKind::kApproval) return out;
    const model::Event* submit = First(list, EventType::kSubmit);
    const model::Event* accepted = nullptr;
    for (const model::Event* e : list) {
      if (e->type == EventType::kAccept || e->type == EventType::kReject) {
        accepted = e;
        break;
      }
    }
    // Uncut (no `now`), a case never accepted is overdue; cut, once its due passed.
    bool open_late = !now_ || (submit && !PauseOpen(list) && Passed(*AcceptanceDue(list)));
    if (submit && (accepted == nullptr ? open_late : accepted->at >= *AcceptanceDue(list))) {
      out.push_back(kAcceptanceOverdue);
    }
    const model::Event* accept = First(list, EventType::kAccept);
    const model::Event* complete = First(list, EventType::kComplete);
    if (accept && complete && complete->at >= *CompletionDue(list)) {
      out.push_back(kCompletionOverdue);
    }
    if (accept && !complete && !First(list, EventType::kWithdraw) && !PauseOpen(list) &&
        Passed(*CompletionDue(list))) {
      out.push_back(kCompletionOverdue);
    }
    if (Count(list, EventType::kRequestSupplement) >= 2) out.push_back(kSecondSupplement);
    for (const model::Event* e : list) {
      if (e->type != EventType::kDecide) continue;
      bool accepted_before = false;
      for (const model::Event* a : list) {
        accepted_before |= a->type == EventType::kAccept && a->at < e->at;
      }
      if (!accepted_before) {
        out.push_back(kDecideWithoutAccept);
        break;
      }
    }
    if (submit && complete && complete->at - submit->at < std::chrono::minutes(10)) {
      out.push_back(kTooFast);
    }
    const model::Item& item = *items_.at(list.front()->item_code);
    for (const model::Event* e : list) {
      std::size_t at = e->attrs_json.find("\"fee\":");
      if (at == std::string::npos) continue;
      std::int64_t fee = std::stoll(e->attrs_json.substr(at + 6));
      if (fee != item.fee_fen.value_or(0)) {
        out.push_back(kFeeMismatch);
        break;
      }
    }
    return out;
  }

  const calendar::Calendar& cal_;
  std::optional<base::Instant> now_;
  std::map<std::string, const model::Item*> items_;
};

void ExpectTruthMatches(const DemoOptions& options, int min_per_kind, int min_complaints) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  DemoGenerator gen = MakeGenerator(options);
  Output out = Collect(gen);
  TruthChecker checker(gen.city(), cal);
  std::set<std::pair<std::string, std::string>> found = checker.Check(out.events);
  std::set<std::pair<std::string, std::string>> truth;
  std::map<std::string, int> per_kind;
  for (const TruthRecord& t : out.truth) {
    EXPECT_TRUE(truth.insert({t.case_id, t.violation}).second) << t.case_id;
    ++per_kind[t.violation];
  }
  // Every violating case is in the truth, and every truth record is a violation.
  for (const auto& f : found)
    EXPECT_TRUE(truth.contains(f)) << "not in truth: " << f.first << " " << f.second;
  for (const auto& t : truth)
    EXPECT_TRUE(found.contains(t)) << "not found: " << t.first << " " << t.second;
  // One violation per case at most.
  std::set<std::string> cases;
  for (const auto& t : truth) EXPECT_TRUE(cases.insert(t.first).second) << t.first;
  for (std::string_view kind : {kAcceptanceOverdue, kCompletionOverdue, kSecondSupplement,
                                kDecideWithoutAccept, kTooFast, kFeeMismatch}) {
    EXPECT_GE(per_kind[std::string(kind)], min_per_kind) << kind;
  }
  EXPECT_GE(per_kind[std::string(kComplaintFeedbackLate)], min_complaints);
  // The deadlines quoted are the calendar's.
  std::map<std::string, std::vector<const model::Event*>> by_case;
  for (const model::Event& e : out.events) by_case[e.case_id].push_back(&e);
  for (const TruthRecord& t : out.truth) {
    EXPECT_EQ(t.expected_due, checker.Due(by_case[t.case_id], t.violation)) << t.case_id;
    EXPECT_FALSE(t.detail.empty());
  }
}

TEST(DemoGeneratorTest, TruthIsExactlyTheViolatingCasesAtHighRates) {
  DemoOptions o = Small(3, 0.04, 3);
  o.rates = {.acceptance_overdue = 0.05,
             .completion_overdue = 0.05,
             .second_supplement = 0.05,
             .decide_without_accept = 0.05,
             .too_fast = 0.05,
             .fee_mismatch = 0.05,
             .complaint_feedback_late = 0.5};
  ExpectTruthMatches(o, 10, 8);
}

TEST(DemoGeneratorTest, TruthIsExactlyTheViolatingCasesAtDefaultRates) {
  // Complaints are few at this scale; the test above covers their violation.
  ExpectTruthMatches(Small(12, 0.02, 11), 3, 0);
}

TEST(DemoGeneratorTest, NoViolationsWhenRatesAreZero) {
  DemoOptions o = Small(2, 0.03);
  o.rates = {0, 0, 0, 0, 0, 0, 0};
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  DemoGenerator gen = MakeGenerator(o);
  Output out = Collect(gen);
  EXPECT_TRUE(out.truth.empty());
  EXPECT_TRUE(TruthChecker(gen.city(), cal).Check(out.events).empty());
}

// --- a history cut at `until` (DemoOptions::until) ---

base::Instant At(std::string_view rfc3339) { return base::ParseInstant(rfc3339).value(); }

std::string TruthLine(const TruthRecord& t) { return TruthToJsonLine(t); }

bool Concluded(const std::vector<const model::Event*>& list) {
  for (const model::Event* e : list) {
    if (e->type == EventType::kComplete || e->type == EventType::kReject ||
        e->type == EventType::kWithdraw) {
      return true;
    }
  }
  return false;
}

// Generates `options` with and without the cut and checks the cut against the whole
// run and against an independent reading at `until`. Returns the cut output.
Output ExpectCutMatches(DemoOptions options, base::Instant until) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  DemoGenerator whole_gen = MakeGenerator(options);
  Output whole = Collect(whole_gen);
  options.until = until;
  DemoGenerator gen = MakeGenerator(options);
  Output cut = Collect(gen);

  // The cut is the whole run's events before `until`, the same bytes in the same order.
  std::vector<std::string> expected;
  for (const model::Event& e : whole.events) {
    if (e.at < until) expected.push_back(e.source + " " + EventToJsonLine(e));
  }
  std::vector<std::string> got;
  for (const model::Event& e : cut.events) {
    EXPECT_LT(e.at, until) << e.source_event_id;
    got.push_back(e.source + " " + EventToJsonLine(e));
  }
  EXPECT_TRUE(got == expected) << got.size() << " events, expected " << expected.size();
  EXPECT_LT(cut.events.size(), whole.events.size());

  // The stats count what came out.
  std::map<std::string, std::vector<const model::Event*>> by_case;
  for (const model::Event& e : cut.events) by_case[e.case_id].push_back(&e);
  std::map<model::CaseKind, std::int64_t> per_kind;
  for (const auto& [id, list] : by_case) ++per_kind[list.front()->kind];
  EXPECT_EQ(cut.stats.events, static_cast<std::int64_t>(cut.events.size()));
  EXPECT_EQ(cut.stats.approvals, per_kind[model::CaseKind::kApproval]);
  EXPECT_EQ(cut.stats.complaints, per_kind[model::CaseKind::kComplaint]);
  EXPECT_EQ(cut.stats.ratings, per_kind[model::CaseKind::kRating]);
  EXPECT_EQ(cut.stats.violations, static_cast<std::int64_t>(cut.truth.size()));
  if (!cut.events.empty()) {
    EXPECT_EQ(cut.stats.last_event_at, cut.events.back().at);
  }

  // The truth is part of the whole run's, and exactly what a reading at `until` finds.
  std::set<std::string> whole_truth;
  for (const TruthRecord& t : whole.truth) whole_truth.insert(TruthLine(t));
  std::set<std::pair<std::string, std::string>> truth;
  for (const TruthRecord& t : cut.truth) {
    EXPECT_TRUE(whole_truth.contains(TruthLine(t))) << TruthLine(t);
    truth.insert({t.case_id, t.violation});
  }
  TruthChecker checker(gen.city(), cal, until);
  std::set<std::pair<std::string, std::string>> found = checker.Check(cut.events);
  for (const auto& f : found)
    EXPECT_TRUE(truth.contains(f)) << "not in truth: " << f.first << " " << f.second;
  for (const auto& t : truth)
    EXPECT_TRUE(found.contains(t)) << "not found: " << t.first << " " << t.second;
  for (const TruthRecord& t : cut.truth) {
    EXPECT_EQ(t.expected_due, checker.Due(by_case[t.case_id], t.violation)) << t.case_id;
  }
  return cut;
}

TEST(DemoGeneratorTest, UntilCutsTheHistoryLeavingCasesInFlight) {
  DemoOptions o = Small(3, 0.04, 3);
  o.rates = {.acceptance_overdue = 0.05,
             .completion_overdue = 0.05,
             .second_supplement = 0.05,
             .decide_without_accept = 0.05,
             .too_fast = 0.05,
             .fee_mismatch = 0.05,
             .complaint_feedback_late = 0.5};
  // A Wednesday afternoon in office hours.
  base::Instant until = At("2025-02-19T15:10:00+08:00");
  Output cut = ExpectCutMatches(o, until);

  std::map<std::string, std::vector<const model::Event*>> by_case;
  for (const model::Event& e : cut.events) by_case[e.case_id].push_back(&e);
  int accepted_open = 0, submitted_open = 0;
  for (const auto& [id, list] : by_case) {
    if (list.front()->kind != model::CaseKind::kApproval || Concluded(list)) continue;
    bool accepted = false;
    for (const model::Event* e : list) accepted |= e->type == EventType::kAccept;
    ++(accepted ? accepted_open : submitted_open);
  }
  EXPECT_GT(accepted_open, 20);
  EXPECT_GT(submitted_open, 0);

  // Each kind is kept somewhere, and deadlines that passed while the late step is
  // still to come count (the case is open, and already late).
  std::map<std::string, int> per_kind;
  int open_and_late = 0;
  for (const TruthRecord& t : cut.truth) {
    ++per_kind[t.violation];
    if (t.expected_due && !Concluded(by_case[t.case_id])) ++open_and_late;
  }
  for (std::string_view kind : {kAcceptanceOverdue, kCompletionOverdue, kSecondSupplement,
                                kDecideWithoutAccept, kTooFast, kFeeMismatch,
                                kComplaintFeedbackLate}) {
    EXPECT_GE(per_kind[std::string(kind)], 3) << kind;
  }
  EXPECT_GT(open_and_late, 0);
}

TEST(DemoGeneratorTest, UntilAtADueCountsThatDeadlineAsPassed) {
  DemoOptions o = Small(3, 0.04, 3);
  o.rates.completion_overdue = 0.1;
  Output whole = Collect(MakeGenerator(o));
  // A completion deadline in the span (local midnight: end-of-day counting).
  std::optional<TruthRecord> late;
  for (const TruthRecord& t : whole.truth) {
    if (t.violation == kCompletionOverdue && *t.expected_due > At("2025-02-10T00:00:00+08:00") &&
        *t.expected_due < At("2025-03-20T00:00:00+08:00")) {
      late = t;
      break;
    }
  }
  ASSERT_TRUE(late.has_value());
  auto listed = [&](const Output& out) {
    for (const TruthRecord& t : out.truth) {
      if (t.case_id == late->case_id) return true;
    }
    return false;
  };
  // At the due the case is late (the due is exclusive); a millisecond before, not yet.
  EXPECT_TRUE(listed(ExpectCutMatches(o, *late->expected_due)));
  EXPECT_FALSE(listed(ExpectCutMatches(o, *late->expected_due - base::Milliseconds(1))));
}

TEST(DemoGeneratorTest, UntilAtTheEndOfTheSpanKeepsEveryArrival) {
  DemoOptions o = Small(1, 0.03, 2);
  Output whole = Collect(MakeGenerator(o));
  Output cut = ExpectCutMatches(o, At("2025-02-01T00:00:00+08:00"));
  EXPECT_EQ(cut.stats.approvals, whole.stats.approvals);
  EXPECT_EQ(cut.stats.complaints, whole.stats.complaints);
  EXPECT_LT(cut.stats.events, whole.stats.events);  // the last cases are in flight
}

TEST(DemoGeneratorTest, UntilOutsideTheSpanIsRefused) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  DemoOptions o = Small(1, 0.01);
  for (std::string_view bad : {"2025-01-01T00:00:00+08:00", "2024-12-31T23:00:00+08:00",
                               "2025-02-01T00:00:00.001+08:00", "2025-06-01T00:00:00+08:00"}) {
    o.until = At(bad);
    base::Result<DemoGenerator> gen = DemoGenerator::Create(o, cal);
    ASSERT_FALSE(gen.ok()) << bad;
    EXPECT_EQ(gen.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_THAT(gen.status().message(), HasSubstr("until")) << bad;
  }
  for (std::string_view good : {"2025-01-01T00:00:00.001+08:00", "2025-02-01T00:00:00+08:00"}) {
    o.until = At(good);
    EXPECT_TRUE(DemoGenerator::Create(o, cal).ok()) << good;
  }
}

TEST(DemoGeneratorTest, RejectsBadOptions) {
  calendar::Calendar cal = calendar::ShippedCalendarForTest();
  DemoOptions o;
  o.months = 0;
  EXPECT_THAT(DemoGenerator::Create(o, cal).status().message(), HasSubstr("months"));
  o = DemoOptions();
  o.scale = -1;
  EXPECT_THAT(DemoGenerator::Create(o, cal).status().message(), HasSubstr("scale"));
  o = DemoOptions();
  o.rates.too_fast = 0.9;
  o.rates.fee_mismatch = 0.2;
  EXPECT_THAT(DemoGenerator::Create(o, cal).status().message(), HasSubstr("at most 1"));
  o = DemoOptions();
  o.rates.complaint_feedback_late = 1.5;
  EXPECT_THAT(DemoGenerator::Create(o, cal).status().message(),
              HasSubstr("complaint_feedback_late"));
}

TEST(DemoGeneratorTest, RefusesASpanTheCalendarDoesNotCover) {
  DemoOptions o;
  o.start = Day("2026-06-01");
  base::Result<DemoGenerator> gen = DemoGenerator::Create(o, calendar::ShippedCalendarForTest());
  ASSERT_FALSE(gen.ok());
  EXPECT_THAT(gen.status().message(), HasSubstr("the calendar must cover"));
}

}  // namespace
}  // namespace oversight::demo
