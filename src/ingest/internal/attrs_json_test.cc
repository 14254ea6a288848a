#include "ingest/internal/attrs_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oversight::ingest::internal {
namespace {

std::string Write(const AttrsJson& attrs) {
  std::string out = "garbage";
  attrs.WriteTo(out);
  return out;
}

TEST(AttrsJsonTest, EmptyIsAnEmptyObject) {
  AttrsJson attrs;
  EXPECT_EQ(Write(attrs), "{}");
}

TEST(AttrsJsonTest, FlatNamesInOrderWithTypes) {
  AttrsJson attrs;
  attrs.Add("fee", "0", ValueType::kNumber);
  attrs.Add("paid", "true", ValueType::kBool);
  attrs.Add("list", "[1,2]", ValueType::kJson);
  attrs.Add("code", "007", ValueType::kNumber);  // not valid JSON as a number: a string
  attrs.Add("note", "tab\there \"q\"", ValueType::kString);
  EXPECT_EQ(Write(attrs),
            R"({"fee":0,"paid":true,"list":[1,2],"code":"007","note":"tab\there \"q\""})");
}

TEST(AttrsJsonTest, FirstOfARepeatedNameWins) {
  static const std::string kNames[] = {"a", "b", "c"};
  std::vector<std::string> values;  // views must outlive WriteTo
  for (int i = 0; i < 100; ++i) values.push_back(std::to_string(i));
  AttrsJson attrs;
  for (int i = 0; i < 100; ++i) attrs.Add(kNames[i % 3], values[i], ValueType::kNumber);
  EXPECT_EQ(Write(attrs), R"({"a":0,"b":1,"c":2})");
}

TEST(AttrsJsonTest, DotsNestGroupedAtFirstAppearance) {
  AttrsJson attrs;
  attrs.Add("special.kind", "hearing", ValueType::kString);
  attrs.Add("fee", "0", ValueType::kNumber);
  attrs.Add("special.days", "5", ValueType::kNumber);
  attrs.Add("a.b.c", "deep", ValueType::kString);
  attrs.Add("a.x", "1", ValueType::kNumber);
  EXPECT_EQ(Write(attrs),
            R"({"special":{"kind":"hearing","days":5},"fee":0,"a":{"b":{"c":"deep"},"x":1}})");
}

TEST(AttrsJsonTest, ANameThatIsBothValueAndObjectStaysFlat) {
  AttrsJson attrs;
  attrs.Add("a.b", "1", ValueType::kNumber);
  attrs.Add("a", "2", ValueType::kNumber);
  attrs.Add("c.d", "3", ValueType::kNumber);
  EXPECT_EQ(Write(attrs), R"({"a.b":1,"a":2,"c":{"d":3}})");
}

TEST(AttrsJsonTest, ComposedNamesAndClear) {
  AttrsJson attrs;
  attrs.AddComposed("pre_", "x", "1", ValueType::kString);
  attrs.AddComposed("", "y", "2", ValueType::kString);
  EXPECT_EQ(Write(attrs), R"({"pre_x":"1","y":"2"})");
  attrs.Clear();
  EXPECT_EQ(Write(attrs), "{}");
}

}  // namespace
}  // namespace oversight::ingest::internal
