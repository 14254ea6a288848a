// The questionnaire and spot-check parts of the SQLite store: which cases count
// as completed in a period, forward-only questionnaire states, one response per
// case, scoped counts, and a finding's alert raised once per draw and case.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/spot_check_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/survey_store.h"
#include "tests/testing/event_builder.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;
using testing::EventBuilder;

constexpr const char* kDeptA = "11445200MB2C12345T";
constexpr const char* kDeptB = "11445200MB2C99999X";

base::Instant At(std::string_view rfc3339) { return *base::ParseInstant(rfc3339); }

class SqliteSurveysTest : public ::testing::Test {
 protected:
  SqliteSurveysTest() {
    auto opened = OpenSqliteStore({dir_.File("o.db"), {}});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  // A case submitted on 2025-02-20 and completed at each of `completions`.
  void Case(const std::string& id, const std::vector<std::string>& completions,
            const std::string& dept = kDeptA, const std::string& item = "445200-XK-0001") {
    std::vector<model::Event> events;
    events.push_back(EventBuilder(id, EventType::kSubmit).At("2025-02-20T09:00:00+08:00").Build());
    for (std::size_t i = 0; i < completions.size(); ++i) {
      events.push_back(EventBuilder(id, EventType::kComplete)
                           .At(completions[i])
                           .Id(id + "/c" + std::to_string(i))
                           .Build());
    }
    for (model::Event& e : events) {
      e.dept_code = dept;
      e.item_code = item;
    }
    ASSERT_TRUE(store_->AppendBatch(events, At("2025-06-01T00:00:00Z")).ok());
  }

  std::vector<std::string> CompletedInMarch(CompletedCaseQuery q = {}) {
    q.from = At("2025-03-01T00:00:00+08:00");
    q.to = At("2025-04-01T00:00:00+08:00");
    auto cases = store_->spot_checks().CompletedCases(q);
    EXPECT_TRUE(cases.ok()) << cases.status().ToString();
    std::vector<std::string> ids;
    for (const CompletedCase& c : *cases) ids.push_back(c.case_id);
    return ids;
  }

  std::string Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(dir_.File("o.db").c_str(), &db);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
  }

  oversight::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteSurveysTest, CompletedMeansTheFirstCompletionFallsInThePeriod) {
  Case("A-first-instant", {"2025-03-01T00:00:00+08:00"});
  Case("B-next-month", {"2025-04-01T00:00:00+08:00"});
  Case("C-completed-before", {"2025-02-28T23:59:00+08:00", "2025-03-05T10:00:00+08:00"});
  Case("D-never", {});
  Case("E-other-dept", {"2025-03-10T10:00:00+08:00"}, kDeptB, "445200-XK-0002");
  EXPECT_EQ(CompletedInMarch(), (std::vector<std::string>{"A-first-instant", "E-other-dept"}));
  CompletedCaseQuery only_b;
  only_b.depts = {kDeptB};
  EXPECT_EQ(CompletedInMarch(only_b), (std::vector<std::string>{"E-other-dept"}));
  CompletedCaseQuery only_item;
  only_item.items = {"445200-XK-0001"};
  EXPECT_EQ(CompletedInMarch(only_item), (std::vector<std::string>{"A-first-instant"}));
  auto found = store_->surveys().FindCompletedCase("C-completed-before");
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->completed_at, At("2025-02-28T23:59:00+08:00"));
  EXPECT_FALSE(*store_->surveys().FindCompletedCase("D-never"));
}

