#include "rules/rule_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <utility>

#include "codes/uscc.h"

namespace oversight::rules {
namespace {

using model::EventType;

constexpr std::string_view kKinds[] = {"deadline", "max_count",    "sequence", "min_duration",
                                       "check",    "rate",         "reconcile"};

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front()) || !alnum(id.back())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; });
}

// One document's parser: collects errors into `errors_` and keeps going.
class DocParser {
 public:
  DocParser(std::string_view text, std::string_view file, const RuleSetSettings& settings,
            std::vector<RuleError>& errors)
      : text_(text), file_(file), settings_(settings), errors_(errors) {}

  std::optional<Counting> CountingOf(const YAML::Node& node) {
    return Name<Counting>(node, "counting", ParseCounting, "end_of_day, same_clock_time");
  }

  std::optional<Rule> Parse(const YAML::Node& doc);
  RuleSetSettings Settings(const YAML::Node& doc) {
    RuleSetSettings out = settings_;
    if (!doc.IsMap()) {
      Error(doc, "expected the rule set's settings: a mapping such as {counting: end_of_day}");
      return out;
    }
    CheckKeys(doc, {"counting"}, "ruleset");
    if (auto n = Find(doc, "counting")) {
      if (auto c = CountingOf(*n)) out.counting = *c;
    }
    return out;
  }

 private:
  Location Where(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.is_null()) return Location{std::string(file_), 0, 0};
    return Location{std::string(file_), m.line + 1, m.column + 1};
  }
  void Error(const YAML::Node& at, std::string message) {
    errors_.push_back(RuleError{Where(at), std::move(message)});
  }

  // The value under `key`, or nullopt (without an error).
  static std::optional<YAML::Node> Find(const YAML::Node& map, std::string_view key) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    }
    return std::nullopt;
  }
  // Rejects keys outside `allowed` and keys given twice.
  void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 std::string_view what);
  std::optional<YAML::Node> Required(const YAML::Node& map, std::string_view key,
                                     std::string_view what) {
    std::optional<YAML::Node> node = Find(map, key);
    if (!node) Error(map, std::string(what) + ": missing `" + std::string(key) + "`");
    return node;
  }

  std::optional<std::string> Scalar(const YAML::Node& node, std::string_view field) {
    if (!node.IsScalar()) {
      Error(node, std::string(field) + ": expected a single value");
      return std::nullopt;
    }
    return node.Scalar();
  }
  std::optional<std::string> NonEmpty(const YAML::Node& node, std::string_view field) {
    std::optional<std::string> s = Scalar(node, field);
    if (s && s->empty()) {
      Error(node, std::string(field) + ": expected a non-empty text");
      return std::nullopt;
    }
    return s;
  }
  std::optional<std::int64_t> Int(const YAML::Node& node, std::string_view field, std::int64_t min) {
    std::optional<std::string> s = Scalar(node, field);
    if (!s) return std::nullopt;
    std::optional<std::int64_t> v = ParseInt(*s);
    if (!v || *v < min) {
      Error(node, std::string(field) + ": expected a whole number ≥ " + std::to_string(min) +
                      ", found \"" + *s + "\"");
      return std::nullopt;
    }
    return v;
  }
  std::optional<bool> Bool(const YAML::Node& node, std::string_view field) {
    std::optional<std::string> s = Scalar(node, field);
    if (!s) return std::nullopt;
    if (*s == "true") return true;
    if (*s == "false") return false;
    Error(node, std::string(field) + ": expected true or false, found \"" + *s + "\"");
    return std::nullopt;
  }
  std::optional<base::Milliseconds> Duration(const YAML::Node& node, std::string_view field) {
    std::optional<std::string> s = Scalar(node, field);
    if (!s) return std::nullopt;
    std::optional<base::Milliseconds> d = ParseRuleDuration(*s);
    if (!d) {
      Error(node, std::string(field) + ": expected a duration such as 10m, 24h or 2d, found \"" + *s +
                      "\"");
    }
    return d;
  }
  template <typename T, typename ParseFn>
  std::optional<T> Name(const YAML::Node& node, std::string_view field, ParseFn parse,
                        std::string_view choices) {
    std::optional<std::string> s = Scalar(node, field);
    if (!s) return std::nullopt;
    std::optional<T> v = parse(*s);
    if (!v) {
      Error(node, std::string(field) + ": expected one of " + std::string(choices) + ", found \"" +
                      *s + "\"");
    }
    return v;
  }

  std::optional<expr::Expr> Expression(const YAML::Node& node, std::string_view field);
  Location ExprLocation(const YAML::Node& node, std::string_view expr_text, int line,
                        int column) const;
  std::optional<EventMatcher> Matcher(const YAML::Node& node, std::string_view field);
  void AddMatcherEntry(const YAML::Node& node, std::string_view field, EventMatcher& out);

  std::optional<DeadlineRule> Deadline(const YAML::Node& node);
  std::optional<DeadlineStage> Stage(const YAML::Node& node);
  std::optional<MaxCountRule> MaxCount(const YAML::Node& node);
  std::optional<SequenceRule> Sequence(const YAML::Node& node);
  std::optional<MinDurationRule> MinDuration(const YAML::Node& node);
  std::optional<CheckRule> Check(const YAML::Node& node);
  std::optional<RateRule> Rate(const YAML::Node& node);
  std::optional<ReconcileRule> Reconcile(const YAML::Node& node);

  std::string_view text_;
  std::string_view file_;
  const RuleSetSettings& settings_;
  std::vector<RuleError>& errors_;
  model::CaseKind case_kind_ = model::CaseKind::kApproval;
};

