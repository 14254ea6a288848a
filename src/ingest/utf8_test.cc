#include "ingest/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace oversight::ingest {
namespace {

const std::string kJieyangGbk = "\xBD\xD2\xD1\xF4";         // 揭阳 in GBK
const std::string kJieyangUtf8 = "\xE6\x8F\xAD\xE9\x98\xB3";  // 揭阳 in UTF-8

TEST(Utf8Test, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii, long enough for the word loop"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(kJieyangUtf8), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80"), std::string_view::npos);  // U+1F600
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);                         // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);                       // a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);                   // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xE6\x8F"), 10u);                // cut short
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);                               // lone continuation
  EXPECT_EQ(FindInvalidUtf8(kJieyangGbk), 0u);
}

TEST(Utf8Test, ReplaceInvalidUtf8) {
  EXPECT_EQ(ReplaceInvalidUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ReplaceInvalidUtf8(kJieyangUtf8), kJieyangUtf8);
}

TEST(Utf8Test, Utf8PrefixLengthDoesNotSplitCharacters) {
  EXPECT_EQ(Utf8PrefixLength(kJieyangUtf8, 100), 6u);
  EXPECT_EQ(Utf8PrefixLength(kJieyangUtf8, 5), 3u);
  EXPECT_EQ(Utf8PrefixLength(kJieyangUtf8, 3), 3u);
  EXPECT_EQ(Utf8PrefixLength(kJieyangUtf8, 2), 0u);
  EXPECT_EQ(Utf8PrefixLength("abc", 2), 2u);
}

}  // namespace
}  // namespace oversight::ingest
