#include "scoring/model_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "scoring/fields.h"

namespace oversight::scoring {
namespace {

namespace expr = rules::expr;

std::optional<double> ParseNumber(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front()) || !alnum(id.back())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; });
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  std::optional<ScoringModel> Model(const YAML::Node& root);
  std::vector<ModelError>& errors() { return errors_; }
  void Error(const YAML::Node& at, const std::string& field, const std::string& message) {
    ModelError e{std::string(file_), 0, 0, field.empty() ? message : field + ": " + message};
    const YAML::Mark m = at.Mark();
    if (!m.is_null()) {
      e.line = m.line + 1;
      e.column = m.column + 1;
    }
    errors_.push_back(std::move(e));
  }

 private:
  static std::optional<YAML::Node> Find(const YAML::Node& map, std::string_view key) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    }
    return std::nullopt;
  }
  bool IsMap(const YAML::Node& node, const std::string& field) {
    if (node.IsMap()) return true;
    Error(node, field, "expected a mapping of keys to values");
    return false;
  }
  void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 const std::string& field) {
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Error(it->first, field, "unknown key `" + key + "` (expected one of: " + list + ")");
      } else if (!seen.insert(key).second) {
        Error(it->first, field, "key `" + key + "` given twice");
      }
    }
  }
  std::optional<YAML::Node> Required(const YAML::Node& map, std::string_view key,
                                     const std::string& field) {
    std::optional<YAML::Node> node = Find(map, key);
    if (!node) Error(map, field, "missing `" + std::string(key) + "`");
    return node;
  }
  std::optional<std::string> Text(const YAML::Node& node, const std::string& field) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      Error(node, field, "expected a non-empty text");
      return std::nullopt;
    }
    return node.Scalar();
  }
  std::optional<double> Number(const YAML::Node& node, const std::string& field,
                               std::string_view expected, double min, bool min_open, double max) {
    std::optional<double> v = node.IsScalar() ? ParseNumber(node.Scalar()) : std::nullopt;
    if (!v || (min_open ? *v <= min : *v < min) || *v > max) {
      Error(node, field, "expected " + std::string(expected) + ", found " + Found(node));
      return std::nullopt;
    }
    return v;
  }
  static std::string Found(const YAML::Node& node) {
    if (node.IsScalar()) return "\"" + node.Scalar() + "\"";
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping";
    return "nothing";
  }

  std::optional<expr::Expr> Expression(const YAML::Node& node, const std::string& field,
                                       Subject subject, expr::ValueType expected);
  std::optional<Subject> SubjectOf(const YAML::Node& map, const std::string& field);
  bool CaseScope(const YAML::Node& map, const std::string& field, Subject subject,
                 model::CaseKind& kind, model::EventType& period_by);
  std::optional<Indicator> IndicatorAt(const YAML::Node& node, const std::string& field);
  std::optional<PointsRule> Points(const YAML::Node& node, const std::string& field,
                                   Direction direction);
  std::optional<Deduction> DeductionAt(const YAML::Node& node, const std::string& field);

  std::string_view text_;
  std::string_view file_;
  std::vector<ModelError> errors_;
};

std::optional<expr::Expr> Parser::Expression(const YAML::Node& node, const std::string& field,
                                             Subject subject, expr::ValueType expected) {
  std::optional<std::string> text = Text(node, field);
  if (!text) return std::nullopt;
  base::Result<expr::Expr> compiled = expr::Compile(*text, SchemaFor(subject), expected);
  if (!compiled.ok()) {
    // "line L, column C: ..." inside the expression: on a one-line scalar, point
    // at the column in the file; otherwise at the scalar.
    const std::string& message = compiled.status().message();
    int line = 0;
    int column = 0;
    int consumed = 0;
    if (std::sscanf(message.c_str(), "line %d, column %d: %n", &line, &column, &consumed) == 2 &&
        consumed > 0) {
      ModelError e{std::string(file_), 0, 0, field + ": " + message.substr(consumed)};
      const YAML::Mark m = node.Mark();
      if (!m.is_null()) {
        e.line = m.line + 1;
        e.column = m.column + 1;
        const char first =
            m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() ? text_[m.pos] : ' ';
        if (line == 1 && first != '|' && first != '>') {
          e.column += column - 1 + ((first == '"' || first == '\'') ? 1 : 0);
        }
      }
      errors_.push_back(std::move(e));
    } else {
      Error(node, field, message);
    }
    return std::nullopt;
  }
  if (std::string bad = CheckAttrPaths(*text); !bad.empty()) {
    Error(node, field, bad);
    return std::nullopt;
  }
  return std::move(compiled).value();
}

