#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/time_limit.h"

namespace oversight::model {

// A catalogued service item (事项) that a department handles.
struct Item {
  std::string code;       // opaque item code (基本编码 / 实施编码); never parsed
  std::string name;
  std::string dept_code;  // the department that implements it
  std::string category;   // 行政许可, 行政确认, 公共服务, ...
  std::optional<TimeLimit> statutory_limit;  // 法定时限
  std::optional<TimeLimit> promised_limit;   // 承诺时限 (usually shorter)
  std::optional<std::int64_t> fee_fen;       // fee standard in fen (0.01 yuan); nullopt: not set
  int online_depth = 0;                      // 网上办理深度, 1–4 (0: unknown)
};

}  // namespace oversight::model
