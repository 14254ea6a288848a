#pragma once

// A citizen's response to a questionnaire: the request the portal sends, and the
// answers checked against the version answered. Pure. Errors are
// InvalidArgument "FIELD: what is wrong" (ErrorField gives FIELD), e.g.
// "answers.overall: must be an integer from 1 to 5".
//
//   {"token": "…" | "case_id": "…", "version": 2,
//    "answers": {"overall": 2, "channel": "online", "problems": ["fee"], "comment": "…"}}

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "survey/questionnaire.h"

namespace oversight::survey {

// The largest response body accepted (the portal sends far less).
inline constexpr std::size_t kMaxResponseBytes = 64 * 1024;

struct ResponseRequest {
  std::string token;                    // an invitation token, or
  std::string case_id;                  // the case (办件编号) the respondent was served under
  std::optional<std::int64_t> version;  // the version the portal showed; absent: the current one
  std::string answers_json;             // the "answers" object, re-serialised
};

// Exactly one of token and case_id; answers an object.
base::Result<ResponseRequest> ParseResponseRequest(std::string_view body);

struct Answer {
  QuestionKind kind = QuestionKind::kSingle;
  std::vector<std::string> choices;  // single (one) and multiple, in the order of the options
  int scale = 0;                     // 1–5
  std::string text;
};
using Answers = std::map<std::string, Answer>;  // by question id; unanswered questions absent

// Every key a question of `q`, every value of its question's kind, option ids
// known, no option twice, at most max_choices, scale 1–5, text within max_chars
// characters of UTF-8, every required question answered. null, "" (text only)
// and [] mean unanswered.
base::Result<Answers> ValidateAnswers(const Questionnaire& q, std::string_view answers_json);

// The canonical JSON the store keeps: question ids in order, choices in option order.
std::string AnswersJson(const Answers& answers);

}  // namespace oversight::survey
