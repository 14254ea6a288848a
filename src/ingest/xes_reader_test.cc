#include "ingest/xes_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/time.h"

#include "ingest/internal/test_sources.h"
#include "ingest/jsonl_reader.h"

namespace oversight::ingest {
namespace {

using testing::ReadAllRecords;

testing::ReadAll ReadXes(std::string text, XesOptions options = {}) {
  XesReader reader(ByteSourceFromString(std::move(text), "in.xes"), options);
  return ReadAllRecords(reader);
}

std::string FieldsOf(const RawRecord& record) {
  std::string out;
  for (const auto& [name, value] : record.fields) out += name + "=" + value + ";";
  return out;
}

const char* kSmallLog = R"(<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="trace">
    <string key="channel" value="UNKNOWN"/>
  </global>
  <global scope="event">
    <string key="org:resource" value="nobody"/>
  </global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="log-level" value="ignored"/>
  <trace>
    <string key="concept:name" value="case-1"/>
    <event>
      <string key="concept:name" value="Confirmation of receipt"/>
      <date key="time:timestamp" value="2011-10-11T13:45:40.276+02:00"/>
      <string key="org:resource" value="Resource21"/>
      <int key="cost" value="12"/>
      <float key="weight" value="NaN"/>
      <boolean key="urgent" value="TRUE"/>
    </event>
    <event>
      <string key="concept:name" value="T02 Check"><string key="note" value="meta"/></string>
      <date key="time:timestamp" value="2011-10-12T08:00:00.000+02:00"/>
      <container key="addr"><string key="city" value="Jieyang"/><int key="zip" value="522000"/></container>
      <list key="tags"><values><string key="t" value="a"/><int key="t" value="2"/></values></list>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="case-2"/>
    <string key="channel" value="Desk"/>
    <event>
      <string key="concept:name" value="Confirmation of receipt"/>
    </event>
  </trace>
</log>
)";

TEST(XesReaderTest, EventsCarryTheirTraceAndGlobals) {
  XesReader reader(ByteSourceFromString(kSmallLog, "small.xes"));
  testing::ReadAll all = ReadAllRecords(reader);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(reader.traces_seen(), 2);
  EXPECT_EQ(reader.events_seen(), 3);

  EXPECT_EQ(FieldsOf(all.records[0]),
            "concept:name=Confirmation of receipt;time:timestamp=2011-10-11T13:45:40.276+02:00;"
            "org:resource=Resource21;cost=12;weight=NaN;urgent=true;"
            "case:concept:name=case-1;case:channel=UNKNOWN;");
  EXPECT_EQ(all.records[0].line, 14);
  EXPECT_EQ(all.records[0].TypeAt(3), ValueType::kNumber);
  EXPECT_EQ(all.records[0].TypeAt(5), ValueType::kBool);

  EXPECT_EQ(FieldsOf(all.records[1]),
            "concept:name=T02 Check;concept:name.note=meta;"
            "time:timestamp=2011-10-12T08:00:00.000+02:00;addr.city=Jieyang;addr.zip=522000;"
            "tags=[\"a\",2];org:resource=nobody;case:concept:name=case-1;case:channel=UNKNOWN;");
  EXPECT_EQ(all.records[1].line, 22);

  EXPECT_EQ(FieldsOf(all.records[2]),
            "concept:name=Confirmation of receipt;org:resource=nobody;"
            "case:concept:name=case-2;case:channel=Desk;");
}

TEST(XesReaderTest, TextIsACompactJsonObjectThatReadsBackToTheSameFields) {
  testing::ReadAll all = ReadXes(kSmallLog);
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[2].text,
            R"({"concept:name":"Confirmation of receipt","org:resource":"nobody",)"
            R"("case:concept:name":"case-2","case:channel":"Desk"})");
  EXPECT_EQ(all.records[0].text.find(R"("cost":12,"weight":"NaN","urgent":true)") !=
                std::string::npos,
            true)
      << all.records[0].text;
  for (const RawRecord& record : all.records) {
    JsonlReader back(ByteSourceFromString(record.text, "text"));
    testing::ReadAll again = ReadAllRecords(back);
    ASSERT_EQ(again.records.size(), 1u);
    EXPECT_EQ(again.records[0].parse_error, "");
    // A list reads back as the same array; everything else identically.
    EXPECT_EQ(FieldsOf(again.records[0]), FieldsOf(record));
  }
}

