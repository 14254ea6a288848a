#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "ingest/encoding.h"
#include "ingest/utf8.h"
#include "ingest/internal/test_sources.h"

namespace oversight::ingest {
namespace {

using testing::ReadAllRecords;

testing::ReadAll ReadCsv(std::string text, CsvOptions options = {}) {
  CsvReader reader(DecodeToUtf8(ByteSourceFromString(std::move(text), "in.csv")), options);
  return ReadAllRecords(reader);
}

std::string FieldsOf(const RawRecord& record) {
  std::string out;
  for (const auto& [name, value] : record.fields) out += name + "=" + value + ";";
  return out;
}

TEST(CsvReaderTest, ReadsHeaderAndRows) {
  testing::ReadAll all = ReadCsv("case_id,step,at\nc1,submit,2025-03-03\nc2,accept,2025-03-04\n");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(FieldsOf(all.records[0]), "case_id=c1;step=submit;at=2025-03-03;");
  EXPECT_EQ(all.records[0].line, 2);
  EXPECT_EQ(all.records[0].text, "c1,submit,2025-03-03");
  EXPECT_EQ(all.records[1].line, 3);
}

TEST(CsvReaderTest, QuotedFieldsWithDelimitersQuotesAndNewlines) {
  testing::ReadAll all = ReadCsv(
      "a,b,c\r\n"
      "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
      "plain,\"\",end\r\n");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=x, y;b=say \"hi\";c=two\r\nlines;");
  EXPECT_EQ(all.records[0].line, 2);
  EXPECT_EQ(all.records[0].text, "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"");
  EXPECT_EQ(all.records[1].line, 4);  // the quoted newline took a line
  EXPECT_EQ(FieldsOf(all.records[1]), "a=plain;b=;c=end;");
}

TEST(CsvReaderTest, UnquotedEmptyFieldsAreAbsent) {
  testing::ReadAll all = ReadCsv("a,b,c\n1,,\"\"\n,,\n");
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=1;c=;");
  EXPECT_EQ(all.records[0].Find("b"), nullptr);
  EXPECT_EQ(FieldsOf(all.records[1]), "");
  EXPECT_EQ(all.records[1].parse_error, "");
}

TEST(CsvReaderTest, OtherDelimiters) {
  testing::ReadAll all = ReadCsv("a;b\n1;\"2;3\"\n", CsvOptions{.delimiter = ';'});
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=1;b=2;3;");
  all = ReadCsv("a\tb\nx,y\tz\n", CsvOptions{.delimiter = '\t'});
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=x,y;b=z;");
}

TEST(CsvReaderTest, SkipsBlankLinesAndKeepsLineNumbers) {
  testing::ReadAll all = ReadCsv("\n a , b \n\n1,2\n\r\n   \n3,4");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=1;b=2;");  // header names trimmed
  EXPECT_EQ(all.records[0].line, 4);
  EXPECT_EQ(all.records[1].line, 7);
  EXPECT_EQ(FieldsOf(all.records[1]), "a=3;b=4;");
}

TEST(CsvReaderTest, WrongFieldCountIsAParseError) {
  testing::ReadAll all = ReadCsv("a,b\n1,2,3\n4\n5,6\n");
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[0].parse_error, "row has 3 fields; the header has 2");
  EXPECT_EQ(all.records[0].line, 2);
  EXPECT_EQ(all.records[0].text, "1,2,3");
  EXPECT_TRUE(all.records[0].fields.empty());
  EXPECT_EQ(all.records[1].parse_error, "row has 1 fields; the header has 2");
  EXPECT_EQ(all.records[2].parse_error, "");
}

TEST(CsvReaderTest, UnterminatedQuoteAtEndOfInput) {
  testing::ReadAll all = ReadCsv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[1].line, 3);
  EXPECT_NE(all.records[1].parse_error.find("unterminated quoted field"), std::string::npos);
  EXPECT_NE(all.records[1].parse_error.find("line 3"), std::string::npos);
  EXPECT_EQ(all.records[1].text, "3,\"open\nstill open\n");
}

TEST(CsvReaderTest, StrayCharacterAfterClosingQuote) {
  testing::ReadAll all = ReadCsv("a,b\n\"x\"y,2\n3,4\n");
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_NE(all.records[0].parse_error.find("after a closing quote"), std::string::npos);
  EXPECT_EQ(all.records[1].parse_error, "");
}

TEST(CsvReaderTest, InvalidUtf8IsAParseError) {
  testing::ReadAll all = ReadCsv("a,b\n\xE6\x8F\xAD\xE9\x98\xB3,ok\n\xE6\x8F\xAD\xE9\x98\xB3,x\xC3\n");
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].parse_error, "");
  EXPECT_NE(all.records[1].parse_error.find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(all.records[1].parse_error.find("column \"b\""), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8(all.records[1].text), std::string_view::npos);
}

