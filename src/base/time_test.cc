#include "base/time.h"

#include <gtest/gtest.h>

namespace oversight::base {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

TEST(TimeTest, ParsesRfc3339WithOffset) {
  auto at = ParseInstant("2025-03-03T09:12:33+08:00");
  ASSERT_TRUE(at.ok()) << at.status().ToString();
  EXPECT_EQ(FormatInstantUtc(*at), "2025-03-03T01:12:33Z");
}

TEST(TimeTest, ParsesVariants) {
  EXPECT_EQ(FormatInstantUtc(*ParseInstant("2011-10-11 13:45:40.276000+02:00")),
            "2011-10-11T11:45:40.276Z");
  EXPECT_EQ(FormatInstantUtc(*ParseInstant("2025-01-01T00:00:00Z")), "2025-01-01T00:00:00Z");
  EXPECT_EQ(FormatInstantUtc(*ParseInstant("2025-01-01T08:00+0800")), "2025-01-01T00:00:00Z");
  EXPECT_EQ(FormatInstantUtc(*ParseInstant("2025-01-01T24:00:00+08:00")), "2025-01-01T16:00:00Z");
}

TEST(TimeTest, TimestampWithoutZoneKeepsWallClock) {
  auto ts = ParseTimestamp("2006-07-24T00:00:00.000");
  ASSERT_TRUE(ts.ok());
  EXPECT_FALSE(ts->has_offset());
  EXPECT_EQ(FormatInstantUtc(ts->wall), "2006-07-24T00:00:00Z");
  EXPECT_FALSE(ParseInstant("2006-07-24T00:00:00").ok());
}

TEST(TimeTest, RejectsImpossibleValues) {
  EXPECT_FALSE(ParseTimestamp("2025-02-29T10:00:00Z").ok());
  EXPECT_FALSE(ParseTimestamp("2025-13-01").ok());
  EXPECT_FALSE(ParseTimestamp("2025-01-01T25:00:00Z").ok());
  EXPECT_FALSE(ParseTimestamp("2025-01-01T10:00:00+08:00junk").ok());
  EXPECT_FALSE(ParseTimestamp("yesterday").ok());
  EXPECT_FALSE(ParseTimestamp("").ok());
  EXPECT_FALSE(ParseDate("2025-1-1").ok());
  EXPECT_TRUE(ParseDate("2024-02-29").ok());
}

TEST(TimeTest, FormatsWithOffset) {
  Instant at = *ParseInstant("2025-02-05T16:00:00Z");
  EXPECT_EQ(FormatInstantWithOffset(at, hours(8)), "2025-02-06T00:00:00+08:00");
  EXPECT_EQ(FormatInstantWithOffset(at, -minutes(330)), "2025-02-05T10:30:00-05:30");
}

}  // namespace
}  // namespace oversight::base
