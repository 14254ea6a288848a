#pragma once

// The ground truth of a demo run: one record per injected violation. A case carries
// at most one, and no other case meets any of these conditions, so a checker's
// findings can be compared with the truth case by case.

#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace oversight::demo {

// accept or reject at or after Due(submit, 5 working days) (行政许可法 art. 32)
inline constexpr std::string_view kAcceptanceOverdue = "acceptance_overdue";
// complete at or after Due(accept, the item's promised limit, suspensions)
inline constexpr std::string_view kCompletionOverdue = "completion_overdue";
// request_supplement twice in one case (一次性告知, art. 32)
inline constexpr std::string_view kSecondSupplement = "second_supplement";
// a decide with no accept before it
inline constexpr std::string_view kDecideWithoutAccept = "decide_without_accept";
// submit → complete in under 10 minutes
inline constexpr std::string_view kTooFast = "too_fast";
// attrs.fee differs from the item's fee standard
inline constexpr std::string_view kFeeMismatch = "fee_mismatch";
// complaint_feedback 24 h or more after complaint_received
inline constexpr std::string_view kComplaintFeedbackLate = "complaint_feedback_late";

struct TruthRecord {
  std::string case_id;
  std::string violation;                      // one of the names above
  std::optional<base::Instant> expected_due;  // the deadline missed (deadline kinds only)
  std::string detail;                         // for people: what happened, in local time
};

}  // namespace oversight::demo
