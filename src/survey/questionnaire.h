#pragma once

// A questionnaire (调查问卷) as the bureau designs it: bilingual wording, the
// window in which it is open, its questions and which items' completed cases
// are invited to answer it (docs/SURVEYS.md). Pure: parsing and validation only;
// the store keeps the canonical JSON that QuestionnaireJson writes.
//
//   OVS_ASSIGN_OR_RETURN(Questionnaire q, ParseQuestionnaireYaml(text));
//   std::string stored = QuestionnaireJson(q);   // canonical, byte-stable

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace oversight::survey {

// Wording in both languages of the portal.
struct LocalText {
  std::string zh;
  std::string en;
  friend bool operator==(const LocalText&, const LocalText&) = default;
};

enum class QuestionKind : std::uint8_t {
  kSingle,    // exactly one option
  kMultiple,  // one or more options, at most max_choices
  kScale,     // 1–5, 1 = best (as GB/T 39046's ratings), 5 = worst
  kText,      // free text, at most max_chars characters
};

std::string_view QuestionKindName(QuestionKind kind);  // "single" | "multiple" | "scale" | "text"
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);

struct Option {
  std::string id;
  LocalText label;
};

// Limits that keep a questionnaire something a citizen can answer on a phone.
inline constexpr std::size_t kMaxQuestions = 50;
inline constexpr std::size_t kMaxOptions = 20;
inline constexpr std::size_t kMaxAttachItems = 500;
inline constexpr std::int64_t kDefaultMaxChars = 500;
inline constexpr std::int64_t kMaxTextChars = 2000;  // the most a text question may allow
inline constexpr std::size_t kMaxWordingBytes = 1000;
inline constexpr int kScaleMin = 1;
inline constexpr int kScaleMax = 5;

struct Question {
  std::string id;
  QuestionKind kind = QuestionKind::kSingle;
  LocalText text;
  bool required = true;
  std::vector<Option> options;   // single and multiple only
  std::int64_t max_choices = 0;  // multiple: 0 means any number of the options
  std::int64_t max_chars = 0;    // text: characters (code points); 0 before defaults apply
  // scale: what 1 and 5 mean; defaults 非常满意 / 非常不满意.
  LocalText best;
  LocalText worst;
};

struct Questionnaire {
  std::string id;  // [a-z0-9][a-z0-9._-]*, at most 64 characters
  LocalText title;
  LocalText description;  // optional
  base::Instant opens_at{};
  base::Instant closes_at{};  // exclusive: answers must arrive before it
  std::vector<std::string>
      attach_items;  // items whose completed cases are invited; empty: every item
  std::vector<Question> questions;

  const Question* FindQuestion(std::string_view question_id) const;
  bool AttachedTo(std::string_view item_code) const;
};

// Every InvalidArgument of this module reads "FIELD: what is wrong"; this is the
// FIELD part ("" when there is none), for API errors that name the field.
std::string ErrorField(const base::Status& status);

// Whether `id` may name a questionnaire (also used for path parameters).
bool ValidSurveyId(std::string_view id);

// The definition as JSON or YAML (the same fields; docs/SURVEYS.md). Unknown
// keys are errors; every error is InvalidArgument naming the field path, e.g.
// "questions[2].options[0].id: duplicate option id 'a'". Defaults are filled in
// (required: true, max_chars: 500, scale wording).
base::Result<Questionnaire> ParseQuestionnaireJson(std::string_view text);
base::Result<Questionnaire> ParseQuestionnaireYaml(std::string_view text);

// The canonical JSON of a definition (fixed key order, defaults written out):
// what the store keeps per version, and what reads return.
std::string QuestionnaireJson(const Questionnaire& q);

// The wording the public portal shows: no attachment rule, nothing internal.
std::string PublicQuestionnaireJson(const Questionnaire& q, std::int64_t version);

}  // namespace oversight::survey
