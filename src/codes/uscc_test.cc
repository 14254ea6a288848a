#include "codes/uscc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace oversight::codes {
namespace {

using ::testing::HasSubstr;

// The worked example of GB 32100-2015, checked by hand. Values in the USCC alphabet
// (M = 21, Y = 30) times the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
//   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13
//   + 1·8 + 0·24 + 0·10 + 30·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640;
//   1640 mod 31 = 28 (31·52 = 1612); 31 − 28 = 3 → '3'.
// The embedded organisation code M000100Y4 (GB 11714, M = 22, Y = 34):
//   22·3 + 1·5 + 34·2 = 66+5+68 = 139; 139 mod 11 = 7; 11 − 7 = 4 → '4'.
constexpr std::string_view kStandardExample = "91350100M000100Y43";
// A second published valid code (DOMAIN §4.5).
constexpr std::string_view kPublishedExample = "91512081MA62K0260E";

TEST(UsccTest, AcceptsPublishedValidCodes) {
  EXPECT_TRUE(ValidateUscc(kStandardExample).ok()) << ValidateUscc(kStandardExample).message();
  EXPECT_TRUE(ValidateUscc(kPublishedExample).ok()) << ValidateUscc(kPublishedExample).message();
}

TEST(UsccTest, ComputesTheCheckCharacterOfPublishedCodes) {
  EXPECT_EQ(ComputeUsccCheckChar(kStandardExample.substr(0, 17)), '3');
  EXPECT_EQ(ComputeUsccCheckChar(kPublishedExample.substr(0, 17)), 'E');
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("M000100Y"), '4');
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("MA62K026"), '0');
}

TEST(UsccTest, CheckValueThirtyOneBecomesZero) {
  // Σ ≡ 0 (mod 31) gives 31 − 0 = 31, written '0'. "00000000000000000" sums to 0.
  EXPECT_EQ(ComputeUsccCheckChar("00000000000000000"), '0');
}

TEST(UsccTest, OrganizationCheckTenAndElevenAreXAndZero) {
  // "00000006": 6·2 = 12 ≡ 1 (mod 11), 11 − 1 = 10 → 'X'.
  // "00000000": 0, 11 − 0 = 11 → '0'.
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("00000006"), 'X');
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("00000000"), '0');
}

TEST(UsccTest, RejectsTheMistypedStandardExample) {
  base::Status s = ValidateUscc("91350100M000100Y4Z");
  ASSERT_FALSE(s.ok());
  // Z is outside the alphabet, so it is reported as an illegal character.
  EXPECT_THAT(s.message(), HasSubstr("illegal character 'Z' at position 18"));
}

TEST(UsccTest, RejectsAPublishedWrongExample) {
  // Published as an "example" on a Q&A page: its organisation code MA1G4L1WX does not
  // check (3·22+7·10+9·1+10·16+5·4+8·21+4·1+2·32 = 561 ≡ 0 mod 11, so '0'), and its
  // last character would be '7'.
  base::Status s = ValidateUscc("91310115MA1G4L1WXK");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("expected '0', found 'X'"));
  EXPECT_EQ(ComputeUsccCheckChar("91310115MA1G4L1WX"), '7');
}

TEST(UsccTest, RejectsWrongCheckCharacter) {
  base::Status s = ValidateUscc("91350100M000100Y44");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("wrong check character at position 18"));
  EXPECT_THAT(s.message(), HasSubstr("expected '3', found '4'"));
}

TEST(UsccTest, RejectsWrongOrganizationCodeCheckCharacter) {
  // Position 17 changed and position 18 recomputed, so only the inner check fails.
  std::string code = "91350100M000100Y5";
  code += ComputeUsccCheckChar(code);
  base::Status s = ValidateUscc(code);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("organisation code at position 17"));
  EXPECT_THAT(s.message(), HasSubstr("expected '4', found '5'"));
}

TEST(UsccTest, RejectsWrongLength) {
  for (std::string_view code : {"", "91350100M000100Y4", "91350100M000100Y430"}) {
    base::Status s = ValidateUscc(code);
    ASSERT_FALSE(s.ok()) << code;
    EXPECT_THAT(s.message(), HasSubstr("characters; want 18")) << code;
  }
  EXPECT_THAT(ValidateUscc("91350100M000100Y4").message(), HasSubstr("has 17 characters"));
}

TEST(UsccTest, RejectsIllegalCharactersNamingThemAndTheirPosition) {
  // I, O, S, V, Z are excluded to avoid confusion with 1, 0, 5, U, 2.
  EXPECT_THAT(ValidateUscc("91350100I000100Y43").message(),
              HasSubstr("illegal character 'I' at position 9"));
  EXPECT_THAT(ValidateUscc("9135010OM000100Y43").message(), HasSubstr("at position 8"));
  EXPECT_THAT(ValidateUscc("S1350100M000100Y43").message(),
              HasSubstr("illegal character 'S' at position 1"));
  EXPECT_THAT(ValidateUscc("91350100M000-00Y43").message(),
              HasSubstr("illegal character '-' at position 13"));
  EXPECT_THAT(ValidateUscc(std::string_view("91350100M000\x01"
                                            "00Y43",
                                            18))
                  .message(),
              HasSubstr("byte 0x01 at position 13"));
}

TEST(UsccTest, RejectsLowerCaseWithAHint) {
  base::Status s = ValidateUscc("91350100m000100y43");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("lower-case 'm' at position 9"));
  EXPECT_THAT(s.message(), HasSubstr("upper case"));
}

TEST(UsccTest, RejectsLettersInTheDivisionCode) {
  std::string code = "9135A100M000100Y4";
  code += ComputeUsccCheckChar(code);
  base::Status s = ValidateUscc(code);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("'A' at position 5 is not a digit"));
}

TEST(UsccTest, ComputeRejectsMalformedInput) {
  EXPECT_EQ(ComputeUsccCheckChar("9135010"), '\0');
  EXPECT_EQ(ComputeUsccCheckChar("91350100M000100YI"), '\0');
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("M00010"), '\0');
  EXPECT_EQ(ComputeOrganizationCodeCheckChar("m000100y"), '\0');
}

TEST(UsccTest, LongInputIsCutInTheMessage) {
  std::string junk(5000, '9');
  base::Status s = ValidateUscc(junk);
  ASSERT_FALSE(s.ok());
  EXPECT_LT(s.message().size(), 200u);
  EXPECT_THAT(s.message(), HasSubstr("has 5000 characters"));
}

}  // namespace
}  // namespace oversight::codes
