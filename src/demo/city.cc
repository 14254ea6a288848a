#include "demo/city.h"

#include <map>
#include <set>
#include <string>

#include "base/check.h"
#include "codes/uscc.h"
#include "demo/internal/city_model.h"
#include "demo/internal/rng.h"

namespace oversight::demo {
namespace {

// FNV-1a: a fixed, portable hash of a name (std::hash is implementation-defined).
std::uint64_t HashName(std::string_view name) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

std::string_view CategoryCode(std::string_view category) {
  if (category == "行政许可") return "XK";
  if (category == "行政确认") return "QR";
  if (category == "行政给付") return "JF";
  if (category == "公共服务") return "GG";
  return "QT";  // 其他行政权力
}

const DepartmentKind* FindKind(std::string_view key) {
  for (const DepartmentKind& kind : DepartmentKinds()) {
    if (kind.key == key) return &kind;
  }
  return nullptr;
}

class CityBuilder {
 public:
  std::size_t AddDepartment(std::string name, char org_type, std::string_view region,
                            std::string parent_code) {
    std::string code = UniqueCode(name, org_type, region);
    model.city.departments.push_back({.code = code,
                                      .name = std::move(name),
                                      .parent_code = std::move(parent_code),
                                      .region = std::string(region)});
    model.departments.push_back({});
    return model.city.departments.size() - 1;
  }

  void AddItems(std::size_t dept, const DepartmentKind& kind, bool county,
                std::uint32_t demand_percent) {
    const model::Department& d = model.city.departments[dept];
    int item_count = 0;
    for (const ItemTemplate& t : kind.items) {
      if (county && !t.at_county) continue;
      model::Item item;
      item.code = NextItemCode(d.region, t.category);
      item.name = std::string(t.name);
      item.dept_code = d.code;
      item.category = std::string(t.category);
      if (t.statutory.amount > 0) item.statutory_limit = t.statutory;
      item.promised_limit = model::TimeLimit{t.promised_days, model::LimitUnit::kWorkingDays};
      item.fee_fen = t.fee_fen;
      item.online_depth = t.online_depth;
      model.city.items.push_back(std::move(item));
      model.items.push_back({.weight = std::max<std::uint32_t>(1, t.weight * demand_percent),
                             .applicants = t.applicants,
                             .department = dept});
      ++item_count;
    }
    // A few officers per department, more where there is more to handle.
    model.departments[dept] = {.first_officer = next_officer_,
                               .officer_count = std::min(3 + 2 * item_count, 24)};
    next_officer_ += 100;
  }

  CityModel model;

 private:
  std::string UniqueCode(std::string_view name, char org_type, std::string_view region) {
    std::string salted(name);
    while (true) {
      std::string code = DepartmentCode(salted, org_type, region);
      if (used_codes_.insert(code).second) return code;
      salted += '#';  // a clash of two hashes: derive another code, still deterministic
    }
  }

  std::string NextItemCode(std::string_view region, std::string_view category) {
    std::string prefix = std::string(region) + "-" + std::string(CategoryCode(category));
    int seq = ++item_seq_[prefix];
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", seq);
    return prefix + "-" + buf;
  }

  std::set<std::string> used_codes_;
  std::map<std::string, int> item_seq_;
  int next_officer_ = 1000;
};

}  // namespace

std::string DepartmentCode(std::string_view name, char org_type, std::string_view region) {
  // Organisation codes of organs often start with letters; "MB" then six characters
  // of the USCC alphabet, so the whole code stays inside it.
  std::uint64_t h = Mix64(HashName(name));
  std::string code = "1";
  code += org_type;
  code += region;
  std::string body = "MB";
  for (int i = 0; i < 6; ++i) {
    body += codes::kUsccAlphabet[h % codes::kUsccAlphabet.size()];
    h /= codes::kUsccAlphabet.size();
  }
  code += body;
  code += codes::ComputeOrganizationCodeCheckChar(body);
  code += codes::ComputeUsccCheckChar(code);
  OVS_CHECK(codes::ValidateUscc(code).ok());  // built from the check functions above
  return code;
}

CityModel BuildCityModel() {
  CityBuilder b;
  std::size_t city = b.AddDepartment(std::string(kCityGovernment), '1', kCityRegion, "");
  std::string city_code = b.model.city.departments[city].code;
  for (const DepartmentKind& kind : DepartmentKinds()) {
    if (kind.city_name.empty()) continue;
    std::size_t dept = b.AddDepartment(std::string(kCityName) + std::string(kind.city_name),
                                       kind.org_type, kCityRegion, city_code);
    b.AddItems(dept, kind, /*county=*/false, 100);
  }
  for (const County& county : Counties()) {
    std::size_t gov =
        b.AddDepartment(std::string(county.government), '1', county.region, city_code);
    std::string gov_code = b.model.city.departments[gov].code;
    for (std::string_view key : county.kinds) {
      const DepartmentKind* kind = FindKind(key);
      OVS_CHECK(kind != nullptr && !kind->county_name.empty());  // the tables name real kinds
      std::size_t dept =
          b.AddDepartment(std::string(county.prefix) + std::string(kind->county_name),
                          kind->org_type, county.region, gov_code);
      b.AddItems(dept, *kind, /*county=*/true, county.demand_percent);
    }
  }
  return std::move(b.model);
}

City BuildDemoCity() { return BuildCityModel().city; }

}  // namespace oversight::demo
