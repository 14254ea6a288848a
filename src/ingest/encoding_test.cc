#include "ingest/encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/internal/test_sources.h"
#include "ingest/utf8.h"

namespace oversight::ingest {
namespace {

using testing::Slurp;

const std::string kJieyangGbk = "\xBD\xD2\xD1\xF4";         // 揭阳 in GBK
const std::string kJieyangUtf8 = "\xE6\x8F\xAD\xE9\x98\xB3";  // 揭阳 in UTF-8

std::unique_ptr<Utf8Decoder> Decoder(std::string bytes, TextEncoding encoding = TextEncoding::kAuto) {
  return DecodeToUtf8(ByteSourceFromString(std::move(bytes), "in.csv"), encoding);
}

TEST(EncodingTest, PassesUtf8Through) {
  std::string text = "case,step\n" + kJieyangUtf8 + ",submit\n";
  auto decoder = Decoder(text);
  EXPECT_EQ(*Slurp(*decoder, 5), text);
  EXPECT_EQ(decoder->detected(), TextEncoding::kUtf8);
}

TEST(EncodingTest, PureAsciiStaysUndecided) {
  auto decoder = Decoder("a,b\n1,2\n");
  EXPECT_EQ(*Slurp(*decoder), "a,b\n1,2\n");
  EXPECT_EQ(decoder->detected(), TextEncoding::kAuto);
}

TEST(EncodingTest, StripsUtf8ByteOrderMark) {
  auto decoder = Decoder("\xEF\xBB\xBF{\"a\":1}\n");
  EXPECT_EQ(*Slurp(*decoder), "{\"a\":1}\n");
  EXPECT_EQ(decoder->detected(), TextEncoding::kUtf8);
}

TEST(EncodingTest, EmptyInputIsEmpty) { EXPECT_EQ(*Slurp(*Decoder("")), ""); }

TEST(EncodingTest, BomOnlyInputIsEmpty) { EXPECT_EQ(*Slurp(*Decoder("\xEF\xBB\xBF")), ""); }

TEST(EncodingTest, RefusesUtf16WithTheEncodingNamed) {
  struct Case {
    std::string bytes;
    std::string name;
  };
  for (const Case& c : {Case{std::string("\xFF\xFE" "a\0b\0", 6), "UTF-16LE"},
                        Case{std::string("\xFE\xFF\0a\0b", 6), "UTF-16BE"},
                        Case{std::string("\xFF\xFE\0\0a\0\0\0", 8), "UTF-32LE"},
                        Case{std::string("\0\0\xFE\xFF\0\0\0a", 8), "UTF-32BE"},
                        Case{std::string("{\0\"\0a\0", 6), "UTF-16LE (no byte-order mark)"},
                        Case{std::string("\0{\0\"\0a", 6), "UTF-16BE (no byte-order mark)"}}) {
    auto decoder = Decoder(c.bytes);
    char buf[64];
    base::Result<std::size_t> n = decoder->Read(buf, sizeof buf);
    ASSERT_FALSE(n.ok()) << c.name;
    EXPECT_EQ(n.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(n.status().message().find(c.name), std::string::npos) << n.status().message();
    EXPECT_NE(n.status().message().find("in.csv"), std::string::npos);
  }
}

TEST(EncodingTest, ConvertsGbkToUtf8) {
  auto decoder = Decoder("city\n" + kJieyangGbk + "\n");
  EXPECT_EQ(*Slurp(*decoder), "city\n" + kJieyangUtf8 + "\n");
  EXPECT_EQ(decoder->detected(), TextEncoding::kGb18030);
}

TEST(EncodingTest, DetectsGbkAfterALongAsciiStart) {
  std::string ascii(200000, 'x');
  ascii += '\n';
  auto decoder = Decoder(ascii + kJieyangGbk + "\n");
  EXPECT_EQ(*Slurp(*decoder, 1000), ascii + kJieyangUtf8 + "\n");
  EXPECT_EQ(decoder->detected(), TextEncoding::kGb18030);
}

TEST(EncodingTest, Utf8AfterALongAsciiStartArrivesIntact) {
  std::string text(100000, 'a');
  for (int i = 0; i < 5000; ++i) text += kJieyangUtf8 + std::to_string(i) + "\n";
  auto decoder = DecodeToUtf8(std::make_unique<testing::TrickleSource>(text, 4099));
  EXPECT_EQ(*Slurp(*decoder, 1000), text);
  EXPECT_EQ(decoder->detected(), TextEncoding::kUtf8);
}

TEST(EncodingTest, ConvertsGbkCharactersSplitAcrossReads) {
  std::string gbk;
  for (int i = 0; i < 50; ++i) gbk += kJieyangGbk + ",";
  std::string utf8;
  for (int i = 0; i < 50; ++i) utf8 += kJieyangUtf8 + ",";
  auto decoder = DecodeToUtf8(std::make_unique<testing::TrickleSource>(gbk, 3));
  EXPECT_EQ(*Slurp(*decoder, 7), utf8);
}

TEST(EncodingTest, TinyReadsOfConvertedTextStillWork) {
  auto decoder = Decoder(kJieyangGbk);
  EXPECT_EQ(*Slurp(*decoder, 1), kJieyangUtf8);
}

TEST(EncodingTest, StripsGb18030ByteOrderMark) {
  auto decoder = Decoder("\x84\x31\x95\x33" + kJieyangGbk);
  EXPECT_EQ(*Slurp(*decoder), kJieyangUtf8);
  EXPECT_EQ(decoder->detected(), TextEncoding::kGb18030);
}

TEST(EncodingTest, ForcedGb18030ConvertsEvenAsciiLookingInput) {
  auto decoder = Decoder("a," + kJieyangGbk, TextEncoding::kGb18030);
  EXPECT_EQ(*Slurp(*decoder), "a," + kJieyangUtf8);
}

TEST(EncodingTest, Utf8WithOneDamagedByteStaysUtf8) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kJieyangUtf8 + "\n";
  text += "\xFF\n";
  auto decoder = Decoder(text);
  EXPECT_EQ(*Slurp(*decoder), text);  // the bad byte is passed on for the reader to flag
  EXPECT_EQ(decoder->detected(), TextEncoding::kUtf8);
}

TEST(EncodingTest, InvalidBytesInGbkInputArePassedThroughAsInvalidUtf8) {
  std::string gbk;
  for (int i = 0; i < 20; ++i) gbk += kJieyangGbk + "\n";
  auto decoder = Decoder(gbk + "\xFF\n");
  base::Result<std::string> text = Slurp(*decoder);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(decoder->detected(), TextEncoding::kGb18030);
  EXPECT_EQ(text->substr(0, kJieyangUtf8.size()), kJieyangUtf8);
  EXPECT_NE(FindInvalidUtf8(*text), std::string_view::npos);
  EXPECT_EQ(text->substr(text->size() - 2), "\xFF\n");
}

TEST(EncodingTest, BytesValidInNeitherEncodingStayAsTheyAre) {
  std::string bad = "\x80\x80\x80\xFF\xFF\n";
  auto decoder = Decoder(bad);
  EXPECT_EQ(*Slurp(*decoder), bad);
  EXPECT_EQ(decoder->detected(), TextEncoding::kUtf8);
}

TEST(EncodingTest, InputErrorComesAfterTheBytesBeforeIt) {
  auto decoder = DecodeToUtf8(std::make_unique<testing::FailingSource>(
      "abc" + kJieyangUtf8, base::DataLoss("disk on fire")));
  char buf[100];
  std::string got;
  base::Status error;
  while (true) {
    base::Result<std::size_t> n = decoder->Read(buf, sizeof buf);
    if (!n.ok()) {
      error = n.status();
      break;
    }
    ASSERT_GT(*n, 0u);
    got.append(buf, *n);
  }
  EXPECT_EQ(got, "abc" + kJieyangUtf8);
  EXPECT_EQ(error.message(), "disk on fire");
}

TEST(EncodingTest, ParsesEncodingNames) {
  EXPECT_EQ(*ParseTextEncoding("GBK"), TextEncoding::kGb18030);
  EXPECT_EQ(*ParseTextEncoding("gb2312"), TextEncoding::kGb18030);
  EXPECT_EQ(*ParseTextEncoding("UTF-8"), TextEncoding::kUtf8);
  EXPECT_EQ(*ParseTextEncoding("auto"), TextEncoding::kAuto);
  EXPECT_FALSE(ParseTextEncoding("latin1").ok());
  EXPECT_EQ(TextEncodingName(TextEncoding::kGb18030), "gb18030");
}

}  // namespace
}  // namespace oversight::ingest
