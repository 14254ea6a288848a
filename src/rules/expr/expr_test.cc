#include "rules/expr/expr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "calendar/calendar.h"
#include "rules/expr/map_field_source.h"

namespace oversight::rules::expr {
namespace {

// A readable rendering of a value, so tables can state expected results as text.
std::string Show(const Value& value) {
  std::ostringstream out;
  out.precision(17);
  switch (value.type()) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return value.AsBool() ? "true" : "false";
    case ValueType::kNumber: out << "number " << std::get<double>(value.v); break;
    case ValueType::kString: out << "string " << std::get<std::string>(value.v); break;
    case ValueType::kDuration:
      out << "duration " << std::get<base::Milliseconds>(value.v).count() << "ms";
      break;
    case ValueType::kInstant:
      out << "instant " << base::FormatInstantUtc(std::get<base::Instant>(value.v));
      break;
    default: out << ValueTypeName(value.type()); break;
  }
  return out.str();
}

base::Instant At(std::string_view text) {
  base::Result<base::Instant> at = base::ParseInstant(text);
  EXPECT_TRUE(at.ok()) << text;
  return at.ok() ? *at : base::Instant{};
}

// Case 445200-2025-000123 at the moment its item's fee is checked.
MapFieldSource SampleFields() {
  MapFieldSource fields;
  fields.Set("case.kind", Value::String("approval"))
      .Set("case.channel", Value::String("online"))
      .Set("item.category", Value::String("行政许可"))
      .Set("item.name", Value::String("食品经营许可证核发"))
      .Set("item.fee_fen", Value::Number(1000))
      .Set("item.has_fee", Value::Bool(true))
      .Set("dept.region", Value::String("端州区"))
      .Set("event.at", Value::Instant(At("2025-03-03T09:00:00+08:00")))
      .Set("event.attrs.fee", Value::Number(1000))
      .Set("event.attrs.note", Value::String("加急"))
      .Set("event.attrs.flag", Value::Bool(true))
      .Set("event.attrs.a.b", Value::Number(7))
      .Set("event.attrs.in", Value::Number(8));
  return fields;
}

std::string EvalText(std::string_view text, const FieldSource& fields,
                     const EvalContext& context = {}) {
  base::Result<Expr> expr = Compile(text, DefaultSchema(), ValueType::kAny);
  if (!expr.ok()) return "compile error: " + expr.status().message();
  return Show(expr->Evaluate(fields, context));
}

std::string CompileError(std::string_view text, ValueType expected = ValueType::kAny) {
  base::Result<Expr> expr = Compile(text, DefaultSchema(), expected);
  if (expr.ok()) return "compiled";
  EXPECT_EQ(expr.status().code(), base::StatusCode::kInvalidArgument);
  return expr.status().message();
}

struct EvalCase {
  std::string_view text;
  std::string_view want;
};

void RunTable(const std::vector<EvalCase>& table, const FieldSource& fields,
              const EvalContext& context = {}) {
  for (const EvalCase& row : table) {
    EXPECT_EQ(EvalText(row.text, fields, context), row.want) << row.text;
  }
}

TEST(ExprLiterals, EvaluateToThemselves) {
  RunTable(
      {
          {"1", "number 1"},
          {"1.5", "number 1.5"},
          {"2e3", "number 2000"},
          {"25E-1", "number 2.5"},
          {"1e999", "number inf"},
          {"1e-999", "number 0"},
          {"-3", "number -3"},
          {R"("a\"b\\c")", "string a\"b\\c"},
          {R"("\u4e2d文")", "string 中文"},
          {R"("tab\there")", "string tab\there"},
          {R"("")", "string "},
          {"true", "true"},
          {"false", "false"},
          {"null", "null"},
          {"10ms", "duration 10ms"},
          {"10s", "duration 10000ms"},
          {"10m", "duration 600000ms"},
          {"2h", "duration 7200000ms"},
          {"5d", "duration 432000000ms"},
          {"-5m", "duration -300000ms"},
          {"event.at", "instant 2025-03-03T01:00:00Z"},
      },
      SampleFields());
}