void DocParser::CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                          std::string_view what) {
  std::vector<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      Error(it->first, std::string(what) + ": expected a key name");
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Error(it->first, std::string(what) + ": unknown key `" + key + "` (expected one of: " + list + ")");
    } else if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      Error(it->first, std::string(what) + ": key `" + key + "` given twice");
    }
    seen.push_back(key);
  }
}

// Errors in file order, so a reader fixes them top to bottom.
void SortByPlace(std::vector<RuleError>& errors, std::size_t from) {
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(from), errors.end(),
                   [](const RuleError& a, const RuleError& b) {
                     return std::pair(a.where.line, a.where.column) <
                            std::pair(b.where.line, b.where.column);
                   });
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset of (line, column) in `text`, both 1-based, columns counted in
// characters as the expression compiler counts them.
std::size_t OffsetOf(std::string_view text, int line, int column) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i) {
    if (text[i] == '\n') ++l;
  }
  for (int c = 1; c < column && i < text.size(); ++c) {
    ++i;
    while (i < text.size() && IsUtf8Continuation(text[i])) ++i;
  }
  return i;
}

// Maps a position inside an expression's text to the file: exact for one-line
// plain or quoted scalars and for block scalars (| or >, whose lines are walked
// alongside the text); else the scalar's start.
Location DocParser::ExprLocation(const YAML::Node& node, std::string_view expr_text, int line,
                                 int column) const {
  Location at = Where(node);
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.pos < 0 || static_cast<std::size_t>(m.pos) >= text_.size()) return at;
  const char first = text_[static_cast<std::size_t>(m.pos)];
  if (first != '|' && first != '>') {
    if (line != 1) return at;
    at.column += column - 1 + ((first == '"' || first == '\'') ? 1 : 0);
    return at;
  }
  // Block scalar: content starts on the next line at the block's indentation.
  std::size_t s = text_.find('\n', static_cast<std::size_t>(m.pos));
  if (s == std::string_view::npos) return at;
  ++s;
  std::size_t indent = 0;
  while (s + indent < text_.size() && text_[s + indent] == ' ') ++indent;
  const std::size_t target = OffsetOf(expr_text, line, column);
  int src_line = at.line + 1;
  int src_column = static_cast<int>(indent) + 1;
  s += indent;
  for (std::size_t i = 0; i < target; ++i) {
    if (s >= text_.size()) return at;
    if (text_[s] == '\n') {
      // A line break in the source is a newline (|) or a space (>) in the text.
      if (expr_text[i] != '\n' && expr_text[i] != ' ') return at;
      ++s;
      std::size_t skip = 0;
      while (skip < indent && s < text_.size() && text_[s] == ' ') ++skip, ++s;
      ++src_line;
      src_column = static_cast<int>(skip) + 1;
      continue;
    }
    if (text_[s] != expr_text[i]) return at;  // folding we do not follow: stay coarse
    if (!IsUtf8Continuation(text_[s])) ++src_column;
    ++s;
  }
  at.line = src_line;
  at.column = src_column;
  return at;
}

