#include "supervisor/default_ratings.h"

#include <gtest/gtest.h>

#include "store/rating_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::supervisor {
namespace {

using model::EventType;

class DefaultRatingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::OpenSqliteStore({dir_.File("o.db"), std::nullopt});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  void Add(const std::string& case_id, EventType type, const std::string& at) {
    model::Event e;
    e.source = "hall";
    e.source_event_id = case_id + "-" + std::string(model::EventTypeName(type));
    e.case_id = case_id;
    e.type = type;
    e.at = *base::ParseInstant(at);
    e.dept_code = "11445200MB2C123484";
    e.item_code = "445200-XK-0042";
    e.attrs_json = "{}";
    ASSERT_TRUE(store_->AppendBatch(std::vector<model::Event>{e}, now_).ok());
  }
  base::Instant now_ = *base::ParseInstant("2025-06-20T10:00:00+08:00");
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(DefaultRatingsTest, RatesCasesCompletedLongerAgoThanTheWindowOnce) {
  Add("A-1", EventType::kComplete, "2025-06-10T10:00:00+08:00");  // 10 days ago
  Add("A-2", EventType::kDeliver, "2025-06-16T10:00:00+08:00");   // 4 days ago
  Add("A-3", EventType::kComplete, "2025-06-01T10:00:00+08:00");  // rated by its applicant
  Add("A-4", EventType::kAccept, "2025-06-01T10:00:00+08:00");    // not completed
  store::RatingRecord given;
  given.case_id = "A-3";
  given.dept_code = "11445200MB2C123484";
  given.level = 1;
  given.channel = "pc";
  given.rater = "public";
  given.rated_at = now_;
  ASSERT_TRUE(store_->ratings().AddRating(given).ok());

  auto rated = DefaultRatings(*store_, now_, 7, 3);
  ASSERT_TRUE(rated.ok()) << rated.status().ToString();
  EXPECT_EQ(*rated, 1);
  store::RatingQuery q;
  q.case_id = "A-1";
  auto page = store_->ratings().SearchRatings(q, store::Scope::All());
  ASSERT_EQ(page->ratings.size(), 1u);
  const store::RatingRecord& r = page->ratings[0];
  EXPECT_TRUE(r.is_default);
  EXPECT_EQ(r.level, 3);
  EXPECT_EQ(r.channel, "default");
  EXPECT_EQ(r.rated_at, *base::ParseInstant("2025-06-17T10:00:00+08:00"));
  EXPECT_EQ(r.rectification_case, "");
  EXPECT_EQ(*DefaultRatings(*store_, now_, 7, 3), 0);  // nothing twice
  EXPECT_EQ(*DefaultRatings(*store_, now_ + std::chrono::hours(24 * 4), 7, 3), 1);  // A-2's turn
}

TEST_F(DefaultRatingsTest, RefusesBadSettings) {
  EXPECT_EQ(DefaultRatings(*store_, now_, 0, 3).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(DefaultRatings(*store_, now_, 7, 4).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(DefaultRatings(*store_, now_, 7, 0).status().code(), base::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace oversight::supervisor
