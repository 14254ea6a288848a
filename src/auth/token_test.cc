#include "auth/token.h"

#include <gtest/gtest.h>

#include "auth/random.h"

namespace oversight::auth {
namespace {

TEST(TokenTest, Base64UrlFollowsRfc4648) {
  // RFC 4648 §10 vectors, without padding.
  EXPECT_EQ(Base64Url(""), "");
  EXPECT_EQ(Base64Url("f"), "Zg");
  EXPECT_EQ(Base64Url("fo"), "Zm8");
  EXPECT_EQ(Base64Url("foo"), "Zm9v");
  EXPECT_EQ(Base64Url("foob"), "Zm9vYg");
  EXPECT_EQ(Base64Url("fooba"), "Zm9vYmE");
  EXPECT_EQ(Base64Url("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Url("\xfb\xff"), "-_8");  // the URL-safe letters
}

TEST(TokenTest, HexIsLowerCase) {
  EXPECT_EQ(HexEncode(std::string_view("\x00\xab\xff", 3)), "00abff");
}

TEST(TokenTest, HashIsSha256Hex) {
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(TokenHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(TokenTest, ApiTokensHaveThePrefixAndAreRecognised) {
  std::string token = MakeApiToken(std::string(kSecretBytes, '\x01'));
  EXPECT_TRUE(token.starts_with("ovs_"));
  EXPECT_EQ(token.size(), 4u + 43u);
  EXPECT_TRUE(LooksLikeApiToken(token));
  EXPECT_FALSE(LooksLikeApiToken(token.substr(0, token.size() - 1)));
  EXPECT_FALSE(LooksLikeApiToken("xyz_" + token.substr(4)));
  EXPECT_FALSE(LooksLikeApiToken(token.substr(0, 10) + "+" + token.substr(11)));
  EXPECT_FALSE(LooksLikeApiToken(""));
  EXPECT_NE(TokenHash(token), token);
  EXPECT_EQ(TokenHash(token).find(token.substr(4)), std::string::npos);
}

TEST(TokenTest, RandomTokensDiffer) {
  std::string a = MakeApiToken(RandomBytes(kSecretBytes));
  std::string b = MakeApiToken(RandomBytes(kSecretBytes));
  EXPECT_NE(a, b);
  EXPECT_TRUE(LooksLikeApiToken(a));
  EXPECT_EQ(MakeSecret(RandomBytes(kSecretBytes)).size(), 43u);
  EXPECT_EQ(RandomBytes(0), "");
}

TEST(TokenTest, ConstantTimeEqualsComparesWholly) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace oversight::auth
