#pragma once

// What a period's computation gives: per department each indicator's counts,
// value and points, the deductions, the total, the rank and the change from the
// previous period; and, when asked, the subjects behind a figure (drill-down).
// Plain values, so the server can serialise them and a publication can freeze
// them (scores_json.h writes the stable bytes).
//
// Rounding, so that every figure can be recomputed from the ones shown:
// value = numerator / denominator rounded to 4 decimals; points are computed from
// that value and rounded to 2; the total is Σ weight·points / Σ weight over the
// applicable indicators, rounded to 2, less the deductions, clamped to [0, 100].

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "scoring/period.h"
#include "scoring/scoring_model.h"

namespace oversight::scoring {

struct IndicatorResult {
  std::string id;
  // Ratio: how many subjects satisfied numerator and denominator. Average: the
  // sum of the values.
  double numerator = 0;
  std::int64_t denominator = 0;  // subjects counted
  std::optional<double> value;   // null: not applicable (fewer than min_count subjects)
  std::optional<double> points;  // 0–100; null when not applicable
  std::optional<double> previous_value;
  std::optional<double> previous_points;
};

struct DeductionResult {
  std::string id;
  std::int64_t count = 0;  // subjects (or distinct cases) that matched
  double points = 0;       // min(count · points_each, cap)
  std::int64_t previous_count = 0;
  double previous_points = 0;
};

struct DepartmentResult {
  std::string dept_code;
  std::string dept_name;  // "" when the department is not registered
  std::vector<IndicatorResult> indicators;  // in model order
  std::vector<DeductionResult> deductions;  // in model order
  std::optional<double> weighted;  // Σ w·p / Σ w over the applicable indicators
  double deducted = 0;             // Σ deduction points
  std::optional<double> total;     // null: no indicator applies (not scored, no rank)
  std::optional<int> rank;
  // The previous period's; null unless an indicator over cases or alerts applied
  // in it (the catalog has no history, so items alone make no period to compare).
  std::optional<double> previous_total;
  std::optional<int> previous_rank;
  // total − previous_total; null unless both are scored.
  std::optional<double> change;
};

// A subject behind a figure.
struct DrillRow {
  std::string id;      // case id, item code or alert id
  std::string detail;  // the case's item code, the item's name, the alert's case and rule
  bool counted = false;  // ratio: in the numerator; average: its value counted; deduction: matched
  std::optional<double> value;  // average: the subject's value
};

struct Drill {
  std::string dept_code;
  std::string figure_id;  // an indicator or deduction id
  std::vector<DrillRow> rows;  // sorted by id
};

struct FigureInfo {
  std::string id;
  std::string name_zh;
  std::string name_en;
  Subject subject = Subject::kCases;
  bool is_deduction = false;
  bool is_average = false;
  double weight = 0;  // indicators
  Direction direction = Direction::kHigherIsBetter;
};

struct PeriodScores {
  std::string model_id;
  std::int64_t model_version = 1;
  Period period = Period::Month(2000, 1);
  Period previous = Period::Month(1999, 12);
  base::Instant from{};  // [from, to): the period in local time
  base::Instant to{};
  std::string from_text;  // the same in RFC 3339 with the local offset
  std::string to_text;
  std::vector<FigureInfo> indicators;  // model order
  std::vector<FigureInfo> deductions;
  // Ranked: scored departments by rank, ties by code; then the unscored by code.
  std::vector<DepartmentResult> departments;
  std::vector<Drill> drills;  // those asked for, sorted by (dept, figure)
};

}  // namespace oversight::scoring
