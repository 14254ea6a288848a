#include "demo/city.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "codes/uscc.h"

namespace oversight::demo {
namespace {

TEST(CityTest, EveryDepartmentHasAValidUniqueCode) {
  City city = BuildDemoCity();
  std::set<std::string> codes;
  for (const model::Department& d : city.departments) {
    base::Status s = codes::ValidateUscc(d.code);
    EXPECT_TRUE(s.ok()) << d.name << ": " << s.message();
    EXPECT_TRUE(codes.insert(d.code).second) << "duplicate code " << d.code;
    // Positions 3–8 are the registering authority's division, in Jieyang.
    EXPECT_EQ(d.code.substr(2, 6), d.region) << d.name;
    EXPECT_EQ(d.region.substr(0, 4), "4452") << d.name;
  }
}

TEST(CityTest, HasTheCityItsDepartmentsAndCounties) {
  City city = BuildDemoCity();
  ASSERT_FALSE(city.departments.empty());
  EXPECT_EQ(city.departments[0].name, "揭阳市人民政府");
  EXPECT_TRUE(city.departments[0].parent_code.empty());
  std::set<std::string> names;
  int municipal = 0;
  for (const model::Department& d : city.departments) {
    names.insert(d.name);
    if (d.parent_code == city.departments[0].code && d.region == "445200" &&
        d.name.find("管理委员会") == std::string::npos) {
      ++municipal;
    }
  }
  EXPECT_GE(municipal, 25);
  for (const char* name :
       {"揭阳市市场监督管理局", "揭阳市公安局", "揭阳市自然资源局", "揭阳市住房和城乡建设局",
        "揭阳市税务局", "普宁市人民政府", "揭西县市场监督管理局", "揭阳空港经济区管理委员会",
        "揭阳市蓝城区管理委员会", "揭阳市榕城区民政局"}) {
    EXPECT_TRUE(names.contains(name)) << name;
  }
}

TEST(CityTest, ParentsExistAndAreGovernments) {
  City city = BuildDemoCity();
  std::map<std::string, const model::Department*> by_code;
  for (const model::Department& d : city.departments) by_code[d.code] = &d;
  for (const model::Department& d : city.departments) {
    if (d.parent_code.empty()) continue;
    ASSERT_TRUE(by_code.contains(d.parent_code)) << d.name;
    const std::string& parent = by_code[d.parent_code]->name;
    EXPECT_TRUE(parent.ends_with("人民政府") || parent.ends_with("管理委员会")) << parent;
  }
}

TEST(CityTest, ItemsAreCompleteAndPlausible) {
  City city = BuildDemoCity();
  std::map<std::string, int> per_department;
  std::set<std::string> item_codes;
  for (const model::Item& item : city.items) {
    ++per_department[item.dept_code];
    EXPECT_TRUE(item_codes.insert(item.code).second) << item.code;
    EXPECT_FALSE(item.name.empty());
    EXPECT_THAT(item.category,
                ::testing::AnyOf("行政许可", "行政确认", "行政给付", "公共服务", "其他行政权力"));
    ASSERT_TRUE(item.promised_limit.has_value()) << item.name;
    EXPECT_EQ(item.promised_limit->unit, model::LimitUnit::kWorkingDays);
    EXPECT_GE(item.promised_limit->amount, 1);
    if (item.statutory_limit && item.statutory_limit->unit == model::LimitUnit::kWorkingDays) {
      EXPECT_LE(item.promised_limit->amount, item.statutory_limit->amount) << item.name;
    }
    if (item.category == "行政许可" && item.statutory_limit &&
        item.statutory_limit->unit == model::LimitUnit::kWorkingDays) {
      // 行政许可法 art. 42: 20 working days unless a law sets another period.
      EXPECT_LE(item.statutory_limit->amount, 30) << item.name;
    }
    ASSERT_TRUE(item.fee_fen.has_value());
    EXPECT_GE(*item.fee_fen, 0);
    EXPECT_GE(item.online_depth, 1);
    EXPECT_LE(item.online_depth, 4);
  }
  for (const model::Department& d : city.departments) {
    bool government = d.name.ends_with("人民政府") || d.name.ends_with("管理委员会");
    if (government) {
      EXPECT_EQ(per_department[d.code], 0) << d.name;
    } else {
      EXPECT_GE(per_department[d.code], 1) << d.name;
      EXPECT_LE(per_department[d.code], 15) << d.name;
    }
  }
  EXPECT_GT(city.items.size(), 200u);
}

TEST(CityTest, IsTheSameEveryTime) {
  City a = BuildDemoCity(), b = BuildDemoCity();
  ASSERT_EQ(a.departments.size(), b.departments.size());
  for (std::size_t i = 0; i < a.departments.size(); ++i) {
    EXPECT_EQ(a.departments[i].code, b.departments[i].code);
  }
}

}  // namespace
}  // namespace oversight::demo
