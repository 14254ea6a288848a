#pragma once

// The arithmetic of scores, pure: a value's points, a department's total, the
// ranking. Rounding as scores.h states it.

#include <cstdint>
#include <optional>
#include <vector>

#include "scoring/scores.h"
#include "scoring/scoring_model.h"

namespace oversight::scoring {

// Half away from zero, to `decimals` places.
double RoundTo(double x, int decimals);

// The points (0–100, 2 decimals) a value earns under `rule`.
double PointsFor(const PointsRule& rule, Direction direction, double value);

struct Figure {
  std::optional<double> value;   // 4 decimals
  std::optional<double> points;  // 2 decimals
};
// Value and points from the counts; not applicable below min_count.
Figure ScoreIndicator(const Indicator& indicator, double numerator, std::int64_t denominator);

// min(count · points_each, cap), 2 decimals.
double DeductionPoints(const Deduction& deduction, std::int64_t count);

struct Total {
  std::optional<double> weighted;
  std::optional<double> total;
};
// Σ weight·points / Σ weight over the indicators with points, less `deducted`,
// clamped to [0, 100]; both null when no indicator has points. `points[i]`
// belongs to model.indicators[i].
Total TotalOf(const ScoringModel& model, const std::vector<std::optional<double>>& points,
              double deducted);

// Competition ranks (1, 2, 2, 4) by total, highest first, compared as shown (in
// hundredths); departments without a total get none. Returns one rank per entry.
std::vector<std::optional<int>> RankByTotal(const std::vector<std::optional<double>>& totals);

// Orders departments: by rank, then by code; the unranked last, by code.
void SortRanked(std::vector<DepartmentResult>& departments);

}  // namespace oversight::scoring
