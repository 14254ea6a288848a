#include "survey/questionnaire.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <set>

#include "survey/internal/json_fields.h"

namespace oversight::survey {
namespace {

using internal::Fields;
using nlohmann::json;

constexpr std::string_view kKindNames[] = {"single", "multiple", "scale", "text"};

bool ValidKey(std::string_view id, std::size_t max) {
  if (id.empty() || id.size() > max) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; });
}

// {zh, en}, both required unless `optional` (then both may be absent, not one).
LocalText ReadText(Fields& parent, std::string_view key, bool optional) {
  const json* node = parent.Find(key);
  if (!node) {
    if (!optional) parent.Fail(parent.Path(key), "is required ({zh, en})");
    return {};
  }
  Fields f(*node, parent.Path(key), parent.error());
  LocalText text;
  if (!f.Check({"zh", "en"})) return text;
  text.zh = f.String("zh", true, kMaxWordingBytes);
  text.en = f.String("en", true, kMaxWordingBytes);
  return text;
}

base::Instant ReadInstant(Fields& f, std::string_view key) {
  const std::string text = f.String(key, true, 64);
  if (f.failed()) return {};
  base::Result<base::Instant> at = base::ParseInstant(text);
  if (!at.ok()) {
    f.Fail(f.Path(key), "must be an RFC 3339 instant with offset, e.g. 2025-05-01T00:00:00+08:00");
    return {};
  }
  return *at;
}

std::vector<Option> ReadOptions(Fields& q, const std::string& path,
                                std::optional<base::Status>& error) {
  std::vector<Option> options;
  const json* list = q.Find("options");
  if (!list || !list->is_array()) {
    q.Fail(q.Path("options"),
           "is required: a list of 2 to " + std::to_string(kMaxOptions) + " options");
    return options;
  }
  if (list->size() < 2 || list->size() > kMaxOptions) {
    q.Fail(q.Path("options"), "must hold 2 to " + std::to_string(kMaxOptions) + " options");
    return options;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size() && !error; ++i) {
    Fields o((*list)[i], path + ".options[" + std::to_string(i) + "]", error);
    if (!o.Check({"id", "zh", "en"})) break;
    Option option;
    option.id = o.String("id", true, 32);
    option.label.zh = o.String("zh", true, kMaxWordingBytes);
    option.label.en = o.String("en", true, kMaxWordingBytes);
    if (o.failed()) break;
    if (!ValidKey(option.id, 32)) {
      o.Fail(o.Path("id"),
             "must be 1-32 of a-z, 0-9, '.', '-', '_', starting with a letter or digit");
      break;
    }
    if (!ids.insert(option.id).second) {
      o.Fail(o.Path("id"), "duplicate option id '" + option.id + "'");
      break;
    }
    options.push_back(std::move(option));
  }
  return options;
}

