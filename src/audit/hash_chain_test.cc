#include "audit/hash_chain.h"

#include <gtest/gtest.h>

#include "audit/canonical_event.h"

namespace oversight::audit {
namespace {

TEST(ChainHasherTest, Sm3MatchesTheStandardVector) {
  // GB/T 32905-2016 appendix A.1: SM3("abc").
  ChainHasher hasher(HashAlgorithm::kSm3);
  EXPECT_EQ(ToHex(hasher.Plain("abc")),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST(ChainHasherTest, Sha256MatchesTheStandardVector) {
  // FIPS 180-2 appendix B.1: SHA-256("abc").
  ChainHasher hasher(HashAlgorithm::kSha256);
  EXPECT_EQ(ToHex(hasher.Plain("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ChainHasherTest, LinkDependsOnPreviousSeqAndContent) {
  ChainHasher hasher(HashAlgorithm::kSm3);
  Digest zero{};
  Digest c1 = hasher.Plain("event-1"), c2 = hasher.Plain("event-2");
  Digest a = hasher.Link(zero, 1, c1);
  EXPECT_NE(a, hasher.Link(zero, 1, c2));
  EXPECT_NE(a, hasher.Link(a, 1, c1));
  EXPECT_NE(a, hasher.Link(zero, 2, c1));
  EXPECT_EQ(a, hasher.Link(zero, 1, c1));
}

TEST(ChainHasherTest, LinkIsTheHashOfItsDocumentedBytes) {
  ChainHasher hasher(HashAlgorithm::kSha256);
  Digest previous{}, content{};
  previous.fill(0xAB);
  content.fill(0xCD);
  std::string bytes(reinterpret_cast<const char*>(previous.data()), 32);
  bytes += std::string("\x07\x01\0\0\0\0\0\0", 8);  // seq 263, little-endian
  bytes += std::string(reinterpret_cast<const char*>(content.data()), 32);
  EXPECT_EQ(hasher.Link(previous, 263, content), hasher.Plain(bytes));
}

TEST(CanonicalEventTest, EveryFieldChangesTheBytes) {
  model::Event e;
  e.source = "hall";
  e.source_event_id = "1";
  e.case_id = "c";
  e.attrs_json = "{}";
  std::string base_bytes, other;
  CanonicalEventBytes(e, base_bytes);
  model::Event f = e;
  f.actor = "u1";
  CanonicalEventBytes(f, other);
  EXPECT_NE(base_bytes, other);
  // Length prefixes keep field boundaries: moving a character between fields differs.
  model::Event g = e, h = e;
  g.source = "ab";
  g.source_event_id = "c";
  h.source = "a";
  h.source_event_id = "bc";
  std::string gb, hb;
  CanonicalEventBytes(g, gb);
  CanonicalEventBytes(h, hb);
  EXPECT_NE(gb, hb);
}

TEST(HashAlgorithmTest, NamesParse) {
  EXPECT_EQ(ParseHashAlgorithm("sm3"), HashAlgorithm::kSm3);
  EXPECT_EQ(ParseHashAlgorithm("sha256"), HashAlgorithm::kSha256);
  EXPECT_FALSE(ParseHashAlgorithm("md5").has_value());
}

}  // namespace
}  // namespace oversight::audit
