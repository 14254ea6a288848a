#include "rules/expr/internal/lexer.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

namespace oversight::rules::expr::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one
// (overlong, surrogate, above U+10FFFF, truncated).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if (!IsContinuation(byte(i + k))) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return n;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// "byte 0x1F": how bytes that would not print are named in messages.
std::string ByteName(char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto b = static_cast<unsigned char>(c);
  std::string name = "byte 0x";
  name += kHex[b >> 4];
  name += kHex[b & 0xF];
  return name;
}

// "`x`" for the code point at `offset`, "end of input", or a byte name.
std::string DescribeCharAt(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return "end of input";
  char c = text[offset];
  if (c == '\n' || c == '\r') return "end of line";
  std::size_t n = Utf8SequenceLength(text, offset);
  if (n == 0 || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return ByteName(c);
  return "`" + std::string(text.substr(offset, n)) + "`";
}

// Milliseconds per unit, or 0 for a word that is not a unit.
std::int64_t UnitMillis(std::string_view unit) {
  if (unit == "ms") return 1;
  if (unit == "s") return 1000;
  if (unit == "m") return 60 * 1000;
  if (unit == "h") return 60 * 60 * 1000;
  if (unit == "d") return 24 * 60 * 60 * 1000;
  return 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  base::Result<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpace();
      Token token;
      token.offset = pos_;
      if (pos_ >= text_.size()) {
        tokens.push_back(std::move(token));
        return tokens;
      }
      base::Status status = Next(token);
      if (!status.ok()) return status;
      token.text = text_.substr(token.offset, pos_ - token.offset);
      tokens.push_back(std::move(token));
    }
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  base::Status Error(std::size_t offset, std::string_view expected, std::string_view found) const {
    return LocatedError(text_, offset, expected, found);
  }

  base::Status Next(Token& token) {
    char c = text_[pos_];
    if (IsIdentStart(c)) {
      while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
      token.kind = TokenKind::kIdent;
      return base::Status::Ok();
    }
    if (IsDigit(c)) return Number(token);
    if (c == '"') return String(token);
    auto single = [&](TokenKind kind) {
      token.kind = kind;
      ++pos_;
      return base::Status::Ok();
    };
    auto pair = [&](TokenKind kind) {
      token.kind = kind;
      pos_ += 2;
      return base::Status::Ok();
    };
    switch (c) {
      case '(': return single(TokenKind::kLParen);
      case ')': return single(TokenKind::kRParen);
      case '[': return single(TokenKind::kLBracket);
      case ']': return single(TokenKind::kRBracket);
      case ',': return single(TokenKind::kComma);
      case '.': return single(TokenKind::kDot);
      case '+': return single(TokenKind::kPlus);
      case '-': return single(TokenKind::kMinus);
      case '=':
        if (Peek(1) == '=') return pair(TokenKind::kEq);
        return Error(pos_, "`==`", "`=`");
      case '!':
        if (Peek(1) == '=') return pair(TokenKind::kNe);
        return single(TokenKind::kNot);
      case '<':
        if (Peek(1) == '=') return pair(TokenKind::kLe);
        return single(TokenKind::kLt);
      case '>':
        if (Peek(1) == '=') return pair(TokenKind::kGe);
        return single(TokenKind::kGt);
      case '&':
        if (Peek(1) == '&') return pair(TokenKind::kAnd);
        return Error(pos_, "`&&`", "`&`");
      case '|':
        if (Peek(1) == '|') return pair(TokenKind::kOr);
        return Error(pos_, "`||`", "`|`");
      default: break;
    }
    if (Utf8SequenceLength(text_, pos_) == 0) return Error(pos_, "UTF-8 text", ByteName(c));
    return Error(pos_, "a name, number, string or operator", DescribeCharAt(text_, pos_));
  }

  base::Status Number(Token& token) {
    std::size_t start = pos_;
    bool integer = true;
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.') {
      integer = false;
      ++pos_;
      if (!IsDigit(Peek()))
        return Error(pos_, "a digit after the decimal point", DescribeCharAt(text_, pos_));
      while (IsDigit(Peek())) ++pos_;
    }
    bool negative_exponent = false;
    if ((Peek() == 'e' || Peek() == 'E') &&
        (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2))))) {
      integer = false;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') {
        negative_exponent = Peek() == '-';
        ++pos_;
      }
      while (IsDigit(Peek())) ++pos_;
    }
    std::string_view digits = text_.substr(start, pos_ - start);
    if (IsIdentStart(Peek())) {
      std::size_t unit_start = pos_;
      while (IsIdentChar(Peek())) ++pos_;
      std::string_view unit = text_.substr(unit_start, pos_ - unit_start);
      std::string written = "`" + std::string(text_.substr(start, pos_ - start)) + "`";
      std::int64_t per_unit = UnitMillis(unit);
      if (per_unit == 0) return Error(unit_start, "a duration unit (ms, s, m, h, d)", written);
      if (!integer)
        return Error(start, "a whole number before a duration unit (e.g. 90m)", written);
      std::int64_t amount = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
      std::int64_t millis = 0;
      if (ec != std::errc() || end != digits.data() + digits.size() ||
          __builtin_mul_overflow(amount, per_unit, &millis)) {
        return Error(start, "a duration that fits in 64-bit milliseconds", written);
      }
      token.kind = TokenKind::kDuration;
      token.millis = millis;
      return base::Status::Ok();
    }
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range) {
      // Too large reads as infinity, too small as zero: doubles may overflow.
      value = negative_exponent ? 0.0 : std::numeric_limits<double>::infinity();
    } else if (ec != std::errc() || end != digits.data() + digits.size()) {
      return Error(start, "a number", "`" + std::string(digits) + "`");
    }
    token.kind = TokenKind::kNumber;
    token.number = value;
    return base::Status::Ok();
  }

  base::Status String(Token& token) {
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r') {
        return Error(pos_, "a closing `\"`", DescribeCharAt(text_, pos_));
      }
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c == '\\') {
        std::size_t escape = pos_;
        char e = Peek(1);
        if (e == '"' || e == '\\') {
          out += e;
          pos_ += 2;
        } else if (e == 'n') {
          out += '\n';
          pos_ += 2;
        } else if (e == 't') {
          out += '\t';
          pos_ += 2;
        } else if (e == 'u') {
          pos_ += 2;
          std::uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = Peek();
            std::uint32_t digit = 0;
            if (IsDigit(h)) {
              digit = static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
              digit = static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
              digit = static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
              return Error(pos_, "4 hex digits after \\u", DescribeCharAt(text_, pos_));
            }
            cp = cp * 16 + digit;
            ++pos_;
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) {
            return Error(escape, "a Unicode scalar value (not a surrogate)",
                         "`" + std::string(text_.substr(escape, 6)) + "`");
          }
          AppendUtf8(out, cp);
        } else {
          std::string found = "`\\";
          if (pos_ + 1 < text_.size()) {
            std::size_t n = Utf8SequenceLength(text_, pos_ + 1);
            found += text_.substr(pos_ + 1, n == 0 ? 1 : n);
          }
          found += "`";
          return Error(escape, "an escape (\\\" \\\\ \\n \\t \\uXXXX)", found);
        }
        continue;
      }
      std::size_t n = Utf8SequenceLength(text_, pos_);
      if (n == 0) return Error(pos_, "UTF-8 text", ByteName(c));
      out.append(text_.substr(pos_, n));
      pos_ += n;
    }
    token.kind = TokenKind::kString;
    token.string_value = std::move(out);
    return base::Status::Ok();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

base::Result<std::vector<Token>> Tokenize(std::string_view text) { return Lexer(text).Run(); }

std::string Location(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if (!IsContinuation(c)) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

base::Status LocatedError(std::string_view text, std::size_t offset, std::string_view expected,
                          std::string_view found) {
  std::string message = Location(text, offset);
  message += ": expected ";
  message += expected;
  message += ", found ";
  message += found;
  return base::InvalidArgument(std::move(message));
}

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd: return "end of input";
    case TokenKind::kString: {
      // Long strings are cut at a code point boundary.
      std::string_view body = token.text;
      if (body.size() > 32) {
        std::size_t cut = 31;
        while (cut > 0 && IsContinuation(static_cast<unsigned char>(body[cut]))) --cut;
        return "string " + std::string(body.substr(0, cut)) + "…";
      }
      return "string " + std::string(body);
    }
    default: return "`" + std::string(token.text) + "`";
  }
}

}  // namespace oversight::rules::expr::internal