Question ReadQuestion(const json& node, const std::string& path,
                      std::optional<base::Status>& error) {
  Question q;
  Fields f(node, path, error);
  if (!f.Check({"id", "kind", "text", "required", "options", "max_choices", "max_chars", "best",
                "worst"})) {
    return q;
  }
  q.id = f.String("id", true, 32);
  const std::string kind = f.String("kind", true, 16);
  if (f.failed()) return q;
  if (!ValidKey(q.id, 32)) {
    f.Fail(f.Path("id"),
           "must be 1-32 of a-z, 0-9, '.', '-', '_', starting with a letter or digit");
    return q;
  }
  std::optional<QuestionKind> parsed = ParseQuestionKind(kind);
  if (!parsed) {
    f.Fail(f.Path("kind"), "must be one of single, multiple, scale, text");
    return q;
  }
  q.kind = *parsed;
  q.text = ReadText(f, "text", false);
  q.required = f.Bool("required", true);
  auto forbid = [&](std::string_view key, std::string_view why) {
    if (f.Find(key))
      f.Fail(f.Path(key), std::string("is not allowed for a ") + std::string(kind) + " question" +
                              std::string(why));
  };
  switch (q.kind) {
    case QuestionKind::kSingle:
    case QuestionKind::kMultiple:
      q.options = ReadOptions(f, path, error);
      forbid("max_chars", "");
      forbid("best", "");
      forbid("worst", "");
      if (q.kind == QuestionKind::kSingle) {
        forbid("max_choices", " (exactly one option is chosen)");
      } else if (std::optional<std::int64_t> m = f.Int("max_choices", 1, kMaxOptions)) {
        if (*m > static_cast<std::int64_t>(q.options.size()) && !f.failed()) {
          f.Fail(f.Path("max_choices"), "is more than the number of options");
        }
        q.max_choices = *m;
      }
      break;
    case QuestionKind::kScale:
      forbid("options", " (answers are 1 to 5)");
      forbid("max_choices", "");
      forbid("max_chars", "");
      q.best = ReadText(f, "best", true);
      q.worst = ReadText(f, "worst", true);
      if (q.best.zh.empty()) q.best = {"非常满意", "Very satisfied"};
      if (q.worst.zh.empty()) q.worst = {"非常不满意", "Very dissatisfied"};
      break;
    case QuestionKind::kText:
      forbid("options", "");
      forbid("max_choices", "");
      forbid("best", "");
      forbid("worst", "");
      q.max_chars = f.Int("max_chars", 1, kMaxTextChars).value_or(kDefaultMaxChars);
      break;
  }
  return q;
}

base::Result<Questionnaire> FromJson(const json& root) {
  std::optional<base::Status> error;
  Questionnaire q;
  Fields f(root, "", error);
  if (!f.Check(
          {"id", "title", "description", "opens_at", "closes_at", "attach_items", "questions"})) {
    return *error;
  }
  q.id = f.String("id", true, 64);
  if (!f.failed() && !ValidSurveyId(q.id)) {
    f.Fail("id", "must be 1-64 of a-z, 0-9, '.', '-', '_', starting with a letter or digit");
  }
  q.title = ReadText(f, "title", false);
  q.description = ReadText(f, "description", true);
  q.opens_at = ReadInstant(f, "opens_at");
  q.closes_at = ReadInstant(f, "closes_at");
  if (!f.failed() && q.closes_at <= q.opens_at) f.Fail("closes_at", "must be after opens_at");
  if (const json* items = f.Find("attach_items"); items && !f.failed()) {
    if (!items->is_array() || items->size() > kMaxAttachItems) {
      f.Fail("attach_items",
             "must be a list of at most " + std::to_string(kMaxAttachItems) + " item codes");
    } else {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < items->size(); ++i) {
        const json& code = (*items)[i];
        const std::string at = "attach_items[" + std::to_string(i) + "]";
        if (!code.is_string() || code.get_ref<const std::string&>().empty() ||
            code.get_ref<const std::string&>().size() > 64) {
          f.Fail(at, "must be an item code (a non-empty string of at most 64 bytes)");
          break;
        }
        if (!seen.insert(code.get<std::string>()).second) {
          f.Fail(at, "duplicate item code '" + code.get<std::string>() + "'");
          break;
        }
        q.attach_items.push_back(code.get<std::string>());
      }
      std::sort(q.attach_items.begin(), q.attach_items.end());
    }
  }
  const json* questions = f.Find("questions");
  if (!f.failed() && (!questions || !questions->is_array() || questions->empty() ||
                      questions->size() > kMaxQuestions)) {
    f.Fail("questions", "must be a list of 1 to " + std::to_string(kMaxQuestions) + " questions");
  }
  if (!f.failed()) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < questions->size() && !error; ++i) {
      const std::string path = "questions[" + std::to_string(i) + "]";
      Question question = ReadQuestion((*questions)[i], path, error);
      if (!error && !ids.insert(question.id).second) {
        error = base::InvalidArgument(path + ".id: duplicate question id '" + question.id + "'");
      }
      q.questions.push_back(std::move(question));
    }
  }
  if (error) return *error;
  return q;
}

