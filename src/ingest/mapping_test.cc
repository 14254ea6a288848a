#include "ingest/mapping.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
#include "ingest/internal/test_sources.h"
#include "ingest/jsonl_reader.h"
#include "ingest/xes_reader.h"

namespace oversight::ingest {
namespace {

RawRecord Record(std::vector<std::pair<std::string, std::string>> fields) {
  RawRecord record;
  record.line = 1;
  for (auto& [name, value] : fields) record.AddField(name, value);
  return record;
}

RawRecord JsonlRecord(const std::string& line) {
  JsonlReader reader(ByteSourceFromString(line, "in"));
  RawRecord record;
  EXPECT_TRUE(*reader.Next(record));
  return record;
}

Mapping MustParse(const std::string& yaml) {
  base::Result<Mapping> mapping = ParseMapping(yaml);
  EXPECT_TRUE(mapping.ok()) << mapping.status().ToString();
  return mapping.ok() ? *mapping : Mapping();
}

std::string ExamplePath(const std::string& name) {
  return std::string(OVS_SOURCE_DIR) + "/examples/mappings/" + name;
}

TEST(MappingTest, IdentityMapsTheCanonicalFormat) {
  RawRecord record = JsonlRecord(
      R"({"source_event_id":"hall-88812","case_id":"445200-2025-000123","kind":"approval",)"
      R"("type":"accept","at":"2025-03-03T09:12:33+08:00","dept":"11445200MB2C12345T",)"
      R"("item":"445200-XK-0042","actor":"u1024","channel":"online",)"
      R"("attrs":{"fee":0,"special":{"kind":"hearing"},"paid":true,"note":"a \"q\""}})");
  base::Result<MappedRecord> mapped = Mapping::Identity().Apply(record);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->source_event_id, "hall-88812");
  EXPECT_EQ(mapped->case_id, "445200-2025-000123");
  EXPECT_EQ(mapped->kind, "approval");
  EXPECT_EQ(mapped->type, "accept");
  EXPECT_EQ(mapped->step, "");
  EXPECT_EQ(mapped->at, "2025-03-03T09:12:33+08:00");
  EXPECT_EQ(mapped->dept, "11445200MB2C12345T");
  EXPECT_EQ(mapped->item, "445200-XK-0042");
  EXPECT_EQ(mapped->actor, "u1024");
  EXPECT_EQ(mapped->channel, "online");
  EXPECT_EQ(mapped->attrs_json,
            R"({"fee":0,"special":{"kind":"hearing"},"paid":true,"note":"a \"q\""})");
}

TEST(MappingTest, IdentityWithoutAttrsGivesAnEmptyObject) {
  base::Result<MappedRecord> mapped =
      Mapping::Identity().Apply(JsonlRecord(R"({"case_id":"c","step":"Eigen stap","extra":1})"));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->attrs_json, "{}");
  EXPECT_EQ(mapped->type, "step");  // no type: the step name is kept
  EXPECT_EQ(mapped->step, "Eigen stap");
}

TEST(MappingTest, ParseErrorRecordsAreRefusedWithTheirReason) {
  RawRecord record;
  record.line = 7;
  record.parse_error = "not a JSON object";
  base::Result<MappedRecord> mapped = Mapping::Identity().Apply(record);
  ASSERT_FALSE(mapped.ok());
  EXPECT_EQ(mapped.status().message(), "not a JSON object");
}

const char* kMapping = R"(
source: test-source
zone: Asia/Shanghai
kind: approval
fields:
  case_id: [case_no, "case:concept:name"]
  at: ts
  step: activity
  actor: who
  channel: via
defaults: {dept: "11445200MB2C123484", item: X-1, channel: online}
values:
  channel: {Internet: online, Desk: window, "*": ""}
attrs:
  - fee
  - {amount: money}
  - "extra.*"
  - {"o_*": "other_*"}
steps:
  Receive: submit
  Approve: decide
)";

