#include "ingest/open_reader.h"

#include <gtest/gtest.h>

#include "ingest/internal/test_sources.h"

namespace oversight::ingest {
namespace {

TEST(OpenReaderTest, FormatFromPath) {
  EXPECT_EQ(*InputFormatFromPath("a/b/events.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*InputFormatFromPath("events.NDJSON.gz"), InputFormat::kJsonl);
  EXPECT_EQ(*InputFormatFromPath("receipt.csv.gz"), InputFormat::kCsv);
  EXPECT_EQ(*InputFormatFromPath("receipt.xes"), InputFormat::kXes);
  EXPECT_FALSE(InputFormatFromPath("-").ok());
  EXPECT_FALSE(InputFormatFromPath("events.txt").ok());
}

TEST(OpenReaderTest, FormatNames) {
  EXPECT_EQ(*ParseInputFormat("XES"), InputFormat::kXes);
  EXPECT_EQ(*ParseInputFormat("ndjson"), InputFormat::kJsonl);
  EXPECT_FALSE(ParseInputFormat("parquet").ok());
  EXPECT_EQ(InputFormatName(InputFormat::kCsv), "csv");
}

TEST(OpenReaderTest, OpensEachFormat) {
  for (auto [file, count] : {std::pair{"receipt.csv.gz", 8577u}, std::pair{"running-example.xes.gz", 42u}}) {
    base::Result<InputFormat> format = InputFormatFromPath(file);
    ASSERT_TRUE(format.ok());
    auto reader = OpenRecordReader(testing::DataPath(file), ReaderOptions{.format = *format});
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    testing::ReadAll all = testing::ReadAllRecords(**reader);
    EXPECT_TRUE(all.status.ok()) << all.status.ToString();
    EXPECT_EQ(all.records.size(), count) << file;
  }
}

TEST(OpenReaderTest, JsonlThroughGzipAndGbk) {
  std::string gbk = "{\"city\":\"\xBD\xD2\xD1\xF4\"}\n";
  auto reader = MakeRecordReader(ByteSourceFromString(testing::Gzip(gbk), "x.jsonl.gz"),
                                 ReaderOptions{.format = InputFormat::kJsonl});
  testing::ReadAll all = testing::ReadAllRecords(*reader);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(*all.records[0].Find("city"), "\xE6\x8F\xAD\xE9\x98\xB3");
}

TEST(OpenReaderTest, MissingFile) {
  auto reader = OpenRecordReader("/no/such.jsonl", ReaderOptions{});
  EXPECT_EQ(reader.status().code(), base::StatusCode::kNotFound);
}

}  // namespace
}  // namespace oversight::ingest
