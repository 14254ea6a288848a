#pragma once

// The compiled tree Compile builds and Evaluate walks. Children are held by
// value; the whole tree is immutable once Compile returns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/expr/expr.h"

namespace oversight::rules::expr {

enum class Op : std::uint8_t {
  kLiteral,    // literal
  kField,      // field, suffix (suffix empty unless an open prefix)
  kIsNull,     // children[0] == null
  kIsNotNull,  // children[0] != null
  kNot,        // !children[0]
  kAnd,        // children[0] && children[1] && ...
  kOr,         // children[0] || children[1] || ...
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,     // children[0] in (strings ∪ numbers ∪ children[1..] ∪ {null if list_has_null})
  kArith,  // children[0] ± children[1] ± ..., left to right (signs in arith_minus)
  kNeg,
  kCall,  // func(children...)
};

enum class Func : std::uint8_t {
  kNone,
  kLen,
  kStartsWith,
  kContains,
  kWorkingDays,
  kHours,
  kMinutes,
  kAbs,
};

struct Expr::Node {
  Op op = Op::kLiteral;
  ValueType type = ValueType::kNull;  // static type
  Func func = Func::kNone;
  bool list_has_null = false;  // kIn: the list holds a null literal
  int field = -1;              // kField
  std::size_t offset = 0;      // byte span of the node in the text, for errors
  std::size_t length = 0;
  Value literal;       // kLiteral
  std::string suffix;  // kField under an open prefix
  std::vector<Node> children;
  std::vector<bool> arith_minus;  // kArith: per step after the first, true for `-`
  // kIn: literal string and number elements, sorted and unique; other elements
  // stay in children[1..] and are compared one by one.
  std::vector<std::string> strings;
  std::vector<double> numbers;
};

}  // namespace oversight::rules::expr