TEST(MappingTest, MapsFieldsDefaultsValuesStepsAndAttrs) {
  Mapping mapping = MustParse(kMapping);
  EXPECT_EQ(mapping.source(), "test-source");
  EXPECT_EQ(mapping.zone(), "Asia/Shanghai");
  RawRecord record = Record({{"case:concept:name", "fallback"},
                             {"case_no", "C-1"},
                             {"ts", "2025-01-02 10:00"},
                             {"activity", "Receive"},
                             {"via", "Internet"},
                             {"fee", "12"},
                             {"money", "3.5"},
                             {"extra.a", "x"},
                             {"other_b", "y"},
                             {"unlisted", "z"}});
  base::Result<MappedRecord> mapped = mapping.Apply(record);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->case_id, "C-1");  // the first listed source wins, wherever it stands
  EXPECT_EQ(mapped->at, "2025-01-02 10:00");
  EXPECT_EQ(mapped->type, "submit");
  EXPECT_EQ(mapped->step, "Receive");
  EXPECT_EQ(mapped->kind, "approval");
  EXPECT_EQ(mapped->dept, "11445200MB2C123484");
  EXPECT_EQ(mapped->item, "X-1");
  EXPECT_EQ(mapped->channel, "online");
  EXPECT_EQ(mapped->actor, "");  // missing: left for the validator
  EXPECT_EQ(mapped->source_event_id, "");
  EXPECT_EQ(mapped->attrs_json, R"({"fee":"12","amount":"3.5","extra":{"a":"x"},"o_b":"y"})");
}

TEST(MappingTest, FallsBackToLaterSourcesAndDefaults) {
  Mapping mapping = MustParse(kMapping);
  base::Result<MappedRecord> mapped = mapping.Apply(
      Record({{"case_no", ""}, {"case:concept:name", "fallback"}, {"activity", "Unknown step"},
              {"via", "Post"}}));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->case_id, "fallback");  // an empty value does not count
  EXPECT_EQ(mapped->type, "step");
  EXPECT_EQ(mapped->step, "Unknown step");
  EXPECT_EQ(mapped->channel, "");  // "*": ""

  mapped = mapping.Apply(Record({{"activity", "Approve"}}));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->type, "decide");
  EXPECT_EQ(mapped->channel, "online");  // the default (canonical already, not translated)
  EXPECT_EQ(mapped->case_id, "");
}

TEST(MappingTest, StarTakesEveryFieldThatFeedsNoCanonicalField) {
  Mapping mapping = MustParse("fields: {case_id: id, step: s}\nattrs: \"*\"\n");
  base::Result<MappedRecord> mapped =
      mapping.Apply(Record({{"id", "1"}, {"s", "x"}, {"a", "1"}, {"b", "2"}, {"a", "dup"}}));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->attrs_json, R"({"a":"1","b":"2"})");  // the first of a repeated name
}

TEST(MappingTest, KeepsTypesInAttrs) {
  Mapping mapping = MustParse("attrs: \"*\"\n");
  base::Result<MappedRecord> mapped =
      mapping.Apply(JsonlRecord(R"({"n":1.5,"b":false,"arr":[1,"x"],"s":"1.5"})"));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->attrs_json, R"({"n":1.5,"b":false,"arr":[1,"x"],"s":"1.5"})");
}

TEST(MappingTest, DottedAttrNamesNest) {
  Mapping mapping = MustParse("attrs: [\"attrs.*\", {\"*\": \"x_*\"}]\n");
  base::Result<MappedRecord> mapped = mapping.Apply(
      Record({{"attrs.a", "1"}, {"x_b.c", "2"}, {"attrs.d", "3"}, {"x_b.e", "4"}}));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->attrs_json,
            R"({"attrs":{"a":"1","d":"3"},"b":{"c":"2","e":"4"}})");
}

TEST(MappingTest, ManyAttrsStillDeduplicate) {
  Mapping mapping = MustParse("attrs: \"*\"\n");
  RawRecord record;
  for (int i = 0; i < 100; ++i) record.AddField("k" + std::to_string(i % 60), "v");
  base::Result<MappedRecord> mapped = mapping.Apply(record);
  ASSERT_TRUE(mapped.ok());
  int names = 0;
  for (std::size_t at = 0; (at = mapped->attrs_json.find(":\"v\"", at)) != std::string::npos; ++at) {
    ++names;
  }
  EXPECT_EQ(names, 60);
}

TEST(MappingTest, TypeGivenDirectlyWins) {
  Mapping mapping = MustParse("fields: {type: t, step: s}\nsteps: {Receive: submit}\n");
  base::Result<MappedRecord> mapped = mapping.Apply(Record({{"t", "accept"}, {"s", "Receive"}}));
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->type, "accept");
  EXPECT_EQ(mapped->step, "Receive");
}

TEST(MappingTest, ApplyToReusesTheOutput) {
  Mapping mapping = Mapping::Identity();
  MappedRecord out;
  ASSERT_TRUE(mapping.ApplyTo(Record({{"case_id", "a"}, {"attrs.x", "1"}}), out).ok());
  ASSERT_TRUE(mapping.ApplyTo(Record({{"actor", "b"}}), out).ok());
  EXPECT_EQ(out.case_id, "");
  EXPECT_EQ(out.actor, "b");
  EXPECT_EQ(out.attrs_json, "{}");
}