std::optional<expr::Expr> DocParser::Expression(const YAML::Node& node, std::string_view field) {
  std::optional<std::string> text = NonEmpty(node, field);
  if (!text) return std::nullopt;
  base::Result<expr::Expr> compiled =
      expr::Compile(*text, expr::DefaultSchema(), expr::ValueType::kBool);
  if (compiled.ok()) return std::move(compiled).value();
  const std::string& message = compiled.status().message();
  int line = 0;
  int column = 0;
  int consumed = 0;
  if (std::sscanf(message.c_str(), "line %d, column %d: %n", &line, &column, &consumed) == 2 &&
      consumed > 0) {
    errors_.push_back(RuleError{ExprLocation(node, *text, line, column),
                                std::string(field) + ": " + message.substr(consumed)});
  } else {
    Error(node, std::string(field) + ": " + message);
  }
  return std::nullopt;
}

void DocParser::AddMatcherEntry(const YAML::Node& node, std::string_view field, EventMatcher& out) {
  if (node.IsMap()) {
    CheckKeys(node, {"step"}, field);
    std::optional<YAML::Node> step = Required(node, "step", field);
    if (!step) return;
    if (std::optional<std::string> name = NonEmpty(*step, std::string(field) + ".step")) {
      out.step_names.push_back(*name);
    }
    return;
  }
  std::optional<std::string> name = Scalar(node, field);
  if (!name) return;
  std::optional<EventType> type = model::ParseEventType(*name);
  if (!type || *type == EventType::kStep) {
    Error(node, std::string(field) + ": unknown event type \"" + *name +
                    "\" (expected a canonical type such as submit, accept, complete, or {step: "
                    "\"source step name\"})");
    return;
  }
  std::optional<model::CaseKind> kind = model::KindOfEventType(*type);
  if (kind && *kind != case_kind_) {
    Error(node, std::string(field) + ": event type \"" + *name + "\" belongs to " +
                    std::string(model::CaseKindName(*kind)) + " cases, but the rule's case_kind is " +
                    std::string(model::CaseKindName(case_kind_)));
    return;
  }
  out.types.push_back(*type);
}

std::optional<EventMatcher> DocParser::Matcher(const YAML::Node& node, std::string_view field) {
  const std::size_t before = errors_.size();
  EventMatcher m;
  if (node.IsSequence()) {
    if (node.size() == 0) {
      Error(node, std::string(field) + ": expected at least one event");
      return std::nullopt;
    }
    for (const YAML::Node& entry : node) AddMatcherEntry(entry, field, m);
  } else {
    AddMatcherEntry(node, field, m);
  }
  if (errors_.size() != before) return std::nullopt;
  return m;
}

std::optional<DeadlineStage> DocParser::Stage(const YAML::Node& node) {
  if (!node.IsMap()) {
    Error(node, "ladder: expected a rung such as {level: yellow, limit: 5, unit: working_days}");
    return std::nullopt;
  }
  const std::size_t before = errors_.size();
  CheckKeys(node, {"level", "limit", "unit", "before"}, "ladder");
  DeadlineStage stage;
  if (auto n = Required(node, "level", "ladder")) {
    if (auto l = Name<AlertLevel>(*n, "ladder.level", ParseAlertLevel, "notice, yellow, red")) {
      stage.level = *l;
    }
  }
  std::optional<YAML::Node> unit = Find(node, "unit");
  if (unit) {
    if (auto u = Name<model::LimitUnit>(*unit, "ladder.unit", model::ParseLimitUnit,
                                        "working_days, natural_days, hours")) {
      stage.limit.unit = *u;
      stage.unit_from_item = false;
    }
  }
  if (auto n = Required(node, "limit", "ladder")) {
    std::optional<std::string> s = Scalar(*n, "ladder.limit");
    if (s && *s == "item.promised_limit") {
      stage.source = LimitSource::kItemPromised;
    } else if (s && *s == "item.statutory_limit") {
      stage.source = LimitSource::kItemStatutory;
    } else if (s) {
      std::optional<std::int64_t> v = ParseInt(*s);
      if (!v || *v < 0) {
        Error(*n, "ladder.limit: expected a whole number ≥ 0, item.promised_limit or "
                  "item.statutory_limit, found \"" + *s + "\"");
      } else {
        stage.source = LimitSource::kFixed;
        stage.limit.amount = *v;
        if (!unit) Error(*n, "ladder: a fixed limit needs its `unit` (working_days, natural_days, hours)");
      }
    }
  }
  if (auto n = Find(node, "before")) {
    if (auto b = Int(*n, "ladder.before", 0)) stage.before = *b;
  }
  if (errors_.size() == before && stage.level == AlertLevel::kNotice && stage.before == 0) {
    Error(node, "ladder: a notice fires before the limit: expected `before: N` with N ≥ 1");
  }
  if (errors_.size() != before) return std::nullopt;
  return stage;
}

