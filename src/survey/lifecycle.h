#pragma once

// A questionnaire's life: draft → published → closed. The stored state changes
// only by hand (publish, close); whether a published questionnaire takes answers
// also depends on its window, judged at an injected `now`:
//
//   draft      being designed; not on the portal
//   scheduled  published, before opens_at
//   open       published, opens_at <= now < closes_at: the portal offers it
//   closed     closed by hand, or published and now >= closes_at

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "survey/questionnaire.h"

namespace oversight::survey {

enum class SurveyState : std::uint8_t { kDraft, kPublished, kClosed };          // stored
enum class SurveyStatus : std::uint8_t { kDraft, kScheduled, kOpen, kClosed };  // shown

std::string_view SurveyStateName(SurveyState state);  // "draft" | "published" | "closed"
std::optional<SurveyState> ParseSurveyState(std::string_view name);
std::string_view SurveyStatusName(SurveyStatus status);  // + "scheduled" | "open"

SurveyStatus StatusAt(SurveyState state, const Questionnaire& current, base::Instant now);

// Publishing needs a draft whose window has not ended; closing needs a published
// questionnaire (closing one past its date records it); editing (a new version)
// needs one not closed by hand — a version with a later closes_at extends one
// whose date has passed. FailedPrecondition saying why.
base::Status CheckPublish(SurveyState state, const Questionnaire& current, base::Instant now);
base::Status CheckClose(SurveyState state);
base::Status CheckEdit(SurveyState state, const Questionnaire& current);

}  // namespace oversight::survey