std::optional<Subject> Parser::SubjectOf(const YAML::Node& map, const std::string& field) {
  std::optional<YAML::Node> node = Required(map, "subject", field);
  if (!node) return std::nullopt;
  const std::string s = node->IsScalar() ? node->Scalar() : "";
  for (Subject subject : {Subject::kCases, Subject::kItems, Subject::kAlerts}) {
    if (s == SubjectName(subject)) return subject;
  }
  Error(*node, field + ".subject", "expected one of cases, items, alerts, found " + Found(*node));
  return std::nullopt;
}

// case_kind and period_by: required for cases, refused for the other subjects.
bool Parser::CaseScope(const YAML::Node& map, const std::string& field, Subject subject,
                       model::CaseKind& kind, model::EventType& period_by) {
  std::optional<YAML::Node> kind_node = Find(map, "case_kind");
  std::optional<YAML::Node> period_node = Find(map, "period_by");
  if (subject != Subject::kCases) {
    bool ok = true;
    for (const auto& [node, key] : {std::pair{kind_node, "case_kind"}, std::pair{period_node, "period_by"}}) {
      if (node) {
        Error(*node, field + "." + key,
              "only for subject cases (" + std::string(SubjectName(subject)) +
                  (subject == Subject::kAlerts ? " are placed by alert.raised_at" : " have no period") +
                  ")");
        ok = false;
      }
    }
    return ok;
  }
  if (!kind_node) Error(map, field, "missing `case_kind` (approval, complaint or rating)");
  if (!period_node) {
    Error(map, field, "missing `period_by` (the event type that places a case in a period)");
  }
  if (!kind_node || !period_node) return false;
  std::optional<model::CaseKind> k =
      kind_node->IsScalar() ? model::ParseCaseKind(kind_node->Scalar()) : std::nullopt;
  if (!k) {
    Error(*kind_node, field + ".case_kind",
          "expected one of approval, complaint, rating, found " + Found(*kind_node));
    return false;
  }
  kind = *k;
  std::optional<model::EventType> t =
      period_node->IsScalar() ? model::ParseEventType(period_node->Scalar()) : std::nullopt;
  if (!t || *t == model::EventType::kStep) {
    Error(*period_node, field + ".period_by",
          "expected a canonical event type such as complete, found " + Found(*period_node));
    return false;
  }
  std::optional<model::CaseKind> of = model::KindOfEventType(*t);
  if (of && *of != kind) {
    Error(*period_node, field + ".period_by",
          "event type \"" + period_node->Scalar() + "\" belongs to " +
              std::string(model::CaseKindName(*of)) + " cases, but case_kind is " +
              std::string(model::CaseKindName(kind)));
    return false;
  }
  period_by = *t;
  return true;
}

