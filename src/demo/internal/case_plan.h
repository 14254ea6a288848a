#pragma once

// One planned case: its fixed facts and its events in time order, before they are
// turned into model::Events. Planners fill these; the generator orders and emits them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "demo/truth.h"
#include "model/event.h"

namespace oversight::demo {

inline constexpr int kApplicantActor = -1;

struct PlannedEvent {
  base::Instant at{};
  model::EventType type = model::EventType::kSubmit;
  int actor = kApplicantActor;  // officer number ("u<n>"), or the applicant
  // Type-specific detail rendered into attrs: the fee for accept, the procedure for
  // suspend/resume, the score for rating_received, an index into a wording table
  // for the others (see attrs.cc).
  std::int64_t value = 0;
};

// The violation to inject into one case, drawn before it is planned.
enum class Violation : std::uint8_t {
  kNone = 0,
  kAcceptanceOverdue,
  kCompletionOverdue,
  kSecondSupplement,
  kDecideWithoutAccept,
  kTooFast,
  kFeeMismatch,
  kComplaintFeedbackLate,
};

struct CasePlan {
  model::CaseKind kind = model::CaseKind::kApproval;
  std::size_t item = 0;  // index into City::items
  model::Channel channel = model::Channel::kUnknown;
  std::string case_id;
  std::string_view applicant_type;
  std::string applicant_masked;
  std::string rated_case_id;         // ratings: the approval case rated
  std::vector<PlannedEvent> events;  // strictly increasing `at`
  std::optional<TruthRecord> truth;  // set when a violation was injected
  // With `truth`: when the violation becomes a fact — the event that breaks the rule,
  // or for the deadline kinds the due that passes (TruthRecord::expected_due). A
  // history cut at DemoOptions::until keeps the truth by it (demo_generator.h).
  base::Instant breach_at{};
};

}  // namespace oversight::demo