TEST(ExprPrecedence, FollowsTheGrammar) {
  RunTable(
      {
          {"1 + 2 == 3", "true"},
          {"true || false && false", "true"},
          {"(true || false) && false", "false"},
          {"!false && false", "false"},
          {"!(false && false)", "true"},
          {"!!true", "true"},
          {"1 - 2 - 3", "number -4"},
          {"1 - (2 - 3)", "number 2"},
          {"- -1", "number 1"},
          {"-(1 + 2)", "number -3"},
          {"1 < 2 == true",
           "compile error: line 1, column 7: expected an operator or end of input, found `==`"},
          {"case.kind == \"approval\" && item.fee_fen > 0 || false", "true"},
          {" \n (\t1 +\n2 ) == 3 ", "true"},
      },
      SampleFields());
}

TEST(ExprComparison, ComparesEachType) {
  RunTable(
      {
          {R"(case.kind == "approval")", "true"},
          {R"(case.kind != "approval")", "false"},
          {"item.fee_fen > 999", "true"},
          {"item.fee_fen >= 1000", "true"},
          {"item.fee_fen < 1000", "false"},
          {"item.fee_fen <= 1000", "true"},
          {R"("a" < "b")", "true"},
          {R"("中" > "z")", "true"},
          {"1h > 59m", "true"},
          {"1h == 60m", "true"},
          {"event.at == event.at", "true"},
          {"event.at < event.at + 1ms", "true"},
          {"true == true", "true"},
          {"true != false", "true"},
          {"item.has_fee == true", "true"},
      },
      SampleFields());
}

TEST(ExprIn, MatchesListElements) {
  RunTable(
      {
          {R"(case.channel in ["online", "mobile"])", "true"},
          {R"(case.channel in ["window"])", "false"},
          {"case.channel in []", "false"},
          {"item.fee_fen in [1, 1000]", "true"},
          {"item.fee_fen in [-1000]", "false"},
          {"-item.fee_fen in [-1000]", "true"},
          {R"(event.attrs.missing in ["a", null])", "true"},
          {R"(event.attrs.missing in ["a"])", "false"},
          {R"(event.attrs.fee in ["1000", 1000])", "true"},
          {R"(event.attrs.note in ["加急", 1])", "true"},
          {"event.attrs.flag in [true]", "true"},
          {"case.kind in [case.kind]", "true"},
          {"case.kind in [item.category, \"x\"]", "false"},
          {"1h in [60m, 2h]", "true"},
          {"item.has_fee in [false]", "false"},
          {"item.statutory_limit in [1, 2]", "false"},
          {"item.statutory_limit in [1, null]", "true"},
          {R"(!(case.channel in ["window"]))", "true"},
      },
      SampleFields());
}

TEST(ExprNull, AbsentValuesOnlyMatchNull) {
  RunTable(
      {
          {"event.attrs.missing == null", "true"},
          {"null == event.attrs.missing", "true"},
          {"event.attrs.missing != null", "false"},
          {"event.attrs.fee != null", "true"},
          {"event.attrs.fee == null", "false"},
          {"event.attrs.missing == 1", "false"},
          {"event.attrs.missing != 1", "false"},
          {"event.attrs.missing < 1", "false"},
          {"event.attrs.missing == event.attrs.other", "false"},
          {"item.statutory_limit > 0", "false"},
          {"item.statutory_limit <= 0", "false"},
          {"item.statutory_limit == null", "true"},
          {"null == null", "true"},
          {"null != null", "false"},
          {"!event.attrs.missing", "true"},
          {"!event.attrs.flag", "false"},
          {"!event.attrs.note", "true"},
          {"event.attrs.note == 1", "false"},
          {"event.attrs.note != 1", "false"},
          {R"(event.attrs.note == "加急")", "true"},
          {"event.attrs.fee == item.fee_fen", "true"},
          {"event.attrs.fee != item.fee_fen", "false"},
          {"event.attrs.flag && true", "true"},
          {"event.attrs.note && true", "false"},
          {"event.attrs.note || true", "true"},
          {"event.attrs.missing || event.attrs.flag", "true"},
          {"event.attrs.a.b == 7", "true"},
          {"event.attrs.in == 8", "true"},
          {"dept.name == null", "true"},
      },
      SampleFields());
}

