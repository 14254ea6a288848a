#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/encoding.h"
#include "ingest/utf8.h"
#include "ingest/internal/test_sources.h"

namespace oversight::ingest {
namespace {

using testing::ReadAllRecords;

testing::ReadAll ReadJsonl(std::string text, JsonlOptions options = {}) {
  JsonlReader reader(DecodeToUtf8(ByteSourceFromString(std::move(text), "in.jsonl")), options);
  return ReadAllRecords(reader);
}

std::string FieldsOf(const RawRecord& record) {
  std::string out;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    out += record.fields[i].first + "=" + record.fields[i].second;
    switch (record.TypeAt(i)) {
      case ValueType::kString: break;
      case ValueType::kNumber: out += "#"; break;
      case ValueType::kBool: out += "?"; break;
      case ValueType::kJson: out += "@"; break;
    }
    out += ";";
  }
  return out;
}

TEST(JsonlReaderTest, ReadsTheCanonicalExample) {
  std::string line =
      R"({"source_event_id":"hall-88812","case_id":"445200-2025-000123","kind":"approval",)"
      R"("type":"accept","at":"2025-03-03T09:12:33+08:00","dept":"11445200MB2C12345T",)"
      R"("item":"445200-XK-0042","actor":"u1024","channel":"online","attrs":{"fee":0}})";
  testing::ReadAll all = ReadJsonl(line + "\n");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  const RawRecord& r = all.records[0];
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.parse_error, "");
  EXPECT_EQ(r.text, line);
  EXPECT_EQ(*r.Find("case_id"), "445200-2025-000123");
  EXPECT_EQ(*r.Find("attrs.fee"), "0");
  EXPECT_EQ(r.TypeAt(r.fields.size() - 1), ValueType::kNumber);
  EXPECT_EQ(r.fields.size(), 10u);
}

TEST(JsonlReaderTest, FlattensAndTypesValues) {
  testing::ReadAll all = ReadJsonl(
      R"({"s":"a\"b\u00e9","n":-1.50e3,"t":true,"f":false,"z":null,"arr":[1, {"x":2}],)"
      R"("o":{"p":{"q":"deep"},"r":1},"e":{}})");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]),
            "s=a\"b\xC3\xA9;n=-1.50e3#;t=true?;f=false?;arr=[1, {\"x\":2}]@;o.p.q=deep;o.r=1#;");
}

TEST(JsonlReaderTest, KeepsNumbersAsWrittenEvenBeyondDoubleRange) {
  testing::ReadAll all = ReadJsonl(R"({"id":12345678901234567890123,"big":1e400,"z":-0.0})");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].parse_error, "");
  EXPECT_EQ(FieldsOf(all.records[0]), "id=12345678901234567890123#;big=1e400#;z=-0.0#;");
}

TEST(JsonlReaderTest, KeepsDuplicateKeysInOrder) {
  testing::ReadAll all = ReadJsonl(R"({"a":"1","a":"2"})");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(FieldsOf(all.records[0]), "a=1;a=2;");
  EXPECT_EQ(*all.records[0].Find("a"), "1");
}

TEST(JsonlReaderTest, HandlesCrlfBlankLinesAndAMissingFinalNewline) {
  testing::ReadAll all = ReadJsonl("{\"a\":1}\r\n\r\n   \n\t\n{\"a\":2}\n\n{\"a\":3}");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[0].line, 1);
  EXPECT_EQ(all.records[0].text, "{\"a\":1}");
  EXPECT_EQ(all.records[1].line, 5);
  EXPECT_EQ(all.records[2].line, 7);
  EXPECT_EQ(*all.records[2].Find("a"), "3");
}

TEST(JsonlReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(ReadJsonl("").records.empty());
  EXPECT_TRUE(ReadJsonl("\n\n\r\n").records.empty());
}

TEST(JsonlReaderTest, BadLinesBecomeParseErrorsWithTheirLineNumbers) {
  testing::ReadAll all = ReadJsonl(
      "{\"ok\":1}\n"
      "[1,2]\n"
      "{\"a\":1,}\n"
      "{\"a\":1} trailing\n"
      "{\"a\":1}{\"b\":2}\n"
      "\"just a string\"\n"
      "{\"a\":01}\n"
      "{\"a\":[1,tru]}\n"
      "{\"a\":\n"
      "{\"ok\":2}\n");
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 10u);
  EXPECT_EQ(all.records[0].parse_error, "");
  for (int i = 1; i <= 8; ++i) {
    const RawRecord& r = all.records[i];
    EXPECT_EQ(r.line, i + 1);
    EXPECT_NE(r.parse_error, "") << "line " << r.line << ": " << r.text;
    EXPECT_TRUE(r.fields.empty());
  }
  EXPECT_EQ(all.records[1].parse_error, "not a JSON object");
  EXPECT_EQ(all.records[4].parse_error, "invalid JSON: text after the object");
  EXPECT_EQ(all.records[2].text, "{\"a\":1,}");
  EXPECT_EQ(all.records[9].parse_error, "");
  EXPECT_EQ(*all.records[9].Find("ok"), "2");
}

TEST(JsonlReaderTest, InvalidUtf8IsAParseErrorWithReadableText) {
  testing::ReadAll all = ReadJsonl("{\"a\":\"x\xFF\"}\n{\"a\":\"fine\"}\n", {});
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_NE(all.records[0].parse_error.find("invalid UTF-8"), std::string::npos)
      << all.records[0].parse_error;
  EXPECT_NE(all.records[0].parse_error.find("0xFF"), std::string::npos);
  EXPECT_EQ(all.records[0].text, "{\"a\":\"x\xEF\xBF\xBD\"}");
  EXPECT_EQ(FindInvalidUtf8(all.records[0].text), std::string_view::npos);
  EXPECT_EQ(all.records[1].parse_error, "");
}

