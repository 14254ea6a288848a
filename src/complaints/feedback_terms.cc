#include "complaints/feedback_terms.h"

#include <array>
#include <string>

namespace oversight::complaints {
namespace {

using model::EventType;

constexpr std::array<std::string_view, 5> kLevelNames = {"非常满意", "满意", "基本满意", "不满意",
                                                         "非常不满意"};
constexpr std::array<std::string_view, 6> kComplaintChannels = {"hotline", "window", "online",
                                                                "mobile",  "letter", "email"};
constexpr std::array<std::string_view, 7> kRatingChannels = {
    "pc", "mobile", "qr_code", "hall_tablet", "hall_terminal", "phone", "sms"};
constexpr std::array<std::string_view, 4> kStateNames = {"received", "fed_back", "resolved",
                                                         "reopened"};

}  // namespace

std::string_view LevelName(int level) {
  if (level < 1 || level > 5) return "";
  return kLevelNames[static_cast<std::size_t>(level - 1)];
}

bool IsBadLevel(int level) { return level == 4 || level == 5; }

std::span<const std::string_view> ComplaintChannels() { return kComplaintChannels; }
std::span<const std::string_view> RatingChannels() { return kRatingChannels; }

model::Channel CaseChannelOf(std::string_view channel) {
  if (channel == "online" || channel == "pc") return model::Channel::kOnline;
  if (channel == "mobile" || channel == "qr_code" || channel == "sms") return model::Channel::kMobile;
  if (channel == "window" || channel == "hall_tablet" || channel == "hall_terminal") {
    return model::Channel::kWindow;
  }
  return model::Channel::kUnknown;  // hotline, phone, letter, e-mail
}

std::string_view ComplaintStateName(ComplaintState state) {
  return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<ComplaintState> ParseComplaintState(std::string_view name) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == name) return static_cast<ComplaintState>(i);
  }
  return std::nullopt;
}

std::optional<ComplaintState> ComplaintStateOf(EventType stage) {
  switch (stage) {
    case EventType::kComplaintReceived: return ComplaintState::kReceived;
    case EventType::kComplaintFeedback: return ComplaintState::kFedBack;
    case EventType::kComplaintResolved: return ComplaintState::kResolved;
    case EventType::kComplaintReopened: return ComplaintState::kReopened;
    default: return std::nullopt;
  }
}

EventType StageOf(ComplaintState state) {
  switch (state) {
    case ComplaintState::kReceived: return EventType::kComplaintReceived;
    case ComplaintState::kFedBack: return EventType::kComplaintFeedback;
    case ComplaintState::kResolved: return EventType::kComplaintResolved;
    case ComplaintState::kReopened: return EventType::kComplaintReopened;
  }
  return EventType::kComplaintReceived;
}

std::string_view ComplaintStepName(ComplaintStep step) {
  switch (step) {
    case ComplaintStep::kFeedback: return "feedback";
    case ComplaintStep::kResolve: return "resolve";
    case ComplaintStep::kReopen: return "reopen";
  }
  return "";
}

EventType EventTypeOf(ComplaintStep step) {
  switch (step) {
    case ComplaintStep::kFeedback: return EventType::kComplaintFeedback;
    case ComplaintStep::kResolve: return EventType::kComplaintResolved;
    case ComplaintStep::kReopen: return EventType::kComplaintReopened;
  }
  return EventType::kComplaintFeedback;
}

base::Status CheckComplaintStep(std::optional<ComplaintState> state, ComplaintStep step) {
  if (!state) {
    return base::FailedPrecondition(
        "the complaint's latest step is not one of received, fed_back, resolved or reopened");
  }
  bool legal = false;
  switch (step) {
    case ComplaintStep::kFeedback: legal = *state != ComplaintState::kResolved; break;
    case ComplaintStep::kResolve:
      legal = *state == ComplaintState::kFedBack || *state == ComplaintState::kReopened;
      break;
    case ComplaintStep::kReopen: legal = *state == ComplaintState::kResolved; break;
  }
  if (legal) return base::Status::Ok();
  std::string why = "a complaint that is " + std::string(ComplaintStateName(*state)) +
                    " cannot take the step '" + std::string(ComplaintStepName(step)) + "'";
  if (step == ComplaintStep::kResolve && *state == ComplaintState::kReceived) {
    why += ": give the first feedback first";
  } else if (step == ComplaintStep::kFeedback) {
    why += ": reopen it first";
  } else if (step == ComplaintStep::kReopen) {
    why += ": only a resolved complaint is reopened";
  }
  return base::FailedPrecondition(why);
}

std::optional<RatingStep> ParseRatingStep(std::string_view name) {
  if (name == "verify") return RatingStep::kVerify;
  if (name == "rectify") return RatingStep::kRectify;
  if (name == "revisit") return RatingStep::kRevisit;
  return std::nullopt;
}

std::string_view RatingStepName(RatingStep step) {
  switch (step) {
    case RatingStep::kVerify: return "verify";
    case RatingStep::kRectify: return "rectify";
    case RatingStep::kRevisit: return "revisit";
  }
  return "";
}

EventType EventTypeOf(RatingStep step) {
  switch (step) {
    case RatingStep::kVerify: return EventType::kRatingVerified;
    case RatingStep::kRectify: return EventType::kRatingRectified;
    case RatingStep::kRevisit: return EventType::kRatingRevisited;
  }
  return EventType::kRatingVerified;
}

std::string_view RatingCaseStateName(EventType stage) {
  switch (stage) {
    case EventType::kRatingReceived: return "received";
    case EventType::kRatingVerified: return "verified";
    case EventType::kRatingRectified: return "rectified";
    case EventType::kRatingRevisited: return "revisited";
    default: return "";
  }
}

base::Status CheckRatingStep(EventType stage, RatingStep step) {
  // 核实 → 整改 → 回访, in this order (a named person verifies by calling back
  // first; the revisit asks the rater about the rectification).
  const EventType before = step == RatingStep::kVerify    ? EventType::kRatingReceived
                           : step == RatingStep::kRectify ? EventType::kRatingVerified
                                                          : EventType::kRatingRectified;
  if (stage == before) return base::Status::Ok();
  const std::string_view state = RatingCaseStateName(stage);
  return base::FailedPrecondition(
      "a rectification case that is " + std::string(state.empty() ? "closed" : state) +
      " cannot take the step '" + std::string(RatingStepName(step)) + "' (the order is verify, "
      "rectify, revisit)");
}

}  // namespace oversight::complaints