TEST(CsvReaderTest, BomAndGbk) {
  testing::ReadAll all = ReadCsv("\xEF\xBB\xBF" "city,n\nx,1\n");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "city=x;n=1;");
  all = ReadCsv("city,n\n\xBD\xD2\xD1\xF4,1\n");  // 揭阳 in GBK
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "city=\xE6\x8F\xAD\xE9\x98\xB3;n=1;");
}

TEST(CsvReaderTest, EmptyInputAndHeaderOnly) {
  EXPECT_TRUE(ReadCsv("").records.empty());
  EXPECT_TRUE(ReadCsv("").status.ok());
  EXPECT_TRUE(ReadCsv("a,b\n").records.empty());
}

TEST(CsvReaderTest, BrokenHeaderIsAnError) {
  testing::ReadAll all = ReadCsv("a,\"b\n1,2\n");
  EXPECT_FALSE(all.status.ok());
  EXPECT_NE(all.status.message().find("header row"), std::string::npos);
  EXPECT_NE(all.status.message().find("in.csv: line 1"), std::string::npos);
}

TEST(CsvReaderTest, ErrorsRepeatOnEveryCall) {
  CsvReader reader(DecodeToUtf8(ByteSourceFromString(std::string("\xFF\xFE" "a\0", 4), "u16.csv")));
  RawRecord record;
  EXPECT_FALSE(reader.Next(record).ok());
  base::Result<bool> again = reader.Next(record);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("UTF-16LE"), std::string::npos);
}

TEST(CsvReaderTest, EmptyHeaderNamesAreNumbered) {
  CsvReader reader(ByteSourceFromString("a,,c\n1,2,3\n", "in"));
  testing::ReadAll all = ReadAllRecords(reader);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=1;column_2=2;c=3;");
  EXPECT_EQ(reader.header().size(), 3u);
}

TEST(CsvReaderTest, OverlongRowIsAParseErrorAndReadingGoesOn) {
  std::string big(5000, 'z');
  testing::ReadAll all =
      ReadCsv("a,b\n1," + big + "\n2,3\n", CsvOptions{.max_record_bytes = 100, .max_text_bytes = 10});
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_NE(all.records[0].parse_error.find("longer than the limit of 100"), std::string::npos);
  EXPECT_EQ(all.records[0].text, "1,zzzzzzzz");
  EXPECT_TRUE(all.records[0].text_truncated);
  EXPECT_EQ(FieldsOf(all.records[1]), "a=2;b=3;");
  EXPECT_EQ(all.records[1].line, 3);
}

TEST(CsvReaderTest, RowsSplitAcrossTinyReads) {
  std::string text = "a,b\r\n\"q\"\"q\",\"l1\nl2\"\r\nx,y\r\n";
  CsvReader reader(std::make_unique<testing::TrickleSource>(text, 1));
  testing::ReadAll all = ReadAllRecords(reader);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=q\"q;b=l1\nl2;");
  EXPECT_EQ(FieldsOf(all.records[1]), "a=x;b=y;");
  EXPECT_EQ(all.records[1].line, 4);
}

TEST(CsvReaderTest, LoneCarriageReturnIsData) {
  testing::ReadAll all = ReadCsv("a,b\nx\ry,z\n");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=x\ry;b=z;");
}

TEST(CsvReaderTest, ReadsTheShippedReceiptCsv) {
  auto input = OpenByteSource(testing::DataPath("receipt.csv.gz"));
  ASSERT_TRUE(input.ok());
  CsvReader reader(DecodeToUtf8(std::move(*input)));
  std::map<std::string, int> per_activity;
  std::map<std::string, int> cases;
  RawRecord record;
  int rows = 0;
  while (true) {
    base::Result<bool> more = reader.Next(record);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    ASSERT_EQ(record.parse_error, "") << record.line;
    ++rows;
    ++per_activity[*record.Find("concept:name")];
    ++cases[*record.Find("case:concept:name")];
  }
  EXPECT_EQ(rows, 8577);
  EXPECT_EQ(cases.size(), 1434u);
  EXPECT_EQ(reader.header().size(), 15u);

  std::ifstream reference(testing::DataPath("reference/receipt_activity_counts.csv"));
  std::string line;
  std::getline(reference, line);  // header
  std::size_t activities = 0;
  while (std::getline(reference, line)) {
    std::size_t comma = line.rfind(',');
    EXPECT_EQ(per_activity[line.substr(0, comma)], std::stoi(line.substr(comma + 1))) << line;
    ++activities;
  }
  EXPECT_EQ(activities, 27u);
  EXPECT_EQ(per_activity.size(), 27u);
}

}  // namespace
}  // namespace oversight::ingest
