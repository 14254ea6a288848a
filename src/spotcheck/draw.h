#pragma once

// Drawing a spot check (线下抽查): a reproducible, stratified random sample of
// completed cases for offline inspection (docs/SURVEYS.md). Pure and
// deterministic: the same candidates, seed and configuration give the same
// sample on every platform and standard library.
//
// How: candidates are grouped into strata by (department, item) and sorted by
// case id. Each stratum gets its own std::mt19937_64 (whose output the C++
// standard fixes), seeded from the draw's seed and the stratum's key, so one
// stratum's sample does not depend on the others' contents; a partial
// Fisher–Yates shuffle with an unbiased bounded draw (written here, not
// std::uniform_int_distribution, whose output differs between libraries) picks
// the stratum's cases. A department short of its minimum is then topped up from
// its remaining cases, with a generator of its own.
//
//   DrawConfig config{.sizing = Sizing::kPerStratum, .size = 2, .min_per_dept = 3};
//   OVS_ASSIGN_OR_RETURN(DrawResult r, Draw(candidates, /*seed=*/20250301, config));

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace oversight::spotcheck {

struct Candidate {
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

enum class Sizing : std::uint8_t {
  kPerStratum,     // `size` cases from each (department, item) stratum (all when fewer)
  kPerDepartment,  // `size` cases per department, allocated to its items in proportion
  kRate,           // `rate_ppm` millionths of each stratum, rounded half up
};

std::string_view SizingName(Sizing sizing);  // "per_stratum" | "per_dept" | "rate"

// The largest seed accepted: 2^53 - 1, so that a seed survives a trip through
// JSON numbers (JavaScript's doubles) unchanged.
inline constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 53) - 1;
inline constexpr std::int64_t kMaxSize = 100'000;

struct DrawConfig {
  Sizing sizing = Sizing::kPerStratum;
  std::int64_t size = 1;          // kPerStratum, kPerDepartment: 1..kMaxSize
  std::int64_t rate_ppm = 0;      // kRate: 1..1'000'000 (1'000'000 = every case)
  std::int64_t min_per_dept = 0;  // each department gets at least this many (when it has them)
};

// InvalidArgument naming the option (size, rate, min_per_dept) at fault.
base::Status ValidateConfig(const DrawConfig& config);

// A rate 0 < r <= 1 as millionths (rounded); InvalidArgument naming `rate` otherwise.
base::Result<std::int64_t> RateToPpm(double rate);

// The configuration as stable JSON: {"sizing":"per_stratum","size":2,"min_per_dept":1}
// or {"sizing":"rate","rate":"0.05",...} (the rate as exact decimal text).
std::string ConfigJson(const DrawConfig& config);

enum class Reason : std::uint8_t { kStratum, kMinimum };
std::string_view ReasonName(Reason reason);  // "stratum" | "minimum"

struct Sampled {
  Candidate candidate;
  Reason reason = Reason::kStratum;
};

struct StratumCount {
  std::string dept_code;
  std::string item_code;
  std::int64_t population = 0;
  std::int64_t sampled = 0;  // including top-ups from this stratum
};

struct DrawResult {
  std::int64_t population = 0;       // distinct candidates
  std::vector<Sampled> sample;       // by department, item, case id
  std::vector<StratumCount> strata;  // by department, item
};

// InvalidArgument for a bad configuration or seed > kMaxSeed. Duplicate case
// ids among the candidates count once (the first by department and item).
base::Result<DrawResult> Draw(std::vector<Candidate> candidates, std::uint64_t seed,
                              const DrawConfig& config);

// Exposed for tests: a uniform draw from [0, n), n >= 1, by rejection (no
// modulo bias), and the seed of one stratum's generator.
std::uint64_t BoundedDraw(std::mt19937_64& rng, std::uint64_t n);
std::uint64_t StratumSeed(std::uint64_t seed, std::string_view key);

}  // namespace oversight::spotcheck
