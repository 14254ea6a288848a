#include "model/time_limit.h"

namespace oversight::model {

std::string_view LimitUnitName(LimitUnit unit) {
  switch (unit) {
    case LimitUnit::kWorkingDays: return "working_days";
    case LimitUnit::kNaturalDays: return "natural_days";
    case LimitUnit::kHours: return "hours";
  }
  return "working_days";
}

std::optional<LimitUnit> ParseLimitUnit(std::string_view name) {
  if (name == "working_days" || name == "工作日") return LimitUnit::kWorkingDays;
  if (name == "natural_days" || name == "自然日" || name == "日历日") return LimitUnit::kNaturalDays;
  if (name == "hours" || name == "小时") return LimitUnit::kHours;
  return std::nullopt;
}

}  // namespace oversight::model
