#include "auth/token.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>

#include "base/check.h"

namespace oversight::auth {
namespace {

constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

bool IsBase64UrlChar(char c) { return kBase64UrlAlphabet.find(c) != std::string_view::npos; }

// Characters of base64url without padding for `n` bytes.
constexpr std::size_t Base64UrlLength(std::size_t n) { return (n * 4 + 2) / 3; }

}  // namespace

std::string Base64Url(std::string_view bytes) {
  std::string out;
  out.reserve(Base64UrlLength(bytes.size()));
  std::size_t i = 0;
  auto at = [&](std::size_t k) -> std::uint32_t { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6) out += kBase64UrlAlphabet[(v >> shift) & 0x3F];
  }
  std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    std::uint32_t v = at(i) << 16;
    out += kBase64UrlAlphabet[(v >> 18) & 0x3F];
    out += kBase64UrlAlphabet[(v >> 12) & 0x3F];
  } else if (rest == 2) {
    std::uint32_t v = (at(i) << 16) | (at(i + 1) << 8);
    out += kBase64UrlAlphabet[(v >> 18) & 0x3F];
    out += kBase64UrlAlphabet[(v >> 12) & 0x3F];
    out += kBase64UrlAlphabet[(v >> 6) & 0x3F];
  }
  return out;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0F];
  }
  return out;
}

std::string MakeApiToken(std::string_view random_bytes) {
  return std::string(kApiTokenPrefix) + Base64Url(random_bytes);
}

std::string MakeSecret(std::string_view random_bytes) { return Base64Url(random_bytes); }

bool LooksLikeApiToken(std::string_view text) {
  if (!text.starts_with(kApiTokenPrefix)) return false;
  std::string_view body = text.substr(kApiTokenPrefix.size());
  if (body.size() != Base64UrlLength(kSecretBytes)) return false;
  for (char c : body) {
    if (!IsBase64UrlChar(c)) return false;
  }
  return true;
}

std::string TokenHash(std::string_view token) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // SHA-256 is always available in OpenSSL's default provider.
  OVS_CHECK(EVP_Digest(token.data(), token.size(), digest.data(), &length, EVP_sha256(), nullptr) ==
            1);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace oversight::auth
