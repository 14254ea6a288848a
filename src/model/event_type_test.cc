#include "model/event_type.h"

#include <gtest/gtest.h>

#include "model/event.h"
#include "model/time_limit.h"

namespace oversight::model {
namespace {

TEST(EventTypeTest, EveryNameRoundTrips) {
  for (EventType type : AllEventTypes()) {
    auto parsed = ParseEventType(EventTypeName(type));
    ASSERT_TRUE(parsed.has_value()) << EventTypeName(type);
    EXPECT_EQ(*parsed, type);
  }
  EXPECT_EQ(AllEventTypes().size(), size_t(kEventTypeCount));
}

TEST(EventTypeTest, UnknownNamesAreRejected) {
  EXPECT_FALSE(ParseEventType("Accept").has_value());
  EXPECT_FALSE(ParseEventType("").has_value());
}

TEST(EventTypeTest, TypesBelongToTheirKind) {
  EXPECT_EQ(KindOfEventType(EventType::kAccept), CaseKind::kApproval);
  EXPECT_EQ(KindOfEventType(EventType::kComplaintFeedback), CaseKind::kComplaint);
  EXPECT_EQ(KindOfEventType(EventType::kRatingRectified), CaseKind::kRating);
  EXPECT_FALSE(KindOfEventType(EventType::kStep).has_value());
}

TEST(EventTypeTest, KindsAndUnitsAndChannelsParse) {
  EXPECT_EQ(ParseCaseKind("complaint"), CaseKind::kComplaint);
  EXPECT_FALSE(ParseCaseKind("appeal").has_value());
  EXPECT_EQ(ParseLimitUnit("工作日"), LimitUnit::kWorkingDays);
  EXPECT_EQ(ParseLimitUnit("natural_days"), LimitUnit::kNaturalDays);
  EXPECT_FALSE(ParseLimitUnit("weeks").has_value());
  EXPECT_EQ(ParseChannel(""), Channel::kUnknown);
  EXPECT_EQ(ParseChannel("window"), Channel::kWindow);
  EXPECT_FALSE(ParseChannel("fax").has_value());
}

}  // namespace
}  // namespace oversight::model
