#include "auth/password.h"

#include <gtest/gtest.h>

#include <random>

namespace oversight::auth {
namespace {

constexpr Argon2Params kCheap{.time_cost = 1, .memory_kib = 64, .parallelism = 1, .hash_bytes = 32};
const std::string kSalt = "0123456789abcdef";

std::string Problem(std::string_view password, std::string_view user = "zhang.wei",
                    const PasswordPolicy& policy = {}) {
  return CheckPasswordStrength(password, policy, user).message();
}

RandomSource Seeded(std::uint32_t seed) {
  auto engine = std::make_shared<std::mt19937>(seed);
  return [engine](std::size_t n) {
    std::string bytes(n, '\0');
    for (char& c : bytes) c = static_cast<char>((*engine)() & 0xFF);
    return bytes;
  };
}

TEST(PasswordPolicyTest, AcceptsAStrongPassword) {
  EXPECT_TRUE(CheckPasswordStrength("Tr0ub4dor&3", {}, "zhang.wei").ok());
  EXPECT_TRUE(
      CheckPasswordStrength("监察Abc12!", {}, "zhang.wei").ok());  // 8 characters, more bytes
}

TEST(PasswordPolicyTest, NamesEverythingThatIsMissing) {
  base::Status status = CheckPasswordStrength("abc", {}, "zhang.wei");
  EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "password needs at least 8 characters, an upper-case letter, a digit, a symbol");
  EXPECT_EQ(Problem("ABCDEFGH1!"), "password needs a lower-case letter");
  EXPECT_EQ(Problem("abcdefgh1!"), "password needs an upper-case letter");
  EXPECT_EQ(Problem("Abcdefgh!!"), "password needs a digit");
  EXPECT_EQ(Problem("Abcdefgh12"), "password needs a symbol");
  EXPECT_EQ(Problem("Ab1!"), "password needs at least 8 characters");
}

TEST(PasswordPolicyTest, CountsCharactersNotBytes) {
  // Four Chinese characters are 12 bytes but 4 characters.
  EXPECT_EQ(Problem("监察Ab1!"), "password needs at least 8 characters");
}

TEST(PasswordPolicyTest, RefusesTheUserNameInsideIgnoringCase) {
  EXPECT_EQ(Problem("xxZhang.Wei9!"), "password must not contain the user name");
  EXPECT_EQ(Problem("zhang.wei", "zhang.wei"),
            "password needs an upper-case letter, a digit; and must not contain the user name");
  // Names shorter than 3 characters are not looked for.
  EXPECT_TRUE(CheckPasswordStrength("Lily2025!x", {}, "ly").ok());
}

TEST(PasswordPolicyTest, FollowsAConfiguredPolicy) {
  PasswordPolicy relaxed{.min_length = 12,
                         .max_length = 20,
                         .require_upper = false,
                         .require_lower = true,
                         .require_digit = false,
                         .require_symbol = false};
  EXPECT_TRUE(CheckPasswordStrength("correcthorsebattery", relaxed, "").ok());
  EXPECT_EQ(Problem("short", "", relaxed), "password needs at least 12 characters");
  EXPECT_EQ(Problem("correcthorsebatterystaple", "", relaxed),
            "password is longer than 20 characters");
}

TEST(PasswordPolicyTest, RefusesBrokenText) {
  EXPECT_EQ(Problem("Abcdefg1!\n"), "password holds a control character");
  EXPECT_EQ(Problem(std::string("Abcdefg1!\xff")), "password is not valid UTF-8");
}

TEST(Argon2Test, HashVerifiesAndRefusesOtherPasswords) {
  auto hash = HashPassword("Tr0ub4dor&3", kCheap, kSalt);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=64,t=1,p=1$")) << *hash;
  EXPECT_EQ(hash->find("Tr0ub4dor"), std::string::npos);
  EXPECT_EQ(VerifyPassword("Tr0ub4dor&3", *hash).value(), true);
  EXPECT_EQ(VerifyPassword("Tr0ub4dor&4", *hash).value(), false);
  EXPECT_EQ(VerifyPassword("", *hash).value(), false);
}

TEST(Argon2Test, SaltMakesEqualPasswordsHashApart) {
  auto a = HashPassword("Tr0ub4dor&3", kCheap, kSalt);
  auto b = HashPassword("Tr0ub4dor&3", kCheap, "fedcba9876543210");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_EQ(*a, *HashPassword("Tr0ub4dor&3", kCheap, kSalt));  // deterministic given the salt
}

TEST(Argon2Test, DefaultsAreOwasps) {
  Argon2Params defaults;
  EXPECT_EQ(defaults.time_cost, 2u);
  EXPECT_EQ(defaults.memory_kib, 19456u);
  EXPECT_EQ(defaults.parallelism, 1u);
}

TEST(Argon2Test, RefusesAShortSaltAndBadParameters) {
  auto short_salt = HashPassword("x", kCheap, "1234567");
  EXPECT_EQ(short_salt.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(short_salt.status().message().find("salt"), std::string::npos);
  Argon2Params no_memory = kCheap;
  no_memory.memory_kib = 1;
  EXPECT_EQ(HashPassword("x", no_memory, kSalt).status().code(),
            base::StatusCode::kInvalidArgument);
}

TEST(Argon2Test, DamagedHashIsDataLoss) {
  EXPECT_EQ(VerifyPassword("x", "plain text").status().code(), base::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyPassword("x", "$argon2id$v=19$m=64,t=1,p=1$!!!").status().code(),
            base::StatusCode::kDataLoss);
}

TEST(Argon2Test, NeedsRehashWhenTheCostChanged) {
  std::string hash = *HashPassword("Tr0ub4dor&3", kCheap, kSalt);
  EXPECT_FALSE(NeedsRehash(hash, kCheap));
  Argon2Params more = kCheap;
  more.memory_kib = 128;
  EXPECT_TRUE(NeedsRehash(hash, more));
  Argon2Params longer = kCheap;
  longer.hash_bytes = 64;
  EXPECT_TRUE(NeedsRehash(hash, longer));
  EXPECT_TRUE(NeedsRehash("garbage", kCheap));
}

TEST(GeneratePasswordTest, PassesTheDefaultPolicy) {
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    std::string password = GeneratePassword(Seeded(seed));
    EXPECT_EQ(password.size(), 20u);
    EXPECT_TRUE(CheckPasswordStrength(password, {}, "").ok()) << password;
    EXPECT_EQ(password.find_first_of("0O1lI \"'\\$`"), std::string::npos) << password;
  }
}

TEST(GeneratePasswordTest, DependsOnlyOnTheRandomBytes) {
  EXPECT_EQ(GeneratePassword(Seeded(1)), GeneratePassword(Seeded(1)));
  EXPECT_NE(GeneratePassword(Seeded(1)), GeneratePassword(Seeded(2)));
  EXPECT_EQ(GeneratePassword(Seeded(1), 32).size(), 32u);
  EXPECT_EQ(GeneratePassword(Seeded(1), 3).size(), 8u);  // never shorter than 8
}

}  // namespace
}  // namespace oversight::auth
