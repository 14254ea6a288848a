// Each default indicator's formula on hand-built data, totals, ranks, change,
// drill-down, and the guarantees: one department never counts another's cases,
// and the same data give the same bytes.

#include "scoring/compute.h"

#include <gtest/gtest.h>

#include "scoring/scores_json.h"
#include "scoring/test_support.h"

namespace oversight::scoring {
namespace {

using model::Channel;
using model::EventType;
using testing::Ev;
using testing::kDeptA;
using testing::kDeptB;

constexpr char kDeptC[] = "11445200MBCCCCCCC3";
constexpr char kDeptD[] = "11445200MBDDDDDDD4";
constexpr char kDeptE[] = "11445200MBEEEEEEE5";

class ComputeTest : public testing::ScoringStoreTest {
 protected:
  void SetUp() override {
    ScoringStoreTest::SetUp();
    Dept(kDeptA, "甲局");
    Dept(kDeptB, "乙局");
    PutItem(MakeItem("A1", kDeptA));
    PutItem(MakeItem("B1", kDeptB));
  }

  PeriodScores Scores(const std::string& period, const ScoringModel& model,
                      ComputeOptions options = {}) {
    base::Result<PeriodScores> scores = Compute(period, model, options);
    EXPECT_TRUE(scores.ok()) << scores.status().ToString();
    return scores.ok() ? std::move(scores).value() : PeriodScores{};
  }

