#pragma once

// The words of complaints and ratings: satisfaction levels (GB/T 39046 A.8),
// channels, the states a complaint or a rectification case is in, and which step
// may follow which. Pure.
//
//   std::optional<ComplaintState> state = ComplaintStateOf(kase.stage);
//   OVS_RETURN_IF_ERROR(CheckComplaintStep(state, ComplaintStep::kResolve));

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "base/status.h"
#include "model/event.h"

namespace oversight::complaints {

// GB/T 39046 A.8: 1 非常满意 … 5 非常不满意. Lower is better; never inverted.
std::string_view LevelName(int level);  // "" outside 1..5
bool IsBadLevel(int level);             // 4 不满意, 5 非常不满意 (差评)

// How a complaint came in (投诉来源).
std::span<const std::string_view> ComplaintChannels();  // hotline, window, online, mobile, letter, email
// Where a rating was given (GB/T 39046 评价渠道); "default" is the default-rating job's.
std::span<const std::string_view> RatingChannels();  // pc, mobile, qr_code, hall_tablet, hall_terminal, phone, sms
inline constexpr std::string_view kDefaultRatingChannel = "default";
// The case channel an event carries for a complaint or rating channel ("" when none fits).
model::Channel CaseChannelOf(std::string_view channel);

enum class ComplaintState : std::uint8_t { kReceived, kFedBack, kResolved, kReopened };
enum class ComplaintStep : std::uint8_t { kFeedback, kResolve, kReopen };

std::string_view ComplaintStateName(ComplaintState state);  // received, fed_back, resolved, reopened
std::optional<ComplaintState> ParseComplaintState(std::string_view name);
// The state a complaint case's latest event puts it in; nullopt for a step with no
// canonical meaning (a source's own step).
std::optional<ComplaintState> ComplaintStateOf(model::EventType stage);
model::EventType StageOf(ComplaintState state);
std::string_view ComplaintStepName(ComplaintStep step);  // feedback, resolve, reopen
model::EventType EventTypeOf(ComplaintStep step);
// OK when `step` may follow `state`; FailedPrecondition saying why not otherwise.
// First feedback, then resolution; a resolved complaint may be reopened, and a
// reopened one is fed back or resolved again.
base::Status CheckComplaintStep(std::optional<ComplaintState> state, ComplaintStep step);

// A bad rating's rectification case: received → verified (核实) → rectified (整改)
// → revisited (回访); or closed without rectifying by an upheld appeal.
enum class RatingStep : std::uint8_t { kVerify, kRectify, kRevisit };
std::optional<RatingStep> ParseRatingStep(std::string_view name);  // verify, rectify, revisit
std::string_view RatingStepName(RatingStep step);
model::EventType EventTypeOf(RatingStep step);
// The state name of a rectification case from its latest event type: received,
// verified, rectified, revisited; "" for anything else (a source's own step).
std::string_view RatingCaseStateName(model::EventType stage);
// OK when `step` may follow the case's latest event type.
base::Status CheckRatingStep(model::EventType stage, RatingStep step);

// The step name of the event that ends a rectification case whose rating was
// excluded on appeal (申诉成立); rules/common/rating-rectification.yaml stops on it.
inline constexpr std::string_view kAppealUpheldStep = "差评申诉成立";

}  // namespace oversight::complaints