TEST(ExprArithmetic, NumbersDurationsAndInstants) {
  RunTable(
      {
          {"event.at + 1h - event.at", "duration 3600000ms"},
          {"event.at - 1d", "instant 2025-03-02T01:00:00Z"},
          {"1h + event.at == event.at + 60m", "true"},
          {"event.at - 1d < event.at", "true"},
          {"1h - 30m + 1s", "duration 1801000ms"},
          {"item.fee_fen + event.attrs.fee", "number 2000"},
          {"event.attrs.fee - 1", "number 999"},
          {"-event.attrs.fee", "number -1000"},
          {"-event.attrs.note", "null"},
          {"event.attrs.note + 1", "null"},
          {"event.attrs.missing + 1", "null"},
          {"item.statutory_limit + 1", "null"},
          {"item.statutory_limit + 1 > 0", "false"},
          {"1e308 + 1e308", "number inf"},
          {"9223372036854775807ms + 1ms", "null"},
          {"-9223372036854775807ms - 2ms", "null"},
          {"-(-9223372036854775807ms - 1ms)", "null"},
          {"event.at + 9223372036854775807ms", "null"},
          {"event.at - event.at + 9223372036854775807ms", "duration 9223372036854775807ms"},
      },
      SampleFields());
}

TEST(ExprFunctions, ComputeTheirValues) {
  RunTable(
      {
          {"len(item.name)", "number 9"},
          {R"(len(""))", "number 0"},
          {R"(len("abc"))", "number 3"},
          {"len(event.attrs.note)", "number 2"},
          {"len(event.attrs.missing)", "null"},
          {"len(event.attrs.fee)", "null"},
          {"len(dept.name)", "null"},
          {R"(starts_with(item.name, "食品"))", "true"},
          {R"(starts_with("ab", "abc"))", "false"},
          {R"(starts_with("ab", ""))", "true"},
          {R"(contains(item.name, "许可"))", "true"},
          {R"(contains("abc", "d"))", "false"},
          {R"(contains("abc", ""))", "true"},
          {R"(contains(event.attrs.missing, "a"))", "null"},
          {R"(contains(event.attrs.missing, "a") || true)", "true"},
          {"hours(90m)", "number 1.5"},
          {"minutes(90s)", "number 1.5"},
          {"hours(event.at + 2h - event.at)", "number 2"},
          {"abs(-2.5)", "number 2.5"},
          {"abs(event.attrs.fee - 1500)", "number 500"},
          {"abs(event.attrs.note)", "null"},
          {"working_days(event.at, event.at)", "null"},  // no calendar in the context
      },
      SampleFields());
}

calendar::Calendar TestCalendar() {
  // 2025 National Day: 1–8 October off, Sunday 28 September worked.
  calendar::HolidayTable table;
  for (int day = 1; day <= 8; ++day) {
    table.days[base::Date(std::chrono::year(2025) / 10 / day)] = {true, "国庆节"};
  }
  table.days[base::Date(std::chrono::year(2025) / 9 / 28)] = {false, "国庆节调休上班"};
  table.first_year = 2025;
  table.last_year = 2025;
  base::Result<calendar::Calendar> calendar = calendar::Calendar::Create(std::move(table), {});
  EXPECT_TRUE(calendar.ok()) << calendar.status().ToString();
  return std::move(calendar).value();
}

TEST(ExprFunctions, WorkingDaysUsesTheCalendar) {
  calendar::Calendar calendar = TestCalendar();
  EvalContext context{&calendar};
  MapFieldSource fields;
  fields.Set("event.at", Value::Instant(At("2025-09-26T10:00:00+08:00")));  // a Friday
  RunTable(
      {
          {"working_days(event.at, event.at)", "number 0"},
          // Sun 28 Sep and Mon–Tue 29–30 Sep worked, 1–8 Oct off, Thu 9 Oct worked.
          {"working_days(event.at, event.at + 13d)", "number 4"},
          {"working_days(event.at + 13d, event.at)", "number -4"},
          {"working_days(event.at, event.at + 13d) > 3", "true"},
          {"working_days(event.at, event.at + 1000d)", "null"},  // beyond the data
          {"working_days(event.at, event.attrs.missing)", "null"},
      },
      fields, context);
}

struct ErrorCase {
  std::string_view text;
  std::string_view want;
  ValueType expected = ValueType::kAny;
};