  ScoringModel model_ = testing::DefaultModel();
};

TEST_F(ComputeTest, CatalogStandardizationAndOnlineCapabilityCountItems) {
  model::Item no_statutory = MakeItem("A2", kDeptA, 3);
  no_statutory.statutory_limit.reset();
  model::Item promise_too_long = MakeItem("A3", kDeptA, 2);
  promise_too_long.promised_limit = model::TimeLimit{30, model::LimitUnit::kWorkingDays};
  model::Item no_fee = MakeItem("A4", kDeptA, 1);
  no_fee.fee_fen.reset();
  // 15 working days (21 natural-day equivalents) within a 60-natural-day limit.
  model::Item mixed_units = MakeItem("B2", kDeptB, 3);
  mixed_units.statutory_limit = model::TimeLimit{60, model::LimitUnit::kNaturalDays};
  mixed_units.promised_limit = model::TimeLimit{15, model::LimitUnit::kWorkingDays};
  for (const auto& item : {no_statutory, promise_too_long, no_fee, mixed_units}) PutItem(item);

  PeriodScores s = Scores("2025-03", model_);
  const IndicatorResult& catalog = Ind(DeptIn(s, kDeptA), "catalog_standardization");
  EXPECT_EQ(catalog.numerator, 1);  // only A1 is complete
  EXPECT_EQ(catalog.denominator, 4);
  EXPECT_EQ(catalog.value, 0.25);
  EXPECT_EQ(catalog.points, 0.0);  // below the floor of 0.5
  const IndicatorResult& online = Ind(DeptIn(s, kDeptA), "online_capability");
  EXPECT_EQ(online.numerator, 2);  // depth 4 (A1) and 3 (A2)
  EXPECT_EQ(online.value, 0.5);
  EXPECT_EQ(online.points, 70.0);  // the band "at least 0.5"
  // The catalog has no history: the previous period sees the same items.
  EXPECT_EQ(online.previous_value, 0.5);

  EXPECT_EQ(Ind(DeptIn(s, kDeptB), "catalog_standardization").value, 1.0);
  EXPECT_EQ(Ind(DeptIn(s, kDeptB), "catalog_standardization").points, 100.0);
  EXPECT_EQ(Ind(DeptIn(s, kDeptB), "online_capability").points, 100.0);
}

class CompletedCasesTest : public ComputeTest {
 protected:
  void SetUp() override {
    ComputeTest::SetUp();
    // Item A1: fee 0, promised 10 working days: accepted Mon 2025-03-03 10:00,
    // due 2025-03-18 00:00 (the start day is not counted).
    Case("c1", kDeptA, "A1", Channel::kOnline,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kDecide, "2025-03-05T10:00:00+08:00"},
          {EventType::kComplete, "2025-03-05T11:00:00+08:00"},
          {EventType::kDeliver, "2025-03-05T12:00:00+08:00", R"({"method":"electronic"})"}});
    // A fee where the standard is 0, and completed after the promised limit.
    Case("c2", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":500})"},
          {EventType::kDecide, "2025-03-17T10:00:00+08:00"},
          {EventType::kComplete, "2025-03-18T09:00:00+08:00"},
          {EventType::kDeliver, "2025-03-18T10:00:00+08:00", R"({"method":"window"})"}});
    // Completed six minutes after submission (体外循环).
    Case("c3", kDeptA, "A1", Channel::kMobile,
         {{EventType::kSubmit, "2025-03-10T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-10T09:02:00+08:00", R"({"fee":0})"},
          {EventType::kDecide, "2025-03-10T09:04:00+08:00"},
          {EventType::kComplete, "2025-03-10T09:06:00+08:00"}});
    // A supplement wait after acceptance stops the clock: 03-25 is past the plain
    // due (03-18) but within it once the 16 days of waiting are added.
    Case("c4", kDeptA, "A1", Channel::kOnline,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kRequestSupplement, "2025-03-04T09:00:00+08:00"},
          {EventType::kSupplementReceived, "2025-03-20T09:00:00+08:00"},
          {EventType::kDecide, "2025-03-24T09:00:00+08:00"},
          {EventType::kComplete, "2025-03-25T09:00:00+08:00"}});
    // Two supplement requests (一次性告知 broken).
    Case("c5", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kRequestSupplement, "2025-03-03T10:00:00+08:00"},
          {EventType::kSupplementReceived, "2025-03-03T14:00:00+08:00"},
          {EventType::kRequestSupplement, "2025-03-04T10:00:00+08:00"},
          {EventType::kSupplementReceived, "2025-03-04T14:00:00+08:00"},
          {EventType::kAccept, "2025-03-05T09:00:00+08:00", R"({"fee":0})"},
          {EventType::kDecide, "2025-03-05T15:00:00+08:00"},
          {EventType::kComplete, "2025-03-06T09:00:00+08:00"}});
    // Decided before it was accepted.
    Case("c8", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kDecide, "2025-03-04T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-04T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kComplete, "2025-03-04T11:00:00+08:00"}});
    // Completed in February: the previous period.
    Case("c6", kDeptA, "A1", Channel::kOnline,
         {{EventType::kSubmit, "2025-02-17T09:00:00+08:00"},
          {EventType::kAccept, "2025-02-17T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kComplete, "2025-02-20T10:00:00+08:00"}});
    // Submitted in March, not completed: counts nowhere yet.
    Case("c7", kDeptA, "A1", Channel::kOnline,
         {{EventType::kSubmit, "2025-03-28T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-28T10:00:00+08:00", R"({"fee":0})"}});
  }
};

TEST_F(CompletedCasesTest, StandardizedUseChecksCatalogFeeSupplementsOrderAndSpeed) {
  PeriodScores s = Scores("2025-03", model_, testing::DrillOn({{kDeptA, "standardized_use"}}));
  const IndicatorResult& r = Ind(DeptIn(s, kDeptA), "standardized_use");
  EXPECT_EQ(r.denominator, 6);  // c1 c2 c3 c4 c5 c8
  EXPECT_EQ(r.numerator, 2);    // c1, c4
  EXPECT_EQ(r.value, 0.3333);
  EXPECT_EQ(r.points, 0.0);
  ASSERT_EQ(s.drills.size(), 1u);
  std::string counted;
  for (const DrillRow& row : s.drills[0].rows) {
    counted += row.id + (row.counted ? "+ " : "- ");
    EXPECT_EQ(row.detail, "A1");
  }
  EXPECT_EQ(counted, "c1+ c2- c3- c4+ c5- c8- ");
}

TEST_F(CompletedCasesTest, FullOnlineNeedsEveryStepOnlineAndElectronicDelivery) {
  PeriodScores s = Scores("2025-03", model_);
  const IndicatorResult& r = Ind(DeptIn(s, kDeptA), "full_online");
  EXPECT_EQ(r.denominator, 6);
  EXPECT_EQ(r.numerator, 3);  // c1 (electronic delivery), c3 and c4 (not delivered yet)
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.points, 62.5);  // linear from 0 to 0.8
}

TEST_F(CompletedCasesTest, OnTimeCountsFromAcceptanceWithPausesAndShowsChange) {
  PeriodScores s = Scores("2025-03", model_, testing::DrillOn({{kDeptA, "on_time"}}));
  const IndicatorResult& r = Ind(DeptIn(s, kDeptA), "on_time");
  EXPECT_EQ(r.denominator, 6);
  EXPECT_EQ(r.numerator, 5);  // all but c2
  EXPECT_EQ(r.value, 0.8333);
  EXPECT_EQ(r.points, 16.65);  // (0.8333 − 0.8) / 0.2
  EXPECT_EQ(r.previous_value, 1.0);  // c6 in February
  EXPECT_EQ(r.previous_points, 100.0);
  ASSERT_EQ(s.drills.size(), 1u);
  for (const DrillRow& row : s.drills[0].rows) EXPECT_EQ(row.counted, row.id != "c2") << row.id;
}

TEST_F(ComputeTest, ComplaintHandlingNeedsFeedbackWithin24HoursAndResolution) {
  // Received Friday evening, answered 23 hours later on Saturday: hours run on weekends.
  Case("k1", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-03-07T20:00:00+08:00"},
        {EventType::kComplaintFeedback, "2025-03-08T19:00:00+08:00"},
        {EventType::kComplaintResolved, "2025-03-10T10:00:00+08:00"}});
  // 25 hours to the first feedback.
  Case("k2", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-03-12T10:00:00+08:00"},
        {EventType::kComplaintFeedback, "2025-03-13T11:00:00+08:00"},
        {EventType::kComplaintResolved, "2025-03-14T10:00:00+08:00"}});
  // Resolved after more than 15 working days.
  Case("k3", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-03-14T10:00:00+08:00"},
        {EventType::kComplaintFeedback, "2025-03-14T12:00:00+08:00"},
        {EventType::kComplaintResolved, "2025-04-15T10:00:00+08:00"}});
  // Reopened after its resolution and not resolved again.
  Case("k4", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-03-20T10:00:00+08:00"},
        {EventType::kComplaintFeedback, "2025-03-20T11:00:00+08:00"},
        {EventType::kComplaintResolved, "2025-03-21T10:00:00+08:00"},
        {EventType::kComplaintReopened, "2025-03-24T10:00:00+08:00"}});
  // Received in February: the previous period.
  Case("k5", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-02-27T10:00:00+08:00"},
        {EventType::kComplaintFeedback, "2025-02-27T11:00:00+08:00"},
        {EventType::kComplaintResolved, "2025-02-28T10:00:00+08:00"}});
  PeriodScores s = Scores("2025-03", model_);
  const IndicatorResult& r = Ind(DeptIn(s, kDeptA), "complaint_handling");
  EXPECT_EQ(r.denominator, 4);
  EXPECT_EQ(r.numerator, 1);
  EXPECT_EQ(r.value, 0.25);
  EXPECT_EQ(r.points, 0.0);
  EXPECT_EQ(r.previous_value, 1.0);
}

