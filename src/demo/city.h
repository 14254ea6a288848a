#pragma once

// The demo city: Jieyang (揭阳市, region 445200), after the city's 2016 work plan for
// online supervision: the city government, its municipal departments, the counties,
// districts and zones it names (榕城区, 揭东区, 揭西县, 惠来县, 普宁市, 空港经济区, 蓝城区)
// with a few offices each, and the items (事项) every department handles. Every
// department has a valid unified social credit code (GB 32100). The city is fixed:
// it does not depend on the seed, so codes stay the same from one demo run to the next.
//
//   City city = BuildDemoCity();
//   city.departments[0].name;  // 揭阳市人民政府

#include <vector>

#include "model/department.h"
#include "model/item.h"

namespace oversight::demo {

struct City {
  std::vector<model::Department> departments;  // governments first, then their offices
  std::vector<model::Item> items;              // every item's dept_code is in departments
};

City BuildDemoCity();

}  // namespace oversight::demo
