#include "spotcheck/draw.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace oversight::spotcheck {
namespace {

constexpr std::int64_t kMillion = 1'000'000;

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

// Picks `k` of `n` positions by a partial Fisher–Yates shuffle; returns them in
// the order drawn.
std::vector<std::size_t> Pick(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<std::size_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = i;
  std::mt19937_64 rng(seed);
  k = std::min(k, n);
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(BoundedDraw(rng, n - i));
    std::swap(idx[i], idx[j]);
  }
  idx.resize(k);
  return idx;
}

struct Stratum {
  std::size_t begin = 0;  // into the sorted candidates
  std::size_t end = 0;
  std::int64_t quota = 0;
};

bool ByStratumThenCase(const Candidate& a, const Candidate& b) {
  if (a.dept_code != b.dept_code) return a.dept_code < b.dept_code;
  if (a.item_code != b.item_code) return a.item_code < b.item_code;
  return a.case_id < b.case_id;
}

// Splits a department's quota over its strata in proportion to their sizes:
// whole shares first, then one more to the largest remainders (ties: the first
// stratum by item code).
void Allocate(std::vector<Stratum*>& strata, std::int64_t quota) {
  std::int64_t population = 0;
  for (const Stratum* s : strata) population += static_cast<std::int64_t>(s->end - s->begin);
  quota = std::min(quota, population);
  if (population == 0) return;
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;  // (remainder, index)
  std::int64_t given = 0;
  for (std::size_t i = 0; i < strata.size(); ++i) {
    const std::int64_t n = static_cast<std::int64_t>(strata[i]->end - strata[i]->begin);
    strata[i]->quota = quota * n / population;
    given += strata[i]->quota;
    remainders.emplace_back(quota * n % population, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; given < quota && i < remainders.size(); ++i, ++given) {
    ++strata[remainders[i].second]->quota;
  }
}

}  // namespace

std::string_view SizingName(Sizing sizing) {
  switch (sizing) {
    case Sizing::kPerStratum:
      return "per_stratum";
    case Sizing::kPerDepartment:
      return "per_dept";
    case Sizing::kRate:
      return "rate";
  }
  return "per_stratum";
}

std::string_view ReasonName(Reason reason) {
  return reason == Reason::kMinimum ? "minimum" : "stratum";
}

base::Status ValidateConfig(const DrawConfig& config) {
  if (config.sizing == Sizing::kRate) {
    if (config.rate_ppm < 1 || config.rate_ppm > kMillion) {
      return base::InvalidArgument("rate: must be more than 0 and at most 1");
    }
  } else if (config.size < 1 || config.size > kMaxSize) {
    return base::InvalidArgument(
        std::string(config.sizing == Sizing::kPerStratum ? "per_stratum" : "per_dept") +
        ": must be between 1 and " + std::to_string(kMaxSize));
  }
  if (config.min_per_dept < 0 || config.min_per_dept > kMaxSize) {
    return base::InvalidArgument("min_per_dept: must be between 0 and " + std::to_string(kMaxSize));
  }
  return base::Status::Ok();
}

base::Result<std::int64_t> RateToPpm(double rate) {
  if (!std::isfinite(rate) || rate <= 0 || rate > 1) {
    return base::InvalidArgument("rate: must be more than 0 and at most 1");
  }
  const std::int64_t ppm = std::llround(rate * kMillion);
  if (ppm < 1) return base::InvalidArgument("rate: must be at least 0.000001");
  return ppm;
}

std::string ConfigJson(const DrawConfig& config) {
  std::string out = "{\"sizing\":\"" + std::string(SizingName(config.sizing)) + "\"";
  if (config.sizing == Sizing::kRate) {
    std::string rate;
    if (config.rate_ppm >= kMillion) {
      rate = "1";
    } else {
      std::string fraction = std::to_string(config.rate_ppm);
      fraction.insert(0, 6 - fraction.size(), '0');
      while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
      rate = "0." + fraction;
    }
    out += ",\"rate\":\"" + rate + "\"";
  } else {
    out += ",\"size\":" + std::to_string(config.size);
  }
  out += ",\"min_per_dept\":" + std::to_string(config.min_per_dept) + "}";
  return out;
}

