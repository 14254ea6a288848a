#include "survey/aggregate.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace oversight::survey {
namespace {

Questionnaire Version(bool with_channel) {
  std::string questions =
      R"({"id": "overall", "kind": "scale", "text": {"zh": "总体", "en": "Overall"}},
         {"id": "comment", "kind": "text", "required": false, "text": {"zh": "意见", "en": "Comments"}})";
  if (with_channel) {
    questions += R"(, {"id": "channel", "kind": "single", "text": {"zh": "渠道", "en": "Channel"},
       "options": [{"id": "online", "zh": "网上", "en": "Online"}, {"id": "window", "zh": "窗口", "en": "Window"}]})";
  }
  auto q = ParseQuestionnaireJson(R"({"id": "s", "title": {"zh": "调查", "en": "Survey"},
    "opens_at": "2025-05-01T00:00:00+08:00", "closes_at": "2025-06-01T00:00:00+08:00",
    "questions": [)" + questions + "]}");
  EXPECT_TRUE(q.ok()) << q.status().ToString();
  return *q;
}

TEST(AggregateTest, CountsPerVersionQuestionAndDepartment) {
  std::vector<VersionDefinition> versions = {{1, Version(false)}, {2, Version(true)}};
  std::vector<StoredAnswers> responses = {
      {1, "D1", true, R"({"overall":1,"comment":"好"})"},
      {1, "D2", false, R"({"overall":4})"},
      {2, "D1", true, R"({"overall":2,"channel":"online"})"},
      {2, "D1", false, R"({"overall":2,"channel":"window"})"},
      {2, "D2", true, R"({"overall":5,"channel":"online"})"},
  };
  std::vector<OutcomeCount> submissions = {{"", "unknown_case", 2},
                                           {"D1", "valid", 3},
                                           {"D1", "duplicate", 1},
                                           {"D2", "invalid", 1},
                                           {"D2", "valid", 2}};
  std::vector<DeptCount> invitations = {{"D1", 4}, {"D2", 4}};
  auto r = Aggregate("s", versions, responses, submissions, invitations);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->current_version, 2);
  EXPECT_EQ(r->total.submissions, 9);
  EXPECT_EQ(r->total.valid, 5);
  EXPECT_EQ(r->total.refused.at("unknown_case"), 2);
  EXPECT_EQ(r->total.invitations, 8);
  EXPECT_EQ(r->total.invitation_responses, 3);
  ASSERT_EQ(r->total.versions.size(), 2u);
  EXPECT_EQ(r->total.versions[0].responses, 2);
  EXPECT_EQ(r->total.versions[1].responses, 3);
  const QuestionResult& overall2 = r->total.versions[1].questions[0];
  EXPECT_EQ(overall2.distribution, (std::array<std::int64_t, 5>{0, 2, 0, 0, 1}));
  EXPECT_EQ(overall2.scale_sum, 9);
  const QuestionResult& channel = r->total.versions[1].questions[2];
  EXPECT_EQ(channel.options[0], (std::pair<std::string, std::int64_t>{"online", 2}));
  EXPECT_EQ(channel.options[1], (std::pair<std::string, std::int64_t>{"window", 1}));
  EXPECT_EQ(r->total.versions[0].questions[1].answered, 1);  // one free-text answer
  // Per department: D1 answered v1 once and v2 twice; refusals with no case stay out.
  const Tallies& d1 = r->departments.at("D1");
  EXPECT_EQ(d1.versions[0].responses, 1);
  EXPECT_EQ(d1.versions[1].responses, 2);
  EXPECT_EQ(d1.submissions, 4);
  EXPECT_EQ(d1.valid, 3);
  EXPECT_EQ(r->departments.size(), 2u);

  // The JSON: rates beside the raw counts, scale means with the direction stated.
  nlohmann::json j = nlohmann::json::parse(ResultsJson(*r));
  EXPECT_EQ(j["valid_responses"], 5);
  EXPECT_EQ(j["submissions"], 9);
  EXPECT_DOUBLE_EQ(j["valid_response_rate"].get<double>(), 0.5556);
  EXPECT_DOUBLE_EQ(j["invitation_response_rate"].get<double>(), 0.375);
  EXPECT_DOUBLE_EQ(j["versions"][1]["questions"][0]["mean"].get<double>(), 3.0);
  EXPECT_DOUBLE_EQ(j["versions"][0]["questions"][0]["mean"].get<double>(), 2.5);
  EXPECT_NE(j["scale"]["direction"].get<std::string>().find("1 = best"), std::string::npos);
  EXPECT_EQ(j["departments"][0]["dept_code"], "D1");
  EXPECT_DOUBLE_EQ(j["departments"][0]["valid_response_rate"].get<double>(), 0.75);
  // Same inputs, same bytes.
  EXPECT_EQ(ResultsJson(*r),
            ResultsJson(*Aggregate("s", versions, responses, submissions, invitations)));
}

TEST(AggregateTest, NothingYetGivesNullRates) {
  auto r = Aggregate("s", {{1, Version(false)}}, {}, {}, {});
  ASSERT_TRUE(r.ok());
  nlohmann::json j = nlohmann::json::parse(ResultsJson(*r));
  EXPECT_TRUE(j["valid_response_rate"].is_null());
  EXPECT_TRUE(j["invitation_response_rate"].is_null());
  EXPECT_TRUE(j["versions"][0]["questions"][0]["mean"].is_null());
  EXPECT_TRUE(j["departments"].empty());
}

TEST(AggregateTest, StoredResponseOfUnknownVersionIsDataLoss) {
  auto r = Aggregate("s", {{1, Version(false)}}, {{3, "D1", false, R"({"overall":1})"}}, {}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), base::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace oversight::survey