std::optional<DeadlineRule> DocParser::Deadline(const YAML::Node& node) {
  CheckKeys(node, {"start", "stop", "pauses", "ladder", "counting"}, "deadline");
  DeadlineRule rule;
  rule.counting = settings_.counting;
  if (auto n = Required(node, "start", "deadline")) {
    if (auto m = Matcher(*n, "deadline.start")) rule.start = std::move(*m);
  }
  if (auto n = Required(node, "stop", "deadline")) {
    if (auto m = Matcher(*n, "deadline.stop")) rule.stop = std::move(*m);
  }
  if (auto n = Find(node, "pauses")) {
    if (!n->IsSequence()) {
      Error(*n, "deadline.pauses: expected a list of [pause, resume] pairs");
    } else {
      for (const YAML::Node& pair : *n) {
        if (!pair.IsSequence() || pair.size() != 2) {
          Error(pair, "deadline.pauses: expected a pair [pause event, resume event]");
          continue;
        }
        auto pause = Matcher(pair[0], "deadline.pauses");
        auto resume = Matcher(pair[1], "deadline.pauses");
        if (pause && resume) rule.pauses.emplace_back(std::move(*pause), std::move(*resume));
      }
    }
  }
  if (auto n = Find(node, "counting")) {
    if (auto c = Name<Counting>(*n, "deadline.counting", ParseCounting, "end_of_day, same_clock_time")) {
      rule.counting = *c;
    }
  }
  if (auto n = Required(node, "ladder", "deadline")) {
    if (!n->IsSequence() || n->size() == 0) {
      Error(*n, "deadline.ladder: expected a list of at least one rung");
    } else {
      for (const YAML::Node& s : *n) {
        if (auto stage = Stage(s)) rule.ladder.push_back(*stage);
      }
    }
  }
  return rule;
}

std::optional<MaxCountRule> DocParser::MaxCount(const YAML::Node& node) {
  CheckKeys(node, {"event", "max"}, "max_count");
  MaxCountRule rule;
  if (auto n = Required(node, "event", "max_count")) {
    if (auto m = Matcher(*n, "max_count.event")) rule.event = std::move(*m);
  }
  if (auto n = Required(node, "max", "max_count")) {
    if (auto v = Int(*n, "max_count.max", 0)) rule.max = *v;
  }
  return rule;
}

std::optional<SequenceRule> DocParser::Sequence(const YAML::Node& node) {
  CheckKeys(node, {"event", "requires_before"}, "sequence");
  SequenceRule rule;
  if (auto n = Required(node, "event", "sequence")) {
    if (auto m = Matcher(*n, "sequence.event")) rule.event = std::move(*m);
  }
  if (auto n = Required(node, "requires_before", "sequence")) {
    if (auto m = Matcher(*n, "sequence.requires_before")) rule.requires_before = std::move(*m);
  }
  return rule;
}

std::optional<MinDurationRule> DocParser::MinDuration(const YAML::Node& node) {
  CheckKeys(node, {"start", "end", "min"}, "min_duration");
  MinDurationRule rule;
  if (auto n = Required(node, "start", "min_duration")) {
    if (auto m = Matcher(*n, "min_duration.start")) rule.start = std::move(*m);
  }
  if (auto n = Required(node, "end", "min_duration")) {
    if (auto m = Matcher(*n, "min_duration.end")) rule.end = std::move(*m);
  }
  if (auto n = Required(node, "min", "min_duration")) {
    if (auto d = Duration(*n, "min_duration.min")) {
      if (d->count() == 0) {
        Error(*n, "min_duration.min: expected a duration above zero");
      } else {
        rule.min = *d;
      }
    }
  }
  return rule;
}

