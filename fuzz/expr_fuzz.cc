// Any text through the rule expression compiler: no crash, no hang, and whatever
// compiles evaluates (totally) against field values of every type and extreme.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include "calendar/calendar.h"
#include "rules/expr/expr.h"

namespace {

using namespace oversight::rules::expr;
using oversight::base::Instant;
using oversight::base::Milliseconds;

// Returns, per field and mode, a value of the schema's type (mode 0) or of an
// arbitrary type with edge values (other modes).
class AssortedSource : public FieldSource {
 public:
  explicit AssortedSource(int mode) : mode_(mode) {}

  Value Get(int field, std::string_view open_suffix) const override {
    const Schema& schema = DefaultSchema();
    int pick = field + mode_ * 3 + static_cast<int>(open_suffix.size());
    ValueType type = mode_ == 0 ? schema.TypeOf(field) : static_cast<ValueType>(pick % 6);
    int variant = (pick / 6 + mode_) % 4;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    switch (type) {
      case ValueType::kBool: return Value::Bool(variant % 2 == 0);
      case ValueType::kNumber: {
        const double numbers[] = {0.0, -1.5, std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::infinity()};
        return Value::Number(numbers[variant]);
      }
      case ValueType::kString: {
        const char* strings[] = {"", "online", "行政许可", "\xe4\xb8"};
        return Value::String(strings[variant]);
      }
      case ValueType::kDuration: {
        const std::int64_t ms[] = {0, kMax, kMin, 3600000};
        return Value::Duration(Milliseconds(ms[variant]));
      }
      case ValueType::kInstant:
      case ValueType::kAny: {
        const std::int64_t ms[] = {1740963600000, kMax, kMin, 0};
        return Value::Instant(Instant(Milliseconds(ms[variant])));
      }
      default: return Value::Null();
    }
  }

 private:
  int mode_;
};

const oversight::calendar::Calendar* TestCalendar() {
  static const oversight::calendar::Calendar* calendar = [] {
    oversight::calendar::HolidayTable table;
    table.first_year = 2025;
    table.last_year = 2025;
    auto created = oversight::calendar::Calendar::Create(std::move(table), {});
    if (!created.ok()) std::abort();
    return new oversight::calendar::Calendar(std::move(created).value());
  }();
  return calendar;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto expr = Compile(text, DefaultSchema(), ValueType::kAny);
  if (!expr.ok()) {
    if (expr.status().message().rfind("line ", 0) != 0) std::abort();  // errors are located
    return 0;
  }
  if (expr->text() != text) std::abort();
  // When the source honours the schema's types (mode 0), a value is null or of
  // the static type (unless that is kAny). Other modes break the contract on
  // purpose: evaluation must still be total.
  ValueType type = expr->result_type();
  auto check = [&](const Value& value) {
    if (type == ValueType::kAny) return;
    if (value.is_null()) return;
    if (value.type() != type) std::abort();
  };
  EvalContext with_calendar{TestCalendar()};
  for (int mode = 0; mode < 5; ++mode) {
    AssortedSource source(mode);
    Value plain = expr->Evaluate(source, {});
    Value dated = expr->Evaluate(source, with_calendar);
    if (mode == 0) {
      check(plain);
      check(dated);
    }
  }
  return 0;
}
