#include "engine/internal/event_fields.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace oversight::engine::internal {
namespace {

bool Eval(std::string_view text, const rules::expr::FieldSource& fields) {
  base::Result<rules::expr::Expr> e =
      rules::expr::Compile(text, rules::expr::DefaultSchema(), rules::expr::ValueType::kBool);
  EXPECT_TRUE(e.ok()) << text << ": " << e.status().ToString();
  if (!e.ok()) return false;
  return e->Evaluate(fields, {}).AsBool();
}

TEST(EventFields, ReadsCaseItemDeptEventAndAttrs) {
  model::Item item;
  item.code = "445200-XK-0042";
  item.name = "食品经营许可";
  item.category = "行政许可";
  item.statutory_limit = model::TimeLimit{20, model::LimitUnit::kWorkingDays};
  item.fee_fen = 500;
  item.online_depth = 4;
  model::Department dept;
  dept.code = "11445200MB2C12345T";
  dept.name = "揭阳市市场监督管理局";
  dept.region = "445200";
  dept.parent_code = "";
  model::Event event;
  event.source = "hall";
  event.case_id = "445200-2025-000123";
  event.type = model::EventType::kComplete;
  event.step_name = "办结";
  event.actor = "u1024";
  event.channel = model::Channel::kWindow;
  event.item_code = item.code;
  event.dept_code = dept.code;
  event.at = *base::ParseInstant("2025-03-03T09:12:33+08:00");
  event.attrs_json = R"({"fee":500,"applicant_type":"legal_person","paid":true,"note":null})";
  CaseFacts facts{model::CaseKind::kApproval, model::Channel::kOnline, item.code};
  FieldMap map(rules::expr::DefaultSchema());
  EventFields fields(map, event, facts, &item, &dept);

  const std::vector<std::string> true_exprs = {
      R"(case.id == "445200-2025-000123")",
      R"(case.kind == "approval")",
      R"(case.channel == "online")",  // the case's channel, fixed by its first event
      R"(case.source == "hall")",
      R"(case.item == "445200-XK-0042" && case.dept == "11445200MB2C12345T")",
      R"(case.applicant_type == "legal_person")",
      R"(item.code == "445200-XK-0042" && item.name == "食品经营许可")",
      R"(item.category == "行政许可")",
      R"(item.fee_fen == 500 && item.has_fee)",
      R"(item.statutory_limit == 20 && item.promised_limit == null)",
      R"(item.online_depth == 4)",
      R"(dept.code == "11445200MB2C12345T" && dept.region == "445200" && dept.parent == "")",
      R"(dept.name == "揭阳市市场监督管理局")",
      R"(event.type == "complete" && event.step == "办结" && event.actor == "u1024")",
      R"(event.channel == "window" && event.source == "hall")",
      R"(event.attrs.fee == item.fee_fen)",
      R"(event.attrs.paid == true)",
      R"(event.attrs.note == null && event.attrs.missing == null)",
  };
  for (const std::string& text : true_exprs) EXPECT_TRUE(Eval(text, fields)) << text;

  // Without an item or department their fields read null.
  EventFields bare(map, event, facts, nullptr, nullptr);
  EXPECT_TRUE(Eval("item.code == null && dept.name == null", bare));
  // Malformed attrs read null rather than failing.
  model::Event broken = event;
  broken.attrs_json = "{not json";
  EventFields broken_fields(map, broken, facts, &item, &dept);
  EXPECT_TRUE(Eval("event.attrs.fee == null", broken_fields));
}

}  // namespace
}  // namespace oversight::engine::internal