TEST_F(ComputeTest, SatisfactionAveragesTheCodeAsCodedLowerIsBetter) {
  Case("r1", kDeptA, "A1", Channel::kOnline,
       {{EventType::kRatingReceived, "2025-03-05T10:00:00+08:00", R"({"score":4})"}});
  Case("r2", kDeptA, "A1", Channel::kOnline,
       {{EventType::kRatingReceived, "2025-03-06T10:00:00+08:00", R"({"score":5})"}});
  // Not a code of GB/T 39046 A.8: left out.
  Case("r3", kDeptA, "A1", Channel::kOnline,
       {{EventType::kRatingReceived, "2025-03-07T10:00:00+08:00", R"({"score":"bad"})"}});
  Case("r4", kDeptB, "B1", Channel::kOnline,
       {{EventType::kRatingReceived, "2025-03-05T10:00:00+08:00", R"({"score":1})"}});
  Case("r5", kDeptB, "B1", Channel::kOnline,
       {{EventType::kRatingReceived, "2025-03-06T10:00:00+08:00", R"({"score":2})"}});
  PeriodScores s = Scores("2025-03", model_, testing::DrillOn({{kDeptA, "satisfaction"}}));
  const IndicatorResult& a = Ind(DeptIn(s, kDeptA), "satisfaction");
  EXPECT_EQ(a.denominator, 2);
  EXPECT_EQ(a.numerator, 9);  // 4 + 5
  EXPECT_EQ(a.value, 4.5);
  EXPECT_EQ(a.points, 12.5);  // 100 · (5 − 4.5) / 4
  const IndicatorResult& b = Ind(DeptIn(s, kDeptB), "satisfaction");
  EXPECT_EQ(b.value, 1.5);     // 1 = 非常满意: averaged as coded, not inverted
  EXPECT_EQ(b.points, 87.5);
  ASSERT_EQ(s.drills.size(), 1u);
  ASSERT_EQ(s.drills[0].rows.size(), 2u);
  EXPECT_EQ(s.drills[0].rows[0].value, 4.0);
}

