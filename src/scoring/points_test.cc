#include "scoring/points.h"

#include <gtest/gtest.h>

#include <cmath>

namespace oversight::scoring {
namespace {

PointsRule Linear(double floor, double target) {
  PointsRule r;
  r.kind = PointsRule::Kind::kLinear;
  r.floor = floor;
  r.target = target;
  return r;
}

TEST(PointsTest, LinearBetweenFloorAndTargetInEitherDirection) {
  PointsRule up = Linear(0.8, 1.0);
  EXPECT_EQ(PointsFor(up, Direction::kHigherIsBetter, 0.9), 50.0);
  EXPECT_EQ(PointsFor(up, Direction::kHigherIsBetter, 0.7), 0.0);
  EXPECT_EQ(PointsFor(up, Direction::kHigherIsBetter, 1.0), 100.0);
  EXPECT_EQ(PointsFor(up, Direction::kHigherIsBetter, 0.8333), 16.65);
  // Satisfaction codes: 1 best, 5 worst, averaged as coded.
  PointsRule down = Linear(5, 1);
  EXPECT_EQ(PointsFor(down, Direction::kLowerIsBetter, 1.0), 100.0);
  EXPECT_EQ(PointsFor(down, Direction::kLowerIsBetter, 4.5), 12.5);
  EXPECT_EQ(PointsFor(down, Direction::kLowerIsBetter, 2.0), 75.0);
  EXPECT_EQ(PointsFor(down, Direction::kLowerIsBetter, 6.0), 0.0);
}

TEST(PointsTest, BandsTakeTheFirstThatHoldsElseOtherwise) {
  PointsRule r;
  r.kind = PointsRule::Kind::kBands;
  r.bands = {{0.9, 100}, {0.5, 70}};
  r.otherwise = 40;
  EXPECT_EQ(PointsFor(r, Direction::kHigherIsBetter, 0.95), 100.0);
  EXPECT_EQ(PointsFor(r, Direction::kHigherIsBetter, 0.9), 100.0);
  EXPECT_EQ(PointsFor(r, Direction::kHigherIsBetter, 0.5), 70.0);
  EXPECT_EQ(PointsFor(r, Direction::kHigherIsBetter, 0.49), 40.0);
  PointsRule low;
  low.kind = PointsRule::Kind::kBands;
  low.bands = {{1.5, 100}, {2.5, 60}};
  EXPECT_EQ(PointsFor(low, Direction::kLowerIsBetter, 1.2), 100.0);
  EXPECT_EQ(PointsFor(low, Direction::kLowerIsBetter, 2.5), 60.0);
  EXPECT_EQ(PointsFor(low, Direction::kLowerIsBetter, 3.0), 0.0);
}

TEST(PointsTest, ValueIsRoundedBeforePointsAndMinCountGuards) {
  Indicator ind;
  ind.points = Linear(0, 1);
  ind.min_count = 3;
  EXPECT_FALSE(ScoreIndicator(ind, 1, 2).value.has_value());  // below min_count
  EXPECT_FALSE(ScoreIndicator(ind, 0, 0).points.has_value());
  Figure f = ScoreIndicator(ind, 2, 3);
  EXPECT_EQ(f.value, 0.6667);
  EXPECT_EQ(f.points, 66.67);
}

TEST(PointsTest, TotalIsTheWeightedMeanOfApplicableIndicatorsLessDeductionsClamped) {
  ScoringModel model;
  model.indicators.resize(3);
  model.indicators[0].weight = 30;
  model.indicators[1].weight = 70;
  model.indicators[2].weight = 50;
  Total t = TotalOf(model, {50.0, std::nullopt, 80.0}, 2.5);
  EXPECT_EQ(t.weighted, 68.75);  // (30·50 + 50·80) / 80
  EXPECT_EQ(t.total, 66.25);
  EXPECT_EQ(TotalOf(model, {1.0, std::nullopt, std::nullopt}, 5).total, 0.0);  // clamped
  EXPECT_FALSE(TotalOf(model, {std::nullopt, std::nullopt, std::nullopt}, 0).total.has_value());
  Deduction d;
  d.points_each = 0.5;
  d.cap = 5;
  EXPECT_EQ(DeductionPoints(d, 3), 1.5);
  EXPECT_EQ(DeductionPoints(d, 30), 5.0);
}

TEST(PointsTest, TiesShareARankAndTheNextSkips) {
  auto ranks = RankByTotal({80.0, 90.0, std::nullopt, 80.0, 70.0, 80.004});
  ASSERT_EQ(ranks.size(), 6u);
  EXPECT_EQ(ranks[1], 1);
  EXPECT_EQ(ranks[0], 2);
  EXPECT_EQ(ranks[3], 2);
  EXPECT_EQ(ranks[5], 2);  // equal as shown (80.00)
  EXPECT_EQ(ranks[4], 5);
  EXPECT_FALSE(ranks[2].has_value());
}

TEST(PointsTest, RoundingIsHalfAwayFromZeroAndNeverNegativeZero) {
  EXPECT_EQ(RoundTo(0.12346, 4), 0.1235);
  EXPECT_EQ(RoundTo(-1.005, 1), -1.0);
  EXPECT_EQ(RoundTo(-0.00001, 2), 0.0);
  EXPECT_FALSE(std::signbit(RoundTo(-0.00001, 2)));
  EXPECT_EQ(RoundTo(2.5, 0), 3.0);
}

}  // namespace
}  // namespace oversight::scoring