// YAML scalars become JSON strings unless written plainly as true/false or an
// integer; quoted scalars ("0042") stay strings.
json YamlToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      json out = json::object();
      for (auto it = node.begin(); it != node.end(); ++it)
        out[it->first.Scalar()] = YamlToJson(it->second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const YAML::Node& item : node) out.push_back(YamlToJson(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted
      if (s == "true") return true;
      if (s == "false") return false;
      std::int64_t n = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec == std::errc() && p == s.data() + s.size()) return n;
      return s;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return nullptr;
}

json TextJson(const LocalText& t) { return json{{"zh", t.zh}, {"en", t.en}}; }

json QuestionJson(const Question& q) {
  json out = json::object();
  out["id"] = q.id;
  out["kind"] = std::string(QuestionKindName(q.kind));
  out["text"] = TextJson(q.text);
  out["required"] = q.required;
  if (q.kind == QuestionKind::kSingle || q.kind == QuestionKind::kMultiple) {
    json options = json::array();
    for (const Option& o : q.options)
      options.push_back(json{{"id", o.id}, {"zh", o.label.zh}, {"en", o.label.en}});
    out["options"] = std::move(options);
  }
  if (q.kind == QuestionKind::kMultiple && q.max_choices > 0) out["max_choices"] = q.max_choices;
  if (q.kind == QuestionKind::kText) out["max_chars"] = q.max_chars;
  if (q.kind == QuestionKind::kScale) {
    out["best"] = TextJson(q.best);
    out["worst"] = TextJson(q.worst);
  }
  return out;
}

json Body(const Questionnaire& q, bool with_attachment) {
  // nlohmann's default object sorts keys: the bytes do not depend on input order.
  json out = json::object();
  out["id"] = q.id;
  out["title"] = TextJson(q.title);
  if (!q.description.zh.empty()) out["description"] = TextJson(q.description);
  out["opens_at"] = base::FormatInstantUtc(q.opens_at);
  out["closes_at"] = base::FormatInstantUtc(q.closes_at);
  if (with_attachment) out["attach_items"] = q.attach_items;
  json questions = json::array();
  for (const Question& question : q.questions) questions.push_back(QuestionJson(question));
  out["questions"] = std::move(questions);
  return out;
}

}  // namespace

std::string_view QuestionKindName(QuestionKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<QuestionKind> ParseQuestionKind(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kKindNames); ++i) {
    if (kKindNames[i] == name) return static_cast<QuestionKind>(i);
  }
  return std::nullopt;
}

const Question* Questionnaire::FindQuestion(std::string_view question_id) const {
  for (const Question& q : questions) {
    if (q.id == question_id) return &q;
  }
  return nullptr;
}

bool Questionnaire::AttachedTo(std::string_view item_code) const {
  return attach_items.empty() ||
         std::binary_search(attach_items.begin(), attach_items.end(), item_code);
}

bool ValidSurveyId(std::string_view id) { return ValidKey(id, 64); }

std::string ErrorField(const base::Status& status) {
  const std::string& m = status.message();
  const std::size_t colon = m.find(": ");
  if (colon == std::string::npos || m.find(' ') < colon) return "";
  return m.substr(0, colon);
}

base::Result<Questionnaire> ParseQuestionnaireJson(std::string_view text) {
  OVS_ASSIGN_OR_RETURN(json root, internal::ParseJsonText(text, "body"));
  return FromJson(root);
}

base::Result<Questionnaire> ParseQuestionnaireYaml(std::string_view text) {
  json root;
  try {
    root = YamlToJson(YAML::Load(std::string(text)));
  } catch (const std::exception& e) {
    return base::InvalidArgument(std::string("body: not valid YAML: ") + e.what());
  }
  return FromJson(root);
}

std::string QuestionnaireJson(const Questionnaire& q) { return Body(q, true).dump(); }

std::string PublicQuestionnaireJson(const Questionnaire& q, std::int64_t version) {
  json out = Body(q, false);
  out["version"] = version;
  return out.dump();
}

}  // namespace oversight::survey