class AlertsTest : public ComputeTest {
 protected:
  void SetUp() override {
    ComputeTest::SetUp();
    // x1 completed 03-20, after its deadline card; x2 under accountability;
    // x3 still open; x4 has no event in February or March at all.
    Case("x1", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kComplete, "2025-03-20T10:00:00+08:00"}});
    Case("x2", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kDecide, "2025-03-03T10:00:00+08:00"}});
    Case("x3", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-03-03T09:00:00+08:00"},
          {EventType::kAccept, "2025-03-03T10:00:00+08:00"}});
    Case("x4", kDeptA, "A1", Channel::kWindow,
         {{EventType::kSubmit, "2025-01-10T09:00:00+08:00"},
          {EventType::kAccept, "2025-01-10T10:00:00+08:00"},
          {EventType::kComplete, "2025-04-20T10:00:00+08:00"}});
    Alert("deadline", "x1", kDeptA, "yellow", "open", "2025-03-18T00:00:00+08:00", true);
    Alert("fee", "x1", kDeptA, "red", "open", "2025-03-05T10:00:00+08:00", false);
    Alert("deadline", "x1", kDeptA, "notice", "open", "2025-03-17T00:00:00+08:00", true);
    Alert("deadline", "x3", kDeptA, "yellow", "withdrawn", "2025-03-17T00:00:00+08:00", true, 1);
    Alert("supplement", "x1", kDeptA, "yellow", "responded", "2025-03-06T10:00:00+08:00", false);
    Alert("sequence", "x2", kDeptA, "red", "accountability", "2025-03-03T10:00:00+08:00", false);
    Alert("other", "x2", kDeptA, "yellow", "accountability", "2025-03-04T10:00:00+08:00", false);
    Alert("deadline", "x3", kDeptA, "yellow", "open", "2025-03-18T00:00:00+08:00", true);
    Alert("deadline", "x4", kDeptA, "yellow", "open", "2025-03-10T00:00:00+08:00", true);
    Alert("fee", "x4", kDeptA, "red", "open", "2025-02-10T00:00:00+08:00", false);  // February
  }
};

TEST_F(AlertsTest, AlertCorrectionCountsResponsesAndConcludedDeadlineCards) {
  PeriodScores s = Scores("2025-03", model_, testing::DrillOn({{kDeptA, "alert_correction"}}));
  const IndicatorResult& r = Ind(DeptIn(s, kDeptA), "alert_correction");
  // Yellow and red, not withdrawn: 7. Put right: x1's deadline card (completed
  // after it), the responded card, x4's deadline card (read case by case).
  EXPECT_EQ(r.denominator, 7);
  EXPECT_EQ(r.numerator, 3);
  EXPECT_EQ(r.value, 0.4286);
  EXPECT_EQ(r.points, 0.0);
  EXPECT_EQ(r.previous_value, 0.0);  // February's red card, never put right
  ASSERT_EQ(s.drills.size(), 1u);
  int counted = 0;
  for (const DrillRow& row : s.drills[0].rows) counted += row.counted;
  EXPECT_EQ(counted, 3);
}

TEST_F(AlertsTest, DeductionsPerRedCardAndPerAccountabilityCaseWithCap) {
  for (int i = 0; i < 12; ++i) {
    Alert("fee", "y" + std::to_string(i), kDeptB, "red", "open", "2025-03-05T10:00:00+08:00",
          false);
  }
  PeriodScores s = Scores("2025-03", model_);
  const DepartmentResult& a = DeptIn(s, kDeptA);
  ASSERT_EQ(a.deductions.size(), 2u);
  EXPECT_EQ(a.deductions[0].id, "red_cards");
  EXPECT_EQ(a.deductions[0].count, 2);
  EXPECT_EQ(a.deductions[0].points, 1.0);
  EXPECT_EQ(a.deductions[1].id, "accountability");
  EXPECT_EQ(a.deductions[1].count, 1);  // two alerts, one case
  EXPECT_EQ(a.deductions[1].points, 2.0);
  EXPECT_EQ(a.deducted, 3.0);
  ASSERT_TRUE(a.weighted && a.total);
  EXPECT_DOUBLE_EQ(*a.total, *a.weighted - 3.0);
  EXPECT_EQ(a.deductions[0].previous_count, 1);
  const DepartmentResult& b = DeptIn(s, kDeptB);
  EXPECT_EQ(b.deductions[0].count, 12);
  EXPECT_EQ(b.deductions[0].points, 5.0);  // 6 capped at 5
}

