// Reports: the tables, the CSV bytes (BOM, quoting, neutralised formulas) and an
// XLSX that reopens: the test reads the zip back and looks into the sheet XML.

#include <zlib.h>

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "report/report_files.h"
#include "report/report_tables.h"
#include "report/safe_cell.h"
#include "scoring/test_support.h"

namespace oversight::report {
namespace {

using model::Channel;
using model::EventType;
using scoring::testing::Ev;
using scoring::testing::kDeptA;
using scoring::testing::kDeptB;

// The members of a zip file, inflated: enough of PKWARE's format to read back
// what libxlsxwriter writes (stored or deflated members, no zip64).
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8;
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::size_t end = bytes.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return out;
  std::size_t count = u16(end + 10);
  std::size_t at = u32(end + 16);  // the central directory
  for (std::size_t i = 0; i < count && at + 46 <= bytes.size(); ++i) {
    const unsigned method = u16(at + 10);
    const std::size_t packed = u32(at + 20);
    const std::size_t size = u32(at + 24);
    const std::size_t name_len = u16(at + 28);
    const std::size_t extra_len = u16(at + 30);
    const std::size_t comment_len = u16(at + 32);
    const std::size_t local = u32(at + 42);
    std::string name = bytes.substr(at + 46, name_len);
    const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    std::string content;
    if (method == 0) {
      content = bytes.substr(data, size);
    } else {
      content.resize(size);
      z_stream z{};
      inflateInit2(&z, -MAX_WBITS);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + data));
      z.avail_in = static_cast<uInt>(packed);
      z.next_out = reinterpret_cast<Bytef*>(content.data());
      z.avail_out = static_cast<uInt>(size);
      int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      if (rc != Z_STREAM_END) content = "<inflate failed>";
    }
    out[name] = content;
    at += 46 + name_len + extra_len + comment_len;
  }
  return out;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SafeCellTest, NeutralisesWhatASpreadsheetWouldRun) {
  EXPECT_EQ(SafeCell("=1+2"), "'=1+2");
  EXPECT_EQ(SafeCell("+1"), "'+1");
  EXPECT_EQ(SafeCell("-2+3"), "'-2+3");
  EXPECT_EQ(SafeCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(SafeCell("\tx"), "'\tx");
  EXPECT_EQ(SafeCell("\rx"), "'\rx");
  EXPECT_EQ(SafeCell("揭阳市=局"), "揭阳市=局");
  EXPECT_EQ(SafeCell(""), "");
}

class ReportTest : public scoring::testing::ScoringStoreTest {
 protected:
  void SetUp() override {
    ScoringStoreTest::SetUp();
    // A department whose name is a formula, as a hostile catalog import might set.
    Dept(kDeptA, "=HYPERLINK(\"http://x\",\"点击\")");
    Dept(kDeptB, "乙局, \"分局\"");
    PutItem(MakeItem("A1", kDeptA));
    PutItem(MakeItem("B1", kDeptB, 2));
    Case("-c1", kDeptA, "A1", Channel::kOnline,
         {{EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kComplete, "2025-03-04T10:00:00+08:00"}});
    Case("c2", kDeptB, "B1", Channel::kWindow,
         {{EventType::kAccept, "2025-03-03T10:00:00+08:00", R"({"fee":0})"},
          {EventType::kComplete, "2025-03-28T10:00:00+08:00"}});
  }

  scoring::PeriodScores Scores(scoring::ComputeOptions options) {
    auto scores = Compute("2025-03", scoring::testing::DefaultModel(), options);
    EXPECT_TRUE(scores.ok()) << scores.status().ToString();
    return std::move(scores).value();
  }
};

TEST_F(ReportTest, TablesHaveTheRankingThenOnePerFigure) {
  auto tables = BuildTables(Scores(scoring::testing::DrillAll()), {});
  ASSERT_TRUE(tables.ok());
  ASSERT_EQ(tables->size(), 1u + 8u + 2u);
  EXPECT_EQ((*tables)[0].name, "排名");
  EXPECT_EQ((*tables)[0].headers[0], "排名");
  EXPECT_EQ((*tables)[0].rows.size(), 2u);
  EXPECT_EQ((*tables)[1].name, "标准化编制");
  EXPECT_EQ((*tables)[7].name, "按时办结率");
  EXPECT_EQ((*tables)[7].rows.size(), 2u);  // one case per department
  auto missing = BuildTables(Scores({}), ReportOptions{"NOPE"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), base::StatusCode::kNotFound);
}

TEST_F(ReportTest, CsvHasTheBomQuotingAndNeutralisedCells) {
  auto tables = BuildTables(Scores({}), {});
  ASSERT_TRUE(tables.ok());
  std::string path = dir_.File("r.csv");
  ASSERT_TRUE(WriteCsv(*tables, path).ok());
  std::string csv = ReadBytes(path);
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3).rfind("排名,部门代码,部门名称,总分,较上期", 0), 0u);
  // The formula name is quoted (it holds commas and quotes) and neutralised.
  EXPECT_NE(csv.find(R"x("'=HYPERLINK(""http://x"",""点击"")")x"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find(R"x("乙局, ""分局""")x"), std::string::npos) << csv;
  EXPECT_EQ(WriteCsv(*tables, dir_.File("no/such/dir/r.csv")).code(),
            base::StatusCode::kUnavailable);
}

TEST_F(ReportTest, XlsxReopensWithChineseHeadersAndNeutralisedCells) {
  auto tables = BuildTables(Scores(scoring::testing::DrillAll()), {});
  ASSERT_TRUE(tables.ok());
  std::string path = dir_.File("r.xlsx");
  base::Status written = WriteXlsx(*tables, path);
  ASSERT_TRUE(written.ok()) << written.ToString();
  std::map<std::string, std::string> files = Unzip(ReadBytes(path));
  ASSERT_TRUE(files.count("xl/workbook.xml")) << "not a readable zip";
  std::string workbook = files["xl/workbook.xml"];
  EXPECT_NE(workbook.find("name=\"排名\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"按时办结率\""), std::string::npos);
  // Strings live in the sheets (constant memory: inline) or in the shared table.
  std::string text = files["xl/worksheets/sheet1.xml"] + files["xl/sharedStrings.xml"];
  for (const char* header : {"排名", "部门代码", "部门名称", "总分", "较上期", "按时办结率（得分）"}) {
    EXPECT_NE(text.find(header), std::string::npos) << header;
  }
  EXPECT_NE(text.find("&apos;=HYPERLINK") == std::string::npos ? text.find("'=HYPERLINK")
                                                                 : text.find("&apos;=HYPERLINK"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find(">=HYPERLINK"), std::string::npos);
  // The on-time sheet lists the cases behind the figure; "-c1" is neutralised too.
  std::string on_time = files["xl/worksheets/sheet8.xml"] + files["xl/sharedStrings.xml"];
  EXPECT_NE(on_time.find("办件编号"), std::string::npos);
  EXPECT_TRUE(on_time.find("'-c1") != std::string::npos ||
              on_time.find("&apos;-c1") != std::string::npos)
      << on_time;
  EXPECT_NE(on_time.find("c2"), std::string::npos);
}

TEST_F(ReportTest, ADepartmentsReportHasItsSummaryAndOnlyItsSubjects) {
  auto tables = BuildTables(Scores(scoring::testing::DrillDept(kDeptB)), ReportOptions{kDeptB});
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  const Table& summary = (*tables)[0];
  EXPECT_EQ(summary.name, "部门得分");
  EXPECT_EQ(summary.rows.size(), 8u + 2u + 4u);  // indicators, deductions, totals
  EXPECT_EQ(summary.rows[6][0].text, "按时办结率");
  EXPECT_EQ(summary.rows[6][3].number, 0.0);  // B's one case was late
  const Table& on_time = (*tables)[7];
  ASSERT_EQ(on_time.rows.size(), 1u);
  EXPECT_EQ(on_time.rows[0][2].text, "c2");
  std::string path = dir_.File("b.xlsx");
  ASSERT_TRUE(WriteXlsx(*tables, path).ok());
  EXPECT_TRUE(Unzip(ReadBytes(path)).count("xl/worksheets/sheet11.xml"));
}

}  // namespace
}  // namespace oversight::report
