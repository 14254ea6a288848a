#include "pipeline/event_validator.h"

#include <gtest/gtest.h>

namespace oversight::pipeline {
namespace {

constexpr const char* kDept = "91350100M000100Y43";

ingest::MappedRecord Good() {
  ingest::MappedRecord r;
  r.source_event_id = "e1";
  r.case_id = "445200-2025-000001";
  r.type = "accept";
  r.at = "2025-03-03T09:12:33+08:00";
  r.dept = kDept;
  r.item = "445200-XK-0042";
  r.channel = "online";
  r.attrs_json = "{\"fee\":0}";
  return r;
}

class EventValidatorTest : public ::testing::Test {
 protected:
  EventValidator Make(bool auto_register = false) {
    ValidatorOptions options;
    options.source = "hall";
    options.now = *base::ParseInstant("2025-06-01T00:00:00Z");
    options.auto_register = auto_register;
    // A fixed +08:00 zone is enough here; zones are the calendar's business.
    options.from_local = [](base::Instant wall) { return wall - std::chrono::hours(8); };
    return EventValidator(options, {{kDept, "dept", "", ""}},
                          {model::Item{"445200-XK-0042", "item", kDept, "", {}, {}, {}, 0}});
  }

  std::string ReasonOf(const ingest::MappedRecord& r, bool auto_register = false) {
    EventValidator validator = Make(auto_register);
    Checked checked = validator.Validate(r);
    if (auto* rejection = std::get_if<Rejection>(&checked)) return rejection->reason;
    return "stored";
  }
};

TEST_F(EventValidatorTest, AcceptsAGoodRecord) {
  EventValidator validator = Make();
  Checked checked = validator.Validate(Good());
  ASSERT_TRUE(std::holds_alternative<model::Event>(checked));
  const auto& e = std::get<model::Event>(checked);
  EXPECT_EQ(e.source, "hall");
  EXPECT_EQ(e.type, model::EventType::kAccept);
  EXPECT_EQ(e.kind, model::CaseKind::kApproval);
  EXPECT_EQ(e.step_name, "accept");
  EXPECT_EQ(e.channel, model::Channel::kOnline);
  EXPECT_EQ(base::FormatInstantUtc(e.at), "2025-03-03T01:12:33Z");
}

TEST_F(EventValidatorTest, EachProblemHasItsReason) {
  struct Case {
    std::string name;
    std::function<void(ingest::MappedRecord&)> spoil;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"no case id", [](auto& r) { r.case_id.clear(); }, "missing_field"},
      {"no time", [](auto& r) { r.at.clear(); }, "missing_field"},
      {"no dept", [](auto& r) { r.dept.clear(); }, "missing_field"},
      {"no item", [](auto& r) { r.item.clear(); }, "missing_field"},
      {"no type or step", [](auto& r) { r.type.clear(); }, "missing_field"},
      {"long case id", [](auto& r) { r.case_id = std::string(300, 'x'); }, "field_too_long"},
      {"bad type", [](auto& r) { r.type = "approve"; }, "unknown_type"},
      {"bad kind", [](auto& r) { r.kind = "appeal"; }, "unknown_kind"},
      {"kind mismatch", [](auto& r) { r.kind = "complaint"; }, "kind_mismatch"},
      {"bad time", [](auto& r) { r.at = "2025-02-30T10:00:00+08:00"; }, "bad_time"},
      {"future", [](auto& r) { r.at = "2025-06-01T09:00:00+08:00"; }, "future_time"},
      {"bad dept code", [](auto& r) { r.dept = "91350100M000100Y44"; }, "bad_department_code"},
      {"unknown dept", [](auto& r) { r.dept = "91110000600037341L"; }, "unknown_department"},
      {"unknown item", [](auto& r) { r.item = "445200-XK-9999"; }, "unknown_item"},
      {"bad channel", [](auto& r) { r.channel = "fax"; }, "bad_channel"},
      {"bad applicant id",
       [](auto& r) { r.attrs_json = "{\"applicant_id\":\"110105194912310021\"}"; },
       "bad_applicant_id"},
  };
  for (const Case& c : cases) {
    ingest::MappedRecord r = Good();
    c.spoil(r);
    EXPECT_EQ(ReasonOf(r), c.reason) << c.name;
  }
}

TEST_F(EventValidatorTest, FutureToleranceAllowsSmallClockSkew) {
  ingest::MappedRecord r = Good();
  r.at = "2025-06-01T08:05:00+08:00";  // 5 minutes after now
  EXPECT_EQ(ReasonOf(r), "stored");
}

TEST_F(EventValidatorTest, UnmappedStepIsKeptByName) {
  ingest::MappedRecord r = Good();
  r.type.clear();
  r.step = "T02 Check confirmation of receipt";
  EventValidator validator = Make();
  Checked checked = validator.Validate(r);
  ASSERT_TRUE(std::holds_alternative<model::Event>(checked));
  EXPECT_EQ(std::get<model::Event>(checked).type, model::EventType::kStep);
  EXPECT_EQ(std::get<model::Event>(checked).step_name, r.step);
}

TEST_F(EventValidatorTest, TimeWithoutOffsetTakesTheSourceZone) {
  ingest::MappedRecord r = Good();
  r.at = "2025-03-03 09:00:00";
  EventValidator validator = Make();
  Checked checked = validator.Validate(r);
  ASSERT_TRUE(std::holds_alternative<model::Event>(checked));
  EXPECT_EQ(base::FormatInstantUtc(std::get<model::Event>(checked).at), "2025-03-03T01:00:00Z");
}

TEST_F(EventValidatorTest, ClearApplicantIdIsStoredMasked) {
  ingest::MappedRecord r = Good();
  r.attrs_json = "{\"applicant_id\":\"11010519491231002X\",\"fee\":0}";
  EventValidator validator = Make();
  Checked checked = validator.Validate(r);
  ASSERT_TRUE(std::holds_alternative<model::Event>(checked));
  const std::string& attrs = std::get<model::Event>(checked).attrs_json;
  EXPECT_EQ(attrs.find("11010519491231002X"), std::string::npos) << attrs;
  EXPECT_NE(attrs.find("applicant_id_masked"), std::string::npos) << attrs;
}

TEST_F(EventValidatorTest, AutoRegisterCreatesUnknownReferences) {
  ingest::MappedRecord r = Good();
  r.dept = "91110000600037341L";
  r.item = "NEW-ITEM";
  EventValidator validator = Make(/*auto_register=*/true);
  EXPECT_TRUE(std::holds_alternative<model::Event>(validator.Validate(r)));
  EXPECT_EQ(validator.TakeNewDepartments().size(), 1u);
  EXPECT_EQ(validator.TakeNewItems().size(), 1u);
  EXPECT_TRUE(std::holds_alternative<model::Event>(validator.Validate(r)));
  EXPECT_TRUE(validator.TakeNewDepartments().empty());  // registered once
}

TEST_F(EventValidatorTest, MissingSourceIdBecomesAContentHash) {
  ingest::MappedRecord r = Good();
  r.source_event_id.clear();
  EventValidator validator = Make();
  auto a = std::get<model::Event>(validator.Validate(r)).source_event_id;
  auto b = std::get<model::Event>(validator.Validate(r)).source_event_id;
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.rfind("sha256:", 0), 0u);
  r.actor = "someone else";
  EXPECT_NE(std::get<model::Event>(validator.Validate(r)).source_event_id, a);
}

}  // namespace
}  // namespace oversight::pipeline