TEST_F(SqliteSurveysTest, QuestionnaireStatesMoveOnlyForward) {
  SurveyStore& s = store_->surveys();
  SurveyVersionRecord v{"q1",
                        0,
                        "{}",
                        At("2025-03-01T00:00:00Z"),
                        At("2025-04-01T00:00:00Z"),
                        "zhang",
                        At("2025-02-01T00:00:00Z")};
  ASSERT_TRUE(s.CreateSurvey(v).ok());
  EXPECT_EQ(s.CreateSurvey(v).code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(*s.AddSurveyVersion(v), 2);
  EXPECT_EQ(
      s.AddSurveyVersion(SurveyVersionRecord{"nope", 0, "{}", {}, {}, "zhang", {}}).status().code(),
      base::StatusCode::kNotFound);
  EXPECT_EQ(s.SetSurveyState("q1", "published", "closed", "zhang", At("2025-03-02T00:00:00Z"))
                .status()
                .code(),
            base::StatusCode::kFailedPrecondition);
  auto published = s.SetSurveyState("q1", "draft", "published", "li", At("2025-03-02T00:00:00Z"));
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_EQ(published->state, "published");
  EXPECT_EQ(published->published_by, "li");
  EXPECT_EQ(published->current.version, 2);
  // Not even by hand on the file: back to draft, versions edited, anything deleted.
  EXPECT_NE(Exec("UPDATE surveys SET state = 'draft' WHERE id = 'q1'"), "");
  EXPECT_NE(Exec("UPDATE survey_versions SET definition = '{\"x\":1}'"), "");
  EXPECT_NE(Exec("DELETE FROM surveys"), "");
  EXPECT_EQ(s.SurveyVersions("q1")->size(), 2u);
}

TEST_F(SqliteSurveysTest, OneResponsePerCaseAndScopedCounts) {
  SurveyStore& s = store_->surveys();
  ASSERT_TRUE(s.CreateSurvey({"q1", 0, "{}", {}, {}, "zhang", {}}).ok());
  Case("A1", {"2025-03-03T10:00:00+08:00"});
  Case("B1", {"2025-03-04T10:00:00+08:00"}, kDeptB);
  CompletedCaseQuery q{At("2025-03-01T00:00:00+08:00"), At("2025-04-01T00:00:00+08:00"), {}, {}};
  ASSERT_EQ(s.InvitationCandidates("q1", q)->size(), 2u);
  ASSERT_TRUE(s.AddInvitations(std::vector<InvitationRecord>{
                                   {0, "q1", "A1", kDeptA, "i", "hash-a", "zhang", {}}})
                  .ok());
  EXPECT_EQ(s.AddInvitations(
                 std::vector<InvitationRecord>{{0, "q1", "A1", kDeptA, "i", "hash-x", "zhang", {}}})
                .code(),
            base::StatusCode::kAlreadyExists);
  auto left = s.InvitationCandidates("q1", q);
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ(left->front().case_id, "B1");
  EXPECT_EQ((*s.FindInvitation("hash-a"))->case_id, "A1");

  ResponseRecord r{0, "q1", 1, "A1", kDeptA, "i", 1, {}, "{}"};
  ASSERT_TRUE(s.AddResponse(r).ok());
  EXPECT_EQ(s.AddResponse(r).status().code(), base::StatusCode::kAlreadyExists);
  ASSERT_TRUE(s.AddRefusedSubmission({"q1", 1, {}, kDeptA, "duplicate", "token"}).ok());
  ASSERT_TRUE(s.AddRefusedSubmission({"q1", 1, {}, "", "invalid", "body"}).ok());
  EXPECT_FALSE(s.AddRefusedSubmission({"q1", 1, {}, "", "valid", ""}).ok());
  auto all = s.CountSubmissions("q1", Scope::All());
  ASSERT_EQ(all->size(), 3u);  // ('', invalid), (A, duplicate), (A, valid)
  auto a = s.CountSubmissions("q1", Scope::Departments({kDeptA}));
  EXPECT_EQ(a->size(), 2u);
  EXPECT_TRUE(s.CountSubmissions("q1", Scope::Departments({kDeptB}))->empty());
  EXPECT_EQ(s.SurveyResponses("q1", Scope::Departments({kDeptB}))->size(), 0u);
  EXPECT_EQ(s.SurveyResponses("q1", Scope::Departments({kDeptA}))->size(), 1u);
  EXPECT_EQ((*s.CountInvitations("q1", Scope::All())).front().count, 1);
}

TEST_F(SqliteSurveysTest, AFindingRaisesOneAlertPerDrawAndCase) {
  SpotCheckStore& checks = store_->spot_checks();
  SpotCheckRecord record;
  record.period = "2025-03";
  record.created_by = "sup";
  std::vector<SampleRecord> sample = {{"A1", kDeptA, "i", "stratum"},
                                      {"B1", kDeptB, "i", "minimum"}};
  auto id = checks.SaveSpotCheck(record, sample);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  AlertRecord alert;
  alert.rule_id = "spotcheck.finding";
  alert.occurrence = *id;
  alert.level = "red";
  alert.reason = "fee";
  FindingRecord f;
  f.check_id = *id;
  f.case_id = "A1";
  f.inspector = "wang";
  f.outcome = "problem";
  f.category = "fee";
  auto first = checks.RecordFinding(f, alert, Scope::All());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->alert_raised);
  ASSERT_TRUE(first->alert);
  EXPECT_EQ(first->alert->dept_code, kDeptA);  // from the sample, not the caller
  EXPECT_EQ(first->alert->case_id, "A1");
  alert.level = "yellow";  // a later finding of another category: still the same alert
  auto second = checks.RecordFinding(f, alert, Scope::All());
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->alert_raised);
  EXPECT_EQ(second->finding.alert_id, first->finding.alert_id);
  EXPECT_EQ(store_->ListAlerts({})->size(), 1u);
  // Not in the sample, or outside the caller's scope: not found.
  f.case_id = "Z9";
  EXPECT_EQ(checks.RecordFinding(f, std::nullopt, Scope::All()).status().code(),
            base::StatusCode::kNotFound);
  f.case_id = "B1";
  EXPECT_EQ(checks.RecordFinding(f, std::nullopt, Scope::Departments({kDeptA})).status().code(),
            base::StatusCode::kNotFound);
  auto found = checks.FindSpotCheck(*id);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->sample_size, 2);
  EXPECT_EQ((*found)->cases_checked, 1);
  EXPECT_EQ((*found)->problems, 1);
  EXPECT_EQ(checks.SpotCheckSample(*id, Scope::Departments({kDeptB}))->size(), 1u);
  EXPECT_EQ(checks.SpotCheckFindings(*id, Scope::Departments({kDeptB}))->size(), 0u);
  EXPECT_NE(Exec("UPDATE spot_check_samples SET reason = 'x'"), "");
}

}  // namespace
}  // namespace oversight::store::sqlite