TEST(ExprErrors, NameLineColumnAndWhatWasExpected) {
  const std::vector<ErrorCase> table = {
      // Lexical.
      {"", "line 1, column 1: expected a value, found end of input"},
      {"1 = 1", "line 1, column 3: expected `==`, found `=`"},
      {"true & false", "line 1, column 6: expected `&&`, found `&`"},
      {"true | false", "line 1, column 6: expected `||`, found `|`"},
      {"1 # 2", "line 1, column 3: expected a name, number, string or operator, found `#`"},
      {"\"中\" == 。", "line 1, column 8: expected a name, number, string or operator, found `。`"},
      {"\"abc", "line 1, column 5: expected a closing `\"`, found end of input"},
      {"\"ab\nc\"", "line 1, column 4: expected a closing `\"`, found end of line"},
      {R"("a\qb")", R"(line 1, column 3: expected an escape (\" \\ \n \t \uXXXX), found `\q`)"},
      {R"("\u12G4")", R"(line 1, column 6: expected 4 hex digits after \u, found `G`)"},
      {R"("\ud800")",
       R"(line 1, column 2: expected a Unicode scalar value (not a surrogate), found `\ud800`)"},
      {"1.", "line 1, column 3: expected a digit after the decimal point, found end of input"},
      {"10min", "line 1, column 3: expected a duration unit (ms, s, m, h, d), found `10min`"},
      {"1.5h",
       "line 1, column 1: expected a whole number before a duration unit (e.g. 90m), found `1.5h`"},
      {"99999999999999999999d",
       "line 1, column 1: expected a duration that fits in 64-bit milliseconds, found "
       "`99999999999999999999d`"},
      {"\"\xff\"", "line 1, column 2: expected UTF-8 text, found byte 0xFF"},
      {"\xc3", "line 1, column 1: expected UTF-8 text, found byte 0xC3"},
      {std::string_view("1 \0", 3),
       "line 1, column 3: expected a name, number, string or operator, found byte 0x00"},
      // Syntax.
      {"(1 + 2", "line 1, column 7: expected `)`, found end of input"},
      {"1 2", "line 1, column 3: expected an operator or end of input, found `2`"},
      {"case.", "line 1, column 6: expected a name after `.`, found end of input"},
      {"case.kind in \"a\"",
       "line 1, column 14: expected a list `[...]` after `in`, found string \"a\""},
      {R"(case.kind in ["a" "b"])", "line 1, column 19: expected `,` or `]`, found string \"b\""},
      {R"(len("a" "b"))", "line 1, column 9: expected `,` or `)`, found string \"b\""},
      {"[1, 2]", "line 1, column 1: expected a value (a list may only follow `in`), found `[`"},
      {"in", "line 1, column 1: expected a value, found `in`"},
      {"1 +", "line 1, column 4: expected a value, found end of input"},
      // Fields and functions.
      {R"(case.kinds == "a")",
       "line 1, column 1: expected a known field, found `case.kinds` (did you mean `case.kind`?)"},
      {"event.attr.fee == 1",
       "line 1, column 1: expected a known field, found `event.attr.fee` (did you mean "
       "`event.attrs.fee`?)"},
      {"item",
       "line 1, column 1: expected a known field, found `item` (did you mean `item.code`?)"},
      {"event.attrs == 1",
       "line 1, column 1: expected a known field, found `event.attrs` (did you mean "
       "`event.attrs.<key>`?)"},
      {R"(lenght("a"))",
       "line 1, column 1: expected a function (len, starts_with, contains, working_days, hours, "
       "minutes, abs), found `lenght` (did you mean `len`?)"},
      {R"(starts_with("a"))",
       "line 1, column 1: expected 2 arguments for starts_with(string, string), found 1"},
      {"len()", "line 1, column 1: expected 1 argument for len(string), found 0"},
      {"len(3)",
       "line 1, column 5: expected a string as argument 1 of len(string), found number `3`"},
      {R"(contains("a", item.fee_fen))",
       "line 1, column 15: expected a string as argument 2 of contains(string, string), found "
       "number `item.fee_fen`"},
      {"working_days(event.at, 1d)",
       "line 1, column 24: expected an instant as argument 2 of working_days(instant, instant), "
       "found duration `1d`"},
      {"hours(3)",
       "line 1, column 7: expected a duration as argument 1 of hours(duration), found number `3`"},
      {"abs(null)",
       "line 1, column 5: expected a number as argument 1 of abs(number), found null `null`"},
      // Types.
      {R"(item.fee_fen == "100")",
       "line 1, column 17: expected a number to compare with number `item.fee_fen`, found string "
       "`\"100\"`"},
      {"case.kind == 1",
       "line 1, column 14: expected a string to compare with string `case.kind`, found number `1`"},
      {"event.at > 1d",
       "line 1, column 12: expected an instant to compare with instant `event.at`, found duration "
       "`1d`"},
      {"true < false",
       "line 1, column 1: expected a number, string, duration or instant for `<`, found bool "
       "`true`"},
      {"item.fee_fen < null",
       "line 1, column 16: expected a number, string, duration or instant for `<`, found null"},
      {"item.fee_fen in [1, \"a\"]",
       "line 1, column 21: expected a number like number `item.fee_fen`, found string `\"a\"`"},
      {"null in [1]", "line 1, column 1: expected a value before `in`, found null"},
      {"1 && true", "line 1, column 1: expected a bool operand of `&&`, found number `1`"},
      {"true || case.kind",
       "line 1, column 9: expected a bool operand of `||`, found string `case.kind`"},
      {"!item.fee_fen",
       "line 1, column 2: expected a bool operand of `!`, found number `item.fee_fen`"},
      {"case.kind + 1",
       "line 1, column 11: expected number ± number, duration ± duration, instant ± duration or "
       "instant - instant, found string + number"},
      {"1d - event.at",
       "line 1, column 4: expected number ± number, duration ± duration, instant ± duration or "
       "instant - instant, found duration - instant"},
      {"event.at + event.at",
       "line 1, column 10: expected number ± number, duration ± duration, instant ± duration or "
       "instant - instant, found instant + instant"},
      {"event.attrs.x + true",
       "line 1, column 15: expected number ± number, duration ± duration, instant ± duration or "
       "instant - instant, found any + bool"},
      {"1 + null",
       "line 1, column 3: expected number ± number, duration ± duration, instant ± duration or "
       "instant - instant, found number + null"},
      {"-case.kind",
       "line 1, column 2: expected a number or duration after `-`, found string `case.kind`"},
      // The expected result type.
      {"item.fee_fen", "line 1, column 1: expected a bool expression, found number `item.fee_fen`",
       ValueType::kBool},
      {"null", "line 1, column 1: expected a bool expression, found null `null`", ValueType::kBool},
      {"1 == 1", "line 1, column 1: expected a number expression, found bool `1 == 1`",
       ValueType::kNumber},
      // Positions count code points and lines.
      {"\"中文\" == 1",
       "line 1, column 9: expected a string to compare with string `\"中文\"`, found number `1`"},
      {"case.kind == \"a\" &&\n  item.fee_fen == \"x\"",
       "line 2, column 19: expected a number to compare with number `item.fee_fen`, found string "
       "`\"x\"`"},
  };
  for (const ErrorCase& row : table) {
    EXPECT_EQ(CompileError(row.text, row.expected), row.want) << row.text;
  }
}