TEST(JsonlReaderTest, ATenMegabyteLineIsAParseErrorWithoutBeingHeld) {
  std::string head = "{\"a\":\"";
  auto source = std::make_unique<testing::GeneratedSource>(
      "{\"first\":1}\n" + head, 'x', 10u << 20, "\"}\n{\"after\":2}\n");
  JsonlReader reader(std::move(source));
  testing::ReadAll all = ReadAllRecords(reader);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 3u);
  const RawRecord& big = all.records[1];
  EXPECT_EQ(big.line, 2);
  EXPECT_NE(big.parse_error.find("10485768 bytes long"), std::string::npos) << big.parse_error;
  EXPECT_TRUE(big.text_truncated);
  EXPECT_EQ(big.text.size(), 64u << 10);
  EXPECT_EQ(big.text.substr(0, head.size()), head);
  EXPECT_EQ(all.records[2].line, 3);
  EXPECT_EQ(*all.records[2].Find("after"), "2");
  // One maximal line plus a read chunk, not the 10 MB.
  EXPECT_LT(reader.BufferBytesForTest(), (1u << 20) + (300u << 10));
}

TEST(JsonlReaderTest, ALongLastLineWithoutNewlineIsAParseError) {
  auto source = std::make_unique<testing::GeneratedSource>("{\"a\":\"", 'y', 3u << 20, "\"}");
  JsonlReader reader(std::move(source));
  testing::ReadAll all = ReadAllRecords(reader);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_NE(all.records[0].parse_error, "");
  EXPECT_EQ(all.records[0].line, 1);
}

TEST(JsonlReaderTest, LineLimitIsConfigurable) {
  testing::ReadAll all = ReadJsonl("{\"a\":\"0123456789\"}\n{\"a\":1}\n",
                                   JsonlOptions{.max_line_bytes = 10, .max_text_bytes = 4});
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_NE(all.records[0].parse_error.find("18 bytes long"), std::string::npos)
      << all.records[0].parse_error;
  EXPECT_EQ(all.records[0].text, "{\"a\"");
  EXPECT_EQ(all.records[1].parse_error, "");
}

TEST(JsonlReaderTest, TextIsCappedButTheRecordStillParses) {
  std::string value(100, 'v');
  testing::ReadAll all = ReadJsonl("{\"a\":\"" + value + "\"}\n",
                                   JsonlOptions{.max_line_bytes = 1 << 20, .max_text_bytes = 16});
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].parse_error, "");
  EXPECT_EQ(*all.records[0].Find("a"), value);
  EXPECT_EQ(all.records[0].text.size(), 16u);
  EXPECT_TRUE(all.records[0].text_truncated);
}

TEST(JsonlReaderTest, ReadsBomAndGbkThroughTheDecoder) {
  std::string gbk_line = "{\"city\":\"\xBD\xD2\xD1\xF4\"}\n";  // 揭阳 in GBK
  testing::ReadAll all = ReadJsonl("\xEF\xBB\xBF{\"a\":1}\n");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(*all.records[0].Find("a"), "1");
  all = ReadJsonl(gbk_line);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(*all.records[0].Find("city"), "\xE6\x8F\xAD\xE9\x98\xB3");
}

TEST(JsonlReaderTest, Utf16InputIsAnError) {
  testing::ReadAll all = ReadJsonl(std::string("\xFF\xFE{\0}\0", 6));
  EXPECT_TRUE(all.records.empty());
  EXPECT_NE(all.status.message().find("UTF-16LE"), std::string::npos);
}

TEST(JsonlReaderTest, TruncatedGzipReturnsCompleteLinesThenTheError) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{\"i\":" + std::to_string(i) + ",\"pad\":\"abcdefgh\"}\n";
  std::string gz = testing::Gzip(text);
  JsonlReader reader(DecodeToUtf8(ByteSourceFromString(gz.substr(0, gz.size() * 3 / 4), "x.gz")));
  testing::ReadAll all = ReadAllRecords(reader);
  EXPECT_EQ(all.status.code(), base::StatusCode::kDataLoss);
  EXPECT_NE(all.status.message().find("x.gz"), std::string::npos);
  ASSERT_GT(all.records.size(), 1000u);
  for (std::size_t i = 0; i < all.records.size(); ++i) {
    ASSERT_EQ(all.records[i].parse_error, "") << i;  // the cut line is dropped, not half-read
    ASSERT_EQ(*all.records[i].Find("i"), std::to_string(i));
  }
  RawRecord again;
  EXPECT_FALSE(reader.Next(again).ok());
}

TEST(JsonlReaderTest, ReusedRecordLosesFieldsFromTheLongerPreviousLine) {
  JsonlReader reader(ByteSourceFromString("{\"a\":1,\"b\":2,\"c\":3}\n{\"d\":4}\n", "in"));
  RawRecord record;
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(record.fields.size(), 3u);
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(FieldsOf(record), "d=4#;");
  EXPECT_FALSE(*reader.Next(record));
}

TEST(JsonlReaderTest, ManyLinesAcrossReadChunks) {
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    text += "{\"case_id\":\"c" + std::to_string(i) + "\",\"type\":\"submit\"}\r\n";
  }
  JsonlReader reader(std::make_unique<testing::TrickleSource>(text, 65537));
  RawRecord record;
  int count = 0;
  while (*reader.Next(record)) {
    ASSERT_EQ(record.parse_error, "");
    ASSERT_EQ(*record.Find("case_id"), "c" + std::to_string(count));
    ASSERT_EQ(record.line, count + 1);
    ++count;
  }
  EXPECT_EQ(count, 50000);
}

}  // namespace
}  // namespace oversight::ingest
