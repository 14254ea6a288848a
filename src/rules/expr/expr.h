#pragma once

// The rule expression language: scopes and checks over a case, its item, its
// department and the event at hand (DESIGN §5, docs/RULES.md). Parsed and
// type-checked once, when a rule file loads; evaluated per event with no I/O,
// no allocation beyond the values it returns, and a bounded amount of work.
//
//   OVS_ASSIGN_OR_RETURN(
//       Expr scope,
//       Compile(R"(item.category == "行政许可" && case.channel in ["online", "mobile"])",
//               DefaultSchema(), ValueType::kBool));
//   Value v = scope.Evaluate(fields, context);   // v.AsBool()
//
// Grammar (precedence low → high):
//   expr    := or
//   or      := and ("||" and)*
//   and     := not ("&&" not)*
//   not     := "!" not | cmp
//   cmp     := add (("==" | "!=" | "<" | "<=" | ">" | ">=") add | "in" list)?
//   add     := unary (("+" | "-") unary)*
//   unary   := "-" unary | primary
//   primary := literal | path | call | "(" expr ")"
//   literal := number | "string" | true | false | null | duration (e.g. 10m, 24h, 5d)
//   path    := ident ("." ident)*          e.g. case.kind, item.fee_fen, event.attrs.fee
//   call    := ident "(" (expr ("," expr)*)? ")"   len, starts_with, working_days, ...
//   list    := "[" (expr ("," expr)*)? "]"          only after `in`
//
// Lexical: numbers are decimal with optional fraction and exponent (12, 0.5, 1e3);
// durations are an integer and a unit: ms, s, m (minutes), h, d (24 h of elapsed
// time, not a calendar day). Strings are double-quoted UTF-8 with the escapes
// \" \\ \n \t \uXXXX. Identifiers are ASCII [A-Za-z_][A-Za-z0-9_]*; after a dot
// the keywords (true, false, null, in) are plain names (event.attrs.in).
//
// Types, checked at compile time:
//   - ==, != need the same type on both sides; <, <=, >, >= need number, string
//     (byte order = code point order), duration or instant. kAny (an open field)
//     goes with anything and is checked at evaluation.
//   - `x == null` / `x != null` test presence; null is allowed nowhere else but
//     in an `in` list (`x in ["a", null]` also matches an absent x).
//   - &&, ||, ! need bool (or kAny). `in` needs a list whose elements have the
//     left side's type (or null, or kAny).
//   - +, -: number±number → number, duration±duration → duration,
//     instant±duration → instant, duration+instant → instant, instant−instant →
//     duration; unary - on number or duration. With a kAny operand the result is kAny.
//   - functions: len(string) → number (code points); starts_with(string, string),
//     contains(string, string) → bool; working_days(instant, instant) → number
//     (EvalContext.calendar's WorkingDaysBetween); hours(duration),
//     minutes(duration) → number (fractional); abs(number) → number.
//
// Evaluation is total (never fails, never throws) and three-valued in spirit:
//   - any field may be null at run time (an absent attr, item.fee_fen without a
//     fee standard). A comparison or `in` with a null operand is false, except the
//     presence tests `== null` / `!= null` and a null element of an `in` list.
//   - a comparison between values whose run-time types differ (kAny) is false,
//     for != as much as for == ("unknown" never fires a rule).
//   - a logical operator treats any non-bool operand as false, so `!x` is true
//     when x is null or not a bool. && and || short-circuit.
//   - arithmetic or a function over null, over a mismatched type, or overflowing
//     the 64-bit millisecond range yields null; working_days without a calendar or
//     outside its data yields null.
// Work is linear in the size of the tree (plus the length of strings searched).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace oversight::calendar {
class Calendar;
}

namespace oversight::rules::expr {

enum class ValueType : std::uint8_t {
  kNull,  // a field the source did not send (event.attrs.x when absent)
  kBool,
  kNumber,  // double
  kString,
  kDuration,  // milliseconds
  kInstant,   // UTC
  kList,      // only as the right side of `in`
  kAny,       // schema type of open fields (event.attrs.*): checked at evaluation
};
std::string_view ValueTypeName(ValueType type);  // "null", "bool", "number", ...

struct Value {
  // The alternatives are in ValueType order (kNull .. kList).
  std::variant<std::monostate, bool, double, std::string, base::Milliseconds, base::Instant,
               std::vector<Value>>
      v;

  ValueType type() const;
  bool AsBool() const;  // false for anything but a true bool
  bool is_null() const { return v.index() == 0; }