std::optional<PointsRule> Parser::Points(const YAML::Node& node, const std::string& field,
                                         Direction direction) {
  if (!IsMap(node, field)) return std::nullopt;
  CheckKeys(node, {"linear", "bands", "otherwise"}, field);
  std::optional<YAML::Node> linear = Find(node, "linear");
  std::optional<YAML::Node> bands = Find(node, "bands");
  if (linear.has_value() == bands.has_value()) {
    Error(node, field, "expected exactly one of `linear` or `bands`");
    return std::nullopt;
  }
  const bool higher = direction == Direction::kHigherIsBetter;
  PointsRule rule;
  const std::size_t before = errors_.size();
  if (linear) {
    const std::string f = field + ".linear";
    if (!IsMap(*linear, f)) return std::nullopt;
    CheckKeys(*linear, {"floor", "target"}, f);
    if (auto otherwise = Find(node, "otherwise")) {
      Error(*otherwise, field + ".otherwise", "only with `bands`");
    }
    std::optional<YAML::Node> floor = Required(*linear, "floor", f);
    std::optional<YAML::Node> target = Required(*linear, "target", f);
    if (!floor || !target) return std::nullopt;
    std::optional<double> lo = Number(*floor, f + ".floor", "a number", -1e12, false, 1e12);
    std::optional<double> hi = Number(*target, f + ".target", "a number", -1e12, false, 1e12);
    if (!lo || !hi) return std::nullopt;
    if (higher ? *hi <= *lo : *hi >= *lo) {
      Error(*target, f + ".target",
            std::string("expected a target ") + (higher ? "above" : "below") +
                " the floor when " + (higher ? "higher" : "lower") + " is better");
      return std::nullopt;
    }
    rule.kind = PointsRule::Kind::kLinear;
    rule.floor = *lo;
    rule.target = *hi;
  } else {
    const std::string f = field + ".bands";
    rule.kind = PointsRule::Kind::kBands;
    if (!bands->IsSequence() || bands->size() == 0) {
      Error(*bands, f, "expected a list of bands, best first");
      return std::nullopt;
    }
    const char* key = higher ? "at_least" : "at_most";
    for (std::size_t i = 0; i < bands->size(); ++i) {
      const YAML::Node band = (*bands)[i];
      const std::string bf = f + "[" + std::to_string(i) + "]";
      if (!IsMap(band, bf)) continue;
      CheckKeys(band, {key, "points"}, bf);
      std::optional<YAML::Node> threshold = Find(band, key);
      if (!threshold) {
        Error(band, bf, std::string("missing `") + key + "` (" +
                            (higher ? "higher" : "lower") + " is better)");
        continue;
      }
      std::optional<YAML::Node> points = Required(band, "points", bf);
      if (!points) continue;
      std::optional<double> t = Number(*threshold, bf + "." + key, "a number", -1e12, false, 1e12);
      std::optional<double> p = Number(*points, bf + ".points", "a number from 0 to 100", 0, false, 100);
      if (!t || !p) continue;
      if (!rule.bands.empty() && (higher ? *t >= rule.bands.back().threshold
                                         : *t <= rule.bands.back().threshold)) {
        Error(*threshold, bf + "." + key,
              std::string("expected bands best first: each threshold ") +
                  (higher ? "below" : "above") + " the one before");
      }
      rule.bands.push_back({*t, *p});
    }
    if (auto otherwise = Find(node, "otherwise")) {
      if (auto v = Number(*otherwise, field + ".otherwise", "a number from 0 to 100", 0, false, 100)) {
        rule.otherwise = *v;
      }
    }
  }
  if (errors_.size() != before) return std::nullopt;
  return rule;
}

std::optional<Indicator> Parser::IndicatorAt(const YAML::Node& node, const std::string& field) {
  if (!IsMap(node, field)) return std::nullopt;
  const std::size_t before = errors_.size();
  CheckKeys(node,
            {"id", "name_zh", "name_en", "description", "subject", "case_kind", "period_by",
             "ratio", "average", "min_count", "direction", "points", "weight"},
            field);
  Indicator ind;
  ind.line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
  if (auto n = Required(node, "id", field)) {
    if (auto id = Text(*n, field + ".id")) {
      if (!ValidId(*id)) {
        Error(*n, field + ".id",
              "expected lower-case letters, digits and . - _ (at most 64), found \"" + *id + "\"");
      }
      ind.id = *id;
    }
  }
  for (auto [key, out] : {std::pair{"name_zh", &ind.name_zh}, std::pair{"name_en", &ind.name_en}}) {
    if (auto n = Required(node, key, field)) {
      if (auto s = Text(*n, field + "." + key)) *out = *s;
    }
  }
  if (auto n = Find(node, "description")) {
    if (n->IsScalar()) ind.description = n->Scalar();
  }
  std::optional<Subject> subject = SubjectOf(node, field);
  if (subject) {
    ind.subject = *subject;
    CaseScope(node, field, *subject, ind.case_kind, ind.period_by);
  }
  if (auto n = Required(node, "direction", field)) {
    const std::string s = n->IsScalar() ? n->Scalar() : "";
    if (s == "higher_is_better") {
      ind.direction = Direction::kHigherIsBetter;
    } else if (s == "lower_is_better") {
      ind.direction = Direction::kLowerIsBetter;
    } else {
      Error(*n, field + ".direction",
            "expected higher_is_better or lower_is_better, found " + Found(*n));
    }
  }
  std::optional<YAML::Node> ratio = Find(node, "ratio");
  std::optional<YAML::Node> average = Find(node, "average");
  if (ratio.has_value() == average.has_value()) {
    Error(node, field, "expected exactly one of `ratio` or `average`");
  } else if (subject) {
    if (ratio) {
      const std::string f = field + ".ratio";
      ind.measure = Indicator::Measure::kRatio;
      if (IsMap(*ratio, f)) {
        CheckKeys(*ratio, {"numerator", "denominator"}, f);
        if (auto n = Required(*ratio, "numerator", f)) {
          if (auto e = Expression(*n, f + ".numerator", *subject, expr::ValueType::kBool)) {
            ind.numerator = *e;
          }
        }
        std::optional<YAML::Node> d = Find(*ratio, "denominator");
        std::optional<expr::Expr> e =
            d ? Expression(*d, f + ".denominator", *subject, expr::ValueType::kBool)
              : expr::Compile("true", SchemaFor(*subject), expr::ValueType::kBool).value();
        if (e) ind.denominator = *e;
      }
    } else {
      const std::string f = field + ".average";
      ind.measure = Indicator::Measure::kAverage;
      if (IsMap(*average, f)) {
        CheckKeys(*average, {"value", "where"}, f);
        if (auto n = Required(*average, "value", f)) {
          if (auto e = Expression(*n, f + ".value", *subject, expr::ValueType::kNumber)) {
            ind.value = *e;
          }
        }
        std::optional<YAML::Node> w = Find(*average, "where");
        std::optional<expr::Expr> e =
            w ? Expression(*w, f + ".where", *subject, expr::ValueType::kBool)
              : expr::Compile("true", SchemaFor(*subject), expr::ValueType::kBool).value();
        if (e) ind.denominator = *e;
      }
    }
  }
  if (auto n = Find(node, "min_count")) {
    std::optional<std::int64_t> v = n->IsScalar() ? ParseInt(n->Scalar()) : std::nullopt;
    if (!v || *v < 1) {
      Error(*n, field + ".min_count", "expected a whole number ≥ 1, found " + Found(*n));
    } else {
      ind.min_count = *v;
    }
  }
  if (auto n = Required(node, "points", field)) {
    if (auto p = Points(*n, field + ".points", ind.direction)) ind.points = *p;
  }
  if (auto n = Required(node, "weight", field)) {
    if (auto w = Number(*n, field + ".weight", "a number > 0", 0, true, 1e6)) ind.weight = *w;
  }
  if (errors_.size() != before) return std::nullopt;
  return ind;
}

