#pragma once

// The catalog file: departments and items as JSON Lines, one record per line,
// so that reference data travels the same way events do (docs/CATALOG.md).
//
//   {"record":"department","code":"11445200MB2C12345T","name":"揭阳市市场监督管理局","parent":"","region":"445200"}
//   {"record":"item","code":"445200-XK-0042","name":"食品经营许可","dept":"11445200MB2C12345T",
//    "category":"行政许可","statutory_limit":{"amount":20,"unit":"working_days"},
//    "promised_limit":{"amount":10,"unit":"working_days"},"fee_fen":0,"online_depth":4}

#include <string>
#include <string_view>
#include <variant>

#include "base/status.h"
#include "model/department.h"
#include "model/item.h"

namespace oversight::pipeline {

using CatalogRecord = std::variant<model::Department, model::Item>;

// Parses one line; errors name the field ("field 'code': wrong check character ...").
base::Result<CatalogRecord> ParseCatalogLine(std::string_view line);

std::string DepartmentToJsonLine(const model::Department& dept);
std::string ItemToJsonLine(const model::Item& item);

}  // namespace oversight::pipeline
