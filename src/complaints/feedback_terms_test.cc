#include "complaints/feedback_terms.h"

#include <gtest/gtest.h>

#include "complaints/complaint_desk.h"
#include "complaints/event_sink.h"

namespace oversight::complaints {
namespace {

using model::EventType;
using S = ComplaintState;
using Step = ComplaintStep;

TEST(FeedbackTermsTest, LevelsKeepTheStandardsCodeWithLowerBetter) {
  EXPECT_EQ(LevelName(1), "非常满意");
  EXPECT_EQ(LevelName(3), "基本满意");
  EXPECT_EQ(LevelName(5), "非常不满意");
  EXPECT_EQ(LevelName(0), "");
  EXPECT_EQ(LevelName(6), "");
  EXPECT_FALSE(IsBadLevel(3));
  EXPECT_TRUE(IsBadLevel(4));
  EXPECT_TRUE(IsBadLevel(5));
}

TEST(FeedbackTermsTest, AComplaintIsFedBackBeforeItIsResolvedAndReopenedOnlyOnceResolved) {
  EXPECT_TRUE(CheckComplaintStep(S::kReceived, Step::kFeedback).ok());
  EXPECT_TRUE(CheckComplaintStep(S::kFedBack, Step::kResolve).ok());
  EXPECT_TRUE(CheckComplaintStep(S::kResolved, Step::kReopen).ok());
  EXPECT_TRUE(CheckComplaintStep(S::kReopened, Step::kFeedback).ok());
  EXPECT_TRUE(CheckComplaintStep(S::kReopened, Step::kResolve).ok());
  base::Status early = CheckComplaintStep(S::kReceived, Step::kResolve);
  EXPECT_EQ(early.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(early.message().find("first feedback"), std::string::npos);
  EXPECT_FALSE(CheckComplaintStep(S::kFedBack, Step::kReopen).ok());
  EXPECT_FALSE(CheckComplaintStep(S::kResolved, Step::kFeedback).ok());
  EXPECT_FALSE(CheckComplaintStep(std::nullopt, Step::kFeedback).ok());
}

TEST(FeedbackTermsTest, StatesFollowTheLatestEvent) {
  EXPECT_EQ(ComplaintStateOf(EventType::kComplaintFeedback), S::kFedBack);
  EXPECT_EQ(ComplaintStateOf(EventType::kStep), std::nullopt);
  for (S s : {S::kReceived, S::kFedBack, S::kResolved, S::kReopened}) {
    EXPECT_EQ(ParseComplaintState(ComplaintStateName(s)), s);
    EXPECT_EQ(ComplaintStateOf(StageOf(s)), s);
  }
  EXPECT_EQ(ParseComplaintState("closed"), std::nullopt);
}

TEST(FeedbackTermsTest, RectificationRunsVerifyRectifyRevisitInOrder) {
  EXPECT_TRUE(CheckRatingStep(EventType::kRatingReceived, RatingStep::kVerify).ok());
  EXPECT_TRUE(CheckRatingStep(EventType::kRatingVerified, RatingStep::kRectify).ok());
  EXPECT_TRUE(CheckRatingStep(EventType::kRatingRectified, RatingStep::kRevisit).ok());
  EXPECT_FALSE(CheckRatingStep(EventType::kRatingReceived, RatingStep::kRectify).ok());
  EXPECT_FALSE(CheckRatingStep(EventType::kRatingRevisited, RatingStep::kVerify).ok());
  EXPECT_FALSE(CheckRatingStep(EventType::kStep, RatingStep::kVerify).ok());
  EXPECT_EQ(ParseRatingStep("rectify"), RatingStep::kRectify);
  EXPECT_EQ(ParseRatingStep("整改"), std::nullopt);
}

TEST(FeedbackTermsTest, ContactsAreMaskedAndRefusalsNameTheirField) {
  EXPECT_EQ(MaskContact("13812345678"), "138****5678");
  EXPECT_EQ(MaskContact("zhang.san@example.cn"), "z***@example.cn");
  EXPECT_EQ(MaskContact(""), "");
  EXPECT_EQ(LookupCodeFrom(std::string("\x00\x01\x1f\x20\xff\x08\x18\x17\x10\x11" "extra", 15)), "AB9A9J2ZST");
  EXPECT_EQ(FieldOf(base::InvalidArgument("'dept': no department")), "dept");
  EXPECT_EQ(FieldOf(base::InvalidArgument("'text' is required")), "text");
  EXPECT_EQ(FieldOf(base::InvalidArgument("'TS-1' is not a field")), "");
  EXPECT_EQ(FieldOf(base::InvalidArgument("no quote")), "");
}

TEST(FeedbackTermsTest, EventLinesAreCanonicalRecords) {
  model::Event e;
  e.source_event_id = "TS-1-01";
  e.case_id = "TS-1";
  e.kind = model::CaseKind::kComplaint;
  e.type = EventType::kComplaintReceived;
  e.step_name = "投诉受理";
  e.at = *base::ParseInstant("2025-05-09T17:00:00+08:00");
  e.dept_code = "11445200MB2C123484";
  e.item_code = "445200-XK-0042";
  e.attrs_json = R"({"complainant_contact":"138****5678"})";
  const std::string line = EventLine(e);
  EXPECT_NE(line.find(R"("type":"complaint_received")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("at":"2025-05-09T09:00:00)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("attrs":{"complainant_contact":"138****5678"})"), std::string::npos) << line;
  e.type = EventType::kStep;
  EXPECT_EQ(EventLine(e).find("\"type\""), std::string::npos);
}

}  // namespace
}  // namespace oversight::complaints
