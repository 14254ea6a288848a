#include "demo/event_jsonl.h"

#include <gtest/gtest.h>

#include "demo/internal/rng.h"

namespace oversight::demo {
namespace {

base::Instant At(std::string_view text) { return base::ParseInstant(text).value(); }

model::Event SampleEvent() {
  model::Event e;
  e.source = "demo-hall";
  e.source_event_id = "445200-2025-000123-02";
  e.case_id = "445200-2025-000123";
  e.kind = model::CaseKind::kApproval;
  e.type = model::EventType::kAccept;
  e.step_name = "受理";
  e.at = At("2025-03-03T09:12:33+08:00");
  e.dept_code = "11445200MB2C12345T";
  e.item_code = "445200-XK-0042";
  e.actor = "u1024";
  e.channel = model::Channel::kOnline;
  e.attrs_json = R"({"fee":0})";
  return e;
}

TEST(EventJsonlTest, WritesTheCanonicalLine) {
  EXPECT_EQ(EventToJsonLine(SampleEvent()),
            R"({"source_event_id":"445200-2025-000123-02","case_id":"445200-2025-000123",)"
            R"("kind":"approval","type":"accept","step":"受理","at":"2025-03-03T09:12:33+08:00",)"
            R"("dept":"11445200MB2C12345T","item":"445200-XK-0042","actor":"u1024",)"
            R"("channel":"online","attrs":{"fee":0}})");
}

TEST(EventJsonlTest, EscapesAndDefaults) {
  model::Event e = SampleEvent();
  e.actor = "a\"b\\c\n";
  e.attrs_json.clear();
  e.channel = model::Channel::kUnknown;
  std::string line = EventToJsonLine(e);
  EXPECT_NE(line.find(R"("actor":"a\"b\\c\n")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("channel":"","attrs":{}})"), std::string::npos) << line;
}

TEST(EventJsonlTest, AppendsToABatch) {
  std::string out = "x\n";
  AppendEventJsonLine(SampleEvent(), kChinaStandardOffset, out);
  EXPECT_EQ(out, "x\n" + EventToJsonLine(SampleEvent()));
}

TEST(EventJsonlTest, TimestampsMatchBaseFormatting) {
  Rng rng(17);
  for (int i = 0; i < 2000; ++i) {
    base::Instant at = base::FromUnixMillis(rng.Between(-2'000'000'000'000, 4'000'000'000'000));
    if (i % 2 == 0) at = std::chrono::floor<std::chrono::seconds>(at);
    for (int offset : {480, 0, -300, 345}) {
      std::string mine;
      AppendTimestamp(at, std::chrono::minutes(offset), mine);
      ASSERT_EQ(mine, base::FormatInstantWithOffset(at, std::chrono::minutes(offset)));
    }
  }
}

TEST(EventJsonlTest, TruthLines) {
  TruthRecord late{.case_id = "445200-2025-000007",
                   .violation = "acceptance_overdue",
                   .expected_due = At("2025-01-09T00:00:00+08:00"),
                   .detail = "accepted \"late\""};
  EXPECT_EQ(TruthToJsonLine(late),
            R"({"case_id":"445200-2025-000007","violation":"acceptance_overdue",)"
            R"("expected_due":"2025-01-09T00:00:00+08:00","detail":"accepted \"late\""})");
  TruthRecord count{
      .case_id = "c", .violation = "second_supplement", .expected_due = {}, .detail = ""};
  EXPECT_EQ(TruthToJsonLine(count),
            R"({"case_id":"c","violation":"second_supplement","expected_due":null,"detail":""})");
}

}  // namespace
}  // namespace oversight::demo