TEST(ExprCompile, ResultTypes) {
  struct Row {
    std::string_view text;
    ValueType type;
  };
  const std::vector<Row> table = {
      {"1", ValueType::kNumber},
      {"\"a\"", ValueType::kString},
      {"1h", ValueType::kDuration},
      {"event.at", ValueType::kInstant},
      {"event.attrs.x", ValueType::kAny},
      {"event.attrs.x + 1", ValueType::kAny},
      {"null", ValueType::kNull},
      {"len(\"a\") > 0", ValueType::kBool},
      {"event.at - event.at", ValueType::kDuration},
  };
  for (const Row& row : table) {
    base::Result<Expr> expr = Compile(row.text, DefaultSchema(), ValueType::kAny);
    ASSERT_TRUE(expr.ok()) << row.text << ": " << expr.status().message();
    EXPECT_EQ(expr->result_type(), row.type) << row.text;
    EXPECT_EQ(expr->text(), row.text);
  }
  // A kAny result is accepted where a bool is expected, and checked at evaluation.
  base::Result<Expr> open = Compile("event.attrs.urgent", DefaultSchema(), ValueType::kBool);
  ASSERT_TRUE(open.ok());
  EXPECT_FALSE(open->Evaluate(SampleFields(), {}).AsBool());
}

TEST(ExprCompile, DefaultExprIsNull) {
  Expr expr;
  EXPECT_TRUE(expr.Evaluate(SampleFields(), {}).is_null());
  EXPECT_EQ(expr.text(), "");
}

