// Every quarantine reason of docs/EVENTS.md, produced end to end: a file with one
// good line and one bad one; the bad one is quarantined with its reason, its
// line number and its original text, the good one stored.
//
// Not here: `mapping_error`. Mapping::Apply fails only for a record the reader
// already marked as unparseable, which is quarantined as parse_error first, so
// no input reaches that reason through the command line.

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

struct ReasonCase {
  const char* name;
  const char* reason;
  std::string bad_line;
  const char* message_part;  // the message names the field or value at fault
};

// gtest prints the case by name instead of its bytes.
void PrintTo(const ReasonCase& c, std::ostream* os) { *os << c.name; }

class IngestReasonTest : public CliTest, public ::testing::WithParamInterface<ReasonCase> {
 protected:
  void SetUp() override { ImportCatalog(); }
};

TEST_P(IngestReasonTest, BadLineIsQuarantinedWithItsReason) {
  const ReasonCase& c = GetParam();
  WriteFile("in.jsonl", EventLine("good") + "\n" + c.bad_line + "\n");
  nlohmann::json summary = Ingest({"in.jsonl"});
  EXPECT_EQ(summary["read"], 2);
  EXPECT_EQ(summary["stored"], 1);
  EXPECT_EQ(summary["duplicate"], 0);
  EXPECT_EQ(summary["quarantined"], 1);
  EXPECT_EQ(summary["quarantine_new"], 1);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{c.reason, 1}})) << summary.dump();

  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["reason"], c.reason);
  EXPECT_EQ(held[0]["line"], 2);
  EXPECT_EQ(held[0]["input"], "in.jsonl");
  EXPECT_EQ(held[0]["source"], "hall");
  EXPECT_EQ(held[0]["resolved"], false);
  EXPECT_EQ(held[0]["received_at"], kNow);
  std::string original = held[0]["original"].get<std::string>();
  if (c.bad_line.size() <= 64 * 1024) {
    EXPECT_EQ(original, c.bad_line);
  } else {
    EXPECT_TRUE(c.bad_line.starts_with(original.substr(0, 1000)));
  }
  EXPECT_NE(held[0]["message"].get<std::string>().find(c.message_part), std::string::npos)
      << held[0]["message"];
}

