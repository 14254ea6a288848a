#pragma once

// What an inspector finds when checking a sampled case offline: it conforms, or
// it has a problem of one of a fixed list of categories, described in text. A
// confirmed problem becomes an alert of rule `spotcheck.finding` on the case and
// its department, so that it enters the alert workflow and the scores; its level
// follows the category (docs/SURVEYS.md):
//
//   red     fee (乱收费), time_limit (超时限), procedure (程序违规)
//   yellow  materials (材料), attitude (服务态度), other
//
// A problem recorded as unconfirmed (待核实) raises nothing until a later
// finding on the same case confirms it. Pure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::spotcheck {

inline constexpr std::string_view kFindingRule = "spotcheck.finding";
inline constexpr std::size_t kMaxFindingTextBytes = 4000;

enum class Outcome : std::uint8_t { kConforms, kProblem };
enum class Category : std::uint8_t { kMaterials, kTimeLimit, kFee, kAttitude, kProcedure, kOther };

std::string_view OutcomeName(Outcome outcome);  // "conforms" | "problem"
std::optional<Outcome> ParseOutcome(std::string_view name);
std::string_view CategoryName(Category category);  // "materials" | "time_limit" | "fee" | ...
std::optional<Category> ParseCategory(std::string_view name);
// "materials, time_limit, fee, attitude, procedure, other", for error messages.
std::string CategoryList();

// "red" or "yellow" (see above).
std::string_view AlertLevelFor(Category category);

struct FindingInput {
  std::string case_id;
  Outcome outcome = Outcome::kConforms;
  std::optional<Category> category;  // problems only
  std::string text;                  // required for a problem
  bool confirmed = true;             // problems only: false records a suspicion
};

// A problem needs its category and text; a conformity takes neither a category
// nor "unconfirmed". InvalidArgument "FIELD: ..." (case_id, category, text, confirmed).
base::Status CheckFinding(const FindingInput& finding);

// Whether the finding raises an alert: a confirmed problem.
inline bool RaisesAlert(const FindingInput& f) {
  return f.outcome == Outcome::kProblem && f.confirmed && f.category.has_value();
}

// The alert's reason: "线下抽查 #<check>: <category>: <text>" (the text cut to
// a few hundred bytes at a character boundary).
std::string AlertReason(std::int64_t check_id, Category category, std::string_view text);

}  // namespace oversight::spotcheck
