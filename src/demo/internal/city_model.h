#pragma once

// The demo city plus what the generator needs to know about it and the public
// model types do not carry: demand per item, who applies, who works where.

#include <cstdint>
#include <string>
#include <vector>

#include "demo/city.h"
#include "demo/internal/catalog.h"

namespace oversight::demo {

struct ItemProfile {
  std::uint32_t weight = 1;  // relative demand, the county's share already applied
  ApplicantMix applicants = ApplicantMix::kBoth;
  std::size_t department = 0;  // index into City::departments
};

struct DepartmentProfile {
  int first_officer = 0;  // officers are "u<first_officer + k>", k < officer_count
  int officer_count = 0;
};

struct CityModel {
  City city;
  std::vector<ItemProfile> items;              // parallel to city.items
  std::vector<DepartmentProfile> departments;  // parallel to city.departments
};

CityModel BuildCityModel();

// A valid USCC for a government organ or institution: registration authority '1'
// (机构编制), `org_type`, the 6-digit `region`, and an organisation code derived from
// `name`, so the same name always gets the same code.
std::string DepartmentCode(std::string_view name, char org_type, std::string_view region);

}  // namespace oversight::demo
