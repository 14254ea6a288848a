#pragma once

#include <string>

namespace oversight::model {

// A government department (部门 / 实施主体), identified by its unified social
// credit code (统一社会信用代码, GB 32100-2015).
struct Department {
  std::string code;         // 18-character USCC, check character valid
  std::string name;         // e.g. 揭阳市市场监督管理局
  std::string parent_code;  // the city or county above it; empty at the top
  std::string region;       // administrative division code (行政区划), e.g. 445200
};

}  // namespace oversight::model
