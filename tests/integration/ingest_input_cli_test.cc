// oversight ingest against awkward input: empty, truncated, huge lines, broken
// UTF-8, duplicates, blank lines, CRLF, a byte-order mark, stdin, gzip, GBK CSV,
// several files, files that are not there. Whatever arrives, every record read
// is stored, a duplicate, or quarantined (CliTest::Ingest checks the sum).

#include <zlib.h>

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class IngestInputCliTest : public CliTest {
 protected:
  void SetUp() override { ImportCatalog(); }
};

TEST_F(IngestInputCliTest, EmptyFileReadsNothing) {
  WriteFile("empty.jsonl", "");
  nlohmann::json summary = Ingest({"empty.jsonl"});
  EXPECT_EQ(summary["read"], 0);
  EXPECT_EQ(summary["stored"], 0);
  EXPECT_EQ(summary["quarantined"], 0);
  EXPECT_EQ(Status()["events"], 0);
}

TEST_F(IngestInputCliTest, TextSummary) {
  WriteFile("two.jsonl", EventLine("a") + "\n" + EventLine("b", {{"channel", "fax"}}) + "\n");
  CommandResult r = Run({"ingest", "two.jsonl", "--source", "hall", "--now", kNow, "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("read 2, stored 1, duplicate 0, quarantined 1\n")) << r.out;
  EXPECT_NE(r.out.find("bad_channel: 1"), std::string::npos) << r.out;
}

TEST_F(IngestInputCliTest, TruncatedLastLineIsQuarantined) {
  std::string last = EventLine("e4");
  WriteFile("cut.jsonl", EventLine("e1") + "\n" + EventLine("e2") + "\n" + EventLine("e3") + "\n" +
                             last.substr(0, last.size() / 2));  // no line end either
  nlohmann::json summary = Ingest({"cut.jsonl"});
  EXPECT_EQ(summary["read"], 4);
  EXPECT_EQ(summary["stored"], 3);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"parse_error", 1}}));
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["line"], 4);
  EXPECT_EQ(held[0]["original"], last.substr(0, last.size() / 2));
}

TEST_F(IngestInputCliTest, TenMegabyteLineIsQuarantinedAndTheNextLineStored) {
  std::string huge = R"({"source_event_id":"huge","case_id":")" + std::string(10 << 20, 'x') + R"("})";
  WriteFile("huge.jsonl", huge + "\n" + EventLine("after") + "\n");
  WriteFile("small.jsonl", EventLine("small") + "\n");
  // The reader skips through an over-long line without holding it: peak memory
  // stays near that of a one-line file (the line alone would add 10 MB).
  CommandResult small = Run({"ingest", "small.jsonl", "--source", "hall", "--now", kNow, "--db", "other.db", "--auto-register"});
  CommandResult big = Run({"ingest", "huge.jsonl", "--source", "hall", "--now", kNow, "--db", "other.db", "--auto-register"});
  EXPECT_EQ(big.exit_code, 0) << big.err;
  EXPECT_LT(big.max_rss_kb, small.max_rss_kb + 8 * 1024) << "peak " << big.max_rss_kb << " KB vs "
                                                          << small.max_rss_kb << " KB";

  nlohmann::json summary = Ingest({"huge.jsonl"});
  EXPECT_EQ(summary["read"], 2);
  EXPECT_EQ(summary["stored"], 1);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"parse_error", 1}}));
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["line"], 1);
  EXPECT_NE(held[0]["message"].get<std::string>().find("limit of 1048576"), std::string::npos)
      << held[0]["message"];
  // The original text is kept, but capped (docs/MAPPING.md: 64 KiB).
  std::string original = held[0]["original"].get<std::string>();
  EXPECT_LE(original.size(), 64u * 1024 + 16);
  EXPECT_TRUE(huge.starts_with(original.substr(0, 1000)));
  EXPECT_EQ(Query("SELECT source_event_id FROM events"), (std::vector<std::vector<std::string>>{{"after"}}));
}

TEST_F(IngestInputCliTest, InvalidUtf8LineIsQuarantinedWithReadableText) {
  std::string bad = EventLine("bad", {{"actor", "a@@b"}});
  bad.replace(bad.find("@@"), 2, "\xFF\xFE");
  WriteFile("bytes.jsonl", EventLine("ok1") + "\n" + bad + "\n" + EventLine("ok2") + "\n");
  nlohmann::json summary = Ingest({"bytes.jsonl"});
  EXPECT_EQ(summary["read"], 3);
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"parse_error", 1}}));
  // QuarantineList parses the JSON, so the listing is valid UTF-8.
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["line"], 2);
  EXPECT_NE(held[0]["message"].get<std::string>().find("invalid UTF-8"), std::string::npos);
  std::string original = held[0]["original"].get<std::string>();
  EXPECT_NE(original.find("a\xEF\xBF\xBD"), std::string::npos) << original;  // U+FFFD
}

