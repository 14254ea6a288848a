#include "spotcheck/finding.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace oversight::spotcheck {
namespace {

std::string Field(const FindingInput& f) {
  base::Status s = CheckFinding(f);
  if (s.ok()) return "ok";
  return s.message().substr(0, s.message().find(':'));
}

TEST(FindingTest, ProblemsNeedCategoryAndText) {
  EXPECT_EQ(Field({"C1", Outcome::kConforms, std::nullopt, "", true}), "ok");
  EXPECT_EQ(Field({"C1", Outcome::kConforms, std::nullopt, "材料齐全", true}), "ok");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, Category::kFee, "多收工本费 20 元", true}), "ok");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, Category::kFee, "待核实", false}), "ok");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, std::nullopt, "x", true}), "category");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, Category::kOther, "  ", true}), "text");
  EXPECT_EQ(Field({"C1", Outcome::kConforms, Category::kFee, "", true}), "category");
  EXPECT_EQ(Field({"C1", Outcome::kConforms, std::nullopt, "", false}), "confirmed");
  EXPECT_EQ(Field({"", Outcome::kConforms, std::nullopt, "", true}), "case_id");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, Category::kFee,
                   std::string(kMaxFindingTextBytes + 1, 'x'), true}),
            "text");
  EXPECT_EQ(Field({"C1", Outcome::kProblem, Category::kFee, "\xff", true}), "text");
}

TEST(FindingTest, OnlyConfirmedProblemsRaiseAlerts) {
  EXPECT_TRUE(RaisesAlert({"C1", Outcome::kProblem, Category::kFee, "x", true}));
  EXPECT_FALSE(RaisesAlert({"C1", Outcome::kProblem, Category::kFee, "x", false}));
  EXPECT_FALSE(RaisesAlert({"C1", Outcome::kConforms, std::nullopt, "", true}));
}

TEST(FindingTest, LevelsFollowTheCategory) {
  EXPECT_EQ(AlertLevelFor(Category::kFee), "red");
  EXPECT_EQ(AlertLevelFor(Category::kTimeLimit), "red");
  EXPECT_EQ(AlertLevelFor(Category::kProcedure), "red");
  EXPECT_EQ(AlertLevelFor(Category::kMaterials), "yellow");
  EXPECT_EQ(AlertLevelFor(Category::kAttitude), "yellow");
  EXPECT_EQ(AlertLevelFor(Category::kOther), "yellow");
  for (const char* name : {"materials", "time_limit", "fee", "attitude", "procedure", "other"}) {
    ASSERT_TRUE(ParseCategory(name)) << name;
    EXPECT_EQ(CategoryName(*ParseCategory(name)), name);
  }
  EXPECT_EQ(ParseCategory("bribery"), std::nullopt);
  EXPECT_EQ(ParseOutcome("problem"), Outcome::kProblem);
  EXPECT_EQ(ParseOutcome("ok"), std::nullopt);
}

TEST(FindingTest, ReasonCutsLongTextAtACharacter) {
  EXPECT_EQ(AlertReason(7, Category::kFee, "多收费"), "线下抽查 #7: fee: 多收费");
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "超";  // 3 bytes each
  const std::string reason = AlertReason(7, Category::kFee, long_text);
  EXPECT_LT(reason.size(), 400u);
  EXPECT_TRUE(base::IsValidUtf8(reason));
  EXPECT_EQ(reason.substr(reason.size() - 3), "…");
}

}  // namespace
}  // namespace oversight::spotcheck
