#pragma once

// The demo's random numbers, bit-for-bit the same on every platform and standard
// library: xoshiro256** seeded through splitmix64, with our own distributions
// (std::uniform_int_distribution and friends are implementation-defined, so they
// would make the demo differ between libstdc++ and libc++). Only integer arithmetic
// and IEEE +, −, ×, ÷ on doubles: no libm, whose last bits vary by platform.

#include <cstdint>
#include <span>

namespace oversight::demo {

// splitmix64's finaliser: a good 64-bit mix, used to derive independent seeds.
std::uint64_t Mix64(std::uint64_t x);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // A generator for one named stream (a day, a case): changes in one stream do not
  // shift the numbers of another.
  Rng(std::uint64_t seed, std::uint64_t stream) : Rng(Mix64(seed ^ Mix64(stream + 1))) {}

  std::uint64_t Next();
  // Uniform in [0, n); n > 0. Unbiased (rejection of the short last block).
  std::uint64_t Below(std::uint64_t n);
  // Uniform in [lo, hi], lo ≤ hi.
  std::int64_t Between(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, 1) with 53 random bits.
  double Unit();
  // True with probability p (p ≤ 0: never, p ≥ 1: always).
  bool Chance(double p);
  // An index i with probability weights[i] / Σ weights; Σ weights > 0.
  std::size_t Pick(std::span<const std::uint32_t> weights);

 private:
  std::uint64_t s_[4];
};

// Cumulative weights for many picks from one table: PickCumulative is a binary search.
std::size_t PickCumulative(Rng& rng, std::span<const std::uint64_t> cumulative);

}  // namespace oversight::demo
