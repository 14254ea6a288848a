#pragma once

// Bearer secrets: API tokens for ingest clients, session ids for browsers and
// CSRF tokens. Each is 32 random bytes written in base64url; API tokens carry
// the prefix "ovs_" so that a leaked one is recognisable (secret scanners).
// The store keeps only TokenHash of a token or session id, so a copy of the
// database lets nobody sign in. Pure: the random bytes come from the caller.
//
//   std::string token = MakeApiToken(random(kSecretBytes));  // shown once
//   record.hash = TokenHash(token);                           // stored

#include <cstddef>
#include <string>
#include <string_view>

namespace oversight::auth {

inline constexpr std::size_t kSecretBytes = 32;
inline constexpr std::string_view kApiTokenPrefix = "ovs_";

// base64url without padding (RFC 4648 §5).
std::string Base64Url(std::string_view bytes);
// Lower-case hex.
std::string HexEncode(std::string_view bytes);

// "ovs_" + base64url(random_bytes).
std::string MakeApiToken(std::string_view random_bytes);
// base64url(random_bytes): session ids and CSRF tokens.
std::string MakeSecret(std::string_view random_bytes);

// Whether `text` has the shape MakeApiToken gives (prefix, 43 base64url
// characters), so that malformed bearers are refused before any lookup.
bool LooksLikeApiToken(std::string_view text);

// SHA-256 of the token as 64 lower-case hex characters: what the store keeps.
std::string TokenHash(std::string_view token);

// Compares in time that depends only on the lengths, for secrets a caller sends.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace oversight::auth