// A model of two indicators whose totals are easy to follow by hand.
constexpr char kTwoIndicators[] = R"(
model_id: two
version: 1
indicators:
  - id: online
    name_zh: 网上办理能力
    name_en: Online
    subject: items
    ratio: {numerator: item.online_depth >= 3}
    direction: higher_is_better
    points: {linear: {floor: 0, target: 1}}
    weight: 30
  - id: complaints
    name_zh: 投诉举报办理
    name_en: Complaints
    subject: cases
    case_kind: complaint
    period_by: complaint_received
    ratio: {numerator: case.first.complaint_feedback != null}
    direction: higher_is_better
    points: {linear: {floor: 0, target: 1}}
    weight: 70
)";

TEST_F(ComputeTest, AnIndicatorThatDoesNotApplyIsLeftOutOfTheWeightedMean) {
  auto model = ParseScoringModel(kTwoIndicators, "two.yaml");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  PutItem(MakeItem("A2", kDeptA, 1));  // A: 1 of 2 items online → 50 points
  PutItem(MakeItem("B2", kDeptB, 1));  // B: the same
  Case("k1", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplaintReceived, "2025-03-07T10:00:00+08:00"}});
  PeriodScores s = Scores("2025-03", *model);
  // A: (30·50 + 70·0) / 100.
  EXPECT_EQ(DeptIn(s, kDeptA).total, 15.0);
  // B has no complaint: only the online indicator counts, 30·50 / 30.
  const DepartmentResult& b = DeptIn(s, kDeptB);
  EXPECT_FALSE(Ind(b, "complaints").value.has_value());
  EXPECT_FALSE(Ind(b, "complaints").points.has_value());
  EXPECT_EQ(Ind(b, "complaints").denominator, 0);
  EXPECT_EQ(b.total, 50.0);
  EXPECT_EQ(b.rank, 1);
  EXPECT_EQ(DeptIn(s, kDeptA).rank, 2);
}

TEST_F(ComputeTest, TiesShareARankAndEmptyDepartmentsAreListedUnranked) {
  auto model = ParseScoringModel(kTwoIndicators, "two.yaml");
  ASSERT_TRUE(model.ok());
  Dept(kDeptC, "丙局");
  Dept(kDeptD, "丁局");
  Dept(kDeptE, "戊局");  // no items, no cases, no alerts
  PutItem(MakeItem("C1", kDeptC, 4));
  PutItem(MakeItem("C2", kDeptC, 1));
  PutItem(MakeItem("D1", kDeptD, 1));
  PeriodScores s = Scores("2025-03", *model);
  ASSERT_EQ(s.departments.size(), 5u);
  std::vector<std::string> order;
  for (const auto& d : s.departments) {
    order.push_back(d.dept_code + "=" + (d.rank ? std::to_string(*d.rank) : "-"));
  }
  // A and B tie at 100 (ordered by code), C 50, D 0; E has no indicator that applies.
  EXPECT_EQ(order, (std::vector<std::string>{std::string(kDeptA) + "=1", std::string(kDeptB) + "=1",
                                             std::string(kDeptC) + "=3", std::string(kDeptD) + "=4",
                                             std::string(kDeptE) + "=-"}));
  const DepartmentResult& e = DeptIn(s, kDeptE);
  EXPECT_EQ(e.dept_name, "戊局");
  EXPECT_FALSE(e.total.has_value());
  EXPECT_FALSE(e.weighted.has_value());
  for (const auto& r : e.indicators) EXPECT_FALSE(r.value.has_value()) << r.id;
}

