#include "rules/rule_yaml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace oversight::rules {
namespace {

using ::testing::HasSubstr;

// The first error's "file:line:col: message", or "" when parsing succeeded.
std::string FirstError(std::string_view text) {
  ParseResult r = ParseRuleDocuments(text, "t.yaml");
  return r.errors.empty() ? "" : r.errors.front().ToString();
}

// Every error, one per line.
std::string AllErrors(std::string_view text) {
  std::string out;
  for (const RuleError& e : ParseRuleDocuments(text, "t.yaml").errors) out += e.ToString() + "\n";
  return out;
}

const Rule& Only(const ParseResult& r) {
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().ToString();
  EXPECT_EQ(r.rules.size(), 1u);
  return r.rules.front().rule;
}

constexpr std::string_view kHeader =
    "id: a.b\nversion: 2\ntitle: T\nlevel: common\nstatus: active\nlegal_basis: L\n";

ParseResult WithKind(std::string_view kind) {
  return ParseRuleDocuments(std::string(kHeader) + std::string(kind), "t.yaml");
}

TEST(RuleYamlTest, ParsesDeadlineWithLadderPausesAndCounting) {
  ParseResult r = WithKind(
      "deadline:\n"
      "  start: [accept]\n"
      "  stop: [complete, {step: \"T09 办结\"}]\n"
      "  pauses: [[request_supplement, supplement_received], [suspend, resume]]\n"
      "  counting: same_clock_time\n"
      "  ladder:\n"
      "    - {level: notice, limit: item.promised_limit, before: 1}\n"
      "    - {level: yellow, limit: item.promised_limit}\n"
      "    - {level: red, limit: item.statutory_limit, unit: natural_days}\n"
      "    - {level: red, limit: 30, unit: working_days}\n");
  const Rule& rule = Only(r);
  EXPECT_EQ(rule.id, "a.b");
  EXPECT_EQ(rule.version, 2);
  EXPECT_EQ(rule.origin, "t.yaml:1");
  const auto& d = std::get<DeadlineRule>(rule.kind);
  EXPECT_EQ(d.start.types, std::vector{model::EventType::kAccept});
  EXPECT_EQ(d.stop.types, std::vector{model::EventType::kComplete});
  EXPECT_EQ(d.stop.step_names, std::vector<std::string>{"T09 办结"});
  EXPECT_TRUE(d.stop.Matches(model::EventType::kStep, "T09 办结"));
  EXPECT_FALSE(d.stop.Matches(model::EventType::kStep, "other"));
  ASSERT_EQ(d.pauses.size(), 2u);
  EXPECT_EQ(d.pauses[1].first.types, std::vector{model::EventType::kSuspend});
  EXPECT_EQ(d.counting, Counting::kSameClockTime);
  ASSERT_EQ(d.ladder.size(), 4u);
  EXPECT_EQ(d.ladder[0].level, AlertLevel::kNotice);
  EXPECT_EQ(d.ladder[0].source, LimitSource::kItemPromised);
  EXPECT_TRUE(d.ladder[0].unit_from_item);
  EXPECT_EQ(d.ladder[0].before, 1);
  EXPECT_EQ(d.ladder[2].source, LimitSource::kItemStatutory);
  EXPECT_FALSE(d.ladder[2].unit_from_item);
  EXPECT_EQ(d.ladder[2].limit.unit, model::LimitUnit::kNaturalDays);
  EXPECT_EQ(d.ladder[3].source, LimitSource::kFixed);
  EXPECT_EQ(d.ladder[3].limit, (model::TimeLimit{30, model::LimitUnit::kWorkingDays}));
}

TEST(RuleYamlTest, ParsesMaxCountSequenceMinDuration) {
  const auto mc = std::get<MaxCountRule>(
      Only(WithKind("severity: red\nmax_count: {event: request_supplement, max: 1}\n")).kind);
  EXPECT_EQ(mc.max, 1);
  EXPECT_EQ(Only(WithKind("severity: red\nmax_count: {event: request_supplement, max: 1}\n"))
                .level_when_breached,
            AlertLevel::kRed);
  const auto seq = std::get<SequenceRule>(
      Only(WithKind("sequence: {event: [decide, complete], requires_before: [accept]}\n")).kind);
  EXPECT_EQ(seq.event.types.size(), 2u);
  EXPECT_EQ(seq.requires_before.types, std::vector{model::EventType::kAccept});
  const auto md = std::get<MinDurationRule>(
      Only(WithKind("min_duration: {start: submit, end: complete, min: 10m}\n")).kind);
  EXPECT_EQ(md.min, base::Milliseconds(600'000));
}

TEST(RuleYamlTest, ParsesCheckRateReconcile) {
  const auto check = std::get<CheckRule>(
      Only(WithKind("check:\n  event: accept\n  condition: event.attrs.fee != item.fee_fen\n")).kind);
  EXPECT_EQ(check.condition.text(), "event.attrs.fee != item.fee_fen");
  const auto rate = std::get<RateRule>(Only(WithKind(
      "rate:\n  period: month\n  numerator: event.type == \"reject\"\n"
      "  denominator: event.type in [\"accept\", \"reject\"]\n  bound: 30%\n  min_cases: 30\n")).kind);
  EXPECT_DOUBLE_EQ(rate.bound, 0.3);
  EXPECT_EQ(rate.min_cases, 30);
  const auto rec = std::get<ReconcileRule>(
      Only(WithKind("reconcile: {sources: [hall, dept], field: result, grace: 2d}\n")).kind);
  EXPECT_EQ(rec.source_a, "hall");
  EXPECT_EQ(rec.field, "result");
  EXPECT_EQ(rec.grace, base::Milliseconds(2 * 86'400'000LL));
}

TEST(RuleYamlTest, ParsesHeaderFieldsAndSeveralDocuments) {
  ParseResult r = ParseRuleDocuments(
      "id: d.one\nversion: 1\ntitle: 部门规则\nlevel: department\nstatus: active\n"
      "owner_dept: 91350100M000100Y43\napproved_by: 市政务服务数据管理局\napproved_on: 2026-01-05\n"
      "proposal: true\ncase_kind: complaint\nscope: case.channel == \"online\"\n"
      "description: 说明\n"
      "deadline: {start: complaint_received, stop: complaint_feedback, ladder: [{level: yellow, "
      "limit: 12, unit: hours}]}\n"
      "---\n"
      "id: d.two\nversion: 1\ntitle: x\nlevel: common\nstatus: retired\nlegal_basis: L\n"
      "sequence: {event: decide, requires_before: accept}\n"
      "---\n",
      "f.yaml");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().ToString();
  ASSERT_EQ(r.rules.size(), 2u);
  const Rule& one = r.rules[0].rule;
  EXPECT_EQ(one.level, RuleLevel::kDepartment);
  EXPECT_EQ(one.owner_dept, "91350100M000100Y43");
  EXPECT_EQ(one.approved_by, "市政务服务数据管理局");
  ASSERT_TRUE(one.approved_on.has_value());
  EXPECT_EQ(base::FormatDate(*one.approved_on), "2026-01-05");
  EXPECT_TRUE(one.proposal);
  EXPECT_EQ(one.case_kind, model::CaseKind::kComplaint);
  ASSERT_TRUE(one.scope.has_value());
  EXPECT_EQ(one.description, "说明");
  EXPECT_EQ(r.rules[1].rule.status, RuleStatus::kRetired);
  EXPECT_EQ(r.rules[1].where.line, 15);
  EXPECT_EQ(r.rules[1].rule.origin, "f.yaml:15");
}

TEST(RuleYamlTest, LocatesUnknownKeysAtTheKey) {
  EXPECT_EQ(FirstError(std::string(kHeader) + "max_count: {event: accept, max: 1}\nscoep: x\n"),
            "t.yaml:8:1: rule: unknown key `scoep` (expected one of: id, version, title, description, "
            "level, status, owner_dept, approved_by, approved_on, legal_basis, proposal, case_kind, "
            "scope, severity, deadline, max_count, sequence, min_duration, check, rate, reconcile)");
  EXPECT_THAT(AllErrors(std::string(kHeader) + "deadline:\n  start: submit\n  stopp: accept\n"
                                                "  ladder: [{level: yellow, limit: 5, unit: hours}]\n"),
              HasSubstr("t.yaml:9:3: deadline: unknown key `stopp`"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "id: again\nmax_count: {event: accept, max: 1}\n"),
              HasSubstr("t.yaml:7:1: rule: key `id` given twice"));
}

TEST(RuleYamlTest, LocatesMissingAndBadValues) {
  EXPECT_EQ(FirstError("id: a\nversion: 1\ntitle: T\nlevel: common\nstatus: active\n"
                       "max_count: {event: accept, max: 1}\n"),
            "t.yaml:1:1: legal_basis: expected the rule's legal basis, or `proposal: true` for a "
            "configurable practice that is not law");
  EXPECT_EQ(FirstError("id: Bad Id\nversion: 1\ntitle: T\nlevel: common\nstatus: active\n"
                       "legal_basis: L\nmax_count: {event: accept, max: 1}\n"),
            "t.yaml:1:5: id: expected lower-case letters, digits and . - _ (e.g. "
            "license.accept-within-5-days), found \"Bad Id\"");
  EXPECT_THAT(FirstError("id: a\nversion: 0\ntitle: T\nlevel: common\nstatus: active\nlegal_basis: L\n"
                         "max_count: {event: accept, max: 1}\n"),
              HasSubstr("t.yaml:2:10: version: expected a whole number ≥ 1, found \"0\""));
  EXPECT_THAT(FirstError("id: a\nversion: 1\ntitle: T\nlevel: city\nstatus: active\nlegal_basis: L\n"
                         "max_count: {event: accept, max: 1}\n"),
              HasSubstr("t.yaml:4:8: level: expected one of department, common, accountability"));
  EXPECT_THAT(FirstError("id: a\nversion: 1\ntitle: T\nlevel: common\nstatus: live\nlegal_basis: L\n"
                         "max_count: {event: accept, max: 1}\n"),
              HasSubstr("t.yaml:5:9: status: expected one of draft, pending_approval"));
  EXPECT_THAT(FirstError(std::string(kHeader)), HasSubstr("t.yaml:1:1: rule: expected one kind"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "max_count: {event: accept, max: 1}\n"
                                                "sequence: {event: decide, requires_before: accept}\n"),
              HasSubstr("t.yaml:8:11: rule: expected one kind, found both max_count and sequence"));
}

TEST(RuleYamlTest, LocatesEventErrors) {
  EXPECT_THAT(FirstError(std::string(kHeader) + "max_count: {event: [accept, acept], max: 1}\n"),
              HasSubstr("t.yaml:7:29: max_count.event: unknown event type \"acept\""));
  EXPECT_THAT(FirstError(std::string(kHeader) + "max_count: {event: [complaint_received], max: 1}\n"),
              HasSubstr("t.yaml:7:21: max_count.event: event type \"complaint_received\" belongs to "
                        "complaint cases, but the rule's case_kind is approval"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "max_count: {event: [], max: 1}\n"),
              HasSubstr("t.yaml:7:20: max_count.event: expected at least one event"));
}

TEST(RuleYamlTest, LocatesDeadlineErrors) {
  const std::string head = std::string(kHeader) + "deadline:\n  start: submit\n  stop: accept\n";
  EXPECT_THAT(FirstError(head + "  ladder: [{level: yellow, limit: 5}]\n"),
              HasSubstr("t.yaml:10:35: ladder: a fixed limit needs its `unit`"));
  EXPECT_THAT(FirstError(head + "  ladder: [{level: yellow, limit: item.promise_limit}]\n"),
              HasSubstr("t.yaml:10:35: ladder.limit: expected a whole number ≥ 0, item.promised_limit"));
  EXPECT_THAT(FirstError(head + "  ladder: [{level: notice, limit: item.promised_limit}]\n"),
              HasSubstr("t.yaml:10:12: ladder: a notice fires before the limit"));
  EXPECT_THAT(FirstError(head + "  ladder: [{level: yellow, limit: 5, unit: days}]\n"),
              HasSubstr("t.yaml:10:44: ladder.unit: expected one of working_days, natural_days, hours"));
  EXPECT_THAT(FirstError(head + "  ladder: []\n"),
              HasSubstr("t.yaml:10:11: deadline.ladder: expected a list of at least one rung"));
  EXPECT_THAT(FirstError(head + "  pauses: [[suspend]]\n  ladder: [{level: yellow, limit: 5, unit: hours}]\n"),
              HasSubstr("t.yaml:10:12: deadline.pauses: expected a pair"));
  EXPECT_THAT(FirstError(head + "  counting: noon\n  ladder: [{level: yellow, limit: 5, unit: hours}]\n"),
              HasSubstr("t.yaml:10:13: deadline.counting: expected one of end_of_day, same_clock_time"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "deadline:\n  start: submit\n"
                                                "  ladder: [{level: yellow, limit: 5, unit: hours}]\n"),
              HasSubstr("t.yaml:8:3: deadline: missing `stop`"));
  EXPECT_THAT(FirstError(head + "  ladder: [{level: yellow, limit: 5, unit: hours}]\nseverity: red\n"),
              HasSubstr("t.yaml:11:11: severity: a deadline's levels come from its ladder"));
}

TEST(RuleYamlTest, LocatesOtherKindErrors) {
  EXPECT_THAT(FirstError(std::string(kHeader) + "min_duration: {start: submit, end: complete, min: 10 min}\n"),
              HasSubstr("t.yaml:7:51: min_duration.min: expected a duration such as 10m"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "rate: {numerator: \"true\", denominator: \"true\", "
                                                "bound: 130%, min_cases: 30}\n"),
              HasSubstr("t.yaml:7:55: rate.bound: expected a share above 0 and at most 1"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "rate: {period: week, numerator: \"true\", "
                                                "denominator: \"true\", bound: 0.3, min_cases: 30}\n"),
              HasSubstr("t.yaml:7:16: rate.period: expected month, found \"week\""));
  EXPECT_THAT(FirstError(std::string(kHeader) + "reconcile: {sources: [a, a], grace: 1d}\n"),
              HasSubstr("t.yaml:7:22: reconcile.sources: expected two different sources"));
  EXPECT_THAT(FirstError(std::string(kHeader) + "reconcile: {sources: [a, b], field: fee, grace: 1d}\n"),
              HasSubstr("t.yaml:7:37: reconcile.field: expected stage or result"));
}

TEST(RuleYamlTest, LocatesExpressionErrorsInsideTheScalar) {
  ParseResult r = ParseRuleDocuments(std::string(kHeader) +
                                         "scope: item.categry == \"x\"\n"
                                         "max_count: {event: accept, max: 1}\n",
                                     "t.yaml");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].where.line, 7);
  EXPECT_EQ(r.errors[0].where.column, 8);
  EXPECT_THAT(r.errors[0].message, HasSubstr("scope: "));
  // Quoted: one column further for the quote.
  r = ParseRuleDocuments(std::string(kHeader) + "scope: \"1 == \"\nmax_count: {event: accept, max: 1}\n",
                         "t.yaml");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].where.line, 7);
  EXPECT_GT(r.errors[0].where.column, 8);
  // A block scalar: the error's line inside the text.
  r = ParseRuleDocuments(std::string(kHeader) + "check:\n  event: accept\n  condition: |\n"
                                                "    item.fee_fen > 0 &&\n      nope.x == 1\n",
                         "t.yaml");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].where.line, 11);
  EXPECT_EQ(r.errors[0].where.column, 7);
  EXPECT_THAT(r.errors[0].message, HasSubstr("check.condition: "));
  // A folded block scalar: lines joined with spaces in the text, still found in the file.
  r = ParseRuleDocuments(std::string(kHeader) + "check:\n  event: accept\n  condition: >-\n"
                                                "    item.fee_fen > 0 &&\n    (nope.x == 1)\n",
                         "t.yaml");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].where.ToString(), "t.yaml:11:6");
}

