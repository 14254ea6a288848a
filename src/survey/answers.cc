#include "survey/answers.h"

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "survey/internal/json_fields.h"

namespace oversight::survey {
namespace {

using internal::Fields;
using nlohmann::json;

bool HasOption(const Question& q, const std::string& id) {
  return std::any_of(q.options.begin(), q.options.end(),
                     [&](const Option& o) { return o.id == id; });
}

// Orders choices as the question lists its options, so stored bytes do not
// depend on the order a browser sent them in.
void SortByOptionOrder(const Question& q, std::vector<std::string>& choices) {
  auto rank = [&](const std::string& id) {
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      if (q.options[i].id == id) return i;
    }
    return q.options.size();
  };
  std::stable_sort(choices.begin(), choices.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
}

// One answer; nullopt when unanswered. Sets `error` on a bad value.
std::optional<Answer> ReadAnswer(const Question& q, const json& value, const std::string& field,
                                 std::optional<base::Status>& error) {
  auto fail = [&](const std::string& message) {
    error = base::InvalidArgument(field + ": " + message);
    return std::nullopt;
  };
  Answer a;
  a.kind = q.kind;
  if (value.is_null()) return std::nullopt;
  switch (q.kind) {
    case QuestionKind::kSingle: {
      if (!value.is_string()) return fail("must be one option id (a string)");
      const std::string& id = value.get_ref<const std::string&>();
      if (!HasOption(q, id)) return fail("'" + id + "' is not an option of this question");
      a.choices.push_back(id);
      return a;
    }
    case QuestionKind::kMultiple: {
      if (!value.is_array()) return fail("must be a list of option ids");
      if (value.empty()) return std::nullopt;
      std::set<std::string> seen;
      for (const json& v : value) {
        if (!v.is_string()) return fail("must be a list of option ids (strings)");
        const std::string& id = v.get_ref<const std::string&>();
        if (!HasOption(q, id)) return fail("'" + id + "' is not an option of this question");
        if (!seen.insert(id).second) return fail("'" + id + "' is chosen twice");
        a.choices.push_back(id);
      }
      if (q.max_choices > 0 && static_cast<std::int64_t>(a.choices.size()) > q.max_choices) {
        return fail("at most " + std::to_string(q.max_choices) + " options may be chosen");
      }
      SortByOptionOrder(q, a.choices);
      return a;
    }
    case QuestionKind::kScale: {
      if (!value.is_number_integer()) return fail("must be an integer from 1 to 5");
      const std::int64_t n = value.get<std::int64_t>();
      // A huge unsigned value reads as negative here and fails too.
      if (n < kScaleMin || n > kScaleMax) return fail("must be an integer from 1 to 5");
      a.scale = static_cast<int>(n);
      return a;
    }
    case QuestionKind::kText: {
      if (!value.is_string()) return fail("must be text (a string)");
      const std::string& text = value.get_ref<const std::string&>();
      if (!base::IsValidUtf8(text)) return fail("is not valid UTF-8");
      if (base::Trim(text).empty()) return std::nullopt;
      if (internal::CodePoints(text) > static_cast<std::size_t>(q.max_chars)) {
        return fail("is longer than " + std::to_string(q.max_chars) + " characters");
      }
      a.text = text;
      return a;
    }
  }
  return std::nullopt;
}

}  // namespace

base::Result<ResponseRequest> ParseResponseRequest(std::string_view body) {
  if (body.size() > kMaxResponseBytes) {
    return base::InvalidArgument("body: larger than " + std::to_string(kMaxResponseBytes) +
                                 " bytes");
  }
  OVS_ASSIGN_OR_RETURN(json root, internal::ParseJsonText(body, "body"));
  std::optional<base::Status> error;
  Fields f(root, "", error);
  ResponseRequest r;
  if (f.Check({"token", "case_id", "version", "answers"})) {
    r.token = f.String("token", false, 128);
    r.case_id = f.String("case_id", false, 128);
    r.version = f.Int("version", 1, 1'000'000);
    if (!f.failed() && r.token.empty() == r.case_id.empty()) {
      f.Fail("token", "send either an invitation token or a case_id (one of them)");
    }
    const json* answers = f.Find("answers");
    if (!f.failed() && (!answers || !answers->is_object())) {
      f.Fail("answers", "is required: an object of answers by question id");
    }
    if (!f.failed()) r.answers_json = answers->dump();
  }
  if (error) return *error;
  return r;
}

base::Result<Answers> ValidateAnswers(const Questionnaire& q, std::string_view answers_json) {
  OVS_ASSIGN_OR_RETURN(json root, internal::ParseJsonText(answers_json, "answers"));
  if (!root.is_object())
    return base::InvalidArgument("answers: must be an object of answers by question id");
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!q.FindQuestion(it.key())) {
      return base::InvalidArgument("answers." + it.key() +
                                   ": no such question in version answered");
    }
  }
  Answers answers;
  std::optional<base::Status> error;
  for (const Question& question : q.questions) {
    const std::string field = "answers." + question.id;
    auto it = root.find(question.id);
    std::optional<Answer> a;
    if (it != root.end()) a = ReadAnswer(question, *it, field, error);
    if (error) return *error;
    if (!a) {
      if (question.required) return base::InvalidArgument(field + ": is required");
      continue;
    }
    answers.emplace(question.id, std::move(*a));
  }
  return answers;
}

std::string AnswersJson(const Answers& answers) {
  json out = json::object();
  for (const auto& [id, a] : answers) {
    switch (a.kind) {
      case QuestionKind::kSingle:
        out[id] = a.choices.empty() ? "" : a.choices.front();
        break;
      case QuestionKind::kMultiple:
        out[id] = a.choices;
        break;
      case QuestionKind::kScale:
        out[id] = a.scale;
        break;
      case QuestionKind::kText:
        out[id] = a.text;
        break;
    }
  }
  return out.dump();
}

}  // namespace oversight::survey
