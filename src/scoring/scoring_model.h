#pragma once

// The scoring model (考核模型, DESIGN §8, docs/SCORING.md): the indicators a
// department is scored on, how each value becomes 0–100 points, their weights,
// and the deductions. Loaded from YAML (model_yaml.h); immutable afterwards.
//
// A department's total = Σ weight·points / Σ weight over the indicators that
// apply to it, less the deductions, clamped to [0, 100]. Every predicate and value
// is an expression of the rule language (rules/expr) over the scoring schema
// (fields.h).

#include <cstdint>
#include <string>
#include <vector>

#include "model/event_type.h"
#include "rules/expr/expr.h"

namespace oversight::scoring {

// What an indicator or deduction counts.
enum class Subject : std::uint8_t {
  kCases,   // cases of one kind, placed in a period by the time of one event type
  kItems,   // the department's catalogued items (the catalog as it is now)
  kAlerts,  // alerts, placed in a period by the time they were raised
};
std::string_view SubjectName(Subject subject);  // "cases" | "items" | "alerts"

enum class Direction : std::uint8_t { kHigherIsBetter, kLowerIsBetter };
std::string_view DirectionName(Direction direction);  // "higher_is_better" | ...

// A threshold and the points it gives (bands).
struct Band {
  double threshold = 0;
  double points = 0;
};

// How a value becomes points (0–100).
struct PointsRule {
  enum class Kind : std::uint8_t { kLinear, kBands };
  Kind kind = Kind::kLinear;
  // Linear: 0 points at `floor`, 100 at `target`, straight in between, clamped
  // beyond. target > floor when higher is better, target < floor when lower is.
  double floor = 0;
  double target = 1;
  // Bands, best first: higher is better → the first band with value ≥ threshold;
  // lower is better → the first with value ≤ threshold. No band: `otherwise`.
  std::vector<Band> bands;
  double otherwise = 0;
};

struct Indicator {
  std::string id;  // lower-case letters, digits, '_' and '-'
  std::string name_zh;
  std::string name_en;
  std::string description;
  Subject subject = Subject::kCases;
  model::CaseKind case_kind = model::CaseKind::kApproval;  // cases only
  // Cases only: a case belongs to the period in which the first event of this
  // type happened (e.g. complete: a case counts in the month it was completed).
  model::EventType period_by = model::EventType::kComplete;

  enum class Measure : std::uint8_t { kRatio, kAverage };
  Measure measure = Measure::kRatio;
  // Ratio: value = (subjects where denominator && numerator) / (subjects where
  // denominator). Average: value = mean of `value` over subjects where
  // `denominator` holds and `value` is a number (null values are left out).
  rules::expr::Expr denominator;  // `where` of an average; "true" when not given
  rules::expr::Expr numerator;    // ratio only
  rules::expr::Expr value;        // average only
  // Fewer counted subjects than this: the indicator does not apply (no points).
  std::int64_t min_count = 1;

  Direction direction = Direction::kHigherIsBetter;
  PointsRule points;
  double weight = 0;  // > 0
  int line = 0;       // where the entry starts in its file
};

// Points taken off the weighted score, e.g. per red card, capped.
struct Deduction {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::string description;
  Subject subject = Subject::kAlerts;  // alerts or cases
  model::CaseKind case_kind = model::CaseKind::kApproval;
  model::EventType period_by = model::EventType::kComplete;
  rules::expr::Expr where;  // which subjects count
  // What one deduction is for: each matching subject, or each distinct case among
  // them (alerts: alert.case; several alerts on one case count once).
  enum class Per : std::uint8_t { kSubject, kCase };
  Per per = Per::kSubject;
  double points_each = 0;  // > 0
  double cap = 0;          // > 0: at most this many points in a period
  int line = 0;
};

struct ScoringModel {
  std::string model_id;
  std::int64_t version = 1;
  std::string title;
  std::string file;  // where it was loaded from
  std::vector<Indicator> indicators;
  std::vector<Deduction> deductions;
};

}  // namespace oversight::scoring
