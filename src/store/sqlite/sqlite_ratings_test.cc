// The complaint register and the ratings in SQLite: ids and case ids assigned,
// one rating per case, figures over the GB/T 39046 codes as coded, the appeal
// decided once, exclusion instead of deletion (the backend refuses anything
// else), department scope in the queries, and the default-rating candidates.

#include "store/sqlite/internal/sqlite_ratings.h"

#include <gtest/gtest.h>

#include "store/complaint_store.h"
#include "store/rating_store.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

constexpr char kDeptA[] = "11445200MB2C123484";
constexpr char kDeptB[] = "11445200MB2D000140";

class SqliteRatingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenSqliteStore({dir_.File("o.db"), std::nullopt});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  RatingStore& ratings() { return store_->ratings(); }
  ComplaintStore& complaints() { return store_->complaints(); }

  RatingRecord Rating(const std::string& case_id, int level, const std::string& dept = kDeptA) {
    RatingRecord r;
    r.case_id = case_id;
    r.item_code = "445200-XK-0042";
    r.dept_code = dept;
    r.level = level;
    r.channel = "pc";
    r.rater = "public";
    r.rated_at = now_;
    return r;
  }

  model::Event Event(const std::string& case_id, model::CaseKind kind, model::EventType type,
                     const std::string& at, const std::string& dept = kDeptA) {
    model::Event e;
    e.source = "test";
    e.source_event_id = case_id + "-" + std::string(model::EventTypeName(type));
    e.case_id = case_id;
    e.kind = kind;
    e.type = type;
    e.step_name = std::string(model::EventTypeName(type));
    e.at = *base::ParseInstant(at);
    e.dept_code = dept;
    e.item_code = "445200-XK-0042";
    e.attrs_json = "{}";
    return e;
  }

  RatingAppeal Appeal(std::int64_t rating_id, const std::string& reason) {
    RatingAppeal a;
    a.rating_id = rating_id;
    a.reason = reason;
    a.filed_by = "officer";
    a.filed_at = now_;
    return a;
  }
  RatingAppeal Decision(const std::string& decision, const std::string& reason) {
    RatingAppeal a;
    a.decision = decision;
    a.decision_reason = reason;
    a.decided_by = "sup";
    a.decided_at = now_;
    return a;
  }
  ComplaintSatisfaction Satisfaction(const std::string& case_id, int level) {
    ComplaintSatisfaction s;
    s.case_id = case_id;
    s.level = level;
    s.recorded_by = "desk";
    s.at = now_;
    return s;
  }

  // Runs SQL on a second connection, as anyone with the file could.
  std::string Exec(const std::string& sql) {
    Database db;
    EXPECT_TRUE(db.Open(dir_.File("o.db")).ok());
    base::Status s = db.Exec(sql);
    return s.ok() ? "" : s.message();
  }

  base::Instant now_ = *base::ParseInstant("2025-06-03T10:00:00+08:00");
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteRatingsTest, AssignsIdsAndOpensRectificationCasesOnlyForBadRatings) {
  auto good = ratings().AddRating(Rating("C-1", 2));
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->id, 1);
  EXPECT_EQ(good->rectification_case, "");
  auto bad = ratings().AddRating(Rating("C-2", 5));
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->rectification_case, "PJ-2");
  auto found = ratings().FindByRectificationCase("PJ-2", Scope::All());
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, 2);
  // A rating of a service alone has no case and no uniqueness.
  EXPECT_TRUE(ratings().AddRating(Rating("", 3)).ok());
  EXPECT_TRUE(ratings().AddRating(Rating("", 3)).ok());
}

