#pragma once

// Passwords: the complexity rule, Argon2id hashing and generated passwords
// (DESIGN §12; GB/T 22239-2019 asks for complexity, the numbers are common
// practice: at least 8 characters of four kinds). Hashes are PHC strings
// ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash") that carry their own
// parameters, so raising the cost later still verifies old hashes.
//
//   OVS_RETURN_IF_ERROR(CheckPasswordStrength(pw, policy, "zhang.wei"));
//   OVS_ASSIGN_OR_RETURN(std::string hash, HashPassword(pw, params, random(kSaltBytes)));
//   OVS_ASSIGN_OR_RETURN(bool ok, VerifyPassword(pw, hash));

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/random.h"
#include "base/status.h"

namespace oversight::auth {

struct PasswordPolicy {
  int min_length = 8;    // in characters (code points), not bytes
  int max_length = 128;  // bounds the work a request can ask for
  bool require_upper = true;
  bool require_lower = true;
  bool require_digit = true;
  bool require_symbol = true;  // anything but an ASCII letter or digit
};

// OK, or kInvalidArgument naming everything that is missing ("password needs at
// least 8 characters, an upper-case letter, a digit"). Also refuses invalid
// UTF-8, control characters, and a password that contains the user name
// (ignoring case; for names of 3 or more characters).
base::Status CheckPasswordStrength(std::string_view password, const PasswordPolicy& policy,
                                   std::string_view user_name);

// Argon2id cost. The defaults are OWASP's: 19 MiB, 2 passes, 1 lane. Tests use
// small costs.
struct Argon2Params {
  std::uint32_t time_cost = 2;
  std::uint32_t memory_kib = 19456;
  std::uint32_t parallelism = 1;
  std::uint32_t hash_bytes = 32;
};

inline constexpr std::size_t kSaltBytes = 16;

// The encoded Argon2id hash of `password` with `salt` (at least 8 bytes;
// kSaltBytes random ones in practice). kInvalidArgument for a short salt or
// parameters libargon2 refuses.
base::Result<std::string> HashPassword(std::string_view password, const Argon2Params& params,
                                       std::string_view salt);

// Whether `password` matches `encoded`; kDataLoss when `encoded` is not an
// Argon2id hash (a damaged record).
base::Result<bool> VerifyPassword(std::string_view password, std::string_view encoded);

// Whether `encoded` was made with other parameters than `params` (rehash it at
// the next successful sign-in).
bool NeedsRehash(std::string_view encoded, const Argon2Params& params);

// A password of `length` characters from upper- and lower-case letters, digits
// and symbols, with at least one of each, without look-alikes (0/O, 1/l/I).
// `length` is at least 8.
std::string GeneratePassword(const RandomSource& random, int length = 20);

}  // namespace oversight::auth
