#include "survey/lifecycle.h"

#include <string>

namespace oversight::survey {

std::string_view SurveyStateName(SurveyState state) {
  switch (state) {
    case SurveyState::kDraft:
      return "draft";
    case SurveyState::kPublished:
      return "published";
    case SurveyState::kClosed:
      return "closed";
  }
  return "draft";
}

std::optional<SurveyState> ParseSurveyState(std::string_view name) {
  for (SurveyState s : {SurveyState::kDraft, SurveyState::kPublished, SurveyState::kClosed}) {
    if (SurveyStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view SurveyStatusName(SurveyStatus status) {
  switch (status) {
    case SurveyStatus::kDraft:
      return "draft";
    case SurveyStatus::kScheduled:
      return "scheduled";
    case SurveyStatus::kOpen:
      return "open";
    case SurveyStatus::kClosed:
      return "closed";
  }
  return "draft";
}

SurveyStatus StatusAt(SurveyState state, const Questionnaire& current, base::Instant now) {
  switch (state) {
    case SurveyState::kDraft:
      return SurveyStatus::kDraft;
    case SurveyState::kClosed:
      return SurveyStatus::kClosed;
    case SurveyState::kPublished:
      break;
  }
  if (now >= current.closes_at) return SurveyStatus::kClosed;
  if (now < current.opens_at) return SurveyStatus::kScheduled;
  return SurveyStatus::kOpen;
}

base::Status CheckPublish(SurveyState state, const Questionnaire& current, base::Instant now) {
  if (state != SurveyState::kDraft) {
    return base::FailedPrecondition("questionnaire '" + current.id + "' is " +
                                    std::string(SurveyStateName(state)) +
                                    "; only a draft can be published");
  }
  if (now >= current.closes_at) {
    return base::FailedPrecondition("questionnaire '" + current.id + "' closes at " +
                                    base::FormatInstantUtc(current.closes_at) +
                                    ", which has passed; change closes_at first");
  }
  return base::Status::Ok();
}

base::Status CheckClose(SurveyState state) {
  if (state == SurveyState::kPublished) return base::Status::Ok();
  return base::FailedPrecondition(std::string("the questionnaire is ") +
                                  std::string(SurveyStateName(state)) +
                                  "; only a published questionnaire can be closed");
}

base::Status CheckEdit(SurveyState state, const Questionnaire& current) {
  if (state == SurveyState::kClosed) {
    return base::FailedPrecondition("questionnaire '" + current.id +
                                    "' was closed; design a new questionnaire instead");
  }
  return base::Status::Ok();
}

}  // namespace oversight::survey
