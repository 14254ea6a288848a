#pragma once

// A token bucket per client address, for the routes anyone may call (the public
// portal, sign-in). Time is passed in, so tests drive it without waiting.

#include <mutex>
#include <string>
#include <unordered_map>

#include "base/time.h"

namespace oversight::server {

class RateLimiter {
 public:
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}

  // True when `client` may make one more request at `now`.
  bool Allow(const std::string& client, base::Instant now);

 private:
  struct Bucket {
    double tokens = 0;
    base::Instant at{};
  };
  std::mutex mu_;
  double rate_;
  double burst_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace oversight::server