std::optional<Deduction> Parser::DeductionAt(const YAML::Node& node, const std::string& field) {
  if (!IsMap(node, field)) return std::nullopt;
  const std::size_t before = errors_.size();
  CheckKeys(node,
            {"id", "name_zh", "name_en", "description", "subject", "case_kind", "period_by",
             "where", "per", "points_each", "cap"},
            field);
  Deduction d;
  d.line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
  if (auto n = Required(node, "id", field)) {
    if (auto id = Text(*n, field + ".id")) {
      if (!ValidId(*id)) {
        Error(*n, field + ".id",
              "expected lower-case letters, digits and . - _ (at most 64), found \"" + *id + "\"");
      }
      d.id = *id;
    }
  }
  for (auto [key, out] : {std::pair{"name_zh", &d.name_zh}, std::pair{"name_en", &d.name_en}}) {
    if (auto n = Required(node, key, field)) {
      if (auto s = Text(*n, field + "." + key)) *out = *s;
    }
  }
  if (auto n = Find(node, "description")) {
    if (n->IsScalar()) d.description = n->Scalar();
  }
  std::optional<Subject> subject = SubjectOf(node, field);
  if (subject == Subject::kItems) {
    Error(*Find(node, "subject"), field + ".subject",
          "deductions count cases or alerts in a period, not items");
    subject.reset();
  }
  if (subject) {
    d.subject = *subject;
    CaseScope(node, field, *subject, d.case_kind, d.period_by);
    if (auto n = Required(node, "where", field)) {
      if (auto e = Expression(*n, field + ".where", *subject, expr::ValueType::kBool)) d.where = *e;
    }
  }
  if (auto n = Find(node, "per")) {
    const std::string s = n->IsScalar() ? n->Scalar() : "";
    if (s == "subject") {
      d.per = Deduction::Per::kSubject;
    } else if (s == "case") {
      d.per = Deduction::Per::kCase;
    } else {
      Error(*n, field + ".per", "expected subject or case, found " + Found(*n));
    }
  }
  if (auto n = Required(node, "points_each", field)) {
    if (auto v = Number(*n, field + ".points_each", "a number > 0", 0, true, 100)) {
      d.points_each = *v;
    }
  }
  if (auto n = Required(node, "cap", field)) {
    if (auto v = Number(*n, field + ".cap", "a number > 0", 0, true, 100)) d.cap = *v;
  }
  if (errors_.size() != before) return std::nullopt;
  return d;
}

