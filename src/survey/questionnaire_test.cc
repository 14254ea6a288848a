#include "survey/questionnaire.h"

#include <gtest/gtest.h>

#include "survey/lifecycle.h"

namespace oversight::survey {
namespace {

constexpr char kYaml[] = R"yaml(
id: service-2025
title: {zh: 政务服务满意度调查, en: Service satisfaction survey}
opens_at: 2025-05-01T00:00:00+08:00
closes_at: 2025-06-01T00:00:00+08:00
attach_items: [445200-XK-0043, 445200-XK-0042]
questions:
  - id: overall
    kind: scale
    text: {zh: 总体评价, en: Overall}
  - id: channel
    kind: single
    text: {zh: 办理渠道, en: Channel}
    options:
      - {id: online, zh: 网上, en: Online}
      - {id: window, zh: 窗口, en: Window}
  - id: problems
    kind: multiple
    required: false
    max_choices: 2
    text: {zh: 遇到的问题, en: Problems}
    options:
      - {id: fee, zh: 收费, en: Fees}
      - {id: wait, zh: 等待, en: Waiting}
      - {id: rude, zh: 态度, en: Attitude}
  - id: comment
    kind: text
    required: false
    max_chars: 10
    text: {zh: 意见, en: Comments}
)yaml";

std::string FieldOf(std::string_view yaml) {
  auto q = ParseQuestionnaireYaml(yaml);
  EXPECT_FALSE(q.ok());
  return q.ok() ? "" : ErrorField(q.status());
}

TEST(QuestionnaireTest, ParsesYamlAndFillsDefaults) {
  auto q = ParseQuestionnaireYaml(kYaml);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->id, "service-2025");
  EXPECT_EQ(q->title.zh, "政务服务满意度调查");
  ASSERT_EQ(q->questions.size(), 4u);
  EXPECT_EQ(q->questions[0].kind, QuestionKind::kScale);
  EXPECT_TRUE(q->questions[0].required);  // the default
  EXPECT_EQ(q->questions[0].best.zh, "非常满意");
  EXPECT_EQ(q->questions[2].max_choices, 2);
  EXPECT_FALSE(q->questions[2].required);
  EXPECT_EQ(q->questions[3].max_chars, 10);
  // Attachment items are kept sorted; AttachedTo looks them up.
  EXPECT_EQ(q->attach_items, (std::vector<std::string>{"445200-XK-0042", "445200-XK-0043"}));
  EXPECT_TRUE(q->AttachedTo("445200-XK-0043"));
  EXPECT_FALSE(q->AttachedTo("445200-XK-9999"));
  EXPECT_EQ(base::FormatInstantUtc(q->opens_at), "2025-04-30T16:00:00Z");
}

TEST(QuestionnaireTest, CanonicalJsonRoundTripsAndIsStable) {
  auto q = ParseQuestionnaireYaml(kYaml);
  ASSERT_TRUE(q.ok());
  const std::string json = QuestionnaireJson(*q);
  auto again = ParseQuestionnaireJson(json);
  ASSERT_TRUE(again.ok()) << again.status().ToString() << "\n" << json;
  EXPECT_EQ(QuestionnaireJson(*again), json);
  // The public wording leaves the attachment rule out and names the version.
  const std::string pub = PublicQuestionnaireJson(*q, 3);
  EXPECT_EQ(pub.find("attach_items"), std::string::npos);
  EXPECT_NE(pub.find("\"version\":3"), std::string::npos);
}

TEST(QuestionnaireTest, NoAttachmentMeansEveryItem) {
  Questionnaire q;
  EXPECT_TRUE(q.AttachedTo("anything"));
}