TEST(ExprBounds, NestingUpTo64) {
  auto nested = [](int depth, std::string_view open, std::string_view close) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += open;
    text += "1";
    for (int i = 0; i < depth; ++i) text += close;
    return text;
  };
  EXPECT_EQ(EvalText(nested(64, "(", ")"), SampleFields()), "number 1");
  EXPECT_EQ(CompileError(nested(65, "(", ")")),
            "line 1, column 65: expected at most 64 levels of nesting, found more");
  EXPECT_EQ(EvalText(nested(64, "-", ""), SampleFields()), "number 1");
  EXPECT_EQ(CompileError(nested(65, "-", "")),
            "line 1, column 65: expected at most 64 levels of nesting, found more");
  EXPECT_EQ(EvalText(nested(64, "abs(", ")"), SampleFields()), "number 1");
  EXPECT_EQ(CompileError(nested(65, "abs(", ")")),
            "line 1, column 260: expected at most 64 levels of nesting, found more");
  std::string nots(64, '!');
  EXPECT_EQ(EvalText(nots + "true", SampleFields()), "true");
  EXPECT_EQ(CompileError(nots + "!true"),
            "line 1, column 65: expected at most 64 levels of nesting, found more");
  std::string lists = "1";
  for (int i = 0; i < 65; ++i) lists = "true in [" + lists + " in [1]]";
  EXPECT_NE(CompileError(lists).find("expected at most 64 levels of nesting"), std::string::npos);
  // A deep input far beyond the limit fails cleanly, without exhausting the stack.
  EXPECT_NE(CompileError(nested(2000, "(", ")")).find("levels of nesting"), std::string::npos);
}

TEST(ExprBounds, LongChainsAreFlatAndTextIsCapped) {
  std::string ors = "case.kind == \"x0\"";
  for (int i = 1; ors.size() < 4000; ++i) ors += " || case.kind == \"x" + std::to_string(i) + "\"";
  ors += " || true";
  ASSERT_LE(ors.size(), kMaxExprBytes);
  EXPECT_EQ(EvalText(ors, SampleFields()), "true");
  std::string sum = "0";
  while (sum.size() < 4090) sum += "+1";
  EXPECT_EQ(EvalText(sum, SampleFields()), "number " + std::to_string((sum.size() - 1) / 2));
  std::string too_long(kMaxExprBytes + 1, ' ');
  EXPECT_EQ(CompileError(too_long),
            "line 1, column 1: expected at most 4096 bytes of expression, found 4097 bytes");
}

TEST(ExprSchema, DefaultFieldIndexes) {
  const Schema& schema = DefaultSchema();
  EXPECT_EQ(schema.fields.size(), 25u);
  EXPECT_EQ(schema.Find("case.id"), static_cast<int>(DefaultField::kCaseId));
  EXPECT_EQ(schema.Find("case.applicant_type"), static_cast<int>(DefaultField::kCaseApplicantType));
  EXPECT_EQ(schema.Find("item.has_fee"), static_cast<int>(DefaultField::kItemHasFee));
  EXPECT_EQ(schema.Find("item.online_depth"), static_cast<int>(DefaultField::kItemOnlineDepth));
  EXPECT_EQ(schema.Find("dept.parent"), static_cast<int>(DefaultField::kDeptParent));
  EXPECT_EQ(schema.Find("event.at"), static_cast<int>(DefaultField::kEventAt));
  EXPECT_EQ(schema.Find("event.attrs.fee"), static_cast<int>(DefaultField::kEventAttrs));
  EXPECT_EQ(schema.Find("event.attrs."), std::nullopt);
  EXPECT_EQ(schema.Find("event.attr"), std::nullopt);
  EXPECT_EQ(schema.TypeOf(static_cast<int>(DefaultField::kItemFeeFen)), ValueType::kNumber);
  EXPECT_EQ(schema.TypeOf(static_cast<int>(DefaultField::kEventAttrs)), ValueType::kAny);
  EXPECT_EQ(schema.TypeOf(99), ValueType::kNull);
  EXPECT_EQ(schema.TypeOf(-1), ValueType::kNull);
}

