#include "codes/redact.h"

#include <gtest/gtest.h>

namespace oversight::codes {
namespace {

TEST(RedactTest, MasksValidIdNumbersInText) {
  EXPECT_EQ(RedactIdNumbers(R"({"applicant_id":"11010519491231002X","fee":0})"),
            R"({"applicant_id":"110105********002X","fee":0})");
  EXPECT_EQ(RedactIdNumbers("a 11010519491231002X b 11010519491231002X"),
            "a 110105********002X b 110105********002X");
}

TEST(RedactTest, LeavesOtherNumbersAlone) {
  // Wrong check digit, part of a longer run, and a plain 18-digit order number.
  EXPECT_EQ(RedactIdNumbers("110105194912310021"), "110105194912310021");
  EXPECT_EQ(RedactIdNumbers("911010519491231002X"), "911010519491231002X");
  EXPECT_EQ(RedactIdNumbers("order 202503030000000001"), "order 202503030000000001");
  EXPECT_EQ(RedactIdNumbers(""), "");
}

}  // namespace
}  // namespace oversight::codes