struct BadMapping {
  std::string yaml;
  std::string message;  // must appear in the error
};

TEST(MappingTest, ErrorsNameLineAndColumn) {
  for (const BadMapping& bad : std::vector<BadMapping>{
           {"source: x\nfeilds: {case_id: a}\n", "line 2, column 1: unknown key \"feilds\""},
           {"fields:\n  case: a\n", "line 2, column 3: unknown canonical field \"case\""},
           {"fields:\n  attrs: a\n", "line 2, column 3: attrs is not a field here"},
           {"steps:\n  Receive: submitted\n", "line 2, column 12: unknown event type \"submitted\""},
           {"kind: approvals\n", "line 1, column 7: unknown kind \"approvals\""},
           {"defaults: {channel: fax}\n", "line 1, column 21: unknown channel \"fax\""},
           {"values:\n  channel: {Internet: web}\n", "line 2, column 23: unknown channel \"web\""},
           {"kind: approval\nsteps:\n  Klacht: complaint_received\n",
            "line 3, column 11: event type \"complaint_received\" belongs to kind \"complaint\""},
           {"steps:\n  A: submit\n  A: accept\n", "line 3, column 3: the step \"A\" is mapped twice"},
           {"fields: {case_id: [a, [b]]}\n", "line 1, column 23: a source field name must be a single value"},
           {"attrs: {\"x*\": y}\n", "a \"*\" pattern must be on both sides"},
           {"fields: {case_id: a\n", "line 2, column 1"},
           {"- a\n- b\n", "line 1, column 1: a mapping must be a YAML map"},
           {"", "the mapping is empty"},
           {"kind: approval\ndefaults: {kind: complaint}\n", "kind is given twice"},
       }) {
    base::Result<Mapping> mapping = ParseMapping(bad.yaml);
    ASSERT_FALSE(mapping.ok()) << bad.yaml;
    EXPECT_NE(mapping.status().message().find(bad.message), std::string::npos)
        << "yaml:\n" << bad.yaml << "\ngot: " << mapping.status().message();
  }
}

TEST(MappingTest, LoadMappingFileNamesTheFile) {
  base::Result<Mapping> missing = LoadMappingFile("/no/such/mapping.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), base::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/no/such/mapping.yaml"), std::string::npos);
}

// Maps every record of a shipped log with its shipped mapping.
std::vector<MappedRecord> MapLog(RecordReader& reader, const Mapping& mapping) {
  std::vector<MappedRecord> out;
  RawRecord record;
  while (true) {
    base::Result<bool> more = reader.Next(record);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    base::Result<MappedRecord> mapped = mapping.Apply(record);
    EXPECT_TRUE(mapped.ok()) << mapped.status().ToString();
    if (mapped.ok()) out.push_back(*mapped);
  }
  return out;
}

std::vector<MappedRecord> MapXes(const std::string& log, const std::string& mapping_file,
                                 Mapping* mapping_out = nullptr) {
  base::Result<Mapping> mapping = LoadMappingFile(ExamplePath(mapping_file));
  EXPECT_TRUE(mapping.ok()) << mapping.status().ToString();
  auto input = OpenByteSource(testing::DataPath(log));
  EXPECT_TRUE(input.ok());
  if (!mapping.ok() || !input.ok()) return {};
  if (mapping_out != nullptr) *mapping_out = *mapping;
  XesReader reader(std::move(*input));
  return MapLog(reader, *mapping);
}

