#pragma once

// Where secrets come from. Everything else in auth/ is deterministic and takes
// a RandomSource, so tests can inject a fixed one; RandomBytes is the real one
// (OpenSSL's CSPRNG), the only impure function of the module.

#include <cstddef>
#include <functional>
#include <string>

namespace oversight::auth {

// Returns `n` random bytes.
using RandomSource = std::function<std::string(std::size_t n)>;

// `n` bytes from OpenSSL RAND_bytes. Aborts if the generator fails: handing out
// predictable session ids or tokens would be worse than stopping. Thread-safe.
std::string RandomBytes(std::size_t n);

}  // namespace oversight::auth
