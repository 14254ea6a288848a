// ValueType names and Value accessors.

#include "rules/expr/expr.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "base/strings.h"

namespace oversight::rules::expr {

std::string_view ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return "bool";
    case ValueType::kNumber: return "number";
    case ValueType::kString: return "string";
    case ValueType::kDuration: return "duration";
    case ValueType::kInstant: return "instant";
    case ValueType::kList: return "list";
    case ValueType::kAny: return "any";
  }
  return "unknown";
}

ValueType Value::type() const {
  // The variant's alternatives are declared in ValueType order.
  return static_cast<ValueType>(v.index());
}

bool Value::AsBool() const {
  const bool* b = std::get_if<bool>(&v);
  return b != nullptr && *b;
}

std::string FormatValue(const Value& value) {
  switch (value.type()) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return std::get<bool>(value.v) ? "true" : "false";
    case ValueType::kNumber: {
      double d = std::get<double>(value.v);
      if (std::isnan(d)) return "nan";
      if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
      char buffer[32];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), d);
      return ec == std::errc() ? std::string(buffer, end) : std::string("?");
    }
    case ValueType::kString: return "\"" + base::JsonEscape(std::get<std::string>(value.v)) + "\"";
    case ValueType::kDuration: {
      std::int64_t ms = std::get<base::Milliseconds>(value.v).count();
      struct Unit {
        std::int64_t millis;
        const char* suffix;
      };
      static constexpr Unit kUnits[] = {
          {86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
      for (const Unit& unit : kUnits) {
        if (ms != 0 && ms % unit.millis == 0) return std::to_string(ms / unit.millis) + unit.suffix;
      }
      return "0s";
    }
    case ValueType::kInstant: return base::FormatInstantUtc(std::get<base::Instant>(value.v));
    case ValueType::kList: {
      std::string out = "[";
      for (const Value& element : std::get<std::vector<Value>>(value.v)) {
        if (out.size() > 1) out += ", ";
        out += FormatValue(element);
      }
      return out + "]";
    }
    case ValueType::kAny: break;
  }
  return "?";
}

}  // namespace oversight::rules::expr