TEST(XesReaderTest, MalformedXmlReturnsEventsBeforeItThenNamesLineAndColumn) {
  std::string text =
      "<log>\n<trace><string key=\"concept:name\" value=\"c\"/>\n"
      "<event><string key=\"concept:name\" value=\"a\"/></event>\n"
      "<event><string key=\"concept:name\" value=\"b\"/></event>\n"
      "<event><string key=\"concept:name\" value=\"c\"></event>\n";
  testing::ReadAll all = ReadXes(text);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(*all.records[1].Find("concept:name"), "b");
  EXPECT_EQ(all.status.code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(all.status.message().find("in.xes: malformed XML at line 5, column"), std::string::npos)
      << all.status.message();
}

TEST(XesReaderTest, TruncatedDocumentIsAnErrorAfterItsEvents) {
  std::string text(kSmallLog);
  testing::ReadAll all = ReadXes(text.substr(0, text.find("<trace>\n    <string key=\"concept:name\" value=\"case-2\"")));
  EXPECT_EQ(all.records.size(), 2u);
  EXPECT_FALSE(all.status.ok());
  EXPECT_NE(all.status.message().find("malformed XML"), std::string::npos);
}

TEST(XesReaderTest, EmptyInputIsAnError) {
  testing::ReadAll all = ReadXes("");
  EXPECT_TRUE(all.records.empty());
  EXPECT_FALSE(all.status.ok());
}

TEST(XesReaderTest, RootMustBeLog) {
  testing::ReadAll all = ReadXes("<html><event/></html>");
  EXPECT_TRUE(all.records.empty());
  EXPECT_NE(all.status.message().find("root element is <html>"), std::string::npos)
      << all.status.message();
}

TEST(XesReaderTest, OversizedEventIsAParseError) {
  std::string text = "<log><trace><event><string key=\"k\" value=\"" + std::string(200, 'v') +
                     "\"/></event><event><string key=\"k\" value=\"small\"/></event></trace></log>";
  testing::ReadAll all = ReadXes(text, XesOptions{.max_event_bytes = 100, .max_text_bytes = 1000});
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_NE(all.records[0].parse_error.find("exceed 100 bytes"), std::string::npos);
  EXPECT_EQ(all.records[1].parse_error, "");
}

TEST(XesReaderTest, GbkDeclaredDocumentIsConverted) {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<log><trace><event>"
      "<string key=\"city\" value=\"\xBD\xD2\xD1\xF4\"/></event></trace></log>\n";
  testing::ReadAll all = ReadXes(text);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(*all.records[0].Find("city"), "\xE6\x8F\xAD\xE9\x98\xB3");
}

TEST(XesReaderTest, Utf16DocumentIsReadByExpat) {
  std::string utf8 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><log><trace><event>"
                     "<string key=\"a\" value=\"b\"/></event></trace></log>";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  testing::ReadAll all = ReadXes(utf16);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(*all.records[0].Find("a"), "b");
}

std::map<std::string, int> ReferenceActivityCounts() {
  std::map<std::string, int> counts;
  std::ifstream reference(testing::DataPath("reference/receipt_activity_counts.csv"));
  std::string line;
  std::getline(reference, line);  // header
  while (std::getline(reference, line)) {
    std::size_t comma = line.rfind(',');
    counts[line.substr(0, comma)] = std::stoi(line.substr(comma + 1));
  }
  return counts;
}

TEST(XesReaderTest, ReadsTheShippedReceiptLog) {
  auto input = OpenByteSource(testing::DataPath("receipt.xes.gz"));
  ASSERT_TRUE(input.ok());
  XesReader reader(std::move(*input));
  std::map<std::string, int> per_activity;
  std::map<std::string, int> cases;
  RawRecord record;
  std::int64_t last_line = 0;
  while (true) {
    base::Result<bool> more = reader.Next(record);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    ASSERT_EQ(record.parse_error, "");
    ASSERT_GT(record.line, last_line);
    last_line = record.line;
    ++per_activity[*record.Find("concept:name")];
    ++cases[*record.Find("case:concept:name")];
    ASSERT_NE(record.Find("time:timestamp"), nullptr);
    ASSERT_NE(record.Find("concept:instance"), nullptr);
  }
  EXPECT_EQ(reader.traces_seen(), 1434);
  EXPECT_EQ(reader.events_seen(), 8577);
  EXPECT_EQ(cases.size(), 1434u);
  std::map<std::string, int> reference = ReferenceActivityCounts();
  ASSERT_EQ(reference.size(), 27u);
  EXPECT_EQ(per_activity, reference);
}

// Every case's first and last event time, from the reader's timestamps, against
// the reference computed from the original log (durations across DST changes
// included: the offsets must be read, not dropped).
TEST(XesReaderTest, ReceiptCaseSpansMatchTheReference) {
  auto input = OpenByteSource(testing::DataPath("receipt.xes.gz"));
  ASSERT_TRUE(input.ok());
  XesReader reader(std::move(*input));
  struct Span {
    base::Instant first = base::Instant::max(), last = base::Instant::min();
    int events = 0;
  };
  std::map<std::string, Span> spans;
  RawRecord record;
  while (*reader.Next(record)) {
    base::Result<base::Timestamp> at = base::ParseTimestamp(*record.Find("time:timestamp"));
    ASSERT_TRUE(at.ok() && at->has_offset()) << *record.Find("time:timestamp");
    Span& span = spans[*record.Find("case:concept:name")];
    span.first = std::min(span.first, at->ToInstant());
    span.last = std::max(span.last, at->ToInstant());
    ++span.events;
  }
  std::ifstream reference(testing::DataPath("reference/receipt_case_durations.csv"));
  std::string line;
  std::getline(reference, line);  // case_id,events,first_event_utc,last_event_utc,duration_s_utc,...
  std::size_t rows = 0;
  while (std::getline(reference, line)) {
    std::vector<std::string_view> cells = base::Split(line, ',');
    ASSERT_GE(cells.size(), 5u) << line;
    const Span& span = spans[std::string(cells[0])];
    EXPECT_EQ(span.events, std::stoi(std::string(cells[1]))) << line;
    EXPECT_EQ(span.first, *base::ParseInstant(cells[2])) << line;
    EXPECT_EQ(span.last, *base::ParseInstant(cells[3])) << line;
    auto duration_ms = std::llround(std::stod(std::string(cells[4])) * 1000);
    EXPECT_EQ((span.last - span.first).count(), duration_ms) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 1434u);
}

TEST(XesReaderTest, FirstReceiptEventAsWritten) {
  auto input = OpenByteSource(testing::DataPath("receipt.xes.gz"));
  ASSERT_TRUE(input.ok());
  XesReader reader(std::move(*input));
  RawRecord record;
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(record.line, 1807);  // the first <event> tag of the file
  EXPECT_EQ(*record.Find("concept:name"), "Confirmation of receipt");
  EXPECT_EQ(*record.Find("time:timestamp"), "2011-10-11T13:45:40.276+02:00");
  EXPECT_EQ(*record.Find("case:concept:name"), "case-10011");
  EXPECT_EQ(*record.Find("case:channel"), "Internet");
  // A trace global fills what this trace lacks (it has no enddate).
  EXPECT_EQ(*record.Find("case:enddate"), "1970-01-01T00:00:00.000+01:00");
}

TEST(XesReaderTest, ReadsTheShippedSmallLogs) {
  for (auto [file, traces, events] : {std::tuple{"running-example.xes.gz", 6, 42},
                                      std::tuple{"roadtraffic50traces.xes.gz", 51, 201}}) {
    auto input = OpenByteSource(testing::DataPath(file));
    ASSERT_TRUE(input.ok());
    XesReader reader(std::move(*input));
    testing::ReadAll all = ReadAllRecords(reader);
    ASSERT_TRUE(all.status.ok()) << file << ": " << all.status.ToString();
    EXPECT_EQ(all.records.size(), static_cast<std::size_t>(events)) << file;
    EXPECT_EQ(reader.traces_seen(), traces) << file;
  }
}

}  // namespace
}  // namespace oversight::ingest