std::optional<ScoringModel> Parser::Model(const YAML::Node& root) {
  if (!root.IsMap()) {
    Error(root, "", "expected a scoring model: a mapping with model_id, version and indicators");
    return std::nullopt;
  }
  CheckKeys(root, {"model_id", "version", "title", "indicators", "deductions"}, "model");
  ScoringModel model;
  model.file = std::string(file_);
  if (auto n = Required(root, "model_id", "model")) {
    if (auto id = Text(*n, "model_id")) {
      if (!ValidId(*id)) {
        Error(*n, "model_id",
              "expected lower-case letters, digits and . - _ (at most 64), found \"" + *id + "\"");
      }
      model.model_id = *id;
    }
  }
  if (auto n = Required(root, "version", "model")) {
    std::optional<std::int64_t> v = n->IsScalar() ? ParseInt(n->Scalar()) : std::nullopt;
    if (!v || *v < 1) {
      Error(*n, "version", "expected a whole number ≥ 1, found " + Found(*n));
    } else {
      model.version = *v;
    }
  }
  if (auto n = Find(root, "title")) {
    if (auto s = Text(*n, "title")) model.title = *s;
  }
  // Ids are unique across indicators and deductions, checked even where the
  // rest of an entry has errors.
  std::set<std::string> ids;
  auto unique = [&](const YAML::Node& entry, const std::string& field) {
    if (!entry.IsMap()) return;
    std::optional<YAML::Node> id = Find(entry, "id");
    if (!id || !id->IsScalar() || id->Scalar().empty()) return;
    if (!ids.insert(id->Scalar()).second) {
      Error(*id, field + ".id", "id \"" + id->Scalar() + "\" is used twice");
    }
  };
  if (auto list = Required(root, "indicators", "model")) {
    if (!list->IsSequence() || list->size() == 0) {
      Error(*list, "indicators", "expected a list of at least one indicator");
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = "indicators[" + std::to_string(i) + "]";
        unique((*list)[i], field);
        std::optional<Indicator> ind = IndicatorAt((*list)[i], field);
        if (ind) model.indicators.push_back(std::move(*ind));
      }
    }
  }
  if (auto list = Find(root, "deductions")) {
    if (!list->IsSequence()) {
      Error(*list, "deductions", "expected a list");
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = "deductions[" + std::to_string(i) + "]";
        unique((*list)[i], field);
        std::optional<Deduction> d = DeductionAt((*list)[i], field);
        if (d) model.deductions.push_back(std::move(*d));
      }
    }
  }
  if (!errors_.empty()) return std::nullopt;
  return model;
}

}  // namespace

std::string_view SubjectName(Subject subject) {
  switch (subject) {
    case Subject::kCases: return "cases";
    case Subject::kItems: return "items";
    case Subject::kAlerts: return "alerts";
  }
  return "cases";
}

std::string_view DirectionName(Direction direction) {
  return direction == Direction::kHigherIsBetter ? "higher_is_better" : "lower_is_better";
}

std::string ModelError::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out + ": " + message;
}

ModelParse ParseScoringModelText(std::string_view text, std::string_view file) {
  ModelParse out;
  Parser parser(text, file);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    ModelError error{std::string(file), 0, 0, "not valid YAML: " + e.msg};
    if (!e.mark.is_null()) {
      error.line = e.mark.line + 1;
      error.column = e.mark.column + 1;
    }
    out.errors.push_back(std::move(error));
    return out;
  }
  try {
    out.model = parser.Model(root);
  } catch (const std::exception& e) {
    parser.Error(root, "", std::string("unreadable model: ") + e.what());
    out.model.reset();
  }
  out.errors = std::move(parser.errors());
  std::stable_sort(out.errors.begin(), out.errors.end(), [](const ModelError& a, const ModelError& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  if (!out.errors.empty()) out.model.reset();
  return out;
}

base::Result<ScoringModel> ParseScoringModel(std::string_view text, std::string_view file) {
  ModelParse parsed = ParseScoringModelText(text, file);
  if (parsed.model) return std::move(*parsed.model);
  std::string message;
  for (const ModelError& e : parsed.errors) message += (message.empty() ? "" : "\n") + e.ToString();
  return base::InvalidArgument(message);
}

base::Result<ScoringModel> LoadScoringModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::NotFound("scoring model: cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) return base::Unavailable("scoring model: reading '" + path + "' failed");
  return ParseScoringModel(text.str(), path);
}

}  // namespace oversight::scoring