TEST_F(SqliteRatingsTest, OneRatingPerCaseAndLevelsWithinOneToFive) {
  ASSERT_TRUE(ratings().AddRating(Rating("C-1", 1)).ok());
  auto again = ratings().AddRating(Rating("C-1", 4));
  EXPECT_EQ(again.status().code(), base::StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("'case_id'"), std::string::npos);
  for (int level : {0, 6, -1}) {
    auto bad = ratings().AddRating(Rating("C-9", level));
    EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(bad.status().message().find("'level'"), std::string::npos);
  }
  EXPECT_NE(Exec("INSERT INTO ratings (dept_code, level, channel, rater, rated_ms) VALUES ('x', 7, 'pc', 'r', 0)"), "");
}

TEST_F(SqliteRatingsTest, AveragesTheCodesAsCodedAndLeavesExcludedOnesOut) {
  for (auto [id, level] : {std::pair{"C-1", 1}, {"C-2", 2}, {"C-3", 5}}) {
    ASSERT_TRUE(ratings().AddRating(Rating(id, level)).ok());
  }
  auto s = ratings().Summarise({}, Scope::All());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->count, 3);
  EXPECT_EQ(s->bad, 1);
  // (1 + 2 + 5) / 3: lower is better, and the 5 pulls the mean up, not down.
  EXPECT_DOUBLE_EQ(*s->average_level, 8.0 / 3.0);
  EXPECT_EQ(s->per_level[0], 1);
  EXPECT_EQ(s->per_level[4], 1);

  ASSERT_TRUE(ratings().FileAppeal(Appeal(3, "the applicant rated the wrong case"), Scope::All()).ok());
  auto decided = ratings().DecideAppeal(3, Decision("upheld", "mistaken rating"));
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_TRUE(decided->excluded_at.has_value());
  EXPECT_EQ(decided->excluded_reason, "mistaken rating");
  s = ratings().Summarise({}, Scope::All());
  EXPECT_EQ(s->count, 2);
  EXPECT_EQ(s->bad, 0);
  EXPECT_EQ(s->excluded, 1);
  EXPECT_DOUBLE_EQ(*s->average_level, 1.5);
  // Kept, never deleted.
  auto page = ratings().SearchRatings({}, Scope::All());
  EXPECT_EQ(page->ratings.size(), 3u);
  RatingQuery counted;
  counted.include_excluded = false;
  EXPECT_EQ(ratings().SearchRatings(counted, Scope::All())->ratings.size(), 2u);
}

TEST_F(SqliteRatingsTest, AnAppealIsFiledOnceAndDecidedOnce) {
  ASSERT_TRUE(ratings().AddRating(Rating("C-1", 5)).ok());
  RatingAppeal appeal = Appeal(1, "malicious");
  EXPECT_EQ(ratings().FileAppeal(appeal, Scope::Departments({kDeptB})).status().code(),
            base::StatusCode::kNotFound);
  ASSERT_TRUE(ratings().FileAppeal(appeal, Scope::Departments({kDeptA})).ok());
  EXPECT_EQ(ratings().FileAppeal(appeal, Scope::All()).status().code(), base::StatusCode::kAlreadyExists);
  RatingAppeal reject = Decision("rejected", "the rating is substantiated");
  auto decided = ratings().DecideAppeal(1, reject);
  ASSERT_TRUE(decided.ok());
  EXPECT_FALSE(decided->excluded_at.has_value());
  EXPECT_EQ(decided->appeal->decision, "rejected");
  RatingAppeal uphold = reject;
  uphold.decision = "upheld";
  EXPECT_EQ(ratings().DecideAppeal(1, uphold).status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ratings().DecideAppeal(2, uphold).status().code(), base::StatusCode::kNotFound);
  RatingQuery rejected;
  rejected.appeal = "rejected";
  EXPECT_EQ(ratings().SearchRatings(rejected, Scope::All())->ratings.size(), 1u);
  rejected.appeal = "sideways";
  EXPECT_EQ(ratings().SearchRatings(rejected, Scope::All()).status().code(), base::StatusCode::kInvalidArgument);
}

