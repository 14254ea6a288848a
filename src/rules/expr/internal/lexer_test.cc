#include "rules/expr/internal/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oversight::rules::expr::internal {
namespace {

std::vector<TokenKind> Kinds(std::string_view text) {
  base::Result<std::vector<Token>> tokens = Tokenize(text);
  EXPECT_TRUE(tokens.ok()) << tokens.status().message();
  std::vector<TokenKind> kinds;
  if (tokens.ok()) {
    for (const Token& token : *tokens) kinds.push_back(token.kind);
  }
  return kinds;
}

TEST(Lexer, SplitsOperatorsAndWords) {
  using K = TokenKind;
  EXPECT_EQ(
      Kinds("a.b==1!=2<3<=4>5>=6&&!x||-y+z,[]()"),
      (std::vector<K>{K::kIdent,    K::kDot,      K::kIdent,  K::kEq,     K::kNumber, K::kNe,
                      K::kNumber,   K::kLt,       K::kNumber, K::kLe,     K::kNumber, K::kGt,
                      K::kNumber,   K::kGe,       K::kNumber, K::kAnd,    K::kNot,    K::kIdent,
                      K::kOr,       K::kMinus,    K::kIdent,  K::kPlus,   K::kIdent,  K::kComma,
                      K::kLBracket, K::kRBracket, K::kLParen, K::kRParen, K::kEnd}));
  EXPECT_EQ(Kinds(" \t\r\n"), (std::vector<K>{K::kEnd}));
  EXPECT_EQ(Kinds("1e5 1e+5 1E-5 5d 5ms"), (std::vector<K>{K::kNumber, K::kNumber, K::kNumber,
                                                           K::kDuration, K::kDuration, K::kEnd}));
}

TEST(Lexer, KeepsOffsetsValuesAndText) {
  base::Result<std::vector<Token>> tokens = Tokenize("x  \"\\u00e9\\n\" 90m 0.25");
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 5u);
  EXPECT_EQ((*tokens)[0].text, "x");
  EXPECT_EQ((*tokens)[1].offset, 3u);
  EXPECT_EQ((*tokens)[1].string_value, "é\n");
  EXPECT_EQ((*tokens)[1].text, "\"\\u00e9\\n\"");
  EXPECT_EQ((*tokens)[2].millis, 90 * 60 * 1000);
  EXPECT_EQ((*tokens)[3].number, 0.25);
  EXPECT_EQ((*tokens)[4].offset, 22u);
}

TEST(Lexer, LocationCountsLinesAndCodePoints) {
  EXPECT_EQ(Location("abc", 0), "line 1, column 1");
  EXPECT_EQ(Location("abc", 3), "line 1, column 4");
  EXPECT_EQ(Location("中文x", 6), "line 1, column 3");
  EXPECT_EQ(Location("a\nbc\n中d", 8), "line 3, column 2");
  EXPECT_EQ(Location("ab", 99), "line 1, column 3");
}

TEST(Lexer, DescribesTokens) {
  base::Result<std::vector<Token>> tokens =
      Tokenize("case ) \"a very long string that goes on and on and on\"");
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(DescribeToken((*tokens)[0]), "`case`");
  EXPECT_EQ(DescribeToken((*tokens)[1]), "`)`");
  EXPECT_EQ(DescribeToken((*tokens)[2]), "string \"a very long string that goes o…");
  EXPECT_EQ(DescribeToken((*tokens)[3]), "end of input");
}

}  // namespace
}  // namespace oversight::rules::expr::internal