std::optional<CheckRule> DocParser::Check(const YAML::Node& node) {
  CheckKeys(node, {"event", "condition"}, "check");
  CheckRule rule;
  if (auto n = Required(node, "event", "check")) {
    if (auto m = Matcher(*n, "check.event")) rule.event = std::move(*m);
  }
  if (auto n = Required(node, "condition", "check")) {
    if (auto e = Expression(*n, "check.condition")) rule.condition = std::move(*e);
  }
  return rule;
}

std::optional<RateRule> DocParser::Rate(const YAML::Node& node) {
  CheckKeys(node, {"period", "numerator", "denominator", "bound", "min_cases"}, "rate");
  RateRule rule;
  if (auto n = Find(node, "period")) {
    std::optional<std::string> s = Scalar(*n, "rate.period");
    if (s && *s != "month") Error(*n, "rate.period: expected month, found \"" + *s + "\"");
  }
  if (auto n = Required(node, "numerator", "rate")) {
    if (auto e = Expression(*n, "rate.numerator")) rule.numerator = std::move(*e);
  }
  if (auto n = Required(node, "denominator", "rate")) {
    if (auto e = Expression(*n, "rate.denominator")) rule.denominator = std::move(*e);
  }
  if (auto n = Required(node, "bound", "rate")) {
    if (std::optional<std::string> s = Scalar(*n, "rate.bound")) {
      std::string_view text = *s;
      double scale = 1.0;
      if (!text.empty() && text.back() == '%') {
        text.remove_suffix(1);
        scale = 0.01;
      }
      std::optional<double> v = ParseDouble(text);
      if (!v || *v * scale <= 0.0 || *v * scale > 1.0) {
        Error(*n, "rate.bound: expected a share above 0 and at most 1 (0.3) or a percentage (30%), "
                  "found \"" + *s + "\"");
      } else {
        rule.bound = *v * scale;
      }
    }
  }
  if (auto n = Required(node, "min_cases", "rate")) {
    if (auto v = Int(*n, "rate.min_cases", 1)) rule.min_cases = *v;
  }
  return rule;
}

std::optional<ReconcileRule> DocParser::Reconcile(const YAML::Node& node) {
  CheckKeys(node, {"sources", "field", "grace"}, "reconcile");
  ReconcileRule rule;
  if (auto n = Required(node, "sources", "reconcile")) {
    if (!n->IsSequence() || n->size() != 2) {
      Error(*n, "reconcile.sources: expected two source names, e.g. [online-hall, dept-system]");
    } else {
      auto a = NonEmpty((*n)[0], "reconcile.sources");
      auto b = NonEmpty((*n)[1], "reconcile.sources");
      if (a && b && *a == *b) Error(*n, "reconcile.sources: expected two different sources");
      if (a) rule.source_a = *a;
      if (b) rule.source_b = *b;
    }
  }
  if (auto n = Find(node, "field")) {
    if (auto s = Scalar(*n, "reconcile.field")) {
      if (*s != "stage" && *s != "result") {
        Error(*n, "reconcile.field: expected stage or result, found \"" + *s + "\"");
      } else {
        rule.field = *s;
      }
    }
  }
  if (auto n = Required(node, "grace", "reconcile")) {
    if (auto d = Duration(*n, "reconcile.grace")) rule.grace = *d;
  }
  return rule;
}