TEST_F(SqliteRatingsTest, TheBackendRefusesEditsAndDeletions) {
  ASSERT_TRUE(ratings().AddRating(Rating("C-1", 5)).ok());
  ASSERT_TRUE(ratings().FileAppeal(Appeal(1, "r"), Scope::All()).ok());
  EXPECT_NE(Exec("UPDATE ratings SET level = 1 WHERE id = 1"), "");
  EXPECT_NE(Exec("DELETE FROM ratings"), "");
  EXPECT_NE(Exec("UPDATE rating_appeals SET reason = 'other' WHERE id = 1"), "");
  EXPECT_NE(Exec("DELETE FROM rating_appeals"), "");
  EXPECT_EQ(Exec("UPDATE ratings SET excluded_ms = 1, excluded_reason = 'x' WHERE id = 1"), "");
  EXPECT_NE(Exec("UPDATE ratings SET excluded_ms = 2 WHERE id = 1"), "");  // once only
  ComplaintRecord complaint;
  complaint.channel = "hotline";
  complaint.dept_code = kDeptA;
  complaint.complainant_contact = "13812345678";
  ASSERT_TRUE(complaints().AddComplaint(complaint).ok());
  ASSERT_TRUE(complaints().AddSatisfaction(Satisfaction("TS-1", 3)).ok());
  EXPECT_NE(Exec("UPDATE complaints SET complainant_contact = '' "), "");
  EXPECT_NE(Exec("DELETE FROM complaints"), "");
  EXPECT_NE(Exec("DELETE FROM complaint_satisfaction"), "");
}

TEST_F(SqliteRatingsTest, ScopeIsAppliedInTheQueries) {
  ASSERT_TRUE(ratings().AddRating(Rating("C-1", 4, kDeptA)).ok());
  ASSERT_TRUE(ratings().AddRating(Rating("C-2", 2, kDeptB)).ok());
  Scope a = Scope::Departments({kDeptA});
  EXPECT_TRUE(ratings().FindRating(1, a)->has_value());
  EXPECT_FALSE(ratings().FindRating(2, a)->has_value());
  EXPECT_FALSE(ratings().FindByRectificationCase("PJ-1", Scope::Departments({kDeptB}))->has_value());
  auto page = ratings().SearchRatings({}, a);
  ASSERT_EQ(page->ratings.size(), 1u);
  EXPECT_EQ(page->ratings[0].dept_code, kDeptA);
  EXPECT_EQ(ratings().Summarise({}, Scope::Departments({}))->count, 0);
}

TEST_F(SqliteRatingsTest, UnratedCompletedCasesAreThoseCompletedLongEnoughAgo) {
  using model::CaseKind;
  using model::EventType;
  std::vector<model::Event> events = {
      Event("A-1", CaseKind::kApproval, EventType::kSubmit, "2025-05-01T10:00:00+08:00"),
      Event("A-1", CaseKind::kApproval, EventType::kComplete, "2025-05-10T10:00:00+08:00"),
      Event("A-2", CaseKind::kApproval, EventType::kComplete, "2025-05-11T10:00:00+08:00"),
      Event("A-3", CaseKind::kApproval, EventType::kComplete, "2025-06-01T10:00:00+08:00"),
      Event("A-4", CaseKind::kApproval, EventType::kAccept, "2025-05-01T10:00:00+08:00"),
      Event("T-1", CaseKind::kComplaint, EventType::kComplaintResolved, "2025-05-01T10:00:00+08:00")};
  ASSERT_TRUE(store_->AppendBatch(events, now_).ok());
  ASSERT_TRUE(ratings().AddRating(Rating("A-2", 1)).ok());
  auto unrated = ratings().UnratedCompletedCases(*base::ParseInstant("2025-05-27T10:00:00+08:00"), 10);
  ASSERT_TRUE(unrated.ok()) << unrated.status().ToString();
  ASSERT_EQ(unrated->size(), 1u);
  EXPECT_EQ((*unrated)[0].case_id, "A-1");
  EXPECT_EQ((*unrated)[0].dept_code, kDeptA);
}