TEST_F(IngestInputCliTest, RepeatedIdWithinOneFileIsADuplicate) {
  WriteFile("dup.jsonl", EventLine("e1") + "\n" + EventLine("e2", {{"type", "accept"}}) + "\n" +
                             EventLine("e1", {{"actor", "someone else"}}) + "\n");
  nlohmann::json summary = Ingest({"dup.jsonl"});
  EXPECT_EQ(summary["read"], 3);
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["duplicate"], 1);
  EXPECT_EQ(summary["quarantined"], 0);
  // The first one wins.
  EXPECT_EQ(Query("SELECT actor FROM events WHERE source_event_id = 'e1'")[0][0], "u1024");
}

TEST_F(IngestInputCliTest, IdenticalEventsWithoutIdAreDuplicates) {
  std::string line = EventLine("", {{"source_event_id", nullptr}});
  WriteFile("noid.jsonl", line + "\n" + line + "\n" + EventLine("", {{"source_event_id", nullptr}, {"type", "accept"}}) + "\n");
  nlohmann::json summary = Ingest({"noid.jsonl"});
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["duplicate"], 1);
  auto ids = Query("SELECT source_event_id FROM events");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_TRUE(ids[0][0].starts_with("sha256:")) << ids[0][0];
}

TEST_F(IngestInputCliTest, BlankLinesAreSkippedButCountForLineNumbers) {
  WriteFile("blank.jsonl", "\n\n" + EventLine("e1") + "\n   \n\t\n" + EventLine("bad", {{"type", "bogus"}}) +
                               "\n\n");
  nlohmann::json summary = Ingest({"blank.jsonl"});
  EXPECT_EQ(summary["read"], 2);
  EXPECT_EQ(summary["stored"], 1);
  EXPECT_EQ(summary["quarantined"], 1);
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["line"], 6);
}

TEST_F(IngestInputCliTest, CrlfLineEnds) {
  std::string bad = EventLine("bad", {{"channel", "fax"}});
  WriteFile("crlf.jsonl", EventLine("e1") + "\r\n\r\n" + bad + "\r\n" + EventLine("e2", {{"type", "accept"}}));
  nlohmann::json summary = Ingest({"crlf.jsonl"});
  EXPECT_EQ(summary["read"], 3);
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"bad_channel", 1}}));
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["line"], 3);
  EXPECT_EQ(held[0]["original"], bad);  // no stray \r
}

TEST_F(IngestInputCliTest, Utf8ByteOrderMarkIsStripped) {
  WriteFile("bom.jsonl", "\xEF\xBB\xBF" + EventLine("e1", {{"actor", "张三"}}) + "\n" + EventLine("e2") + "\n");
  nlohmann::json summary = Ingest({"bom.jsonl"});
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["quarantined"], 0);
  EXPECT_EQ(Query("SELECT actor FROM events WHERE source_event_id = 'e1'")[0][0], "张三");
}

TEST_F(IngestInputCliTest, Utf16IsRefused) {
  WriteFile("wide.jsonl", std::string("\xFF\xFE{\0\"\0", 6));
  CommandResult r = Run({"ingest", "wide.jsonl", "--source", "hall", "--now", kNow, "--db", kDb, "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("UTF-16"), std::string::npos) << r.err;
}

TEST_F(IngestInputCliTest, StandardInput) {
  std::string text = EventLine("s1") + "\n" + "not json\n" + EventLine("s2", {{"type", "accept"}}) + "\n";
  nlohmann::json summary = Ingest({"-"}, {}, "hall", 0, text);
  EXPECT_EQ(summary["read"], 3);
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"parse_error", 1}}));
  std::vector<nlohmann::json> held = QuarantineList();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["input"], "-");
  EXPECT_EQ(held[0]["line"], 2);
}