INSTANTIATE_TEST_SUITE_P(
    EveryReason, IngestReasonTest,
    ::testing::Values(
        ReasonCase{"ParseErrorMalformedJson", "parse_error", R"({"source_event_id":"p1","case_id":)", "invalid JSON"},
        ReasonCase{"ParseErrorNotAnObject", "parse_error", "[1,2,3]", "not a JSON object"},
        ReasonCase{"ParseErrorTextAfterObject", "parse_error", EventLine("p3") + " {}", "invalid JSON"},
        ReasonCase{"MissingCaseId", "missing_field", EventLine("m1", {{"case_id", nullptr}}), "case_id"},
        ReasonCase{"EmptyCaseId", "missing_field", EventLine("m2", {{"case_id", ""}}), "case_id"},
        ReasonCase{"MissingAt", "missing_field", EventLine("m3", {{"at", nullptr}}), "at"},
        ReasonCase{"MissingDept", "missing_field", EventLine("m4", {{"dept", nullptr}}), "dept"},
        ReasonCase{"MissingItem", "missing_field", EventLine("m5", {{"item", nullptr}}), "item"},
        ReasonCase{"MissingTypeAndStep", "missing_field", EventLine("m6", {{"type", nullptr}}), "type"},
        ReasonCase{"CaseIdTooLong", "field_too_long", EventLine("t1", {{"case_id", std::string(129, 'c')}}), "case_id"},
        ReasonCase{"SourceEventIdTooLong", "field_too_long", EventLine(std::string(257, 's')), "source_event_id"},
        ReasonCase{"ActorTooLong", "field_too_long", EventLine("t3", {{"actor", std::string(129, 'a')}}), "actor"},
        ReasonCase{"ItemTooLong", "field_too_long", EventLine("t4", {{"item", std::string(129, 'i')}}), "item"},
        ReasonCase{"AttrsTooLong", "field_too_long", EventLine("t5", {{"attrs", {{"note", std::string(70'000, 'n')}}}}), "attrs"},
        ReasonCase{"UnknownType", "unknown_type", EventLine("u1", {{"type", "bogus"}}), "bogus"},
        ReasonCase{"UnknownKind", "unknown_kind", EventLine("k1", {{"kind", "permit"}}), "permit"},
        ReasonCase{"KindMismatch", "kind_mismatch", EventLine("k2", {{"kind", "complaint"}}), "complaint"},
        ReasonCase{"BadTimeNoSuchDate", "bad_time", EventLine("b1", {{"at", "2025-02-30T09:12:33+08:00"}}), "at"},
        ReasonCase{"BadTimeNoSuchHour", "bad_time", EventLine("b2", {{"at", "2025-03-03T24:30:00+08:00"}}), "at"},
        ReasonCase{"BadTimeNotATime", "bad_time", EventLine("b3", {{"at", "yesterday"}}), "yesterday"},
        ReasonCase{"FutureTime", "future_time", EventLine("f1", {{"at", "2026-01-01T00:10:00.001Z"}}), "future"},
        ReasonCase{"BadDepartmentCheckCharacter", "bad_department_code", EventLine("d1", {{"dept", "11445200MB2C123485"}}), "11445200MB2C123485"},
        ReasonCase{"BadDepartmentLength", "bad_department_code", EventLine("d2", {{"dept", "11445200MB2C12348"}}), "dept"},
        ReasonCase{"UnknownDepartment", "unknown_department", EventLine("d3", {{"dept", kUnregisteredDept}}), kUnregisteredDept},
        ReasonCase{"UnknownItem", "unknown_item", EventLine("i1", {{"item", "445200-XK-9999"}}), "445200-XK-9999"},
        ReasonCase{"BadChannel", "bad_channel", EventLine("c1", {{"channel", "fax"}}), "fax"},
        ReasonCase{"BadApplicantIdCheckDigit", "bad_applicant_id", EventLine("a1", {{"attrs", {{"applicant_id", "110105194912310021"}}}}), "applicant_id"},
        ReasonCase{"BadApplicantIdBirthDate", "bad_applicant_id", EventLine("a2", {{"attrs", {{"applicant_id", "11010519491331002X"}}}}), "birth date"},
        // docs/EVENTS.md: `bad_attrs` when attrs is not an object.
        ReasonCase{"AttrsNumber", "bad_attrs", EventLine("x1", {{"attrs", 5}}), "attrs"},
        ReasonCase{"AttrsString", "bad_attrs", EventLine("x2", {{"attrs", "fee=0"}}), "attrs"},
        ReasonCase{"AttrsArray", "bad_attrs", EventLine("x3", {{"attrs", {1, 2}}}), "attrs"}),
    [](const auto& info) { return std::string(info.param.name); });

using IngestValidationCliTest = CliTest;

TEST_F(IngestValidationCliTest, FutureToleranceIsInclusiveAndConfigurable) {
  ImportCatalog();
  // now + 10 minutes exactly is still accepted; a millisecond later is not.
  WriteFile("edge.jsonl", EventLine("edge", {{"at", "2026-01-01T00:10:00Z"}}) + "\n" +
                              EventLine("late", {{"at", "2026-01-01T00:10:00.001Z"}}) + "\n");
  nlohmann::json summary = Ingest({"edge.jsonl"});
  EXPECT_EQ(summary["stored"], 1);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"future_time", 1}}));

  WriteFile("strict.jsonl", EventLine("strict", {{"at", "2026-01-01T00:00:01Z"}}) + "\n");
  summary = Ingest({"strict.jsonl"}, {"--future-tolerance", "0"});
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"future_time", 1}}));
}

TEST_F(IngestValidationCliTest, ValidApplicantIdIsStoredOnlyMasked) {
  ImportCatalog();
  WriteFile("id.jsonl", EventLine("a", {{"attrs", {{"applicant_id", "11010519491231002X"}, {"fee", 0}}}}) + "\n");
  nlohmann::json summary = Ingest({"id.jsonl"});
  ASSERT_EQ(summary["stored"], 1);
  auto rows = Query("SELECT attrs FROM events");
  ASSERT_EQ(rows.size(), 1u);
  nlohmann::json attrs = ParseJson(rows[0][0]);
  EXPECT_FALSE(attrs.contains("applicant_id")) << rows[0][0];
  EXPECT_EQ(attrs["applicant_id_masked"], "110105********002X");
  EXPECT_EQ(attrs["fee"], 0);
  // Nowhere in the store file in clear.
  EXPECT_EQ(ReadFile(kDb).find("11010519491231002X"), std::string::npos);
}

TEST_F(IngestValidationCliTest, OffsetlessTimeIsReadInTheSourceZone) {
  ImportCatalog();
  WriteFile("local.jsonl", EventLine("l", {{"at", "2025-03-03 09:12:33"}}) + "\n");
  ASSERT_EQ(Ingest({"local.jsonl"})["stored"], 1);
  // 09:12:33 in Asia/Shanghai is 01:12:33Z.
  EXPECT_EQ(Query("SELECT at_ms FROM events")[0][0], "1740964353000");
}

TEST_F(IngestValidationCliTest, StepWithoutTypeIsKeptUnderItsName) {
  ImportCatalog();
  WriteFile("step.jsonl", EventLine("s", {{"type", nullptr}, {"step", "材料初审"}}) + "\n");
  ASSERT_EQ(Ingest({"step.jsonl"})["stored"], 1);
  EXPECT_EQ(Query("SELECT step FROM events")[0][0], "材料初审");
}

}  // namespace
}  // namespace oversight::testing
