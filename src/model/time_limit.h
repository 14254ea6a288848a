#pragma once

// A legal or promised time limit (时限) with its unit. 行政许可法 art. 82: licensing
// limits count in working days; other limits may be natural days or hours.

#include <cstdint>
#include <optional>
#include <string_view>

namespace oversight::model {

enum class LimitUnit : std::uint8_t {
  kWorkingDays = 0,  // 工作日
  kNaturalDays = 1,  // 自然日: a last day that is not a working day moves to the next one
  kHours = 2,        // 小时: elapsed wall time, e.g. the 24 h complaint feedback
};

struct TimeLimit {
  std::int64_t amount = 0;
  LimitUnit unit = LimitUnit::kWorkingDays;

  friend bool operator==(const TimeLimit&, const TimeLimit&) = default;
};

// "working_days" | "natural_days" | "hours"
std::string_view LimitUnitName(LimitUnit unit);
std::optional<LimitUnit> ParseLimitUnit(std::string_view name);

}  // namespace oversight::model