std::optional<Rule> DocParser::Parse(const YAML::Node& doc) {
  if (!doc.IsMap()) {
    Error(doc, "expected a rule: a mapping with id, version, title, level, status and one kind");
    return std::nullopt;
  }
  const std::size_t before = errors_.size();
  CheckKeys(doc,
            {"id", "version", "title", "description", "level", "status", "owner_dept", "approved_by",
             "approved_on", "legal_basis", "proposal", "case_kind", "scope", "severity", "deadline",
             "max_count", "sequence", "min_duration", "check", "rate", "reconcile"},
            "rule");
  Rule rule;
  const Location at = Where(doc);
  rule.origin = at.file + ":" + std::to_string(at.line);
  if (auto n = Required(doc, "id", "rule")) {
    if (auto s = Scalar(*n, "id")) {
      if (!ValidId(*s)) {
        Error(*n, "id: expected lower-case letters, digits and . - _ (e.g. license.accept-within-5-days), "
                  "found \"" + *s + "\"");
      }
      rule.id = *s;
    }
  }
  if (auto n = Required(doc, "version", "rule")) {
    if (auto v = Int(*n, "version", 1)) rule.version = *v;
  }
  if (auto n = Required(doc, "title", "rule")) {
    if (auto s = NonEmpty(*n, "title")) rule.title = *s;
  }
  if (auto n = Find(doc, "description")) {
    if (auto s = Scalar(*n, "description")) rule.description = *s;
  }
  std::optional<RuleLevel> level;
  if (auto n = Required(doc, "level", "rule")) {
    level = Name<RuleLevel>(*n, "level", ParseRuleLevel, "department, common, accountability");
    if (level) rule.level = *level;
  }
  std::optional<RuleStatus> status;
  if (auto n = Required(doc, "status", "rule")) {
    status = Name<RuleStatus>(*n, "status", ParseRuleStatus,
                              "draft, pending_approval, active, retired");
    if (status) rule.status = *status;
  }
  std::optional<YAML::Node> owner = Find(doc, "owner_dept");
  if (owner) {
    if (auto s = Scalar(*owner, "owner_dept")) {
      rule.owner_dept = *s;
      if (level && *level != RuleLevel::kDepartment) {
        Error(*owner, "owner_dept: only department rules have an owner; this rule's level is " +
                          std::string(RuleLevelName(*level)));
      } else if (base::Status valid = codes::ValidateUscc(*s); !valid.ok()) {
        Error(*owner, "owner_dept: expected the department's unified social credit code: " +
                          valid.message());
      }
    }
  } else if (level == RuleLevel::kDepartment) {
    Error(doc, "owner_dept: a department rule needs its owner's unified social credit code");
  }
  std::optional<YAML::Node> approved_by = Find(doc, "approved_by");
  std::optional<YAML::Node> approved_on = Find(doc, "approved_on");
  if (approved_by) {
    if (auto s = NonEmpty(*approved_by, "approved_by")) rule.approved_by = *s;
  }
  if (approved_on) {
    if (auto s = Scalar(*approved_on, "approved_on")) {
      base::Result<base::Date> date = base::ParseDate(*s);
      if (!date.ok()) {
        Error(*approved_on, "approved_on: expected a date YYYY-MM-DD, found \"" + *s + "\"");
      } else {
        rule.approved_on = *date;
      }
    }
  }
  if ((approved_by || approved_on) && level && *level != RuleLevel::kDepartment) {
    Error(approved_by ? *approved_by : *approved_on,
          "approved_by/approved_on: only department rules are approved; the bureau's own rules are "
          "active when shipped");
  }
  if (level == RuleLevel::kDepartment && status &&
      (*status == RuleStatus::kActive || *status == RuleStatus::kRetired) &&
      (!approved_by || !approved_on)) {
    Error(doc, "status: a department rule becomes " + std::string(RuleStatusName(*status)) +
                   " only once the bureau approves it: expected approved_by and approved_on "
                   "(or status draft / pending_approval)");
  }
  if (auto n = Find(doc, "proposal")) {
    if (auto b = Bool(*n, "proposal")) rule.proposal = *b;
  }
  if (auto n = Find(doc, "legal_basis")) {
    if (auto s = NonEmpty(*n, "legal_basis")) rule.legal_basis = *s;
  } else if (!rule.proposal) {
    Error(doc, "legal_basis: expected the rule's legal basis, or `proposal: true` for a "
               "configurable practice that is not law");
  }
  if (auto n = Find(doc, "case_kind")) {
    if (auto k = Name<model::CaseKind>(*n, "case_kind", model::ParseCaseKind,
                                       "approval, complaint, rating")) {
      rule.case_kind = *k;
    }
  }
  case_kind_ = rule.case_kind;
  if (auto n = Find(doc, "scope")) {
    if (auto e = Expression(*n, "scope")) rule.scope = std::move(*e);
  }

  // Exactly one kind.
  std::vector<std::pair<std::string_view, YAML::Node>> kinds;
  for (std::string_view k : kKinds) {
    if (auto n = Find(doc, k)) kinds.emplace_back(k, *n);
  }
  if (kinds.empty()) {
    Error(doc, "rule: expected one kind: deadline, max_count, sequence, min_duration, check, rate "
               "or reconcile");
  } else if (kinds.size() > 1) {
    Error(kinds[1].second, "rule: expected one kind, found both " + std::string(kinds[0].first) +
                               " and " + std::string(kinds[1].first));
  } else if (!kinds[0].second.IsMap()) {
    Error(kinds[0].second, std::string(kinds[0].first) + ": expected a mapping of its settings");
  } else {
    const std::string_view k = kinds[0].first;
    const YAML::Node& n = kinds[0].second;
    auto set = [&](auto parsed) {
      if (parsed) rule.kind = std::move(*parsed);
    };
    if (k == "deadline") set(Deadline(n));
    if (k == "max_count") set(MaxCount(n));
    if (k == "sequence") set(Sequence(n));
    if (k == "min_duration") set(MinDuration(n));
    if (k == "check") set(Check(n));
    if (k == "rate") set(Rate(n));
    if (k == "reconcile") set(Reconcile(n));
  }
  if (auto n = Find(doc, "severity")) {
    if (!kinds.empty() && kinds[0].first == "deadline") {
      Error(*n, "severity: a deadline's levels come from its ladder; remove `severity`");
    } else if (auto l = Name<AlertLevel>(*n, "severity", ParseAlertLevel, "notice, yellow, red")) {
      rule.level_when_breached = *l;
    }
  }
  if (errors_.size() != before) return std::nullopt;
  return rule;
}

}  // namespace

