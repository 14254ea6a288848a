#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "ingest/internal/test_sources.h"

namespace oversight::ingest {
namespace {

using testing::Gzip;
using testing::Slurp;

std::string Lines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "line " + std::to_string(i) + "\n";
  return text;
}

// Reads until the first error, returning what came before it.
std::string ReadUntilError(ByteSource& source, base::Status& error) {
  std::string out;
  char buf[1000];
  while (true) {
    base::Result<std::size_t> n = source.Read(buf, sizeof buf);
    if (!n.ok()) {
      error = n.status();
      return out;
    }
    if (*n == 0) return out;
    out.append(buf, *n);
  }
}

TEST(ByteSourceTest, ReadsPlainBytesUnchanged) {
  auto source = ByteSourceFromString("hello\nworld\n", "mem");
  EXPECT_EQ(*Slurp(*source, 3), "hello\nworld\n");
  EXPECT_EQ(source->name(), "mem");
}

TEST(ByteSourceTest, EmptyInputEndsAtOnce) {
  auto source = ByteSourceFromString("", "mem");
  EXPECT_EQ(*Slurp(*source), "");
}

TEST(ByteSourceTest, OneByteInputIsNotMistakenForGzip) {
  auto source = ByteSourceFromString("\x1f", "mem");
  EXPECT_EQ(*Slurp(*source), "\x1f");
}

TEST(ByteSourceTest, InflatesGzipByMagicBytes) {
  std::string text = Lines(10000);
  auto source = ByteSourceFromString(Gzip(text), "mem.gz");
  EXPECT_EQ(*Slurp(*source, 777), text);
}

TEST(ByteSourceTest, GzipMagicArrivingByteByByteIsRecognised) {
  std::string text = Lines(100);
  auto source = MaybeGunzip(std::make_unique<testing::TrickleSource>(Gzip(text), 1));
  EXPECT_EQ(*Slurp(*source), text);
}

TEST(ByteSourceTest, ReadsConcatenatedGzipMembersAsOneStream) {
  std::string a = Lines(50), b = "second member\n", c = Lines(3);
  auto source = ByteSourceFromString(Gzip(a) + Gzip(b) + Gzip(c), "multi.gz");
  EXPECT_EQ(*Slurp(*source), a + b + c);
}

TEST(ByteSourceTest, TruncatedGzipReturnsTheDataBeforeThenNamesTheFile) {
  std::string text = Lines(20000);
  std::string gz = Gzip(text);
  auto source = ByteSourceFromString(gz.substr(0, gz.size() / 2), "cut.gz");
  base::Status error;
  std::string got = ReadUntilError(*source, error);
  EXPECT_EQ(error.code(), base::StatusCode::kDataLoss);
  EXPECT_NE(error.message().find("cut.gz"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("truncated"), std::string::npos) << error.message();
  EXPECT_GT(got.size(), 1000u);
  EXPECT_EQ(text.substr(0, got.size()), got);
  // The error stays.
  char buf[10];
  EXPECT_FALSE(source->Read(buf, sizeof buf).ok());
}

TEST(ByteSourceTest, GzipWithoutItsTrailerIsTruncated) {
  std::string text = Lines(10);
  std::string gz = Gzip(text);
  auto source = ByteSourceFromString(gz.substr(0, gz.size() - 4), "notrailer.gz");
  base::Status error;
  std::string got = ReadUntilError(*source, error);
  EXPECT_EQ(got, text);
  EXPECT_EQ(error.code(), base::StatusCode::kDataLoss);
}

TEST(ByteSourceTest, CorruptGzipIsAnErrorAfterTheGoodPart) {
  std::string text = Lines(20000);
  std::string gz = Gzip(text);
  for (std::size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) gz[i] = static_cast<char>(0xFF);
  auto source = ByteSourceFromString(gz, "bad.gz");
  base::Status error;
  std::string got = ReadUntilError(*source, error);
  EXPECT_EQ(error.code(), base::StatusCode::kDataLoss);
  EXPECT_NE(error.message().find("bad.gz"), std::string::npos);
  // What decoded before the damaged block is intact (after it, inflate may emit
  // some garbage before it notices; the CRC check catches the rest).
  ASSERT_GT(got.size(), 1000u);
  EXPECT_EQ(text.substr(0, 1000), got.substr(0, 1000));
}

TEST(ByteSourceTest, ChecksumMismatchIsAnError) {
  std::string text = Lines(10);
  std::string gz = Gzip(text);
  gz[gz.size() - 8] ^= 0x01;  // the CRC-32 in the trailer
  auto source = ByteSourceFromString(gz, "crc.gz");
  base::Status error;
  ReadUntilError(*source, error);
  EXPECT_EQ(error.code(), base::StatusCode::kDataLoss);
  EXPECT_NE(error.message().find("crc.gz"), std::string::npos);
}

TEST(ByteSourceTest, GarbageAfterTheGzipStreamIsAnError) {
  auto source = ByteSourceFromString(Gzip("abc\n") + "trailing junk", "junk.gz");
  base::Status error;
  std::string got = ReadUntilError(*source, error);
  EXPECT_EQ(got, "abc\n");
  EXPECT_NE(error.message().find("after the end of the gzip stream"), std::string::npos)
      << error.message();
}

TEST(ByteSourceTest, OpensFilesAndSniffsGzip) {
  std::string path = std::string(OVS_BINARY_DIR) + "/byte_source_test.txt.gz";
  {
    std::ofstream out(path, std::ios::binary);
    out << Gzip("from a file\n");
  }
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  EXPECT_EQ(*Slurp(**source), "from a file\n");
  EXPECT_EQ((*source)->name(), path);
  std::remove(path.c_str());
}

TEST(ByteSourceTest, MissingFileIsNotFoundNamingThePath) {
  auto source = OpenByteSource("/no/such/file.jsonl");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), base::StatusCode::kNotFound);
  EXPECT_NE(source.status().message().find("/no/such/file.jsonl"), std::string::npos);
}

TEST(ByteSourceTest, DirectoryIsAnErrorOnRead) {
  auto source = OpenByteSource(OVS_SOURCE_DIR);
  ASSERT_TRUE(source.ok());
  char buf[16];
  EXPECT_FALSE((*source)->Read(buf, sizeof buf).ok());
}

TEST(ByteSourceTest, PrependBytesPutsSniffedBytesBack) {
  auto source = PrependBytes("head:", ByteSourceFromString("rest", "mem"));
  EXPECT_EQ(*Slurp(*source, 2), "head:rest");
  EXPECT_EQ(source->name(), "mem");
}

TEST(ByteSourceTest, ReadsTheShippedGzipLog) {
  auto source = OpenByteSource(testing::DataPath("running-example.xes.gz"));
  ASSERT_TRUE(source.ok());
  base::Result<std::string> text = Slurp(**source);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->size(), 15891u);  // the original's size (SOURCES.md)
  EXPECT_EQ(text->substr(0, 5), "<?xml");
}

}  // namespace
}  // namespace oversight::ingest
