#include "runtime/rule_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "rules/expr/map_field_source.h"

namespace oversight::runtime {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fresh rule folder under the test's temp dir, removed with everything in it.
class RuleDir {
 public:
  explicit RuleDir(std::string_view name)
      : path_(fs::path(::testing::TempDir()) / ("rule_files_" + std::string(name))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~RuleDir() { fs::remove_all(path_); }
  void Write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string Rule(std::string_view id, std::string_view level) {
  return "id: " + std::string(id) + "\nversion: 1\ntitle: T\nlevel: " + std::string(level) +
         "\nstatus: active\nlegal_basis: L\nmax_count: {event: request_supplement, max: 1}\n";
}

TEST(RuleFilesTest, LoadsTheShippedPackWithoutErrors) {
  RuleDirContents contents = ReadRuleDir(fs::path(OVS_SOURCE_DIR) / "rules");
  for (const rules::RuleError& e : contents.errors) ADD_FAILURE() << e.ToString();
  ASSERT_GE(contents.rules.size(), 10u);
  int levels[3] = {0, 0, 0};
  for (const rules::ParsedRule& r : contents.rules) {
    ++levels[static_cast<int>(r.rule.level)];
    EXPECT_TRUE(!r.rule.legal_basis.empty() || r.rule.proposal) << r.rule.id;
    EXPECT_TRUE(r.folder.has_value());
  }
  EXPECT_GE(levels[0], 1);
  EXPECT_GE(levels[1], 1);
  EXPECT_GE(levels[2], 1);

  base::Result<rules::RuleSet> set = LoadRuleDir(fs::path(OVS_SOURCE_DIR) / "rules");
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->rules.size(), contents.rules.size());
}

const rules::Rule* Find(const rules::RuleSet& set, std::string_view id) {
  for (const rules::Rule& r : set.rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// The shipped definitions agree with the violations the demo injects (demo/truth.h).
TEST(RuleFilesTest, ShippedPackMatchesTheDemoDefinitions) {
  using model::EventType;
  base::Result<rules::RuleSet> set = LoadRuleDir(fs::path(OVS_SOURCE_DIR) / "rules");
  ASSERT_TRUE(set.ok()) << set.status().message();

  const rules::Rule* acceptance = Find(*set, "license.accept-within-5-days");
  ASSERT_NE(acceptance, nullptr);
  const auto& a = std::get<rules::DeadlineRule>(acceptance->kind);
  EXPECT_TRUE(a.start.Matches(EventType::kSubmit, ""));
  EXPECT_TRUE(a.stop.Matches(EventType::kAccept, ""));
  EXPECT_TRUE(a.stop.Matches(EventType::kReject, ""));
  EXPECT_FALSE(acceptance->scope.has_value());  // every approval case, as the demo injects
  EXPECT_EQ(a.ladder.back().limit, (model::TimeLimit{5, model::LimitUnit::kWorkingDays}));

  const rules::Rule* completion = Find(*set, "license.complete-within-limit");
  ASSERT_NE(completion, nullptr);
  const auto& c = std::get<rules::DeadlineRule>(completion->kind);
  EXPECT_TRUE(c.start.Matches(EventType::kAccept, ""));
  EXPECT_TRUE(c.stop.Matches(EventType::kComplete, ""));
  EXPECT_EQ(c.pauses.size(), 2u);
  EXPECT_EQ(c.counting, rules::Counting::kEndOfDay);
  ASSERT_EQ(c.ladder.size(), 3u);
  EXPECT_EQ(c.ladder[1].level, rules::AlertLevel::kYellow);
  EXPECT_EQ(c.ladder[1].source, rules::LimitSource::kItemPromised);
  EXPECT_EQ(c.ladder[2].source, rules::LimitSource::kItemStatutory);

  const rules::Rule* feedback = Find(*set, "complaint.first-feedback-24h");
  ASSERT_NE(feedback, nullptr);
  EXPECT_EQ(feedback->case_kind, model::CaseKind::kComplaint);
  EXPECT_EQ(std::get<rules::DeadlineRule>(feedback->kind).ladder.back().limit,
            (model::TimeLimit{24, model::LimitUnit::kHours}));

  const rules::Rule* fast = Find(*set, "license.too-fast-10-minutes");
  ASSERT_NE(fast, nullptr);
  EXPECT_TRUE(fast->proposal);
  EXPECT_EQ(std::get<rules::MinDurationRule>(fast->kind).min, base::Milliseconds(10 * 60'000));

  const rules::Rule* fee = Find(*set, "license.fee-mismatch");
  ASSERT_NE(fee, nullptr);
  const auto& check = std::get<rules::CheckRule>(fee->kind);
  EXPECT_TRUE(check.event.Matches(EventType::kAccept, ""));
  auto breach = [&](std::optional<double> standard, std::optional<double> charged) {
    rules::expr::MapFieldSource fields;
    if (standard) fields.Set("item.fee_fen", rules::expr::Value::Number(*standard));
    if (charged) fields.Set("event.attrs.fee", rules::expr::Value::Number(*charged));
    return check.condition.Evaluate(fields, {}).AsBool();
  };
  EXPECT_FALSE(breach(0, 0));
  EXPECT_FALSE(breach(5000, 5000));
  EXPECT_FALSE(breach(std::nullopt, 0));
  EXPECT_FALSE(breach(5000, std::nullopt));  // no fee reported: not judged
  EXPECT_TRUE(breach(0, 1000));
  EXPECT_TRUE(breach(5000, 10000));
  EXPECT_TRUE(breach(std::nullopt, 2000));
}

TEST(RuleFilesTest, ReadsLevelFoldersRecursivelyInPathOrder) {
  RuleDir dir("recursive");
  dir.Write("common/b.yaml", Rule("c.two", "common"));
  dir.Write("common/a/x.yml", Rule("c.one", "common") + "---\n" + Rule("c.three", "common"));
  dir.Write("accountability/z.yaml", Rule("a.one", "accountability"));
  dir.Write("common/notes.txt", "not a rule");
  base::Result<rules::RuleSet> set = LoadRuleDir(dir.path());
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->rules.size(), 4u);
  // Folders in level order (department, common, accountability), files in path order.
  EXPECT_EQ(set->rules[0].id, "c.one");
  EXPECT_EQ(set->rules[1].id, "c.three");
  EXPECT_EQ(set->rules[2].id, "c.two");
  EXPECT_EQ(set->rules[3].id, "a.one");
  EXPECT_THAT(set->rules[0].origin, HasSubstr("common/a/x.yml:1"));
}

TEST(RuleFilesTest, ReportsEveryErrorOfEveryFileWithItsPlace) {
  RuleDir dir("broken");
  dir.Write("common/a.yaml", "id: a\nversion: one\ntitle: T\nlevel: common\nstatus: active\n"
                             "legal_basis: L\nmax_count: {event: acept, max: 1}\nscoep: x\n");
  dir.Write("common/b.yaml", "id: b\ntitle: [\n");
  dir.Write("common/c.yaml", Rule("dup", "common") + "---\n" + Rule("dup", "common"));
  dir.Write("common/d.yaml", Rule("acc", "accountability"));
  dir.Write("stray.yaml", Rule("s", "common"));
  dir.Write("comon/e.yaml", Rule("e", "common"));
  RuleDirContents contents = ReadRuleDir(dir.path());
  std::vector<std::string> lines;
  for (const rules::RuleError& e : contents.errors) lines.push_back(e.ToString());
  const std::string a = (dir.path() / "common/a.yaml").generic_string();
  const std::string c = (dir.path() / "common/c.yaml").generic_string();
  const std::string d = (dir.path() / "common/d.yaml").generic_string();
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr(a + ":2:10: version: expected a whole number")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr(a + ":7:20: max_count.event: unknown event type")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr(a + ":8:1: rule: unknown key `scoep`")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr("common/b.yaml:")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr(c + ":9:1: id: \"dup\" is already used by the rule at " +
                                                   c + ":1:1")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr(d + ":1:1: level: the rule's level is accountability")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr("stray.yaml: not in a level folder")));
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr("comon/e.yaml: not in a level folder")));
  EXPECT_EQ(lines.size(), 8u) << ::testing::PrintToString(lines);

