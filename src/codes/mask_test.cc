#include "codes/mask.h"

#include <gtest/gtest.h>

namespace oversight::codes {
namespace {

TEST(MaskIdNumberTest, HidesTheBirthDate) {
  EXPECT_EQ(MaskIdNumber("445202199001011234"), "445202********1234");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskIdNumber("  11010519491231002X "), "110105********002X");
}

TEST(MaskIdNumberTest, FifteenDigitNumbersKeepSixAndThree) {
  EXPECT_EQ(MaskIdNumber("110105491231002"), "110105******002");
}

TEST(MaskIdNumberTest, OtherInputIsMaskedEntirely) {
  EXPECT_EQ(MaskIdNumber(""), "");
  EXPECT_EQ(MaskIdNumber("1234"), "****");
  EXPECT_EQ(MaskIdNumber("4452021990010112345"), "*******************");
  EXPECT_EQ(MaskIdNumber("身份证"), "***");
  EXPECT_EQ(MaskIdNumber("\xff\xfe"), "**");
}

TEST(MaskPhoneTest, MobileKeepsFirstThreeAndLastFour) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("+86 13812345678"), "+86 138****5678");
  EXPECT_EQ(MaskPhone("+8613812345678"), "+86138****5678");
  EXPECT_EQ(MaskPhone("0086-13812345678"), "0086-138****5678");
}

TEST(MaskPhoneTest, LandlineKeepsAreaCodeAndLastFour) {
  EXPECT_EQ(MaskPhone("0663-8888888"), "0663-***8888");
  EXPECT_EQ(MaskPhone("020-87654321"), "020-****4321");
  EXPECT_EQ(MaskPhone("0663-8221234-809"), "0663-***1234-***");
}

TEST(MaskPhoneTest, AnythingElseKeepsAtMostTheLastFour) {
  EXPECT_EQ(MaskPhone("06638221234"), "*******1234");
  EXPECT_EQ(MaskPhone("138-1234-5678"), "*********5678");
  EXPECT_EQ(MaskPhone("12345"), "*****");
  EXPECT_EQ(MaskPhone(""), "");
  EXPECT_EQ(MaskPhone("电话号码"), "****");
}

TEST(MaskNameTest, KeepsTheFirstCharacter) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("阿依古丽·买买提"), "阿*******");
  EXPECT_EQ(MaskName("Alice"), "A****");
}

TEST(MaskNameTest, ShortAndBadInput) {
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskName("王"), "*");
  EXPECT_EQ(MaskName(" 李四 "), "李*");
  EXPECT_EQ(MaskName("\xe5\xbc"), "**");  // a truncated UTF-8 sequence
}

}  // namespace
}  // namespace oversight::codes
