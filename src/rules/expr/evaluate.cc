// Evaluate: walks the compiled tree. Total by construction: every operation has
// a result for every combination of run-time values (null when it has no meaning).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "calendar/calendar.h"
#include "rules/expr/expr.h"
#include "rules/expr/internal/node.h"

namespace oversight::rules::expr {
namespace {

using Node = Expr::Node;

enum Alternative : std::size_t {
  kNullIdx = 0,
  kBoolIdx,
  kNumberIdx,
  kStringIdx,
  kDurationIdx,
  kInstantIdx
};

class Evaluator {
 public:
  Evaluator(const FieldSource& fields, const EvalContext& context)
      : fields_(fields), context_(context) {}

  Value Eval(const Node& node) const {
    switch (node.op) {
      case Op::kLiteral: return node.literal;
      case Op::kField: return fields_.Get(node.field, node.suffix);
      case Op::kArith: return Arith(node);
      case Op::kNeg: return Negate(Eval(node.children[0]));
      case Op::kCall: return Call(node);
      default: return Value::Bool(Test(node));
    }
  }

  // The truth of a node: bool-valued operators are computed without building a
  // Value; anything else counts as true only when it is a true bool.
  bool Test(const Node& node) const {
    switch (node.op) {
      case Op::kIsNull: return IsNull(node.children[0]);
      case Op::kIsNotNull: return !IsNull(node.children[0]);
      case Op::kNot: return !Test(node.children[0]);
      case Op::kAnd:
        for (const Node& child : node.children) {
          if (!Test(child)) return false;
        }
        return true;
      case Op::kOr:
        for (const Node& child : node.children) {
          if (Test(child)) return true;
        }
        return false;
      case Op::kEq:
      case Op::kNe:
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe: return Compare(node);
      case Op::kIn: return In(node);
      case Op::kLiteral: return node.literal.AsBool();
      default: return Eval(node).AsBool();
    }
  }

 private:
  // Calls f with the node's value: literals in place, anything else evaluated
  // into a local (constructed in place, no copy).
  template <typename F>
  auto With(const Node& node, F&& f) const {
    if (node.op == Op::kLiteral) return f(node.literal);
    const Value value = Eval(node);
    return f(value);
  }

  bool IsNull(const Node& node) const {
    return With(node, [](const Value& v) { return v.is_null(); });
  }

  // Equality of two non-null values; values of different types are unequal.
  static bool Equal(const Value& a, const Value& b) {
    if (a.v.index() != b.v.index()) return false;
    switch (a.v.index()) {
      case kBoolIdx: return std::get<bool>(a.v) == std::get<bool>(b.v);
      case kNumberIdx: return std::get<double>(a.v) == std::get<double>(b.v);
      case kStringIdx: return std::get<std::string>(a.v) == std::get<std::string>(b.v);
      case kDurationIdx:
        return std::get<base::Milliseconds>(a.v) == std::get<base::Milliseconds>(b.v);
      case kInstantIdx: return std::get<base::Instant>(a.v) == std::get<base::Instant>(b.v);
      default: return false;
    }
  }

  template <typename T>
  static bool Ordered(Op op, const T& a, const T& b) {
    switch (op) {
      case Op::kEq: return a == b;
      case Op::kNe: return a != b;
      case Op::kLt: return a < b;
      case Op::kLe: return a <= b;
      case Op::kGt: return a > b;
      case Op::kGe: return a >= b;
      default: return false;
    }
  }

  bool Compare(const Node& node) const {
    return With(node.children[0], [&](const Value& a) {
      return With(node.children[1], [&](const Value& b) { return CompareValues(node.op, a, b); });
    });
  }

  static bool CompareValues(Op op, const Value& a, const Value& b) {
    // Null or mismatched types: unknown, which never makes a comparison true.
    if (a.is_null() || a.v.index() != b.v.index()) return false;
    switch (a.v.index()) {
      case kBoolIdx:
        if (op != Op::kEq && op != Op::kNe) return false;
        return Ordered(op, std::get<bool>(a.v), std::get<bool>(b.v));
      case kNumberIdx: return Ordered(op, std::get<double>(a.v), std::get<double>(b.v));
      case kStringIdx:
        return Ordered(op, std::string_view(std::get<std::string>(a.v)),
                       std::string_view(std::get<std::string>(b.v)));
      case kDurationIdx:
        return Ordered(op, std::get<base::Milliseconds>(a.v), std::get<base::Milliseconds>(b.v));
      case kInstantIdx:
        return Ordered(op, std::get<base::Instant>(a.v), std::get<base::Instant>(b.v));
      default: return false;
    }
  }

  bool In(const Node& node) const {
    return With(node.children[0], [&](const Value& subject) { return InList(node, subject); });
  }

  bool InList(const Node& node, const Value& subject) const {
    if (subject.is_null()) return node.list_has_null;
    if (const auto* s = std::get_if<std::string>(&subject.v)) {
      if (std::binary_search(node.strings.begin(), node.strings.end(), *s)) return true;
    } else if (const auto* d = std::get_if<double>(&subject.v)) {
      if (std::binary_search(node.numbers.begin(), node.numbers.end(), *d)) return true;
    }
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      if (With(node.children[i], [&](const Value& element) { return Equal(subject, element); })) {
        return true;
      }
    }
    return false;
  }

