#include "audit/ops_record.h"

#include <functional>
#include <vector>

#include <gtest/gtest.h>

namespace oversight::audit {
namespace {

OpsRecord Golden() {
  OpsRecord r;
  r.at = base::FromUnixMillis(1767225600000);  // 2026-01-01T00:00:00Z
  r.actor = "alice";
  r.actor_role = "bureau_supervisor";
  r.action = "alert.accept";
  r.object = "alert:42";
  r.result = "ok";
  r.detail = "{\"note\":\"同意\"}";
  r.client = "10.0.0.7";
  return r;
}

// The digests below were computed outside this code base: the documented bytes
// written by a short script and hashed with `openssl dgst -sm3` / `-sha256`. If
// they change, every stored operations chain stops verifying.
TEST(OpsRecordTest, CanonicalBytesHaveAStableDigest) {
  ChainHasher sm3(HashAlgorithm::kSm3);
  EXPECT_EQ(ToHex(OpsContentDigest(sm3, Golden())),
            "6a866044f9480ed62e876a6ab71d49e0987eabf473e049f0d47cfd942e14e656");
  EXPECT_EQ(ToHex(OpsLink(sm3, Digest{}, 1, Golden())),
            "688201857ea0160ca6a2f396f9a2d0a78586516e997a08e20a162f55ef67be3f");
  ChainHasher sha(HashAlgorithm::kSha256);
  EXPECT_EQ(ToHex(OpsContentDigest(sha, Golden())),
            "b1f49c53662bfec03eeb4349c31b6ffa8d7270dc0a6deea29e9d47ab150a26c3");
  EXPECT_EQ(ToHex(OpsLink(sha, Digest{}, 1, Golden())),
            "4d450f808362981d526b0b5c90a35480d8975a24ee5db8e70ff7c6658aa77981");
}

TEST(OpsRecordTest, CanonicalBytesStartWithTagAndVersion) {
  std::string bytes;
  CanonicalOpsBytes(Golden(), bytes);
  ASSERT_GE(bytes.size(), 12u);
  EXPECT_EQ(bytes.substr(0, 3), "OPS");
  EXPECT_EQ(static_cast<std::uint8_t>(bytes[3]), kOpsCanonicalVersion);
  // An event's canonical bytes start with its version byte (1), never 'O'.
  EXPECT_NE(bytes[0], '\x01');
}

TEST(OpsRecordTest, EveryFieldChangesTheDigest) {
  ChainHasher hasher(HashAlgorithm::kSm3);
  const Digest base = OpsContentDigest(hasher, Golden());
  std::vector<std::pair<const char*, std::function<void(OpsRecord&)>>> edits = {
      {"at", [](OpsRecord& r) { r.at += base::Milliseconds(1); }},
      {"actor", [](OpsRecord& r) { r.actor = "alicf"; }},
      {"actor_role", [](OpsRecord& r) { r.actor_role = "audit_admin"; }},
      {"action", [](OpsRecord& r) { r.action = "alert.respond"; }},
      {"object", [](OpsRecord& r) { r.object = "alert:43"; }},
      {"result", [](OpsRecord& r) { r.result = "denied"; }},
      {"detail", [](OpsRecord& r) { r.detail = "{\"note\":\"不同意\"}"; }},
      {"client", [](OpsRecord& r) { r.client = "10.0.0.8"; }},
  };
  for (const auto& [field, edit] : edits) {
    OpsRecord changed = Golden();
    edit(changed);
    EXPECT_NE(OpsContentDigest(hasher, changed), base) << field;
  }
  // seq and hash are bound by the link, not by the content.
  OpsRecord stored = Golden();
  stored.seq = 9;
  stored.hash.fill(1);
  EXPECT_EQ(OpsContentDigest(hasher, stored), base);
}

TEST(OpsRecordTest, LengthPrefixesKeepFieldBoundaries) {
  ChainHasher hasher(HashAlgorithm::kSm3);
  OpsRecord a = Golden(), b = Golden();
  a.actor = "al";
  a.actor_role = "ice";
  b.actor = "ali";
  b.actor_role = "ce";
  EXPECT_NE(OpsContentDigest(hasher, a), OpsContentDigest(hasher, b));
}

TEST(OpsRecordTest, LinkBindsSeqAndPrevious) {
  ChainHasher hasher(HashAlgorithm::kSm3);
  Digest zero{};
  Digest first = OpsLink(hasher, zero, 1, Golden());
  EXPECT_NE(first, OpsLink(hasher, zero, 2, Golden()));
  EXPECT_NE(first, OpsLink(hasher, first, 1, Golden()));
  EXPECT_EQ(first, hasher.Link(zero, 1, OpsContentDigest(hasher, Golden())));
}

TEST(OpsRecordTest, ValidRecordPasses) {
  EXPECT_TRUE(ValidateOpsRecord(Golden()).ok());
  OpsRecord minimal;
  minimal.actor = "system";
  minimal.action = "audit.export";
  minimal.result = "failed";
  EXPECT_TRUE(ValidateOpsRecord(minimal).ok());
  OpsRecord multiline = Golden();
  multiline.detail = "line one\nline two\ttab";
  EXPECT_TRUE(ValidateOpsRecord(multiline).ok());
}

TEST(OpsRecordTest, BadRecordsAreRefusedNamingTheField) {
  struct Case {
    const char* field;
    std::function<void(OpsRecord&)> edit;
  };
  std::vector<Case> cases = {
      {"actor", [](OpsRecord& r) { r.actor.clear(); }},
      {"action", [](OpsRecord& r) { r.action.clear(); }},
      {"action", [](OpsRecord& r) { r.action = "Alert.Accept"; }},
      {"action", [](OpsRecord& r) { r.action = "alert..accept"; }},
      {"action", [](OpsRecord& r) { r.action = "alert.accept."; }},
      {"action", [](OpsRecord& r) { r.action = "alert accept"; }},
      {"result", [](OpsRecord& r) { r.result = "success"; }},
      {"result", [](OpsRecord& r) { r.result.clear(); }},
      {"actor", [](OpsRecord& r) { r.actor = std::string(kOpsMaxField + 1, 'a'); }},
      {"detail", [](OpsRecord& r) { r.detail = std::string(kOpsMaxDetail + 1, 'x'); }},
      {"object", [](OpsRecord& r) { r.object = "alert:\n42"; }},
      {"client", [](OpsRecord& r) { r.client = "\xff\xfe"; }},
      {"actor_role", [](OpsRecord& r) { r.actor_role = std::string("a\0b", 3); }},
  };
  for (const Case& c : cases) {
    OpsRecord r = Golden();
    c.edit(r);
    base::Status status = ValidateOpsRecord(r);
    EXPECT_FALSE(status.ok()) << c.field;
    EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument) << c.field;
    EXPECT_NE(status.message().find(c.field), std::string::npos) << status.message();
  }
}

TEST(OpsRecordTest, JsonHasAFixedKeyOrderAndEscapes) {
  OpsRecord r = Golden();
  r.seq = 7;
  r.detail = "say \"hi\"\n";
  r.hash.fill(0xAB);
  Digest previous{};
  previous.fill(0x01);
  std::string hex_ab(64, 'a');
  for (size_t i = 1; i < hex_ab.size(); i += 2) hex_ab[i] = 'b';
  EXPECT_EQ(OpsRecordJson(r, nullptr),
            "{\"seq\":7,\"at\":\"2026-01-01T00:00:00Z\",\"at_ms\":1767225600000,\"actor\":"
            "\"alice\",\"actor_role\":\"bureau_supervisor\",\"action\":\"alert.accept\","
            "\"object\":\"alert:42\",\"result\":\"ok\",\"detail\":\"say \\\"hi\\\"\\n\","
            "\"client\":\"10.0.0.7\",\"hash\":\"" + hex_ab + "\"}");
  std::string with_previous = OpsRecordJson(r, &previous);
  EXPECT_NE(with_previous.find(",\"prev_hash\":\"" + ToHex(previous) + "\",\"hash\":"),
            std::string::npos)
      << with_previous;
}

}  // namespace
}  // namespace oversight::audit
