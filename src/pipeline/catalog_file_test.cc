#include "pipeline/catalog_file.h"

#include <gtest/gtest.h>

namespace oversight::pipeline {
namespace {

TEST(CatalogFileTest, ItemRoundTrips) {
  model::Item item{"445200-XK-0042", "食品经营许可", "91350100M000100Y43", "行政许可",
                   model::TimeLimit{20, model::LimitUnit::kWorkingDays},
                   model::TimeLimit{5, model::LimitUnit::kNaturalDays}, 1500, 4};
  auto parsed = ParseCatalogLine(ItemToJsonLine(item));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const auto& back = std::get<model::Item>(*parsed);
  EXPECT_EQ(back.code, item.code);
  EXPECT_EQ(back.promised_limit, item.promised_limit);
  EXPECT_EQ(back.fee_fen, 1500);
  EXPECT_EQ(back.online_depth, 4);
}

TEST(CatalogFileTest, DepartmentRoundTrips) {
  model::Department dept{"91350100M000100Y43", "揭阳市市场监督管理局", "", "445200"};
  auto parsed = ParseCatalogLine(DepartmentToJsonLine(dept));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(std::get<model::Department>(*parsed).name, dept.name);
}

TEST(CatalogFileTest, ErrorsNameTheField) {
  auto bad_code = ParseCatalogLine(R"({"record":"department","code":"91350100M000100Y44","name":"x"})");
  ASSERT_FALSE(bad_code.ok());
  EXPECT_NE(bad_code.status().message().find("field 'code'"), std::string::npos);
  auto bad_unit = ParseCatalogLine(
      R"({"record":"item","code":"i","name":"n","dept":"91350100M000100Y43","promised_limit":{"amount":3,"unit":"weeks"}})");
  ASSERT_FALSE(bad_unit.ok());
  EXPECT_NE(bad_unit.status().message().find("promised_limit.unit"), std::string::npos);
  EXPECT_FALSE(ParseCatalogLine("[1]").ok());
  EXPECT_FALSE(ParseCatalogLine(R"({"record":"case"})").ok());
  EXPECT_FALSE(ParseCatalogLine(R"({"record":"item","code":"i","name":"n"})").ok());
}

}  // namespace
}  // namespace oversight::pipeline