TEST_F(SqliteRatingsTest, ProofFailuresAreCountedPerCaseSinceAnInstant) {
  ASSERT_TRUE(ratings().RecordProofFailure("A-1", now_ - std::chrono::hours(30)).ok());
  ASSERT_TRUE(ratings().RecordProofFailure("A-1", now_).ok());
  ASSERT_TRUE(ratings().RecordProofFailure("A-2", now_).ok());
  EXPECT_EQ(*ratings().CountProofFailures("A-1", now_ - std::chrono::hours(24)), 1);
  EXPECT_EQ(*ratings().CountProofFailures("A-1", now_ - std::chrono::hours(48)), 2);
}

TEST_F(SqliteRatingsTest, ComplaintsAreRegisteredAndListedFromTheirCasesInScope) {
  ComplaintRecord record;
  record.channel = "hotline";
  record.dept_code = kDeptA;
  record.complainant_name = "张三";
  record.complainant_contact = "13812345678";
  record.registered_by = "desk";
  record.received_at = now_;
  auto first = complaints().AddComplaint(record);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->case_id, "TS-1");
  record.dept_code = kDeptB;
  auto second = complaints().AddComplaint(record);
  EXPECT_EQ(second->case_id, "TS-2");
  record.dept_code = "";
  EXPECT_EQ(complaints().AddComplaint(record).status().code(), base::StatusCode::kInvalidArgument);

  using model::CaseKind;
  using model::EventType;
  std::vector<model::Event> events = {
      Event("TS-1", CaseKind::kComplaint, EventType::kComplaintReceived, "2025-06-03T10:00:00+08:00"),
      Event("TS-2", CaseKind::kComplaint, EventType::kComplaintReceived, "2025-06-03T10:00:00+08:00", kDeptB),
      Event("TS-2", CaseKind::kComplaint, EventType::kComplaintFeedback, "2025-06-03T11:00:00+08:00", kDeptB),
      Event("X-1", CaseKind::kApproval, EventType::kSubmit, "2025-06-03T10:00:00+08:00")};
  ASSERT_TRUE(store_->AppendBatch(events, now_).ok());
  auto all = complaints().SearchComplaints({}, Scope::All());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->complaints.size(), 2u);
  ASSERT_TRUE(all->complaints[0].record.has_value());
  EXPECT_EQ(all->complaints[0].record->complainant_contact, "13812345678");
  ComplaintQuery fed_back;
  fed_back.stage = EventType::kComplaintFeedback;
  auto page = complaints().SearchComplaints(fed_back, Scope::All());
  ASSERT_EQ(page->complaints.size(), 1u);
  EXPECT_EQ(page->complaints[0].kase.id, "TS-2");
  auto scoped = complaints().SearchComplaints({}, Scope::Departments({kDeptA}));
  ASSERT_EQ(scoped->complaints.size(), 1u);
  EXPECT_EQ(scoped->complaints[0].kase.id, "TS-1");
  EXPECT_FALSE(complaints().FindComplaintView("TS-2", Scope::Departments({kDeptA}))->has_value());
  EXPECT_FALSE(complaints().FindComplaintView("X-1", Scope::All())->has_value());  // not a complaint

  ASSERT_TRUE(complaints().AddSatisfaction(Satisfaction("TS-1", 4)).ok());
  ASSERT_TRUE(complaints().AddSatisfaction(Satisfaction("TS-1", 2)).ok());
  EXPECT_EQ(complaints().AddSatisfaction(Satisfaction("TS-1", 0)).status().code(),
            base::StatusCode::kInvalidArgument);
  auto view = complaints().FindComplaintView("TS-1", Scope::All());
  ASSERT_TRUE(view->has_value());
  EXPECT_EQ((*view)->satisfaction->level, 2);  // the latest
}

}  // namespace
}  // namespace oversight::store::sqlite
