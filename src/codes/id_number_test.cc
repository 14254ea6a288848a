#include "codes/id_number.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace oversight::codes {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The example of GB 11643-1999's annex, checked by hand. Digits times the weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
//   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10
//   + 1·5 + 0·8 + 0·4 + 2·2 = 7+9+5+20+2+9+24+27+7+18+30+5+4 = 167;
//   167 mod 11 = 2 (11·15 = 165); "10X98765432"[2] = 'X'.
constexpr std::string_view kStandardExample = "11010519491231002X";

base::Date MakeDate(int y, unsigned m, unsigned d) {
  return base::Date(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

// Builds a valid number from an address code, a birth date and a sequence.
std::string WithCheck(std::string first17) {
  first17 += ComputeIdCheckDigit(first17);
  return first17;
}

TEST(IdNumberTest, AcceptsTheStandardExample) {
  base::Status s = ValidateIdNumber(kStandardExample, MakeDate(2025, 1, 1));
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(ComputeIdCheckDigit(kStandardExample.substr(0, 17)), 'X');
}

TEST(IdNumberTest, SecondAnnexExampleChecksButIsBornBefore1900) {
  // 440524188001010014 (Shantou, born 1880): the check digit is right, but this
  // system takes no birth dates before 1900.
  EXPECT_EQ(ComputeIdCheckDigit("44052418800101001"), '4');
  base::Status s = ValidateIdNumber("440524188001010014");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("before 1900"));
}

TEST(IdNumberTest, AcceptsConstructedNumbers) {
  for (std::string first17 : {"44520219900101123", "44522420000229567", "44528119000101001"}) {
    std::string id = WithCheck(first17);
    base::Status s = ValidateIdNumber(id, MakeDate(2025, 1, 1));
    EXPECT_TRUE(s.ok()) << id << ": " << s.message();
  }
}

TEST(IdNumberTest, RejectsWrongCheckDigit) {
  base::Status s = ValidateIdNumber("110105194912310029");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("wrong check character at position 18"));
  EXPECT_THAT(s.message(), HasSubstr("expected 'X', found '9'"));
}

TEST(IdNumberTest, RejectsWrongLength) {
  for (std::string_view id : {"", "11010519491231002", "11010519491231002X0"}) {
    base::Status s = ValidateIdNumber(id);
    ASSERT_FALSE(s.ok()) << id;
    EXPECT_THAT(s.message(), HasSubstr("characters; want 18"));
  }
  // The old 15-digit numbers are not accepted by the 18-digit validator.
  EXPECT_THAT(ValidateIdNumber("110105491231002").message(), HasSubstr("has 15 characters"));
}

TEST(IdNumberTest, RejectsIllegalCharacters) {
  EXPECT_THAT(ValidateIdNumber("1101051949123100X2").message(),
              HasSubstr("illegal character 'X' at position 17"));
  EXPECT_THAT(ValidateIdNumber("11010519491231002Y").message(),
              HasSubstr("illegal character 'Y' at position 18 (want a digit or 'X')"));
  EXPECT_THAT(ValidateIdNumber("1101 519491231002X").message(),
              HasSubstr("illegal character ' ' at position 5"));
}

TEST(IdNumberTest, RejectsLowerCaseX) {
  base::Status s = ValidateIdNumber("11010519491231002x");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("lower-case 'x' at position 18"));
}

TEST(IdNumberTest, RejectsImpossibleBirthDates) {
  for (std::string_view date : {"19990230", "19991301", "19990000", "20230229"}) {
    std::string id = WithCheck("445202" + std::string(date) + "123");
    base::Status s = ValidateIdNumber(id);
    ASSERT_FALSE(s.ok()) << date;
    EXPECT_THAT(s.message(), HasSubstr("not a real date")) << date;
  }
  // 2000 is a leap year, 1900 is not.
  EXPECT_TRUE(ValidateIdNumber(WithCheck("44520220000229123")).ok());
  EXPECT_FALSE(ValidateIdNumber(WithCheck("44520219000229123")).ok());
}

TEST(IdNumberTest, RejectsFutureBirthDateOnlyWhenTodayIsGiven) {
  std::string id = WithCheck("44520220250302123");
  base::Status s = ValidateIdNumber(id, MakeDate(2025, 3, 1));
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("after today (2025-03-01)"));
  EXPECT_TRUE(ValidateIdNumber(id, MakeDate(2025, 3, 2)).ok());
  EXPECT_TRUE(ValidateIdNumber(id).ok());
}

TEST(IdNumberTest, MessagesDoNotRepeatTheNumber) {
  std::string id = WithCheck("44520219990230123");
  base::Status s = ValidateIdNumber(id);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), Not(HasSubstr("445202")));
  EXPECT_THAT(s.message(), Not(HasSubstr("19990230")));
}

TEST(IdNumberTest, ComputeRejectsMalformedInput) {
  EXPECT_EQ(ComputeIdCheckDigit("1101051949123100"), '\0');
  EXPECT_EQ(ComputeIdCheckDigit("1101051949123100X"), '\0');
}

}  // namespace
}  // namespace oversight::codes
