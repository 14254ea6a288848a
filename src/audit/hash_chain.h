#pragma once

// The hash chain that lets an auditor prove no stored event was changed, removed
// or reordered (DESIGN §9). Each link is
//   content[n] = H(canonical_bytes(event n))
//   hash[n]    = H(hash[n-1] || seq n as 8 bytes little-endian || content[n])
// with H = SM3 (GB/T 32905, the national standard hash) by default or SHA-256,
// both from OpenSSL. The hash before the first event is all zero bytes. Splitting
// content from link lets the content digests be computed in parallel, away from
// the single writer that extends the chain. Pure apart from OpenSSL's digest
// code; not thread-safe (one ChainHasher per thread).
//
//   ChainHasher hasher(HashAlgorithm::kSm3);
//   Digest content = hasher.Plain(bytes);          // bytes from CanonicalEventBytes
//   Digest link = hasher.Link(previous, seq, content);

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::audit {

enum class HashAlgorithm : std::uint8_t { kSm3 = 0, kSha256 = 1 };

std::string_view HashAlgorithmName(HashAlgorithm algorithm);  // "sm3" | "sha256"
std::optional<HashAlgorithm> ParseHashAlgorithm(std::string_view name);

// Both algorithms give 32-byte digests.
using Digest = std::array<std::uint8_t, 32>;

std::string ToHex(const Digest& digest);
base::Result<Digest> DigestFromBytes(std::string_view bytes);

class ChainHasher {
 public:
  explicit ChainHasher(HashAlgorithm algorithm);
  ~ChainHasher();
  ChainHasher(const ChainHasher&) = delete;
  ChainHasher& operator=(const ChainHasher&) = delete;

  HashAlgorithm algorithm() const { return algorithm_; }

  // H(previous || seq || content).
  Digest Link(const Digest& previous, std::int64_t seq, const Digest& content);
  // H(payload), for tests against published vectors.
  Digest Plain(std::string_view payload);

 private:
  struct Ctx;
  HashAlgorithm algorithm_;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace oversight::audit
