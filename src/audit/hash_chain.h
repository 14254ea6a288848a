#pragma once

// The hash chain that lets an auditor prove no stored event was changed, removed
// or reordered (DESIGN §9). Each link is
//   hash[n] = H(hash[n-1] || canonical_bytes(event n))
// with H = SM3 (GB/T 32905, the national standard hash) by default or SHA-256,
// both from OpenSSL. hash[0] of an empty chain is all zero bytes. Pure apart from
// OpenSSL's digest code; not thread-safe (one ChainHasher per thread).
//
//   ChainHasher hasher(HashAlgorithm::kSm3);
//   Digest link = hasher.Link(previous, CanonicalEventBytes(seq, event));

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

  // H(previous || payload).
  Digest Link(const Digest& previous, std::string_view payload);
  // H(payload), for tests against published vectors.
  Digest Plain(std::string_view payload);

 private:
  struct Ctx;
  HashAlgorithm algorithm_;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace oversight::audit