  base::Result<rules::RuleSet> set = LoadRuleDir(dir.path());
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(set.status().message(), HasSubstr("unknown key `scoep`"));
  EXPECT_THAT(set.status().message(), HasSubstr("\n"));
}

TEST(RuleFilesTest, RuleSetSettingsGiveTheDefaultCounting) {
  RuleDir dir("settings");
  const std::string deadline = "id: d.{N}\nversion: 1\ntitle: T\nlevel: common\nstatus: active\n"
                               "legal_basis: L\ndeadline: {start: submit, stop: accept, {C}"
                               "ladder: [{level: yellow, limit: 5, unit: working_days}]}\n";
  auto make = [&](std::string n, std::string c) {
    std::string s = deadline;
    s.replace(s.find("{N}"), 3, n);
    s.replace(s.find("{C}"), 3, c);
    return s;
  };
  dir.Write("ruleset.yaml", "counting: same_clock_time\n");
  dir.Write("common/a.yaml", make("own", "counting: end_of_day, ") + "---\n" + make("default", ""));
  base::Result<rules::RuleSet> set = LoadRuleDir(dir.path());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->settings.counting, rules::Counting::kSameClockTime);
  ASSERT_EQ(set->rules.size(), 2u);
  EXPECT_EQ(std::get<rules::DeadlineRule>(set->rules[0].kind).counting, rules::Counting::kEndOfDay);
  EXPECT_EQ(std::get<rules::DeadlineRule>(set->rules[1].kind).counting, rules::Counting::kSameClockTime);

  dir.Write("ruleset.yaml", "counting: noon\nextra: 1\n");
  RuleDirContents contents = ReadRuleDir(dir.path());
  ASSERT_EQ(contents.errors.size(), 2u);
  EXPECT_THAT(contents.errors[0].ToString(),
              HasSubstr("ruleset.yaml:1:11: counting: expected one of end_of_day, same_clock_time"));
  EXPECT_THAT(contents.errors[1].ToString(), HasSubstr("ruleset.yaml:2:1: ruleset: unknown key `extra`"));
}

TEST(RuleFilesTest, AMissingFolderIsNotFound) {
  base::Result<rules::RuleSet> set = LoadRuleDir(fs::path(::testing::TempDir()) / "no_such_rules");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), base::StatusCode::kNotFound);
  RuleDirContents contents = ReadRuleDir(fs::path(::testing::TempDir()) / "no_such_rules");
  ASSERT_EQ(contents.errors.size(), 1u);
  EXPECT_THAT(contents.errors[0].message, HasSubstr("not a folder of rules"));
}

}  // namespace
}  // namespace oversight::runtime
