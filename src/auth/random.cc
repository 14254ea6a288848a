#include "auth/random.h"

#include <openssl/rand.h>

#include <climits>

#include "base/check.h"

namespace oversight::auth {

std::string RandomBytes(std::size_t n) {
  std::string bytes(n, '\0');
  OVS_CHECK(n <= static_cast<std::size_t>(INT_MAX));
  // RAND_bytes fails only when the generator cannot be seeded; see random.h.
  OVS_CHECK(RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) == 1);
  return bytes;
}

}  // namespace oversight::auth
