#include "spotcheck/draw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "spotcheck/period.h"

namespace oversight::spotcheck {
namespace {

// Departments D1..D3; D1 has items A (40 cases) and B (10), D2 item C (30), D3 item E (2).
std::vector<Candidate> City() {
  std::vector<Candidate> out;
  auto add = [&](const std::string& dept, const std::string& item, int n) {
    for (int i = 0; i < n; ++i)
      out.push_back({dept + "-" + item + "-" + std::to_string(1000 + i), dept, item});
  };
  add("D1", "A", 40);
  add("D1", "B", 10);
  add("D2", "C", 30);
  add("D3", "E", 2);
  return out;
}

std::vector<std::string> Ids(const DrawResult& r) {
  std::vector<std::string> ids;
  for (const Sampled& s : r.sample) ids.push_back(s.candidate.case_id);
  return ids;
}

std::map<std::string, int> PerDept(const DrawResult& r) {
  std::map<std::string, int> n;
  for (const Sampled& s : r.sample) ++n[s.candidate.dept_code];
  return n;
}

TEST(DrawTest, SameSeedSameSampleWhateverTheInputOrder) {
  DrawConfig config{Sizing::kPerStratum, 3, 0, 0};
  auto a = Draw(City(), 42, config);
  std::vector<Candidate> shuffled = City();
  std::reverse(shuffled.begin(), shuffled.end());
  std::rotate(shuffled.begin(), shuffled.begin() + 17, shuffled.end());
  auto b = Draw(shuffled, 42, config);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Ids(*a), Ids(*b));
  EXPECT_EQ(a->population, 82);
}

TEST(DrawTest, DifferentSeedDifferentSample) {
  DrawConfig config{Sizing::kPerStratum, 3, 0, 0};
  auto a = Draw(City(), 1, config);
  auto b = Draw(City(), 2, config);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sample.size(), b->sample.size());
  EXPECT_NE(Ids(*a), Ids(*b));
}

TEST(DrawTest, FixedOutputPinsThePrngAndTheBoundedDraw) {
  // These values depend only on std::mt19937_64 (fixed by the standard) and our
  // own code: a different standard library must give the same sample.
  std::mt19937_64 rng(StratumSeed(7,
                                  "stratum\x1f"
                                  "D1\x1f"
                                  "A"));
  std::vector<std::uint64_t> draws;
  for (int i = 0; i < 5; ++i) draws.push_back(BoundedDraw(rng, 40));
  auto again = [&] {
    std::mt19937_64 r2(StratumSeed(7,
                                   "stratum\x1f"
                                   "D1\x1f"
                                   "A"));
    std::vector<std::uint64_t> d;
    for (int i = 0; i < 5; ++i) d.push_back(BoundedDraw(r2, 40));
    return d;
  }();
  EXPECT_EQ(draws, again);
  for (std::uint64_t d : draws) EXPECT_LT(d, 40u);
  std::mt19937_64 reference(5489u);  // the standard's check: the 10000th output
  for (int i = 0; i < 9999; ++i) reference();
  EXPECT_EQ(reference(), 9981545732273789042ULL);
  auto r = Draw(City(), 20250301, DrawConfig{Sizing::kPerStratum, 2, 0, 0});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(*r),
            (std::vector<std::string>{"D1-A-1017", "D1-A-1025", "D1-B-1003", "D1-B-1007",
                                      "D2-C-1020", "D2-C-1021", "D3-E-1000", "D3-E-1001"}));
}

