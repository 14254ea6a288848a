#include "server/sse_hub.h"

#include <chrono>

namespace oversight::server {

std::shared_ptr<SseHub::Subscription> SseHub::Subscribe(store::Scope scope) {
  std::shared_ptr<Subscription> sub(new Subscription(*this, std::move(scope)));
  std::lock_guard lock(mu_);
  std::erase_if(subscribers_, [](const std::weak_ptr<Subscription>& w) { return w.expired(); });
  subscribers_.push_back(sub);
  return sub;
}

void SseHub::Publish(std::string event, std::string dept_code, std::string data) {
  {
    std::lock_guard lock(mu_);
    const std::int64_t id = next_id_++;
    for (const std::weak_ptr<Subscription>& w : subscribers_) {
      std::shared_ptr<Subscription> sub = w.lock();
      if (!sub || !sub->scope_.Allows(dept_code)) continue;
      if (sub->queue_.size() >= kMaxQueued) {
        sub->queue_.pop_front();
        sub->lagged_ = true;
      }
      sub->queue_.push_back(SseMessage{id, event, dept_code, data});
    }
  }
  cv_.notify_all();
}

void SseHub::Close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

bool SseHub::Subscription::closed() const {
  std::lock_guard lock(hub_.mu_);
  return hub_.closed_;
}

std::optional<SseMessage> SseHub::Subscription::Next(int wait_ms) {
  std::unique_lock lock(hub_.mu_);
  hub_.cv_.wait_for(lock, std::chrono::milliseconds(wait_ms),
                    [&] { return hub_.closed_ || !queue_.empty() || lagged_; });
  if (hub_.closed_) return std::nullopt;
  if (lagged_) {
    lagged_ = false;
    return SseMessage{0, "lagged", "", "{\"message\":\"some changes were dropped; refetch\"}"};
  }
  if (queue_.empty()) return std::nullopt;
  SseMessage m = std::move(queue_.front());
  queue_.pop_front();
  return m;
}

}  // namespace oversight::server