TEST_F(IngestInputCliTest, GzipIsRecognisedByItsBytes) {
  std::string text = EventLine("z1") + "\n" + EventLine("z2", {{"type", "accept"}}) + "\n";
  gzFile gz = gzopen(Path("events.jsonl.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())), static_cast<int>(text.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  nlohmann::json summary = Ingest({"events.jsonl.gz"});
  EXPECT_EQ(summary["read"], 2);
  EXPECT_EQ(summary["stored"], 2);
}

TEST_F(IngestInputCliTest, TruncatedGzipStoresWhatCameBeforeAndFails) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += EventLine("g" + std::to_string(i)) + "\n";
  gzFile gz = gzopen(Path("full.jsonl.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  std::string compressed = ReadFile("full.jsonl.gz");
  WriteFile("cut.jsonl.gz", compressed.substr(0, compressed.size() / 2));
  nlohmann::json summary = Ingest({"cut.jsonl.gz"}, {}, "hall", /*expected_exit=*/1);
  EXPECT_GT(summary["stored"].get<int>(), 0);
  EXPECT_LT(summary["read"].get<int>(), 2000);
  EXPECT_EQ(summary["quarantined"], 0);  // the cut line is not returned at all
}

TEST_F(IngestInputCliTest, GbkCsvWithCanonicalHeader) {
  // 揭阳 is BD D2 D1 F4 in GBK; the header uses the canonical names, so no mapping.
  std::string csv = "source_event_id,case_id,type,at,dept,item,actor,attrs.city\n";
  csv += std::string("g1,JY-1,submit,2025-03-03T09:12:33+08:00,") + kDept + "," + kItem + ",u1,\xBD\xD2\xD1\xF4\n";
  csv += std::string("g2,JY-1,accept,2025-03-04T09:12:33+08:00,") + kDept + "," + kItem + ",u2,\xBD\xD2\xD1\xF4\xCA\xD0\n";
  WriteFile("gbk.csv", csv);
  nlohmann::json summary = Ingest({"gbk.csv"});
  EXPECT_EQ(summary["read"], 2);
  EXPECT_EQ(summary["stored"], 2);
  auto rows = Query("SELECT attrs FROM events ORDER BY seq");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(ParseJson(rows[0][0])["city"], "揭阳");
  EXPECT_EQ(ParseJson(rows[1][0])["city"], "揭阳市");
}

TEST_F(IngestInputCliTest, GbkCsvWithChineseColumnsAndAMapping) {
  std::string csv_path = SourcePath("tests/integration/data/gbk_hall.csv");
  std::string bytes;
  {
    std::ifstream in(csv_path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_NE(bytes.find("\xBD\xD2\xD1\xF4"), std::string::npos) << "the fixture is not GBK";
  nlohmann::json summary =
      Ingest({csv_path}, {"--mapping", SourcePath("tests/integration/data/gbk_hall.yaml")}, "jieyang-hall");
  EXPECT_EQ(summary["read"], 3);
  EXPECT_EQ(summary["stored"], 3);
  EXPECT_EQ(summary["quarantined"], 0);
  auto rows = Query(
      "SELECT source_event_id, case_id, step, actor, at_ms, attrs FROM events ORDER BY seq");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"1", "JY-2025-0001", "申请", "张三", "1740964353000",
                                               R"({"applicant_area":"揭阳市榕城区"})"}));
  EXPECT_EQ(rows[1][2], "受理");
  EXPECT_EQ(rows[2][3], "王五");
  // Steps mapped to canonical types, channels translated.
  auto typed = Query("SELECT type, channel FROM events ORDER BY seq");
  EXPECT_EQ(typed[0], typed[2]);  // both 申请 → submit, 网上 → online
  EXPECT_NE(typed[0], typed[1]);  // 受理 → accept, 窗口 → window
}

TEST_F(IngestInputCliTest, AutoRegisterAddsUnknownDepartmentsAndItems) {
  std::string line = EventLine("r1", {{"dept", kUnregisteredDept}, {"item", "445200-QT-0001"}});
  WriteFile("new.jsonl", line + "\n" + EventLine("r2", {{"dept", kUnregisteredDept}, {"item", "445200-QT-0001"}, {"type", "accept"}}) +
                             "\n" + EventLine("r3", {{"dept", "11445200MB2C123485"}}) + "\n");
  nlohmann::json summary = Ingest({"new.jsonl"}, {"--auto-register"});
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["departments_registered"], 1);
  EXPECT_EQ(summary["items_registered"], 1);
  // Registering never excuses a code that fails its check.
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"bad_department_code", 1}}));

  CommandResult exported = Run({"catalog", "export", "--db", kDb});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::vector<nlohmann::json> records = ParseJsonLines(exported.out);
  EXPECT_EQ(records.size(), 6u);  // 2 + 2 imported, 1 + 1 registered
  bool found_dept = false, found_item = false;
  for (const auto& record : records) {
    if (record["code"] == kUnregisteredDept) found_dept = record["record"] == "department";
    if (record["code"] == "445200-QT-0001") {
      found_item = record["record"] == "item" && record["dept"] == kUnregisteredDept;
    }
  }
  EXPECT_TRUE(found_dept) << exported.out;
  EXPECT_TRUE(found_item) << exported.out;
}

