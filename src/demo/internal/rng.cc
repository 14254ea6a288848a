#include "demo/internal/rng.h"

#include <algorithm>

#include "base/check.h"

namespace oversight::demo {
namespace {

std::uint64_t RotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t Mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Rng::Rng(std::uint64_t seed) {
  // The first four outputs of splitmix64 as the state: never all zero, as xoshiro
  // requires.
  for (std::uint64_t i = 0; i < 4; ++i) s_[i] = Mix64(seed + i * 0x9E3779B97F4A7C15ULL);
}

std::uint64_t Rng::Next() {
  std::uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
  std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = RotateLeft(s_[3], 45);
  return result;
}

std::uint64_t Rng::Below(std::uint64_t n) {
  OVS_CHECK(n > 0);  // callers pass sizes of non-empty ranges
  // 2^64 mod n values at the bottom would be over-represented: skip them.
  std::uint64_t threshold = (0 - n) % n;
  while (true) {
    std::uint64_t r = Next();
    if (r >= threshold) return r % n;
  }
}

std::int64_t Rng::Between(std::int64_t lo, std::int64_t hi) {
  OVS_CHECK(lo <= hi);
  std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == ~std::uint64_t{0}) return static_cast<std::int64_t>(Next());
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + Below(span + 1));
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

bool Rng::Chance(double p) { return Unit() < p; }

std::size_t Rng::Pick(std::span<const std::uint32_t> weights) {
  std::uint64_t total = 0;
  for (std::uint32_t w : weights) total += w;
  OVS_CHECK(total > 0);
  std::uint64_t r = Below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return weights.size() - 1;  // not reached: r < total
}

std::size_t PickCumulative(Rng& rng, std::span<const std::uint64_t> cumulative) {
  OVS_CHECK(!cumulative.empty() && cumulative.back() > 0);
  std::uint64_t r = rng.Below(cumulative.back());
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                  cumulative.begin());
}

}  // namespace oversight::demo
