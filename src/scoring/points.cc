#include "scoring/points.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace oversight::scoring {
namespace {

std::int64_t Hundredths(double x) { return static_cast<std::int64_t>(std::llround(x * 100.0)); }

}  // namespace

double RoundTo(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(x * scale) / scale;
  return r == 0 ? 0.0 : r;  // never "-0.00"
}

double PointsFor(const PointsRule& rule, Direction direction, double value) {
  double points = 0;
  if (rule.kind == PointsRule::Kind::kLinear) {
    // (value − floor) / (target − floor) is the share of the way to the target
    // in either direction: target < floor when lower is better.
    const double share = (value - rule.floor) / (rule.target - rule.floor);
    points = 100.0 * std::clamp(share, 0.0, 1.0);
  } else {
    points = rule.otherwise;
    for (const Band& band : rule.bands) {
      const bool hit = direction == Direction::kHigherIsBetter ? value >= band.threshold
                                                               : value <= band.threshold;
      if (hit) {
        points = band.points;
        break;
      }
    }
  }
  return RoundTo(points, 2);
}

Figure ScoreIndicator(const Indicator& indicator, double numerator, std::int64_t denominator) {
  if (denominator < indicator.min_count || denominator <= 0) return {};
  const double value = RoundTo(numerator / static_cast<double>(denominator), 4);
  return {value, PointsFor(indicator.points, indicator.direction, value)};
}

double DeductionPoints(const Deduction& deduction, std::int64_t count) {
  return RoundTo(std::min(static_cast<double>(count) * deduction.points_each, deduction.cap), 2);
}

Total TotalOf(const ScoringModel& model, const std::vector<std::optional<double>>& points,
              double deducted) {
  double weights = 0;
  double sum = 0;
  for (std::size_t i = 0; i < model.indicators.size() && i < points.size(); ++i) {
    if (!points[i]) continue;
    weights += model.indicators[i].weight;
    sum += model.indicators[i].weight * *points[i];
  }
  if (weights <= 0) return {};
  const double weighted = RoundTo(sum / weights, 2);
  return {weighted, RoundTo(std::clamp(weighted - deducted, 0.0, 100.0), 2)};
}

std::vector<std::optional<int>> RankByTotal(const std::vector<std::optional<double>>& totals) {
  std::vector<std::optional<int>> ranks(totals.size());
  std::vector<std::int64_t> scored;
  for (const auto& t : totals) {
    if (t) scored.push_back(Hundredths(*t));
  }
  std::sort(scored.begin(), scored.end(), std::greater<>());
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (!totals[i]) continue;
    // 1 + how many scored strictly higher: ties share the rank, the next skips.
    const std::int64_t mine = Hundredths(*totals[i]);
    auto higher = std::lower_bound(scored.begin(), scored.end(), mine, std::greater<>());
    ranks[i] = 1 + static_cast<int>(higher - scored.begin());
  }
  return ranks;
}

void SortRanked(std::vector<DepartmentResult>& departments) {
  std::sort(departments.begin(), departments.end(),
            [](const DepartmentResult& a, const DepartmentResult& b) {
              if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
              if (a.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
              return a.dept_code < b.dept_code;
            });
}

}  // namespace oversight::scoring