TEST_F(IngestInputCliTest, WithoutAutoRegisterUnknownReferencesAreQuarantined) {
  WriteFile("new.jsonl", EventLine("r1", {{"dept", kUnregisteredDept}}) + "\n" +
                             EventLine("r2", {{"item", "445200-QT-0001"}}) + "\n");
  nlohmann::json summary = Ingest({"new.jsonl"});
  EXPECT_EQ(summary["stored"], 0);
  EXPECT_EQ(summary["reasons"], nlohmann::json({{"unknown_department", 1}, {"unknown_item", 1}}));
  EXPECT_EQ(summary["departments_registered"], 0);
}

TEST_F(IngestInputCliTest, SeveralFilesInOneRunAddUp) {
  WriteFile("a.jsonl", EventLine("a1") + "\n" + EventLine("bad", {{"type", "x"}}) + "\n");
  WriteFile("b.jsonl", EventLine("b1") + "\n" + EventLine("a1") + "\n");
  nlohmann::json summary = Ingest({"a.jsonl", "b.jsonl"});
  EXPECT_EQ(summary["read"], 4);
  EXPECT_EQ(summary["stored"], 2);
  EXPECT_EQ(summary["duplicate"], 1);
  EXPECT_EQ(summary["quarantined"], 1);
}

TEST_F(IngestInputCliTest, MissingFileFailsButTheOthersAreIngested) {
  WriteFile("there.jsonl", EventLine("t1") + "\n");
  nlohmann::json summary = Ingest({"missing.jsonl", "there.jsonl"}, {}, "hall", /*expected_exit=*/1);
  EXPECT_EQ(summary["stored"], 1);
  CommandResult r = Run({"ingest", "missing.jsonl", "--source", "hall", "--now", kNow, "--db", kDb});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.jsonl"), std::string::npos) << r.err;
}

TEST_F(IngestInputCliTest, SameIdFromAnotherSourceIsAnotherEvent) {
  WriteFile("e.jsonl", EventLine("e1") + "\n");
  EXPECT_EQ(Ingest({"e.jsonl"}, {}, "hall")["stored"], 1);
  EXPECT_EQ(Ingest({"e.jsonl"}, {}, "county")["stored"], 1);
  EXPECT_EQ(Ingest({"e.jsonl"}, {}, "hall")["duplicate"], 1);
}

struct IngestUsageCase {
  const char* name;
  std::vector<std::string> args;
};

// gtest prints the case by name instead of its bytes.
void PrintTo(const IngestUsageCase& c, std::ostream* os) { *os << c.name; }

class IngestUsageTest : public CliTest, public ::testing::WithParamInterface<IngestUsageCase> {};

TEST_P(IngestUsageTest, ExitsTwoWithOneLine) {
  WriteFile("e.jsonl", EventLine("e1") + "\n");
  WriteFile("e.txt", EventLine("e1") + "\n");
  CommandResult r = Run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
  EXPECT_TRUE(r.err.starts_with("oversight: ")) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadArguments, IngestUsageTest,
    ::testing::Values(
        IngestUsageCase{"MissingSource", {"ingest", "e.jsonl", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"MissingFile", {"ingest", "--source", "hall", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"BadNow", {"ingest", "e.jsonl", "--source", "hall", "--now", "tomorrow", "--db", "s.db"}},
        IngestUsageCase{"BadFormat", {"ingest", "e.jsonl", "--source", "hall", "--format", "xml", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"UnknownExtension", {"ingest", "e.txt", "--source", "hall", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"BatchSizeZero", {"ingest", "e.jsonl", "--source", "hall", "--batch-size", "0", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"BadHash", {"ingest", "e.jsonl", "--source", "hall", "--hash", "md5", "--now", kNow, "--db", "s.db"}},
        IngestUsageCase{"MappingNotThere", {"ingest", "e.jsonl", "--source", "hall", "--mapping", "nope.yaml", "--now", kNow, "--db", "s.db"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(IngestInputCliTest, ExplicitFormatOverridesTheName) {
  WriteFile("events.txt", EventLine("e1") + "\n");
  EXPECT_EQ(Ingest({"events.txt"}, {"--format", "jsonl"})["stored"], 1);
}

TEST_F(IngestInputCliTest, SmallBatchesStoreTheSame) {
  std::string text;
  for (int i = 0; i < 25; ++i) {
    text += EventLine("e" + std::to_string(i)) + "\n";
    if (i % 7 == 0) text += EventLine("q" + std::to_string(i), {{"channel", "fax"}}) + "\n";
  }
  WriteFile("many.jsonl", text);
  nlohmann::json summary = Ingest({"many.jsonl"}, {"--batch-size", "3"});
  EXPECT_EQ(summary["stored"], 25);
  EXPECT_EQ(summary["quarantined"], 4);
  EXPECT_EQ(Run({"audit", "verify", "--db", kDb}).exit_code, 0);
}

}  // namespace
}  // namespace oversight::testing
