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
  // weeks after it in which the last cases finish (kSpillDays).
  static base::Result<DemoGenerator> Create(DemoOptions options, calendar::Calendar calendar);

  DemoGenerator(DemoGenerator&&) noexcept;
  DemoGenerator& operator=(DemoGenerator&&) noexcept;
  ~DemoGenerator();

  const City& city() const;
  const DemoOptions& options() const { return options_; }

  // Calls `on_event` for every event in event-time order, and `on_truth` for every
  // injected violation as its case is planned (before the case's events). Calls may
  // be repeated and give the same output. Fails only if the calendar does.
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