TEST(RuleYamlTest, DepartmentRulesNeedOwnerAndApproval) {
  const std::string dept = "id: d\nversion: 1\ntitle: T\nlevel: department\nlegal_basis: L\n"
                           "max_count: {event: accept, max: 1}\n";
  EXPECT_THAT(FirstError(dept + "status: draft\n"),
              HasSubstr("t.yaml:1:1: owner_dept: a department rule needs its owner"));
  EXPECT_THAT(FirstError(dept + "status: draft\nowner_dept: 91350100M000100Y44\n"),
              HasSubstr("t.yaml:8:13: owner_dept: expected the department's unified social credit code"));
  EXPECT_THAT(FirstError(dept + "status: active\nowner_dept: 91350100M000100Y43\n"),
              HasSubstr("t.yaml:1:1: status: a department rule becomes active only once the bureau "
                        "approves it"));
  EXPECT_EQ(FirstError(dept + "status: pending_approval\nowner_dept: 91350100M000100Y43\n"), "");
  EXPECT_THAT(FirstError(std::string(kHeader) + "owner_dept: 91350100M000100Y43\n"
                                                "max_count: {event: accept, max: 1}\n"),
              HasSubstr("t.yaml:7:13: owner_dept: only department rules have an owner"));
}

TEST(RuleYamlTest, ReportsEveryErrorOfADocumentAndKeepsGoodDocuments) {
  ParseResult r = ParseRuleDocuments(
      "id: a\nversion: x\ntitle: T\nlevel: common\nstatus: active\nlegal_basis: L\n"
      "max_count: {event: acept, max: -1}\n---\n" +
          std::string(kHeader) + "max_count: {event: accept, max: 1}\n",
      "t.yaml");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].where.line, 2);
  EXPECT_EQ(r.errors[1].where.line, 7);
  EXPECT_EQ(r.errors[2].where.line, 7);
  ASSERT_EQ(r.rules.size(), 1u);
  EXPECT_EQ(r.rules[0].rule.id, "a.b");
}

TEST(RuleYamlTest, ReportsYamlSyntaxErrorsWithTheirPlace) {
  ParseResult r = ParseRuleDocuments("id: a\ntitle: [unclosed\n", "t.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].ToString(), HasSubstr("t.yaml:"));
  EXPECT_THAT(r.errors[0].message, HasSubstr("not valid YAML"));
  EXPECT_GT(r.errors[0].where.line, 0);
}

TEST(RuleYamlTest, ParsesDurations) {
  EXPECT_EQ(ParseRuleDuration("30s"), base::Milliseconds(30'000));
  EXPECT_EQ(ParseRuleDuration("24h"), base::Milliseconds(86'400'000));
  EXPECT_FALSE(ParseRuleDuration("10").has_value());
  EXPECT_FALSE(ParseRuleDuration("-1m").has_value());
  EXPECT_FALSE(ParseRuleDuration("m").has_value());
}

}  // namespace
}  // namespace oversight::rules
