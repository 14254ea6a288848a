#pragma once

// What a demo run generates: the span, the volume, the seed and how often each kind
// of known violation is injected. The same options give the same output, byte for
// byte, on every platform.

#include <chrono>
#include <cstdint>
#include <optional>

#include "base/status.h"
#include "base/time.h"

namespace oversight::demo {

// Share of cases given each violation. The approval rates are shares of approval
// cases and together at most 1 (a case carries at most one violation);
// complaint_feedback_late is a share of complaints.
struct ViolationRates {
  double acceptance_overdue = 0.02;       // accept/reject not within 5 working days (art. 32)
  double completion_overdue = 0.02;       // complete not before the promised deadline
  double second_supplement = 0.015;       // a second supplement request (一次性告知)
  double decide_without_accept = 0.01;    // decided before any acceptance
  double too_fast = 0.01;                 // submit → complete in under 10 minutes
  double fee_mismatch = 0.015;            // fee charged ≠ the item's fee standard
  double complaint_feedback_late = 0.03;  // first feedback 24 h or more after receipt
};

struct DemoOptions {
  base::Date start = base::Date(std::chrono::year(2025) / std::chrono::January / 1);
  int months = 12;  // cases arrive in [start, start + months); 1–120
  std::uint64_t seed = 1;
  double scale = 1.0;  // volume multiplier; 1.0 ≈ 180 k cases and 1.1 M events a year
  ViolationRates rates;
  // Cut the history at this instant, for a demo that ends "now": only events before
  // it come out, so cases still open then are in flight and none arrives after it;
  // the truth keeps only violations a judge at `until` can see (demo_generator.h).
  // Must lie in (start, start + months], both at local midnight of the calendar's
  // zone; DemoGenerator::Create checks that (the zone is the calendar's). Unset: the
  // complete lifecycles, byte for byte as without the option.
  std::optional<base::Instant> until;
};

// kInvalidArgument naming the option at fault (all but `until`, which needs the
// calendar's zone: DemoGenerator::Create checks it).
base::Status ValidateDemoOptions(const DemoOptions& options);

// start + months, the same day of the month (clamped to the month's last day).
base::Date DemoEnd(const DemoOptions& options);

}  // namespace oversight::demo