TEST(QuestionnaireTest, ErrorsNameTheField) {
  const std::string head =
      "id: s\ntitle: {zh: 标题, en: Title}\nopens_at: 2025-05-01T00:00:00+08:00\n"
      "closes_at: 2025-06-01T00:00:00+08:00\n";
  EXPECT_EQ(FieldOf(head + "questions: []\n"), "questions");
  EXPECT_EQ(FieldOf(head + "questions:\n  - {id: q, kind: single, text: {zh: a, en: b}, options: "
                           "[{id: a, zh: a, en: a}, {id: a, zh: b, en: b}]}\n"),
            "questions[0].options[1].id");
  EXPECT_EQ(FieldOf(head + "questions:\n  - {id: q, kind: single, text: {zh: a, en: b}, options: "
                           "[{id: a, zh: a, en: a}]}\n"),
            "questions[0].options");
  EXPECT_EQ(FieldOf(head + "questions:\n  - {id: q, kind: rating, text: {zh: a, en: b}}\n"),
            "questions[0].kind");
  EXPECT_EQ(FieldOf(head + "questions:\n  - {id: q, kind: scale, text: {zh: a}}\n"),
            "questions[0].text.en");
  EXPECT_EQ(
      FieldOf(head + "questions:\n  - {id: q, kind: scale, text: {zh: a, en: b}, options: []}\n"),
      "questions[0].options");
  EXPECT_EQ(FieldOf(head +
                    "questions:\n  - {id: q, kind: text, text: {zh: a, en: b}, max_chars: 5000}\n"),
            "questions[0].max_chars");
  EXPECT_EQ(FieldOf(head + "questions:\n  - {id: q, kind: text, text: {zh: a, en: b}}\n"
                           "  - {id: q, kind: text, text: {zh: a, en: b}}\n"),
            "questions[1].id");
  EXPECT_EQ(
      FieldOf(head + "colour: red\nquestions:\n  - {id: q, kind: text, text: {zh: a, en: b}}\n"),
      "colour");
  EXPECT_EQ(FieldOf("id: Bad Id\ntitle: {zh: a, en: b}\nopens_at: 2025-05-01T00:00:00+08:00\n"
                    "closes_at: 2025-06-01T00:00:00+08:00\nquestions:\n  - {id: q, kind: text, "
                    "text: {zh: a, en: b}}\n"),
            "id");
  EXPECT_EQ(FieldOf("id: s\ntitle: {zh: a, en: b}\nopens_at: 2025-06-01T00:00:00+08:00\n"
                    "closes_at: 2025-05-01T00:00:00+08:00\nquestions:\n  - {id: q, kind: text, "
                    "text: {zh: a, en: b}}\n"),
            "closes_at");
  EXPECT_EQ(FieldOf("id: s\ntitle: {zh: a, en: b}\nopens_at: 2025-06-01\n"
                    "closes_at: 2025-07-01T00:00:00+08:00\nquestions:\n  - {id: q, kind: text, "
                    "text: {zh: a, en: b}}\n"),
            "opens_at");
  auto not_json = ParseQuestionnaireJson("{");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(ErrorField(not_json.status()), "body");
}

TEST(LifecycleTest, StatusFollowsStateAndWindow) {
  auto q = ParseQuestionnaireYaml(kYaml);
  ASSERT_TRUE(q.ok());
  const base::Instant before = *base::ParseInstant("2025-04-30T12:00:00+08:00");
  const base::Instant during = *base::ParseInstant("2025-05-10T12:00:00+08:00");
  const base::Instant after =
      *base::ParseInstant("2025-06-01T00:00:00+08:00");  // closes_at is exclusive
  EXPECT_EQ(StatusAt(SurveyState::kDraft, *q, during), SurveyStatus::kDraft);
  EXPECT_EQ(StatusAt(SurveyState::kPublished, *q, before), SurveyStatus::kScheduled);
  EXPECT_EQ(StatusAt(SurveyState::kPublished, *q, during), SurveyStatus::kOpen);
  EXPECT_EQ(StatusAt(SurveyState::kPublished, *q, after), SurveyStatus::kClosed);
  EXPECT_EQ(StatusAt(SurveyState::kClosed, *q, during), SurveyStatus::kClosed);

  EXPECT_TRUE(CheckPublish(SurveyState::kDraft, *q, during).ok());
  EXPECT_EQ(CheckPublish(SurveyState::kDraft, *q, after).code(),
            base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CheckPublish(SurveyState::kPublished, *q, during).code(),
            base::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckClose(SurveyState::kPublished).ok());
  EXPECT_FALSE(CheckClose(SurveyState::kDraft).ok());
  EXPECT_FALSE(CheckClose(SurveyState::kClosed).ok());
  EXPECT_TRUE(CheckEdit(SurveyState::kPublished, *q).ok());
  EXPECT_FALSE(CheckEdit(SurveyState::kClosed, *q).ok());
  EXPECT_EQ(ParseSurveyState("published"), SurveyState::kPublished);
  EXPECT_EQ(ParseSurveyState("open"), std::nullopt);  // a status, not a state
}

}  // namespace
}  // namespace oversight::survey