TEST(DrawTest, BoundedDrawIsUniformEnough) {
  std::mt19937_64 rng(99);
  std::array<int, 3> counts{};
  for (int i = 0; i < 30'000; ++i) ++counts[BoundedDraw(rng, 3)];
  for (int c : counts) EXPECT_NEAR(c, 10'000, 400);
  EXPECT_EQ(BoundedDraw(rng, 1), 0u);
}

TEST(DrawTest, PerStratumTakesFromEveryItem) {
  auto r = Draw(City(), 5, DrawConfig{Sizing::kPerStratum, 3, 0, 0});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->strata.size(), 4u);
  std::map<std::string, std::int64_t> by_item;
  for (const StratumCount& s : r->strata) by_item[s.item_code] = s.sampled;
  EXPECT_EQ(by_item, (std::map<std::string, std::int64_t>{{"A", 3}, {"B", 3}, {"C", 3}, {"E", 2}}));
  for (const Sampled& s : r->sample) EXPECT_EQ(s.reason, Reason::kStratum);
}

TEST(DrawTest, RateRoundsEachStratumHalfUp) {
  auto ppm = RateToPpm(0.1);
  ASSERT_TRUE(ppm.ok());
  auto r = Draw(City(), 5, DrawConfig{Sizing::kRate, 0, *ppm, 0});
  ASSERT_TRUE(r.ok());
  std::map<std::string, std::int64_t> by_item;
  for (const StratumCount& s : r->strata) by_item[s.item_code] = s.sampled;
  // 40 → 4, 10 → 1, 30 → 3, 2 → 0.2 rounds to 0.
  EXPECT_EQ(by_item, (std::map<std::string, std::int64_t>{{"A", 4}, {"B", 1}, {"C", 3}, {"E", 0}}));
}

TEST(DrawTest, MinimumPerDepartmentTopsUpSmallOnes) {
  auto ppm = RateToPpm(0.1);
  auto r = Draw(City(), 5, DrawConfig{Sizing::kRate, 0, *ppm, 2});
  ASSERT_TRUE(r.ok());
  // D3 would have none at 10 %; the minimum brings it to 2 (all it has). The
  // others already have 5 and 3.
  EXPECT_EQ(PerDept(*r), (std::map<std::string, int>{{"D1", 5}, {"D2", 3}, {"D3", 2}}));
  for (const Sampled& s : r->sample) {
    EXPECT_EQ(s.reason, s.candidate.dept_code == "D3" ? Reason::kMinimum : Reason::kStratum);
  }
  // A minimum above what a department has takes all of it, no more.
  auto big = Draw(City(), 5, DrawConfig{Sizing::kPerStratum, 1, 0, 20});
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(PerDept(*big), (std::map<std::string, int>{{"D1", 20}, {"D2", 20}, {"D3", 2}}));
  std::set<std::string> unique;
  for (const auto& id : Ids(*big)) EXPECT_TRUE(unique.insert(id).second) << id;
}

TEST(DrawTest, PerDepartmentAllocatesToItemsInProportion) {
  auto r = Draw(City(), 11, DrawConfig{Sizing::kPerDepartment, 5, 0, 0});
  ASSERT_TRUE(r.ok());
  std::map<std::string, std::int64_t> by_item;
  for (const StratumCount& s : r->strata) by_item[s.item_code] = s.sampled;
  // D1: 5 × 40/50 = 4 from A, 1 from B; D2: 5 from C; D3: both it has.
  EXPECT_EQ(by_item, (std::map<std::string, std::int64_t>{{"A", 4}, {"B", 1}, {"C", 5}, {"E", 2}}));
}

TEST(DrawTest, OneStratumDoesNotMoveAnother) {
  // Adding cases to D2 leaves D1's sample as it was: each stratum has its own generator.
  std::vector<Candidate> more = City();
  for (int i = 0; i < 7; ++i) more.push_back({"D2-C-9" + std::to_string(i), "D2", "C"});
  auto a = Draw(City(), 3, DrawConfig{Sizing::kPerStratum, 3, 0, 0});
  auto b = Draw(more, 3, DrawConfig{Sizing::kPerStratum, 3, 0, 0});
  ASSERT_TRUE(a.ok() && b.ok());
  auto d1 = [](const DrawResult& r) {
    std::vector<std::string> ids;
    for (const Sampled& s : r.sample) {
      if (s.candidate.dept_code == "D1") ids.push_back(s.candidate.case_id);
    }
    return ids;
  };
  EXPECT_EQ(d1(*a), d1(*b));
}

TEST(DrawTest, DuplicatesCountOnceAndEmptyIsFine) {
  std::vector<Candidate> dup = {{"X1", "D1", "A"}, {"X1", "D1", "A"}, {"X2", "D1", "A"}};
  auto r = Draw(dup, 1, DrawConfig{Sizing::kPerStratum, 5, 0, 0});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->population, 2);
  EXPECT_EQ(r->sample.size(), 2u);
  auto empty = Draw({}, 1, DrawConfig{});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->sample.empty());
}

TEST(DrawTest, BadConfigurationsNameTheOption) {
  auto message = [](const DrawConfig& c, std::uint64_t seed = 1) {
    auto r = Draw(City(), seed, c);
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(message(DrawConfig{Sizing::kPerStratum, 0, 0, 0}).rfind("per_stratum:", 0), 0u);
  EXPECT_EQ(message(DrawConfig{Sizing::kPerDepartment, -1, 0, 0}).rfind("per_dept:", 0), 0u);
  EXPECT_EQ(message(DrawConfig{Sizing::kRate, 0, 0, 0}).rfind("rate:", 0), 0u);
  EXPECT_EQ(message(DrawConfig{Sizing::kPerStratum, 1, 0, -1}).rfind("min_per_dept:", 0), 0u);
  EXPECT_EQ(message(DrawConfig{}, kMaxSeed + 1).rfind("seed:", 0), 0u);
  EXPECT_FALSE(RateToPpm(0).ok());
  EXPECT_FALSE(RateToPpm(1.5).ok());
  EXPECT_FALSE(RateToPpm(std::nan("")).ok());
}

TEST(DrawTest, ConfigJsonIsStable) {
  EXPECT_EQ(ConfigJson(DrawConfig{Sizing::kPerStratum, 2, 0, 1}),
            R"({"sizing":"per_stratum","size":2,"min_per_dept":1})");
  EXPECT_EQ(ConfigJson(DrawConfig{Sizing::kRate, 0, 50'000, 0}),
            R"({"sizing":"rate","rate":"0.05","min_per_dept":0})");
  EXPECT_EQ(ConfigJson(DrawConfig{Sizing::kRate, 0, 1'000'000, 0}),
            R"({"sizing":"rate","rate":"1","min_per_dept":0})");
}

TEST(PeriodTest, MonthsAndYears) {
  auto m = ParsePeriod("2025-03");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(base::FormatDate(m->first), "2025-03-01");
  EXPECT_EQ(base::FormatDate(m->end), "2025-04-01");
  auto dec = ParsePeriod("2025-12");
  ASSERT_TRUE(dec.ok());
  EXPECT_EQ(base::FormatDate(dec->end), "2026-01-01");
  auto y = ParsePeriod("2025");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(base::FormatDate(y->end), "2026-01-01");
  for (const char* bad : {"2025-13", "2025-3", "25-03", "2025-00", "", "2025/03", "abcd"}) {
    auto p = ParsePeriod(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().message().rfind("period:", 0), 0u);
  }
}

}  // namespace
}  // namespace oversight::spotcheck
