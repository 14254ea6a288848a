// oversight validate uscc | id: "valid" and exit 0, or the reason and exit 1.

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

using ValidateCliTest = CliTest;

TEST_F(ValidateCliTest, ValidUscc) {
  CommandResult r = Run({"validate", "uscc", "91350100M000100Y43"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "valid\n");
  EXPECT_EQ(r.err, "");

  r = Run({"validate", "uscc", "91350100M000100Y43", "--json"});
  nlohmann::json verdict = ParseJson(r.out);
  EXPECT_EQ(verdict["value"], "91350100M000100Y43");
  EXPECT_EQ(verdict["valid"], true);
  EXPECT_FALSE(verdict.contains("reason"));
}

TEST_F(ValidateCliTest, CorruptedUsccCheckCharacterGivesTheReason) {
  CommandResult r = Run({"validate", "uscc", "91350100M000100Y44"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("check character at position 18"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("expected '3'"), std::string::npos) << r.out;

  r = Run({"validate", "uscc", "91350100M000100Y44", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json verdict = ParseJson(r.out);
  EXPECT_EQ(verdict["valid"], false);
  EXPECT_NE(verdict["reason"].get<std::string>().find("position 18"), std::string::npos);
}

TEST_F(ValidateCliTest, MalformedUsccIsANegativeAnswerNotAUsageError) {
  for (const char* code : {"91350100M000100Y4", "91350100m000100Y43", "9135010OM000100Y43", ""}) {
    CommandResult r = Run({"validate", "uscc", code});
    EXPECT_EQ(r.exit_code, 1) << code << ": " << r.out << r.err;
    EXPECT_NE(r.out, "valid\n") << code;
  }
}

TEST_F(ValidateCliTest, ValidIdNumber) {
  CommandResult r = Run({"validate", "id", "11010519491231002X", "--today", "2025-06-01"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "valid\n");
  // Without --today the clock decides; 1949 is in the past either way.
  EXPECT_EQ(Run({"validate", "id", "11010519491231002X"}).exit_code, 0);
}

TEST_F(ValidateCliTest, IdNumberWithImpossibleBirthDate) {
  CommandResult r = Run({"validate", "id", "11010519491331002X", "--today", "2025-06-01"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("birth date"), std::string::npos) << r.out;
}

TEST_F(ValidateCliTest, IdNumberBornAfterToday) {
  // Born 2025-06-02, check digit right: valid a month later, not the day before.
  EXPECT_EQ(Run({"validate", "id", "110105202506020016", "--today", "2025-07-01"}).exit_code, 0);
  CommandResult r = Run({"validate", "id", "110105202506020016", "--today", "2025-06-01", "--json"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  nlohmann::json verdict = ParseJson(r.out);
  EXPECT_EQ(verdict["valid"], false);
  EXPECT_NE(verdict["reason"].get<std::string>().find("after today"), std::string::npos) << r.out;
}

TEST_F(ValidateCliTest, IdNumberWithWrongCheckDigit) {
  CommandResult r = Run({"validate", "id", "110105194912310021", "--today", "2025-06-01", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json verdict = ParseJson(r.out);
  EXPECT_EQ(verdict["valid"], false);
  EXPECT_NE(verdict["reason"].get<std::string>().find("expected 'X'"), std::string::npos) << r.out;
}

TEST_F(ValidateCliTest, BadTodayIsAUsageError) {
  CommandResult r = Run({"validate", "id", "11010519491231002X", "--today", "2025-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
}

TEST_F(ValidateCliTest, MissingCodeIsAUsageError) {
  for (const char* what : {"uscc", "id"}) {
    CommandResult r = Run({"validate", what});
    EXPECT_EQ(r.exit_code, 2) << what;
    EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
  }
}

}  // namespace
}  // namespace oversight::testing