std::string Location::ToString() const {
  if (line <= 0) return file;
  if (column <= 0) return file + ":" + std::to_string(line);
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string RuleError::ToString() const { return where.ToString() + ": " + message; }

std::optional<base::Milliseconds> ParseRuleDuration(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  const char unit = text.back();
  std::optional<std::int64_t> n = ParseInt(text.substr(0, text.size() - 1));
  if (!n || *n < 0 || *n > 100'000'000) return std::nullopt;
  switch (unit) {
    case 's': return base::Milliseconds(*n * 1000);
    case 'm': return base::Milliseconds(*n * 60'000);
    case 'h': return base::Milliseconds(*n * 3'600'000);
    case 'd': return base::Milliseconds(*n * 86'400'000);
    default: return std::nullopt;
  }
}

ParseResult ParseRuleDocuments(std::string_view text, std::string_view file,
                               const RuleSetSettings& settings) {
  ParseResult result;
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    Location at{std::string(file), 0, 0};
    if (!e.mark.is_null()) at = Location{std::string(file), e.mark.line + 1, e.mark.column + 1};
    result.errors.push_back(RuleError{at, "not valid YAML: " + e.msg});
    return result;
  } catch (const std::exception& e) {
    result.errors.push_back(RuleError{Location{std::string(file), 0, 0}, e.what()});
    return result;
  }
  for (const YAML::Node& doc : docs) {
    if (doc.IsNull()) continue;  // an empty document, e.g. after a trailing ---
    try {
      DocParser parser(text, file, settings, result.errors);
      if (std::optional<Rule> rule = parser.Parse(doc)) {
        const YAML::Mark m = doc.Mark();
        result.rules.push_back(ParsedRule{std::move(*rule),
                                          Location{std::string(file), m.line + 1, m.column + 1},
                                          std::nullopt});
      }
    } catch (const std::exception& e) {
      // yaml-cpp should not throw on a loaded tree; keep the promise anyway.
      result.errors.push_back(RuleError{Location{std::string(file), 0, 0}, e.what()});
    }
  }
  SortByPlace(result.errors, 0);
  return result;
}

RuleSetSettings ParseRuleSetSettings(std::string_view text, std::string_view file,
                                     std::vector<RuleError>& errors) {
  RuleSetSettings settings;
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Location at{std::string(file), 0, 0};
    if (!e.mark.is_null()) at = Location{std::string(file), e.mark.line + 1, e.mark.column + 1};
    errors.push_back(RuleError{at, "not valid YAML: " + e.msg});
    return settings;
  } catch (const std::exception& e) {
    errors.push_back(RuleError{Location{std::string(file), 0, 0}, e.what()});
    return settings;
  }
  if (doc.IsNull()) return settings;
  DocParser parser(text, file, settings, errors);
  const std::size_t first_error = errors.size();
  settings = parser.Settings(doc);
  SortByPlace(errors, first_error);
  return settings;
}

}  // namespace oversight::rules