  static Value Step(const Value& a, const Value& b, bool minus) {
    const auto* an = std::get_if<double>(&a.v);
    const auto* bn = std::get_if<double>(&b.v);
    if (an != nullptr && bn != nullptr) return Value::Number(minus ? *an - *bn : *an + *bn);
    const auto* ad = std::get_if<base::Milliseconds>(&a.v);
    const auto* bd = std::get_if<base::Milliseconds>(&b.v);
    const auto* ai = std::get_if<base::Instant>(&a.v);
    const auto* bi = std::get_if<base::Instant>(&b.v);
    std::int64_t out = 0;
    auto add = [&](std::int64_t x, std::int64_t y) {
      return minus ? !__builtin_sub_overflow(x, y, &out) : !__builtin_add_overflow(x, y, &out);
    };
    if (ad != nullptr && bd != nullptr) {
      return add(ad->count(), bd->count()) ? Value::Duration(base::Milliseconds(out))
                                           : Value::Null();
    }
    if (ai != nullptr && bd != nullptr) {
      return add(ai->time_since_epoch().count(), bd->count())
                 ? Value::Instant(base::FromUnixMillis(out))
                 : Value::Null();
    }
    if (ad != nullptr && bi != nullptr && !minus) {
      return add(ad->count(), bi->time_since_epoch().count())
                 ? Value::Instant(base::FromUnixMillis(out))
                 : Value::Null();
    }
    if (ai != nullptr && bi != nullptr && minus) {
      return add(ai->time_since_epoch().count(), bi->time_since_epoch().count())
                 ? Value::Duration(base::Milliseconds(out))
                 : Value::Null();
    }
    return Value::Null();
  }

  Value Arith(const Node& node) const {
    Value acc = Eval(node.children[0]);
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      if (acc.is_null()) return acc;
      bool minus = node.arith_minus[i - 1];
      acc = With(node.children[i], [&](const Value& b) { return Step(acc, b, minus); });
    }
    return acc;
  }

  static Value Negate(const Value& a) {
    if (const auto* n = std::get_if<double>(&a.v)) return Value::Number(-*n);
    if (const auto* d = std::get_if<base::Milliseconds>(&a.v)) {
      std::int64_t out = 0;
      if (__builtin_sub_overflow(std::int64_t{0}, d->count(), &out)) return Value::Null();
      return Value::Duration(base::Milliseconds(out));
    }
    return Value::Null();
  }

  static double CodePoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return static_cast<double>(n);
  }

  Value Call(const Node& node) const {
    return With(node.children[0], [&](const Value& a) {
      if (node.children.size() < 2) return Apply(node.func, a, nullptr);
      return With(node.children[1], [&](const Value& b) { return Apply(node.func, a, &b); });
    });
  }

  Value Apply(Func func, const Value& a, const Value* b) const {
    switch (func) {
      case Func::kLen:
        if (const auto* s = std::get_if<std::string>(&a.v)) return Value::Number(CodePoints(*s));
        return Value::Null();
      case Func::kStartsWith:
      case Func::kContains: {
        const auto* s = std::get_if<std::string>(&a.v);
        const auto* t = b != nullptr ? std::get_if<std::string>(&b->v) : nullptr;
        if (s == nullptr || t == nullptr) return Value::Null();
        std::string_view haystack(*s);
        if (func == Func::kStartsWith) return Value::Bool(haystack.substr(0, t->size()) == *t);
        return Value::Bool(haystack.find(*t) != std::string_view::npos);
      }
      case Func::kWorkingDays: {
        const auto* from = std::get_if<base::Instant>(&a.v);
        const auto* to = b != nullptr ? std::get_if<base::Instant>(&b->v) : nullptr;
        if (from == nullptr || to == nullptr || context_.calendar == nullptr) return Value::Null();
        base::Result<std::int64_t> days = context_.calendar->WorkingDaysBetween(*from, *to);
        if (!days.ok()) return Value::Null();
        return Value::Number(static_cast<double>(*days));
      }
      case Func::kHours:
      case Func::kMinutes: {
        const auto* d = std::get_if<base::Milliseconds>(&a.v);
        if (d == nullptr) return Value::Null();
        double per_unit = func == Func::kHours ? 3600000.0 : 60000.0;
        return Value::Number(static_cast<double>(d->count()) / per_unit);
      }
      case Func::kAbs:
        if (const auto* n = std::get_if<double>(&a.v)) return Value::Number(std::fabs(*n));
        return Value::Null();
      case Func::kNone: break;
    }
    return Value::Null();
  }

  const FieldSource& fields_;
  const EvalContext& context_;
};

}  // namespace

Value Expr::Evaluate(const FieldSource& fields, const EvalContext& context) const {
  if (root_ == nullptr) return Value::Null();
  return Evaluator(fields, context).Eval(*root_);
}

ValueType Expr::result_type() const { return type_; }

const std::string& Expr::text() const {
  static const std::string* const kEmpty = new std::string();
  return text_ != nullptr ? *text_ : *kEmpty;
}

}  // namespace oversight::rules::expr
