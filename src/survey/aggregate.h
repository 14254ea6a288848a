#pragma once

// A questionnaire's results: per version (questions may change between
// versions, and every response keeps the version it answered), per question —
// option counts, the 1–5 scale's distribution and mean, the number of free-text
// answers — overall and per department; and the valid response rate
// (有效调查率) beside the raw counts (docs/SURVEYS.md). Pure and deterministic:
// the same inputs give the same bytes.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "survey/answers.h"
#include "survey/questionnaire.h"

namespace oversight::survey {

// The name a valid submission is counted under; refusals use their error code
// ("invalid", "duplicate", "unknown_token", ...).
inline constexpr std::string_view kValidOutcome = "valid";

struct VersionDefinition {
  std::int64_t version = 1;
  Questionnaire questionnaire;
};

struct StoredAnswers {
  std::int64_t version = 1;
  std::string dept_code;
  bool via_invitation = false;
  std::string answers_json;  // AnswersJson of the answers as validated
};

struct OutcomeCount {
  std::string dept_code;  // "" when the submission named no known case
  std::string outcome;    // kValidOutcome or a refusal code
  std::int64_t count = 0;
};

struct DeptCount {
  std::string dept_code;
  std::int64_t count = 0;
};

struct QuestionResult {
  std::string id;
  QuestionKind kind = QuestionKind::kSingle;
  std::int64_t answered = 0;
  std::vector<std::pair<std::string, std::int64_t>> options;  // choice questions, in option order
  std::array<std::int64_t, 5> distribution{};                 // scale: counts of 1..5
  std::int64_t scale_sum = 0;
};

struct VersionResult {
  std::int64_t version = 1;
  std::int64_t responses = 0;
  std::vector<QuestionResult> questions;
};

struct Tallies {
  std::int64_t submissions = 0;
  std::int64_t valid = 0;
  std::map<std::string, std::int64_t> refused;  // by outcome
  std::int64_t invitations = 0;
  std::int64_t invitation_responses = 0;
  std::vector<VersionResult> versions;  // ascending; versions without responses too
};

struct Results {
  std::string survey_id;
  std::int64_t current_version = 1;
  Tallies total;
  std::map<std::string, Tallies> departments;  // by code
};

// Fails (DataLoss) when a stored response names an unknown version or no longer
// validates against it: stored data must be what was accepted.
base::Result<Results> Aggregate(const std::string& survey_id,
                                const std::vector<VersionDefinition>& versions,
                                const std::vector<StoredAnswers>& responses,
                                const std::vector<OutcomeCount>& submissions,
                                const std::vector<DeptCount>& invitations);

// Stable JSON (docs/SURVEYS.md has the shape). Rates are valid / submissions
// and invitation responses / invitations, 4 decimals, null when the divisor is 0;
// scale means 2 decimals, null without answers.
std::string ResultsJson(const Results& results);

}  // namespace oversight::survey
