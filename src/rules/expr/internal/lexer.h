#pragma once

// Tokens of the expression language, and the "line L, column C: expected X,
// found Y" messages every compile error uses.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace oversight::rules::expr::internal {

enum class TokenKind : std::uint8_t {
  kEnd,
  kIdent,     // also true, false, null, in: the parser decides by position
  kNumber,    // number
  kDuration,  // millis
  kString,    // string_value (escapes resolved)
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kDot,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  kNot,
  kPlus,
  kMinus,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;  // byte offset in the text
  std::string_view text;   // the token as written
  double number = 0;
  std::int64_t millis = 0;
  std::string string_value;
};

// Splits `text` into tokens ending with one kEnd. Rejects invalid UTF-8, unknown
// characters, malformed numbers, durations and strings, with a located message.
base::Result<std::vector<Token>> Tokenize(std::string_view text);

// "line L, column C" for a byte offset (1-based; columns count code points).
std::string Location(std::string_view text, std::size_t offset);

// InvalidArgument("line L, column C: expected <expected>, found <found>").
base::Status LocatedError(std::string_view text, std::size_t offset, std::string_view expected,
                          std::string_view found);

// How a token reads in "found ...": "end of input", "`)`", "`case.kind`", "string \"ab\"".
std::string DescribeToken(const Token& token);

}  // namespace oversight::rules::expr::internal
