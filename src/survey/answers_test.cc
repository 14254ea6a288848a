#include "survey/answers.h"

#include <gtest/gtest.h>

namespace oversight::survey {
namespace {

Questionnaire Sample() {
  auto q = ParseQuestionnaireJson(R"({
    "id": "s", "title": {"zh": "调查", "en": "Survey"},
    "opens_at": "2025-05-01T00:00:00+08:00", "closes_at": "2025-06-01T00:00:00+08:00",
    "questions": [
      {"id": "overall", "kind": "scale", "text": {"zh": "总体", "en": "Overall"}},
      {"id": "channel", "kind": "single", "text": {"zh": "渠道", "en": "Channel"},
       "options": [{"id": "online", "zh": "网上", "en": "Online"}, {"id": "window", "zh": "窗口", "en": "Window"}]},
      {"id": "problems", "kind": "multiple", "required": false, "max_choices": 2, "text": {"zh": "问题", "en": "Problems"},
       "options": [{"id": "fee", "zh": "收费", "en": "Fees"}, {"id": "wait", "zh": "等待", "en": "Waiting"},
                   {"id": "rude", "zh": "态度", "en": "Attitude"}]},
      {"id": "comment", "kind": "text", "required": false, "max_chars": 4, "text": {"zh": "意见", "en": "Comments"}}
    ]})");
  EXPECT_TRUE(q.ok()) << q.status().ToString();
  return *q;
}

std::string FieldOf(const std::string& answers) {
  auto a = ValidateAnswers(Sample(), answers);
  EXPECT_FALSE(a.ok()) << answers;
  return a.ok() ? "" : ErrorField(a.status());
}

TEST(AnswersTest, ValidAnswersAreCanonicalised) {
  auto a =
      ValidateAnswers(Sample(), R"({"problems": ["wait", "fee"], "overall": 2, "channel": "online",
                                         "comment": "很好很好"})");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->at("overall").scale, 2);
  // Choices in option order, whatever order they came in; 4 characters of Chinese fit max_chars 4.
  EXPECT_EQ(AnswersJson(*a),
            R"({"channel":"online","comment":"很好很好","overall":2,"problems":["fee","wait"]})");
}

TEST(AnswersTest, OptionalQuestionsMayBeLeftOut) {
  auto a = ValidateAnswers(
      Sample(), R"({"overall": 5, "channel": "window", "problems": [], "comment": "  "})");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->size(), 2u);
  EXPECT_EQ(AnswersJson(*a), R"({"channel":"window","overall":5})");
}

TEST(AnswersTest, EveryBadAnswerNamesItsQuestion) {
  EXPECT_EQ(FieldOf(R"({"channel": "online"})"), "answers.overall");  // required
  EXPECT_EQ(FieldOf(R"({"overall": null, "channel": "online"})"),
            "answers.overall");  // null is no answer
  EXPECT_EQ(FieldOf(R"({"overall": 6, "channel": "online"})"), "answers.overall");
  EXPECT_EQ(FieldOf(R"({"overall": 0, "channel": "online"})"), "answers.overall");
  EXPECT_EQ(FieldOf(R"({"overall": 2.5, "channel": "online"})"), "answers.overall");
  EXPECT_EQ(FieldOf(R"({"overall": "2", "channel": "online"})"), "answers.overall");
  EXPECT_EQ(FieldOf(R"({"overall": 18446744073709551615, "channel": "online"})"),
            "answers.overall");
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": "fax"})"), "answers.channel");  // unknown option
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": ["online"]})"), "answers.channel");
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": "online", "problems": ["fee", "fee"]})"),
            "answers.problems");
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": "online", "problems": ["fee", "wait", "rude"]})"),
            "answers.problems");  // max_choices 2
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": "online", "comment": "太长了太长了"})"),
            "answers.comment");
  EXPECT_EQ(FieldOf(R"({"overall": 2, "channel": "online", "colour": "red"})"), "answers.colour");
  EXPECT_EQ(FieldOf("[1]"), "answers");
}

TEST(AnswersTest, RequestNeedsExactlyOneWayToIdentifyTheCase) {
  auto ok = ParseResponseRequest(R"({"token": "abc", "version": 2, "answers": {"overall": 1}})");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->token, "abc");
  EXPECT_EQ(ok->version, 2);
  EXPECT_EQ(ok->answers_json, R"({"overall":1})");
  auto field = [](std::string_view body) {
    auto r = ParseResponseRequest(body);
    return r.ok() ? std::string("ok") : ErrorField(r.status());
  };
  EXPECT_EQ(field(R"({"answers": {}})"), "token");
  EXPECT_EQ(field(R"({"token": "a", "case_id": "b", "answers": {}})"), "token");
  EXPECT_EQ(field(R"({"case_id": "b"})"), "answers");
  EXPECT_EQ(field(R"({"case_id": "b", "answers": []})"), "answers");
  EXPECT_EQ(field(R"({"case_id": "b", "answers": {}, "name": "张三"})"), "name");
  EXPECT_EQ(field(R"({"case_id": 7, "answers": {}})"), "case_id");
  EXPECT_EQ(field(R"({"case_id": "b", "version": 0, "answers": {}})"), "version");
  EXPECT_EQ(field("not json"), "body");
  EXPECT_EQ(field(std::string(kMaxResponseBytes + 1, ' ')), "body");
}

}  // namespace
}  // namespace oversight::survey