  static Value Null() { return {}; }
  static Value Bool(bool b) { return {b}; }
  static Value Number(double d) { return {d}; }
  static Value String(std::string s) { return {std::move(s)}; }
  static Value Duration(base::Milliseconds d) { return {d}; }
  static Value Instant(base::Instant at) { return {at}; }
};

// How a value reads in messages and samples: null, true, 12.5, "text" (JSON
// string syntax), 90m / 1500ms (the largest unit that divides it), instants in
// RFC 3339 UTC, lists as [a, b].
std::string FormatValue(const Value& value);

// The fields an expression may name and their types. `open_prefixes` (e.g.
// "event.attrs.") accept any suffix with type kAny.
struct Schema {
  std::vector<std::pair<std::string, ValueType>> fields;
  std::vector<std::string> open_prefixes;

  // Index of a field for FieldSource::Get, or nullopt. A declared field's index
  // is its position in `fields`; a path under an open prefix gets
  // fields.size() + the prefix's position in `open_prefixes` (the suffix is the
  // rest of the path). Declared fields win over open prefixes.
  std::optional<int> Find(std::string_view path) const;
  // The schema type of an index from Find (kAny for open prefixes; kNull when out of range).
  ValueType TypeOf(int field) const;
};

// The default schema over the model. Every field may be null at run time.
//   case.id, case.kind ("approval" | "complaint" | "rating"),
//   case.channel ("online" | "window" | "mobile" | ""), case.source, case.item,
//   case.dept, case.applicant_type                                    string
//   item.code, item.name, item.category                               string
//   item.fee_fen       number (null when the item has no fee standard)
//   item.has_fee       bool
//   item.statutory_limit, item.promised_limit   number (the amount; null when unset)
//   item.online_depth  number
//   dept.code, dept.name, dept.region, dept.parent                    string
//   event.type, event.step, event.actor, event.channel, event.source  string
//   event.at           instant
//   event.attrs.<key>  kAny: the attr's JSON value (number, string, bool; null when absent,
//                      null or an object or array)
// Field indexes are the DefaultField values below.
const Schema& DefaultSchema();

// DefaultSchema()'s field indexes, for FieldSource implementations to switch on:
// `switch (static_cast<DefaultField>(field))`.
enum class DefaultField : int {
  kCaseId = 0,
  kCaseKind,
  kCaseChannel,
  kCaseSource,
  kCaseItem,
  kCaseDept,
  kCaseApplicantType,
  kItemCode,
  kItemName,
  kItemCategory,
  kItemFeeFen,
  kItemHasFee,
  kItemStatutoryLimit,
  kItemPromisedLimit,
  kItemOnlineDepth,
  kDeptCode,
  kDeptName,
  kDeptRegion,
  kDeptParent,
  kEventType,
  kEventStep,
  kEventActor,
  kEventChannel,
  kEventSource,
  kEventAt,
  kEventAttrs,  // the open prefix "event.attrs." (fields.size() + 0); the suffix is the key
};

// Where evaluation reads field values from; `field` is Schema::Find's index, and
// `open_suffix` is the rest of the path for an open prefix ("fee" for
// event.attrs.fee), empty otherwise. Return a null Value for anything unknown.
class FieldSource {
 public:
  virtual ~FieldSource() = default;
  virtual Value Get(int field, std::string_view open_suffix) const = 0;
};

// What functions may use beyond the fields.
struct EvalContext {
  const calendar::Calendar* calendar = nullptr;  // for working_days(a, b)
};

// A compiled expression: immutable, cheap to copy, safe to share across threads.
// A default-constructed Expr evaluates to null.
class Expr {
 public:
  // The value; for a kBool expression use AsBool(): a bool field or function can
  // still be null at run time, and null (or a kAny result that is not a bool)
  // counts as false.
  Value Evaluate(const FieldSource& fields, const EvalContext& context) const;
  // The static type: kBool, kNumber, ... or kAny when only known at evaluation.
  ValueType result_type() const;
  const std::string& text() const;

  struct Node;

 private:
  friend base::Result<Expr> Compile(std::string_view, const Schema&, ValueType);
  std::shared_ptr<const Node> root_;
  std::shared_ptr<const std::string> text_;
  ValueType type_ = ValueType::kNull;
};

// Limits enforced by Compile.
inline constexpr std::size_t kMaxExprBytes = 4096;
inline constexpr int kMaxExprDepth = 64;

// Parses and type-checks `text`. Errors read "line L, column C: expected ..., found ..."
// (line and column within `text`, 1-based, columns in code points). `expected` is
// the type the result must have (kAny: whatever it is; a kAny result is accepted
// for any `expected`). Bounded: at most 4 KiB of text and 64 levels of nesting
// (parentheses, operators, calls and lists all count).
base::Result<Expr> Compile(std::string_view text, const Schema& schema, ValueType expected);

}  // namespace oversight::rules::expr
