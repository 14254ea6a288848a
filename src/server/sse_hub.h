#pragma once

// Fan-out of alert changes to server-sent-event streams. Each message carries the
// department it concerns; a subscriber receives only what its scope allows. A
// slow subscriber loses its oldest messages (bounded queue) rather than holding
// the publisher up, and is told so with a "lagged" event so it can refetch.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/scope.h"

namespace oversight::server {

struct SseMessage {
  std::int64_t id = 0;
  std::string event;      // "alert" | "alert_state" | "case_rejudged" | "lagged"
  std::string dept_code;  // for scoping
  std::string data;       // JSON
};

class SseHub {
 public:
  class Subscription;

  std::shared_ptr<Subscription> Subscribe(store::Scope scope);
  void Publish(std::string event, std::string dept_code, std::string data);
  // Wakes every subscriber and makes Next return nullopt (server shutdown).
  void Close();

  class Subscription {
   public:
    // Waits up to `wait_ms` for the next message. nullopt: nothing yet (or the
    // hub closed: check closed()).
    std::optional<SseMessage> Next(int wait_ms);
    bool closed() const;

   private:
    friend class SseHub;
    explicit Subscription(SseHub& hub, store::Scope scope) : hub_(hub), scope_(std::move(scope)) {}
    SseHub& hub_;
    store::Scope scope_;
    std::deque<SseMessage> queue_;
    bool lagged_ = false;
  };

  static constexpr std::size_t kMaxQueued = 1000;

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::weak_ptr<Subscription>> subscribers_;
  std::int64_t next_id_ = 1;
  bool closed_ = false;
};

}  // namespace oversight::server
