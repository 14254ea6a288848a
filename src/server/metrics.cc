#include "server/metrics.h"

#include <fmt/format.h>

namespace oversight::server {

void Metrics::ObserveRequest(int status, double seconds) {
  std::size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++latency_buckets_[i];
  ++latency_count_;
  latency_micros_ += static_cast<std::int64_t>(seconds * 1e6);
  const int cls = status / 100;
  if (cls >= 1 && cls <= 5) ++by_class_[static_cast<std::size_t>(cls)];
}

std::string Metrics::Render(const StoreGauges& g) const {
  std::string out;
  auto counter = [&](const char* name, const char* help, std::int64_t value) {
    out += fmt::format("# HELP {0} {1}\n# TYPE {0} counter\n{0} {2}\n", name, help, value);
  };
  auto gauge = [&](const char* name, const char* help, std::int64_t value) {
    out += fmt::format("# HELP {0} {1}\n# TYPE {0} gauge\n{0} {2}\n", name, help, value);
  };
  counter("oversight_events_ingested_total", "Events stored through the API since start.",
          events_ingested_.load());
  counter("oversight_events_duplicate_total", "Events refused as already stored (idempotent resend).",
          events_duplicate_.load());
  counter("oversight_events_quarantined_total", "Records quarantined through the API since start.",
          events_quarantined_.load());
  counter("oversight_alerts_raised_total", "Alerts raised by the live engine since start.",
          alerts_raised_.load());
  counter("oversight_sign_in_failures_total", "Failed sign-ins since start.",
          sign_in_failures_.load());
  gauge("oversight_events_stored", "Events in the store.", g.events_stored);
  gauge("oversight_cases", "Cases in the store.", g.cases);
  gauge("oversight_quarantine_open", "Quarantined records not yet resolved.", g.quarantine_open);
  gauge("oversight_live_cases", "Cases whose engine state is held in memory.", g.live_cases);
  gauge("oversight_live_timers", "Cases with a pending deadline timer.", g.live_timers);
  out += "# HELP oversight_alerts_open Open alerts by level.\n# TYPE oversight_alerts_open gauge\n";
  for (const auto& [level, n] : g.alerts_open_by_level) {
    out += fmt::format("oversight_alerts_open{{level=\"{}\"}} {}\n", level, n);
  }
  out += "# HELP oversight_http_requests_total HTTP requests by status class.\n"
         "# TYPE oversight_http_requests_total counter\n";
  for (int cls = 1; cls <= 5; ++cls) {
    out += fmt::format("oversight_http_requests_total{{code=\"{}xx\"}} {}\n", cls,
                       by_class_[static_cast<std::size_t>(cls)].load());
  }
  out += "# HELP oversight_http_request_duration_seconds Request latency.\n"
         "# TYPE oversight_http_request_duration_seconds histogram\n";
  std::int64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += latency_buckets_[i].load();
    out += fmt::format("oversight_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                       kBuckets[i], cumulative);
  }
  cumulative += latency_buckets_[kBuckets.size()].load();
  out += fmt::format("oversight_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
  out += fmt::format("oversight_http_request_duration_seconds_sum {:.6f}\n",
                     static_cast<double>(latency_micros_.load()) / 1e6);
  out += fmt::format("oversight_http_request_duration_seconds_count {}\n", latency_count_.load());
  return out;
}

}  // namespace oversight::server
