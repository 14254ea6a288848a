#pragma once

// The server's Prometheus metrics (text exposition format 0.0.4): counters and a
// request-latency histogram, updated lock-free on the request path. Gauges that
// live in the store (quarantine size, open alerts by level) are read when
// /metrics is scraped and passed to Render.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <string>

namespace oversight::server {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void ObserveRequest(int status, double seconds);
  void AddEventsIngested(std::int64_t n) { events_ingested_ += n; }
  void AddEventsDuplicate(std::int64_t n) { events_duplicate_ += n; }
  void AddEventsQuarantined(std::int64_t n) { events_quarantined_ += n; }
  void AddAlertsRaised(std::int64_t n) { alerts_raised_ += n; }
  void SignInFailed() { ++sign_in_failures_; }

  struct StoreGauges {
    std::int64_t events_stored = 0;
    std::int64_t quarantine_open = 0;
    std::int64_t cases = 0;
    std::map<std::string, std::int64_t> alerts_open_by_level;
    std::int64_t live_cases = 0;
    std::int64_t live_timers = 0;
  };
  std::string Render(const StoreGauges& gauges) const;

 private:
  std::array<std::atomic<std::int64_t>, kBuckets.size() + 1> latency_buckets_{};
  std::atomic<std::int64_t> latency_count_{0};
  std::atomic<std::int64_t> latency_micros_{0};
  std::array<std::atomic<std::int64_t>, 6> by_class_{};  // 1xx .. 5xx, by status / 100
  std::atomic<std::int64_t> events_ingested_{0};
  std::atomic<std::int64_t> events_duplicate_{0};
  std::atomic<std::int64_t> events_quarantined_{0};
  std::atomic<std::int64_t> alerts_raised_{0};
  std::atomic<std::int64_t> sign_in_failures_{0};
};

}  // namespace oversight::server
