#pragma once

// The demo city generator: a year (or any span) of realistic case events for the
// city of BuildDemoCity(), with known violations injected at set rates and a ground
// truth that names every one. Pure and deterministic: the same options and seed give
// the same events, byte for byte, on every platform; nothing reads the clock or a file.
//
//   OVS_ASSIGN_OR_RETURN(DemoGenerator gen, DemoGenerator::Create(options, calendar));
//   OVS_ASSIGN_OR_RETURN(DemoStats stats, gen.Generate(
//       [&](const model::Event& e) { store.Add(e); },
//       [&](const TruthRecord& t) { truth_file << TruthToJsonLine(t) << '\n'; }));
//
// What comes out:
//  - approval cases (办件) arriving in [start, start + months): many on working days,
//    few online at weekends, almost none on holidays, a rush before the Spring
//    Festival and after long breaks; channels online / window / mobile. Steps run in
//    office hours (09:00–12:00, 14:30–17:30 local, working days): submit → accept or
//    reject → [request_supplement → supplement_received] → [suspend → resume] → review
//    → decide → complete → deliver, or withdraw. A case submitted near the end runs to
//    its end, so events go on for some weeks after the span.
//  - complaints (投诉举报) and bad ratings (差评) with their handling steps.
//  - one TruthRecord per injected violation (truth.h); no other case meets any of
//    the conditions there.
// A history cut at DemoOptions::until (a demo that ends "now") is the same run with
// every event at or after `until` left out: the cases, their ids and all events
// before it are those of the uncut run, cases open at `until` are in flight, none
// arrives after it, and the stats count only cases with an event before it. The
// truth keeps a record when a judge at `until` (`oversight run --until`, which fires a
// deadline once now ≥ due) over those events sees the violation, per kind:
//  - acceptance_overdue, completion_overdue, complaint_feedback_late (deadlines): kept
//    when expected_due ≤ until. The due is exclusive (on time means before it), so at
//    `until` = due the case is late already, whether its late step came or not; a due
//    after `until` is dropped even when the late step is planned, because until then
//    the case is merely open. A completion deadline moved by a special procedure
//    still open at `until` lies after the resume, so after `until` too.
//  - second_supplement: kept when the second request_supplement is before `until`.
//  - decide_without_accept: kept when the decide is before `until` (the acceptance
//    keyed in afterwards need not be).
//  - too_fast: kept when the complete is before `until` (before it the case is open).
//  - fee_mismatch: kept when the accept carrying the fee is before `until`.
// No other case meets a condition at `until` either: normal cases keep their margins
// before every due, so one open at `until` has not reached any.
// Events come out in event-time order, each with a unique source_event_id
// ("<case_id>-NN"), step_name a Chinese step name, attrs a compact JSON object
// (fee in fen on accept; applicant_type and applicant_id_masked on submit; the clear
// identity number never leaves the generator).

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "base/status.h"
#include "calendar/calendar.h"
#include "demo/city.h"
#include "demo/demo_options.h"
#include "demo/truth.h"
#include "model/event.h"

namespace oversight::demo {

struct DemoStats {
  std::int64_t events = 0;
  std::int64_t approvals = 0;
  std::int64_t complaints = 0;
  std::int64_t ratings = 0;
  std::int64_t violations = 0;  // truth records
  base::Instant last_event_at{};
};

struct CityModel;
class WorkClock;

class DemoGenerator {
 public:
  // Fails on invalid options, or when `calendar` does not cover the span plus the
  // weeks after it in which the last cases finish (kSpillDays); kInvalidArgument
  // naming `until` when it is not in (start, start + months] (local midnights).
  static base::Result<DemoGenerator> Create(DemoOptions options, calendar::Calendar calendar);

  DemoGenerator(DemoGenerator&&) noexcept;
  DemoGenerator& operator=(DemoGenerator&&) noexcept;
  ~DemoGenerator();

  const City& city() const;
  const DemoOptions& options() const { return options_; }

  // Calls `on_event` for every event in event-time order, and `on_truth` for every
  // injected violation as its case is planned (before the case's events), except the
  // ones a cut history leaves out. Calls may be repeated and give the same output.
  // Fails only if the calendar does.
  base::Result<DemoStats> Generate(const std::function<void(const model::Event&)>& on_event,
                                   const std::function<void(const TruthRecord&)>& on_truth) const;

  // Days after the span the calendar must also cover: cases still open at its end
  // finish within them. The longest case (a 30-day promise, late, with a special
  // procedure, then a bad rating) needs under 50 working days, about 85 days with
  // the longest holidays.
  static constexpr int kSpillDays = 120;

 private:
  DemoGenerator(DemoOptions options, calendar::Calendar calendar);

  DemoOptions options_;
  calendar::Calendar calendar_;
  std::unique_ptr<const CityModel> city_;
  std::unique_ptr<const WorkClock> clock_;
  int span_days_ = 0;                           // days in [start, start + months)
  std::vector<double> demand_;                  // per clock day
  std::vector<std::uint64_t> item_cumulative_;  // cumulative item demand weights
};

}  // namespace oversight::demo
