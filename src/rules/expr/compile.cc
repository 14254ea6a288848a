// Compile: a recursive-descent parser that type-checks as it builds the tree.

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rules/expr/expr.h"
#include "rules/expr/internal/lexer.h"
#include "rules/expr/internal/node.h"

namespace oversight::rules::expr {
namespace {

using internal::DescribeToken;
using internal::LocatedError;
using internal::Token;
using internal::TokenKind;
using Node = Expr::Node;

struct FuncSpec {
  std::string_view name;
  Func func;
  int arity;
  std::array<ValueType, 2> args;
  ValueType result;
  std::string_view signature;
};

constexpr std::array<FuncSpec, 7> kFuncs = {{
    {"len",
     Func::kLen,
     1,
     {ValueType::kString, ValueType::kNull},
     ValueType::kNumber,
     "len(string)"},
    {"starts_with",
     Func::kStartsWith,
     2,
     {ValueType::kString, ValueType::kString},
     ValueType::kBool,
     "starts_with(string, string)"},
    {"contains",
     Func::kContains,
     2,
     {ValueType::kString, ValueType::kString},
     ValueType::kBool,
     "contains(string, string)"},
    {"working_days",
     Func::kWorkingDays,
     2,
     {ValueType::kInstant, ValueType::kInstant},
     ValueType::kNumber,
     "working_days(instant, instant)"},
    {"hours",
     Func::kHours,
     1,
     {ValueType::kDuration, ValueType::kNull},
     ValueType::kNumber,
     "hours(duration)"},
    {"minutes",
     Func::kMinutes,
     1,
     {ValueType::kDuration, ValueType::kNull},
     ValueType::kNumber,
     "minutes(duration)"},
    {"abs",
     Func::kAbs,
     1,
     {ValueType::kNumber, ValueType::kNull},
     ValueType::kNumber,
     "abs(number)"},
}};

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The candidate closest to `name` by edit distance (first one on ties).
std::string Closest(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  for (const std::string& candidate : candidates) {
    std::size_t d = EditDistance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

bool Compatible(ValueType a, ValueType b) {
  return a == b || a == ValueType::kAny || b == ValueType::kAny;
}

bool Orderable(ValueType t) {
  return t == ValueType::kNumber || t == ValueType::kString || t == ValueType::kDuration ||
         t == ValueType::kInstant || t == ValueType::kAny;
}

bool IsLogical(ValueType t) { return t == ValueType::kBool || t == ValueType::kAny; }

std::string_view Article(ValueType t) {
  return (t == ValueType::kAny || t == ValueType::kInstant) ? "an " : "a ";
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, const Schema& schema)
      : text_(text), tokens_(std::move(tokens)), schema_(schema) {}

  base::Result<Node> ParseAll() {
    OVS_ASSIGN_OR_RETURN(Node root, ParseOr());
    if (Peek().kind != TokenKind::kEnd) {
      return Error(Peek().offset, "an operator or end of input", DescribeToken(Peek()));
    }
    return root;
  }

  base::Status Error(std::size_t offset, std::string_view expected, std::string_view found) const {
    return LocatedError(text_, offset, expected, found);
  }

  // "string `item.name`": a node's type and how it was written.
  std::string Describe(const Node& node) const {
    std::string written(text_.substr(node.offset, node.length));
    if (written.size() > 40) {
      std::size_t cut = 39;
      while (cut > 0 && (static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) --cut;
      written = written.substr(0, cut) + "…";
    }
    return std::string(ValueTypeName(node.type)) + " `" + written + "`";
  }

 private:
  // Each nesting construct (parentheses, call, list, !, unary -) holds one level.
  class DepthGuard {
   public:
    explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    int& depth_;
  };

  base::Status CheckDepth(std::size_t offset) const {
    if (depth_ > kMaxExprDepth) {
      return Error(offset, "at most " + std::to_string(kMaxExprDepth) + " levels of nesting",
                   "more");
    }
    return base::Status::Ok();
  }

  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Advance() {
    const Token& token = tokens_[pos_];
    if (token.kind != TokenKind::kEnd) ++pos_;
    return token;
  }
  bool PeekIdent(std::string_view word) const {
    return Peek().kind == TokenKind::kIdent && Peek().text == word;
  }
  // Sets the node's span from `start` to the end of the last token consumed.
  void Span(Node& node, std::size_t start) const {
    node.offset = start;
    const Token& last = tokens_[pos_ == 0 ? 0 : pos_ - 1];
    std::size_t end = last.offset + last.text.size();
    node.length = end > start ? end - start : 0;
  }

  base::Result<Node> ParseOr() { return ParseLogical(TokenKind::kOr, Op::kOr, "||"); }

  base::Result<Node> ParseLogical(TokenKind token_kind, Op op, std::string_view spelling) {
    std::size_t start = Peek().offset;
    auto operand = [&]() -> base::Result<Node> {
      return op == Op::kOr ? ParseLogical(TokenKind::kAnd, Op::kAnd, "&&") : ParseNot();
    };
    OVS_ASSIGN_OR_RETURN(Node first, operand());
    if (Peek().kind != token_kind) return first;
    Node node;
    node.op = op;
    node.type = ValueType::kBool;
    node.children.push_back(std::move(first));
    while (Peek().kind == token_kind) {
      Advance();
      OVS_ASSIGN_OR_RETURN(Node next, operand());
      node.children.push_back(std::move(next));
    }
    for (const Node& child : node.children) {
      if (!IsLogical(child.type)) {
        return Error(child.offset, "a bool operand of `" + std::string(spelling) + "`",
                     Describe(child));
      }
    }
    Span(node, start);
    return node;
  }

  base::Result<Node> ParseNot() {
    if (Peek().kind != TokenKind::kNot) return ParseComparison();
    std::size_t start = Advance().offset;
    DepthGuard guard(depth_);
    OVS_RETURN_IF_ERROR(CheckDepth(start));
    OVS_ASSIGN_OR_RETURN(Node operand, ParseNot());
    if (!IsLogical(operand.type)) {
      return Error(operand.offset, "a bool operand of `!`", Describe(operand));
    }
    Node node;
    node.op = Op::kNot;
    node.type = ValueType::kBool;
    node.children.push_back(std::move(operand));
    Span(node, start);
    return node;
  }

  static std::optional<Op> ComparisonOp(TokenKind kind) {
    switch (kind) {
      case TokenKind::kEq: return Op::kEq;
      case TokenKind::kNe: return Op::kNe;
      case TokenKind::kLt: return Op::kLt;
      case TokenKind::kLe: return Op::kLe;
      case TokenKind::kGt: return Op::kGt;
      case TokenKind::kGe: return Op::kGe;
      default: return std::nullopt;
    }
  }

  base::Result<Node> ParseComparison() {
    std::size_t start = Peek().offset;
    OVS_ASSIGN_OR_RETURN(Node left, ParseAdditive());
    if (PeekIdent("in")) {
      Advance();
      return ParseIn(std::move(left), start);
    }
    std::optional<Op> op = ComparisonOp(Peek().kind);
    if (!op) return left;
    const Token& op_token = Advance();
    std::string spelling(op_token.text);
    OVS_ASSIGN_OR_RETURN(Node right, ParseAdditive());
    bool equality = *op == Op::kEq || *op == Op::kNe;
    Node node;
    node.type = ValueType::kBool;
    if (left.type == ValueType::kNull || right.type == ValueType::kNull) {
      const Node& null_side = left.type == ValueType::kNull ? left : right;
      if (!equality) {
        return Error(null_side.offset,
                     "a number, string, duration or instant for `" + spelling + "`", "null");
      }
      if (left.type == ValueType::kNull && right.type == ValueType::kNull) {
        node.op = Op::kLiteral;
        node.literal = Value::Bool(*op == Op::kEq);
      } else {
        node.op = *op == Op::kEq ? Op::kIsNull : Op::kIsNotNull;
        node.children.push_back(left.type == ValueType::kNull ? std::move(right) : std::move(left));
      }
      Span(node, start);
      return node;
    }
    if (!Compatible(left.type, right.type)) {
      std::string expected = std::string(Article(left.type)) +
                             std::string(ValueTypeName(left.type)) + " to compare with " +
                             Describe(left);
      return Error(right.offset, expected, Describe(right));
    }
    if (!equality) {
      for (const Node* side : {&left, &right}) {
        if (!Orderable(side->type)) {
          return Error(side->offset, "a number, string, duration or instant for `" + spelling + "`",
                       Describe(*side));
        }
      }
    }
    node.op = *op;
    node.children.push_back(std::move(left));
    node.children.push_back(std::move(right));
    Span(node, start);
    return node;
  }

  base::Result<Node> ParseIn(Node left, std::size_t start) {
    if (left.type == ValueType::kNull) {
      return Error(left.offset, "a value before `in`", "null");
    }
    if (Peek().kind != TokenKind::kLBracket) {
      return Error(Peek().offset, "a list `[...]` after `in`", DescribeToken(Peek()));
    }
    std::size_t open = Advance().offset;
    DepthGuard guard(depth_);
    OVS_RETURN_IF_ERROR(CheckDepth(open));
    Node node;
    node.op = Op::kIn;
    node.type = ValueType::kBool;
    node.children.push_back(std::move(left));
    if (Peek().kind != TokenKind::kRBracket) {
      while (true) {
        OVS_ASSIGN_OR_RETURN(Node element, ParseOr());
        const Node& subject = node.children[0];
        if (element.type != ValueType::kNull && !Compatible(subject.type, element.type)) {
          return Error(element.offset,
                       std::string(Article(subject.type)) +
                           std::string(ValueTypeName(subject.type)) + " like " + Describe(subject),
                       Describe(element));
        }
        if (element.op == Op::kLiteral && element.type == ValueType::kNull) {
          node.list_has_null = true;
        } else if (element.op == Op::kLiteral && element.type == ValueType::kString) {
          node.strings.push_back(std::get<std::string>(element.literal.v));
        } else if (element.op == Op::kLiteral && element.type == ValueType::kNumber) {
          node.numbers.push_back(std::get<double>(element.literal.v));
        } else {
          node.children.push_back(std::move(element));
        }
        if (Peek().kind == TokenKind::kComma) {
          Advance();
          continue;
        }
        if (Peek().kind == TokenKind::kRBracket) break;
        return Error(Peek().offset, "`,` or `]`", DescribeToken(Peek()));
      }
    }
    Advance();  // ]
    std::sort(node.strings.begin(), node.strings.end());
    node.strings.erase(std::unique(node.strings.begin(), node.strings.end()), node.strings.end());
    std::sort(node.numbers.begin(), node.numbers.end());
    node.numbers.erase(std::unique(node.numbers.begin(), node.numbers.end()), node.numbers.end());
    Span(node, start);
    return node;
  }

  // The type of `left op right` for + and -, or nullopt when not allowed.
  static std::optional<ValueType> ArithType(ValueType left, ValueType right, bool minus) {
    using T = ValueType;
    auto numeric = [](T t) { return t == T::kNumber || t == T::kDuration || t == T::kInstant; };
    if (left == T::kAny || right == T::kAny) {
      if ((left == T::kAny || numeric(left)) && (right == T::kAny || numeric(right)))
        return T::kAny;
      return std::nullopt;
    }
    if (left == T::kNumber && right == T::kNumber) return T::kNumber;
    if (left == T::kDuration && right == T::kDuration) return T::kDuration;
    if (left == T::kInstant && right == T::kDuration) return T::kInstant;
    if (left == T::kDuration && right == T::kInstant && !minus) return T::kInstant;
    if (left == T::kInstant && right == T::kInstant && minus) return T::kDuration;
    return std::nullopt;
  }

  base::Result<Node> ParseAdditive() {
    std::size_t start = Peek().offset;
    OVS_ASSIGN_OR_RETURN(Node first, ParseUnary());
    if (Peek().kind != TokenKind::kPlus && Peek().kind != TokenKind::kMinus) return first;
    Node node;
    node.op = Op::kArith;
    node.type = first.type;
    node.children.push_back(std::move(first));
    while (Peek().kind == TokenKind::kPlus || Peek().kind == TokenKind::kMinus) {
      const Token& op_token = Advance();
      bool minus = op_token.kind == TokenKind::kMinus;
      std::size_t op_offset = op_token.offset;
      OVS_ASSIGN_OR_RETURN(Node right, ParseUnary());
      std::optional<ValueType> type = ArithType(node.type, right.type, minus);
      if (!type) {
        std::string found = std::string(ValueTypeName(node.type)) + (minus ? " - " : " + ") +
                            std::string(ValueTypeName(right.type));
        return Error(
            op_offset,
            "number ± number, duration ± duration, instant ± duration or instant - instant", found);
      }
      node.type = *type;
      node.arith_minus.push_back(minus);
      node.children.push_back(std::move(right));
    }
    Span(node, start);
    return node;
  }

  base::Result<Node> ParseUnary() {
    if (Peek().kind != TokenKind::kMinus) return ParsePrimary();
    std::size_t start = Advance().offset;
    DepthGuard guard(depth_);
    OVS_RETURN_IF_ERROR(CheckDepth(start));
    OVS_ASSIGN_OR_RETURN(Node operand, ParseUnary());
    ValueType t = operand.type;
    if (t != ValueType::kNumber && t != ValueType::kDuration && t != ValueType::kAny) {
      return Error(operand.offset, "a number or duration after `-`", Describe(operand));
    }
    Node node;
    if (operand.op == Op::kLiteral) {
      // Fold negative literals so that `in [-1, 2]` stays a constant list. A
      // duration literal is never negative, so its negation cannot overflow.
      node = std::move(operand);
      if (auto* d = std::get_if<double>(&node.literal.v)) *d = -*d;
      if (auto* ms = std::get_if<base::Milliseconds>(&node.literal.v)) *ms = -*ms;
    } else {
      node.op = Op::kNeg;
      node.type = t;
      node.children.push_back(std::move(operand));
    }
    Span(node, start);
    return node;
  }

  base::Result<Node> ParsePrimary() {
    const Token& token = Peek();
    Node node;
    node.op = Op::kLiteral;
    switch (token.kind) {
      case TokenKind::kNumber:
        node.type = ValueType::kNumber;
        node.literal = Value::Number(token.number);
        Advance();
        break;
      case TokenKind::kDuration:
        node.type = ValueType::kDuration;
        node.literal = Value::Duration(base::Milliseconds(token.millis));
        Advance();
        break;
      case TokenKind::kString:
        node.type = ValueType::kString;
        node.literal = Value::String(token.string_value);
        Advance();
        break;
      case TokenKind::kLParen: {
        std::size_t start = Advance().offset;
        DepthGuard guard(depth_);
        OVS_RETURN_IF_ERROR(CheckDepth(start));
        OVS_ASSIGN_OR_RETURN(node, ParseOr());
        if (Peek().kind != TokenKind::kRParen) {
          return Error(Peek().offset, "`)`", DescribeToken(Peek()));
        }
        Advance();
        // Keep the inner span: errors point at the expression, not the parenthesis.
        return node;
      }
      case TokenKind::kLBracket:
        return Error(token.offset, "a value (a list may only follow `in`)", "`[`");
      case TokenKind::kIdent: return ParseName();
      default: return Error(token.offset, "a value", DescribeToken(token));
    }
    node.offset = token.offset;
    node.length = token.text.size();
    return node;
  }

  base::Result<Node> ParseName() {
    const Token& first = Advance();
    std::size_t start = first.offset;
    Node node;
    node.op = Op::kLiteral;
    if (first.text == "true" || first.text == "false") {
      node.type = ValueType::kBool;
      node.literal = Value::Bool(first.text == "true");
      Span(node, start);
      return node;
    }
    if (first.text == "null") {
      node.type = ValueType::kNull;
      Span(node, start);
      return node;
    }
    if (first.text == "in") return Error(start, "a value", "`in`");
    if (Peek().kind == TokenKind::kLParen) return ParseCall(first);
    std::string path(first.text);
    while (Peek().kind == TokenKind::kDot) {
      Advance();
      if (Peek().kind != TokenKind::kIdent) {
        return Error(Peek().offset, "a name after `.`", DescribeToken(Peek()));
      }
      path += '.';
      path += Advance().text;
    }
    std::optional<int> field = schema_.Find(path);
    if (!field) {
      std::vector<std::string> candidates;
      for (const auto& [name, type] : schema_.fields) candidates.push_back(name);
      std::string_view last = path;
      if (std::size_t dot = last.rfind('.'); dot != std::string_view::npos)
        last = last.substr(dot + 1);
      for (const std::string& prefix : schema_.open_prefixes)
        candidates.push_back(prefix + std::string(last));
      std::string found = "`" + path + "`";
      std::string suggestion = candidates.empty() ? "" : Closest(path, candidates);
      // A bare object name ("item", "event.attrs") is completed rather than respelled.
      for (const std::string& prefix : schema_.open_prefixes) {
        if (prefix == path + ".") suggestion = prefix + "<key>";
      }
      for (auto it = schema_.fields.rbegin(); it != schema_.fields.rend(); ++it) {
        if (it->first.size() > path.size() + 1 && it->first.compare(0, path.size(), path) == 0 &&
            it->first[path.size()] == '.') {
          suggestion = it->first;
        }
      }
      if (!suggestion.empty()) found += " (did you mean `" + suggestion + "`?)";
      return Error(start, "a known field", found);
    }
    node.op = Op::kField;
    node.field = *field;
    node.type = schema_.TypeOf(*field);
    if (static_cast<std::size_t>(*field) >= schema_.fields.size()) {
      const std::string& prefix =
          schema_.open_prefixes[static_cast<std::size_t>(*field) - schema_.fields.size()];
      node.suffix = path.substr(prefix.size());
    }
    Span(node, start);
    return node;
  }

  base::Result<Node> ParseCall(const Token& name) {
    const FuncSpec* spec = nullptr;
    for (const FuncSpec& candidate : kFuncs) {
      if (candidate.name == name.text) spec = &candidate;
    }
    if (spec == nullptr) {
      std::vector<std::string> names;
      std::string list;
      for (const FuncSpec& candidate : kFuncs) {
        names.emplace_back(candidate.name);
        if (!list.empty()) list += ", ";
        list += candidate.name;
      }
      return Error(
          name.offset, "a function (" + list + ")",
          "`" + std::string(name.text) + "` (did you mean `" + Closest(name.text, names) + "`?)");
    }
    std::size_t open = Advance().offset;  // (
    DepthGuard guard(depth_);
    OVS_RETURN_IF_ERROR(CheckDepth(open));
    Node node;
    node.op = Op::kCall;
    node.func = spec->func;
    node.type = spec->result;
    if (Peek().kind != TokenKind::kRParen) {
      while (true) {
        OVS_ASSIGN_OR_RETURN(Node arg, ParseOr());
        node.children.push_back(std::move(arg));
        if (Peek().kind == TokenKind::kComma) {
          Advance();
          continue;
        }
        if (Peek().kind == TokenKind::kRParen) break;
        return Error(Peek().offset, "`,` or `)`", DescribeToken(Peek()));
      }
    }
    Advance();  // )
    if (static_cast<int>(node.children.size()) != spec->arity) {
      std::string expected = std::to_string(spec->arity) +
                             (spec->arity == 1 ? " argument for " : " arguments for ") +
                             std::string(spec->signature);
      return Error(name.offset, expected, std::to_string(node.children.size()));
    }
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      const Node& arg = node.children[i];
      ValueType want = spec->args[i];
      if (arg.type != want && arg.type != ValueType::kAny) {
        std::string expected = std::string(Article(want)) + std::string(ValueTypeName(want)) +
                               " as argument " + std::to_string(i + 1) + " of " +
                               std::string(spec->signature);
        return Error(arg.offset, expected, Describe(arg));
      }
    }
    Span(node, name.offset);
    return node;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  const Schema& schema_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

base::Result<Expr> Compile(std::string_view text, const Schema& schema, ValueType expected) {
  if (text.size() > kMaxExprBytes) {
    return LocatedError(text, 0,
                        "at most " + std::to_string(kMaxExprBytes) + " bytes of expression",
                        std::to_string(text.size()) + " bytes");
  }
  OVS_ASSIGN_OR_RETURN(std::vector<Token> tokens, internal::Tokenize(text));
  Parser parser(text, std::move(tokens), schema);
  OVS_ASSIGN_OR_RETURN(Node root, parser.ParseAll());
  if (expected != ValueType::kAny && root.type != expected && root.type != ValueType::kAny) {
    return parser.Error(
        root.offset,
        std::string(Article(expected)) + std::string(ValueTypeName(expected)) + " expression",
        parser.Describe(root));
  }
  Expr expr;
  expr.type_ = root.type;
  expr.root_ = std::make_shared<const Node>(std::move(root));
  expr.text_ = std::make_shared<const std::string>(text);
  return expr;
}

}  // namespace oversight::rules::expr