// Records what Evaluate asks for.
class RecordingSource : public FieldSource {
 public:
  Value Get(int field, std::string_view open_suffix) const override {
    calls.push_back(std::to_string(field) + ":" + std::string(open_suffix));
    if (field == static_cast<int>(DefaultField::kCaseKind)) return Value::String("complaint");
    if (field == static_cast<int>(DefaultField::kEventAttrs) && open_suffix == "fee") {
      return Value::Number(5);
    }
    return Value::Null();
  }
  mutable std::vector<std::string> calls;
};

TEST(ExprFieldSource, ReceivesIndexesAndSuffixes) {
  base::Result<Expr> expr =
      Compile(R"(case.kind == "complaint" && event.attrs.fee == 5 && event.attrs.x.y == null)",
              DefaultSchema(), ValueType::kBool);
  ASSERT_TRUE(expr.ok()) << expr.status().message();
  RecordingSource source;
  EXPECT_TRUE(expr->Evaluate(source, {}).AsBool());
  EXPECT_EQ(source.calls, (std::vector<std::string>{"1:", "25:fee", "25:x.y"}));
}

TEST(ExprFieldSource, LogicalOperatorsShortCircuit) {
  base::Result<Expr> expr = Compile("false && event.attrs.a == 1 || true || event.attrs.b == 1",
                                    DefaultSchema(), ValueType::kBool);
  ASSERT_TRUE(expr.ok());
  RecordingSource source;
  EXPECT_TRUE(expr->Evaluate(source, {}).AsBool());
  EXPECT_TRUE(source.calls.empty());
}

TEST(ExprCompile, SharedAcrossThreads) {
  base::Result<Expr> compiled =
      Compile(R"(case.channel in ["online", "mobile"] && len(item.name) == 9)", DefaultSchema(),
              ValueType::kBool);
  ASSERT_TRUE(compiled.ok());
  const Expr expr = *compiled;  // copies share the tree
  std::vector<int> truths(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < truths.size(); ++t) {
    threads.emplace_back([&expr, &truths, t] {
      MapFieldSource fields = SampleFields();
      if (t % 2 == 1) fields.Set("case.channel", Value::String("window"));
      for (int i = 0; i < 1000; ++i) truths[t] += expr.Evaluate(fields, {}).AsBool() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(truths, (std::vector<int>{1000, 0, 1000, 0}));
}

TEST(ExprValue, FormatsForMessages) {
  std::vector<Value> list = {Value::Number(1), Value::String("a")};
  const std::vector<std::pair<Value, std::string_view>> table = {
      {Value::Null(), "null"},
      {Value::Bool(true), "true"},
      {Value::Number(1000), "1000"},
      {Value::Number(-2.5), "-2.5"},
      {Value::Number(std::nan("")), "nan"},
      {Value::Number(-HUGE_VAL), "-inf"},
      {Value::String("行政\"许可\""), "\"行政\\\"许可\\\"\""},
      {Value::Duration(base::Milliseconds(0)), "0s"},
      {Value::Duration(base::Milliseconds(90 * 60000)), "90m"},
      {Value::Duration(base::Milliseconds(-2 * 86400000)), "-2d"},
      {Value::Duration(base::Milliseconds(1500)), "1500ms"},
      {Value::Duration(base::Milliseconds(INT64_MIN)), "-9223372036854775808ms"},
      {Value::Instant(At("2025-03-03T09:00:00+08:00")), "2025-03-03T01:00:00Z"},
      {Value{list}, "[1, \"a\"]"},
  };
  for (const auto& [value, want] : table) EXPECT_EQ(FormatValue(value), want);
  EXPECT_EQ(ValueTypeName(Value{list}.type()), "list");
}

TEST(ExprSchema, CustomSchema) {
  Schema schema;
  schema.fields = {{"x", ValueType::kNumber}};
  schema.open_prefixes = {"tag."};
  MapFieldSource fields(schema);
  fields.Set("x", Value::Number(2)).Set("tag.a", Value::String("b"));
  base::Result<Expr> expr = Compile("x > 1 && tag.a == \"b\"", schema, ValueType::kBool);
  ASSERT_TRUE(expr.ok()) << expr.status().message();
  EXPECT_TRUE(expr->Evaluate(fields, {}).AsBool());
  EXPECT_EQ(Compile("y", schema, ValueType::kAny).status().message(),
            "line 1, column 1: expected a known field, found `y` (did you mean `x`?)");
}

}  // namespace
}  // namespace oversight::rules::expr
