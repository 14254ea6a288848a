#include "audit/hash_chain.h"

#include <openssl/evp.h>

#include <algorithm>

#include "base/check.h"

namespace oversight::audit {

struct ChainHasher::Ctx {
  EVP_MD_CTX* md_ctx = nullptr;
  EVP_MD* md = nullptr;  // fetched once: an implicit fetch per digest costs a lock
};

std::string_view HashAlgorithmName(HashAlgorithm algorithm) {
  return algorithm == HashAlgorithm::kSm3 ? "sm3" : "sha256";
}

std::optional<HashAlgorithm> ParseHashAlgorithm(std::string_view name) {
  if (name == "sm3" || name == "SM3") return HashAlgorithm::kSm3;
  if (name == "sha256" || name == "SHA256" || name == "sha-256") return HashAlgorithm::kSha256;
  return std::nullopt;
}

std::string ToHex(const Digest& digest) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

base::Result<Digest> DigestFromBytes(std::string_view bytes) {
  if (bytes.size() != 32) {
    return base::DataLoss("stored hash has " + std::to_string(bytes.size()) + " bytes, want 32");
  }
  Digest out{};
  for (size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(bytes[i]);
  return out;
}

ChainHasher::ChainHasher(HashAlgorithm algorithm)
    : algorithm_(algorithm), ctx_(std::make_unique<Ctx>()) {
  ctx_->md_ctx = EVP_MD_CTX_new();
  ctx_->md = EVP_MD_fetch(nullptr, algorithm == HashAlgorithm::kSm3 ? "SM3" : "SHA256", nullptr);
  // OpenSSL 3 on Debian 12 ships SM3 in the default provider; if a build lacks it
  // nothing in the chain can be trusted, so stop rather than fall back silently.
  OVS_CHECK(ctx_->md_ctx != nullptr && ctx_->md != nullptr);
}

ChainHasher::~ChainHasher() {
  EVP_MD_CTX_free(ctx_->md_ctx);
  EVP_MD_free(ctx_->md);
}

Digest ChainHasher::Link(const Digest& previous, std::int64_t seq, const Digest& content) {
  std::uint8_t block[72];
  std::copy(previous.begin(), previous.end(), block);
  for (int i = 0; i < 8; ++i) block[32 + i] = static_cast<std::uint8_t>(std::uint64_t(seq) >> (8 * i));
  std::copy(content.begin(), content.end(), block + 40);
  Digest out{};
  unsigned int length = 0;
  OVS_CHECK(EVP_DigestInit_ex(ctx_->md_ctx, ctx_->md, nullptr) == 1);
  EVP_DigestUpdate(ctx_->md_ctx, block, sizeof block);
  OVS_CHECK(EVP_DigestFinal_ex(ctx_->md_ctx, out.data(), &length) == 1 && length == 32);
  return out;
}

Digest ChainHasher::Plain(std::string_view payload) {
  Digest out{};
  unsigned int length = 0;
  OVS_CHECK(EVP_DigestInit_ex(ctx_->md_ctx, ctx_->md, nullptr) == 1);
  EVP_DigestUpdate(ctx_->md_ctx, payload.data(), payload.size());
  OVS_CHECK(EVP_DigestFinal_ex(ctx_->md_ctx, out.data(), &length) == 1 && length == 32);
  return out;
}

}  // namespace oversight::audit