TEST(MappingTest, ShippedReceiptMapping) {
  Mapping mapping;
  std::vector<MappedRecord> events = MapXes("receipt.xes.gz", "receipt.yaml", &mapping);
  ASSERT_EQ(events.size(), 8577u);
  EXPECT_EQ(mapping.source(), "wabo-receipt");
  EXPECT_EQ(mapping.zone(), "Europe/Amsterdam");
  std::map<std::string, int> types, channels;
  std::set<std::string> ids;
  for (const MappedRecord& e : events) {
    ++types[e.type];
    ++channels[e.channel];
    ids.insert(e.source_event_id);
    EXPECT_FALSE(e.case_id.empty());
    EXPECT_FALSE(e.at.empty());
    EXPECT_FALSE(e.actor.empty());
    EXPECT_EQ(e.kind, "approval");
    EXPECT_EQ(e.dept, "11445200MB2C123484");
    EXPECT_EQ(e.item, "WABO-RECEIPT");
  }
  EXPECT_EQ(ids.size(), 8577u);  // concept:instance is unique: every event has its own id
  EXPECT_EQ(types["submit"], 1434);
  EXPECT_EQ(types["accept"], 1307);
  EXPECT_EQ(types["step"], 8577 - 1434 - 1307);
  EXPECT_EQ(channels["online"], 7478 + 128);  // Internet + e-mail
  EXPECT_EQ(channels["window"], 657);         // Desk
  EXPECT_EQ(channels[""], 308 + 6);           // Post, Intern

  const MappedRecord& first = events[0];
  EXPECT_EQ(first.source_event_id, "task-42933");
  EXPECT_EQ(first.case_id, "case-10011");
  EXPECT_EQ(first.type, "submit");
  EXPECT_EQ(first.step, "Confirmation of receipt");
  EXPECT_EQ(first.at, "2011-10-11T13:45:40.276+02:00");
  EXPECT_EQ(first.actor, "Resource21");
  EXPECT_EQ(first.channel, "online");
  // Source order: the event's fields, then the trace's.
  EXPECT_EQ(first.attrs_json,
            R"({"org:group":"Group 1","case:startdate":"2011-10-11T13:42:22.688+02:00",)"
            R"("case:responsible":"Resource21","case:enddate_planned":"2011-12-06T13:41:31.788+01:00",)"
            R"("case:department":"General","case:group":"Group 2",)"
            R"("case:deadline":"2011-12-06T13:41:31.788+01:00","case:channel":"Internet"})");
}

TEST(MappingTest, ReceiptCsvMapsLikeReceiptXes) {
  base::Result<Mapping> mapping = LoadMappingFile(ExamplePath("receipt.yaml"));
  ASSERT_TRUE(mapping.ok());
  auto input = OpenByteSource(testing::DataPath("receipt.csv.gz"));
  ASSERT_TRUE(input.ok());
  CsvReader csv(DecodeToUtf8(std::move(*input)));
  std::vector<MappedRecord> from_csv = MapLog(csv, *mapping);
  std::vector<MappedRecord> from_xes = MapXes("receipt.xes.gz", "receipt.yaml");
  ASSERT_EQ(from_csv.size(), from_xes.size());
  std::map<std::string, const MappedRecord*> by_id;
  for (const MappedRecord& e : from_xes) by_id[e.source_event_id] = &e;
  for (const MappedRecord& c : from_csv) {
    const MappedRecord* x = by_id[c.source_event_id];
    ASSERT_NE(x, nullptr) << c.source_event_id;
    EXPECT_EQ(c.case_id, x->case_id);
    EXPECT_EQ(c.type, x->type);
    EXPECT_EQ(c.step, x->step);
    EXPECT_EQ(c.actor, x->actor);
    EXPECT_EQ(c.channel, x->channel);
    // Same instant, written differently: "2011-10-11 13:45:40.276000+02:00".
    EXPECT_EQ(c.at.substr(0, 10), x->at.substr(0, 10));
  }
}

TEST(MappingTest, ShippedRunningExampleMapping) {
  std::vector<MappedRecord> events = MapXes("running-example.xes.gz", "running-example.yaml");
  ASSERT_EQ(events.size(), 42u);
  std::map<std::string, int> types;
  for (const MappedRecord& e : events) {
    ++types[e.type];
    EXPECT_EQ(e.source_event_id, "");
    EXPECT_NE(e.attrs_json.find("\"costs\":"), std::string::npos);
  }
  EXPECT_EQ(types["submit"], 6);
  EXPECT_EQ(types["review"], 9);     // examine casually 6 + thoroughly 3
  EXPECT_EQ(types["decide"], 9);
  EXPECT_EQ(types["complete"], 6);   // pay compensation 3 + reject request 3
  EXPECT_EQ(types["step"], 12);      // check ticket 9 + reinitiate request 3
}

TEST(MappingTest, ShippedRoadTrafficMappingKeepsOffsetlessTimes) {
  Mapping mapping;
  std::vector<MappedRecord> events =
      MapXes("roadtraffic50traces.xes.gz", "roadtraffic.yaml", &mapping);
  ASSERT_EQ(events.size(), 201u);
  EXPECT_EQ(mapping.zone(), "Europe/Rome");
  std::map<std::string, int> types;
  for (const MappedRecord& e : events) ++types[e.type];
  EXPECT_EQ(types["submit"], 51);
  EXPECT_EQ(types["deliver"], 32);
  EXPECT_EQ(events[0].at, "2006-07-24T00:00:00.000");
  EXPECT_EQ(events[0].case_id, "A1");
  EXPECT_EQ(events[0].attrs_json,
            R"({"amount":35.0,"dismissal":"NIL","vehicleClass":"A","totalPaymentAmount":0.0,)"
            R"("article":157,"points":0})");
}

}  // namespace
}  // namespace oversight::ingest
