#pragma once

// The demo city's reference data as tables: department kinds with the items each
// handles, and the counties of Jieyang (揭阳市, after the city's 2016 work plan).
// Limits follow the law where one is known (行政许可法 art. 42: 20 working days for
// a licence; 不动产登记暂行条例 art. 20: 30 working days; 居民身份证法: 60 days);
// promised limits (承诺时限) are the shorter ones halls publish. Fees are in fen.

#include <cstdint>
#include <span>
#include <string_view>

#include "model/time_limit.h"

namespace oversight::demo {

enum class ApplicantMix : std::uint8_t { kPersons, kOrganisations, kBoth };

struct ItemTemplate {
  std::string_view name;
  std::string_view category;  // 行政许可, 行政确认, 行政给付, 公共服务, 其他行政权力
  model::TimeLimit statutory;  // amount 0: no statutory limit
  std::int64_t promised_days;  // working days, ≥ 1
  std::int64_t fee_fen;
  int online_depth;      // 1–4
  std::uint32_t weight;  // relative demand
  bool at_county;        // also handled by county-level offices
  ApplicantMix applicants;
};

struct DepartmentKind {
  std::string_view key;          // "market", "police", ...
  std::string_view city_name;    // name under the city, without the city prefix
  std::string_view county_name;  // name under a county ("" when only the city has one)
  char org_type;  // GB 32100 position 2: '1' organ (机关), '2' institution (事业单位)
  std::span<const ItemTemplate> items;
};

struct County {
  std::string_view name;                    // 榕城区
  std::string_view government;              // 揭阳市榕城区人民政府
  std::string_view prefix;                  // put before a department name: 揭阳市榕城区
  std::string_view region;                  // division code; the zones without one use the city's
  std::uint32_t demand_percent;             // demand relative to a city-level department
  std::span<const std::string_view> kinds;  // department kinds it has
};

inline constexpr std::string_view kCityName = "揭阳市";
inline constexpr std::string_view kCityGovernment = "揭阳市人民政府";
inline constexpr std::string_view kCityRegion = "445200";

std::span<const DepartmentKind> DepartmentKinds();
std::span<const County> Counties();

}  // namespace oversight::demo
