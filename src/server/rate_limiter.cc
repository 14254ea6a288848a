#include "server/rate_limiter.h"

#include <algorithm>

namespace oversight::server {

bool RateLimiter::Allow(const std::string& client, base::Instant now) {
  std::lock_guard lock(mu_);
  if (buckets_.size() > 100'000) buckets_.clear();  // bounded memory under address churn
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.at = now;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace oversight::server