std::uint64_t BoundedDraw(std::mt19937_64& rng, std::uint64_t n) {
  // 2^64 mod n: values below it would make the low residues more likely.
  const std::uint64_t threshold = (0 - n) % n;
  while (true) {
    const std::uint64_t x = rng();
    if (x >= threshold) return x % n;
  }
}

std::uint64_t StratumSeed(std::uint64_t seed, std::string_view key) {
  return SplitMix64(seed ^ SplitMix64(Fnv1a(key)));
}

base::Result<DrawResult> Draw(std::vector<Candidate> candidates, std::uint64_t seed,
                              const DrawConfig& config) {
  OVS_RETURN_IF_ERROR(ValidateConfig(config));
  if (seed > kMaxSeed) {
    return base::InvalidArgument("seed: must be between 0 and " + std::to_string(kMaxSeed));
  }
  std::stable_sort(candidates.begin(), candidates.end(), ByStratumThenCase);
  {
    std::set<std::string> seen;
    std::erase_if(candidates, [&](const Candidate& c) { return !seen.insert(c.case_id).second; });
  }

  std::vector<Stratum> strata;
  for (std::size_t i = 0; i < candidates.size();) {
    std::size_t j = i;
    while (j < candidates.size() && candidates[j].dept_code == candidates[i].dept_code &&
           candidates[j].item_code == candidates[i].item_code) {
      ++j;
    }
    strata.push_back({i, j, 0});
    i = j;
  }
  std::map<std::string, std::vector<Stratum*>> by_dept;
  for (Stratum& s : strata) by_dept[candidates[s.begin].dept_code].push_back(&s);

  for (auto& [dept, list] : by_dept) {
    if (config.sizing == Sizing::kPerDepartment) {
      Allocate(list, config.size);
      continue;
    }
    for (Stratum* s : list) {
      const std::int64_t n = static_cast<std::int64_t>(s->end - s->begin);
      s->quota = config.sizing == Sizing::kRate ? (n * config.rate_ppm + kMillion / 2) / kMillion
                                                : std::min(config.size, n);
    }
  }

  // chosen[i]: whether candidates[i] is in the sample, and why.
  std::vector<std::optional<Reason>> chosen(candidates.size());
  for (const Stratum& s : strata) {
    const Candidate& first = candidates[s.begin];
    const std::uint64_t stratum_seed =
        StratumSeed(seed, "stratum\x1f" + first.dept_code + "\x1f" + first.item_code);
    for (std::size_t k : Pick(s.end - s.begin, static_cast<std::size_t>(s.quota), stratum_seed)) {
      chosen[s.begin + k] = Reason::kStratum;
    }
  }
  if (config.min_per_dept > 0) {
    for (const auto& [dept, list] : by_dept) {
      std::vector<std::size_t> rest;  // the department's unchosen candidates, in sorted order
      std::int64_t have = 0;
      for (const Stratum* s : list) {
        for (std::size_t i = s->begin; i < s->end; ++i) {
          if (chosen[i]) {
            ++have;
          } else {
            rest.push_back(i);
          }
        }
      }
      if (have >= config.min_per_dept) continue;
      const std::size_t need = static_cast<std::size_t>(config.min_per_dept - have);
      for (std::size_t k : Pick(rest.size(), need, StratumSeed(seed, "minimum\x1f" + dept))) {
        chosen[rest[k]] = Reason::kMinimum;
      }
    }
  }

  DrawResult result;
  result.population = static_cast<std::int64_t>(candidates.size());
  for (const Stratum& s : strata) {
    StratumCount count{candidates[s.begin].dept_code, candidates[s.begin].item_code,
                       static_cast<std::int64_t>(s.end - s.begin), 0};
    for (std::size_t i = s.begin; i < s.end; ++i) {
      if (!chosen[i]) continue;
      ++count.sampled;
      result.sample.push_back({candidates[i], *chosen[i]});
    }
    result.strata.push_back(std::move(count));
  }
  return result;
}

}  // namespace oversight::spotcheck