TEST_F(ComputeTest, ADepartmentNeverCountsAnotherDepartmentsCases) {
  // B's case uses A's item; it still counts for B, the department that handled it.
  Case("a-case", kDeptA, "A1", Channel::kOnline,
       {{EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
        {EventType::kComplete, "2025-03-04T10:00:00+08:00"}});
  Case("b-case", kDeptB, "A1", Channel::kOnline,
       {{EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
        {EventType::kComplete, "2025-03-28T10:00:00+08:00"}});
  PeriodScores s = Scores("2025-03", model_,
                          testing::DrillOn({{kDeptA, "on_time"}, {kDeptB, "on_time"}}));
  EXPECT_EQ(Ind(DeptIn(s, kDeptA), "on_time").numerator, 1);
  EXPECT_EQ(Ind(DeptIn(s, kDeptA), "on_time").denominator, 1);
  EXPECT_EQ(Ind(DeptIn(s, kDeptB), "on_time").numerator, 0);
  EXPECT_EQ(Ind(DeptIn(s, kDeptB), "on_time").denominator, 1);
  ASSERT_EQ(s.drills.size(), 2u);
  ASSERT_EQ(s.drills[0].rows.size(), 1u);
  EXPECT_EQ(s.drills[0].dept_code, kDeptA);
  EXPECT_EQ(s.drills[0].rows[0].id, "a-case");
  ASSERT_EQ(s.drills[1].rows.size(), 1u);
  EXPECT_EQ(s.drills[1].rows[0].id, "b-case");
}

TEST_F(ComputeTest, PeriodsAreLocalMonths) {
  // 23:30 on 31 March in Shanghai is 15:30 UTC; 00:10 on 1 April is still 31 March in UTC.
  Case("late-march", kDeptA, "A1", Channel::kOnline,
       {{EventType::kAccept, "2025-03-31T10:00:00+08:00", R"({"fee":0})"},
        {EventType::kComplete, "2025-03-31T23:30:00+08:00"}});
  Case("early-april", kDeptA, "A1", Channel::kOnline,
       {{EventType::kAccept, "2025-03-31T10:00:00+08:00", R"({"fee":0})"},
        {EventType::kComplete, "2025-04-01T00:10:00+08:00"}});
  PeriodScores march = Scores("2025-03", model_);
  PeriodScores april = Scores("2025-04", model_);
  EXPECT_EQ(Ind(DeptIn(march, kDeptA), "on_time").denominator, 1);
  EXPECT_EQ(Ind(DeptIn(april, kDeptA), "on_time").denominator, 1);
  EXPECT_EQ(Ind(DeptIn(april, kDeptA), "on_time").previous_value, 1.0);
  EXPECT_EQ(march.from_text, "2025-03-01T00:00:00+08:00");
  EXPECT_EQ(march.to_text, "2025-04-01T00:00:00+08:00");
  PeriodScores year = Scores("2025", model_);
  EXPECT_EQ(Ind(DeptIn(year, kDeptA), "on_time").denominator, 2);
  EXPECT_EQ(year.previous.ToString(), "2024");
}

TEST_F(CompletedCasesTest, TotalsFollowFromThePointsShownAndChangeFromTheMonthBefore) {
  PeriodScores s = Scores("2025-03", model_);
  const DepartmentResult& a = DeptIn(s, kDeptA);
  double sum = 0;
  double weights = 0;
  for (std::size_t i = 0; i < a.indicators.size(); ++i) {
    if (!a.indicators[i].points) continue;
    sum += s.indicators[i].weight * *a.indicators[i].points;
    weights += s.indicators[i].weight;
  }
  ASSERT_TRUE(a.weighted.has_value());
  EXPECT_NEAR(*a.weighted, sum / weights, 0.005);
  ASSERT_TRUE(a.total && a.previous_total && a.change);
  EXPECT_NEAR(*a.change, *a.total - *a.previous_total, 1e-9);
  EXPECT_LT(*a.change, 0);  // February was spotless
}

TEST_F(CompletedCasesTest, SameDataGiveTheSameBytes) {
  ComputeOptions options = testing::DrillAll();
  std::string first = ScoresToJson(Scores("2025-03", model_, options));
  std::string second = ScoresToJson(Scores("2025-03", model_, options));
  EXPECT_EQ(first, second);
  // Reopened from the file: still the same.
  store_.reset();
  auto reopened = store::sqlite::OpenSqliteStore({dir_.File("scores.db"), {}});
  ASSERT_TRUE(reopened.ok());
  store_ = std::move(reopened).value();
  EXPECT_EQ(ScoresToJson(Scores("2025-03", model_, options)), first);
  EXPECT_NE(first.find("\"drills\":[{"), std::string::npos);
}

TEST_F(ComputeTest, DrillKeysAreChecked) {
  auto unknown_figure = Compute("2025-03", model_, testing::DrillOn({{kDeptA, "speed"}}));
  ASSERT_FALSE(unknown_figure.ok());
  EXPECT_EQ(unknown_figure.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown_figure.status().message().find("\"speed\""), std::string::npos);
  auto unknown_dept = Compute("2025-03", model_, testing::DrillOn({{"NOPE", "on_time"}}));
  ASSERT_FALSE(unknown_dept.ok());
  EXPECT_EQ(unknown_dept.status().code(), base::StatusCode::kNotFound);
  auto parsed = ParseDrillKey(std::string(kDeptA) + ":on_time");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->dept_code, kDeptA);
  EXPECT_EQ(parsed->figure_id, "on_time");
  EXPECT_FALSE(ParseDrillKey("on_time").ok());
  EXPECT_FALSE(ParseDrillKey(std::string(kDeptA) + ":").ok());
  ComputeOptions no_calendar;
  EXPECT_FALSE(ComputePeriod(*store_, model_, *Period::Parse("2025-03"), no_calendar).ok());
}

// The store's range read gives exactly the cases with an event in the range,
// each with all its events, as the default (full scan) implementation would.
TEST_F(ComputeTest, StoreReadsTheCasesActiveInARange) {
  Case("before", kDeptA, "A1", Channel::kOnline,
       {{EventType::kSubmit, "2025-01-05T10:00:00+08:00"}});
  Case("spans-gap", kDeptA, "A1", Channel::kOnline,
       {{EventType::kSubmit, "2025-01-05T10:00:00+08:00"},
        {EventType::kComplete, "2025-05-05T10:00:00+08:00"}});
  // Sent latest first: the source's ids run against event time.
  Case("inside", kDeptA, "A1", Channel::kOnline,
       {{EventType::kComplete, "2025-04-03T10:00:00+08:00"},
        {EventType::kAccept, "2025-03-03T10:00:00+08:00"},
        {EventType::kSubmit, "2025-02-27T10:00:00+08:00"}});
  auto scan = [&](store::Store& store) {
    std::vector<std::string> seen;
    EXPECT_TRUE(store
                    .ScanCasesActiveBetween(calendar::At("2025-03-01T00:00:00+08:00"),
                                            calendar::At("2025-04-01T00:00:00+08:00"),
                                            [&](std::vector<store::StoredEvent>& events) {
                                              std::string line = events[0].event.case_id + ":";
                                              for (const auto& e : events) {
                                                line += " " + std::string(model::EventTypeName(
                                                                  e.event.type));
                                              }
                                              seen.push_back(line);
                                              return true;
                                            })
                    .ok());
    return seen;
  };
  EXPECT_EQ(scan(*store_), std::vector<std::string>{"inside: submit accept complete"});
  // The base class's default over a full scan agrees.
  std::vector<std::string> by_default;
  ASSERT_TRUE(store_
                  ->store::Store::ScanCasesActiveBetween(
                      calendar::At("2025-03-01T00:00:00+08:00"),
                      calendar::At("2025-04-01T00:00:00+08:00"),
                      [&](std::vector<store::StoredEvent>& events) {
                        std::string line = events[0].event.case_id + ":";
                        for (const auto& e : events) {
                          line += " " + std::string(model::EventTypeName(e.event.type));
                        }
                        by_default.push_back(line);
                        return true;
                      })
                  .ok());
  EXPECT_EQ(by_default, std::vector<std::string>{"inside: submit accept complete"});
  // A range holding most cases takes the one-pass path: the same answer.
  std::vector<std::string> wide;
  ASSERT_TRUE(store_
                  ->ScanCasesActiveBetween(calendar::At("2025-01-01T00:00:00+08:00"),
                                           calendar::At("2025-06-01T00:00:00+08:00"),
                                           [&](std::vector<store::StoredEvent>& events) {
                                             wide.push_back(events[0].event.case_id + ":" +
                                                            std::to_string(events.size()));
                                             return true;
                                           })
                  .ok());
  EXPECT_EQ(wide, (std::vector<std::string>{"before:1", "spans-gap:2", "inside:3"}));
}

}  // namespace
}  // namespace oversight::scoring
