#pragma once

// Everything the routes share: the store (one connection, serialised by one
// mutex — SQLite writes one at a time anyway), the engine kept live, the
// calendar, sign-in, the operations audit trail, the alert stream and the
// metrics. The HTTP layer (http_server.h) knows nothing of these; handlers
// (api_*.cc) reach them through here.

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "auth/authenticator.h"
#include "calendar/calendar.h"
#include "engine/engine.h"
#include "server/metrics.h"
#include "server/route.h"
#include "server/sse_hub.h"
#include "store/store.h"
#include "supervisor/engine_setup.h"
#include "supervisor/live_supervisor.h"

namespace oversight::server {

struct ServiceOptions {
  supervisor::EngineSetup engine;  // rule folder, holidays, closures, calendar options
  std::string zone = "Asia/Shanghai";
  auth::AuthPolicy auth;
  int escalate_after_working_days = 3;  // unanswered alerts escalate after this many
  std::size_t max_events_per_request = 10'000;
  bool secure_cookies = false;  // mark the session cookie Secure (when served behind TLS)
  // The default rating of 好差评: a case completed this many days ago without a
  // rating gets `default_rating_level` (1..3); 0: off (docs/COMPLAINTS.md).
  int default_rating_after_days = 0;
  int default_rating_level = 3;
  std::string scoring_model_file = "scoring/default.yaml";  // the department scoring model
};

class Service {
 public:
  Service(std::unique_ptr<store::Store> store, ServiceOptions options);
  ~Service();

  // Loads the calendar and rules, judges the stored history (which brings the
  // alerts table up to date) and, on a store without users, creates the first
  // administrators and writes their one-time passwords to `setup_out`.
  base::Status Start(base::Instant now, std::ostream& setup_out);

  // Held by every handler that touches the store, the engine or sign-in.
  std::unique_lock<std::mutex> Lock() { return std::unique_lock(mu_); }

  store::Store& store() { return *store_; }
  auth::Authenticator& auth() { return *auth_; }
  const engine::Engine& engine() const { return *engine_; }
  supervisor::LiveSupervisor& live() { return *live_; }
  // The current calendar. A reference stays valid for the service's life, so
  // handlers may use it without the lock while a closure replaces it.
  const calendar::Calendar& calendar() const { return *calendar_.load(); }
  const ServiceOptions& options() const { return options_; }
  SseHub& hub() { return hub_; }
  // Public pages of published rankings, by publication id (publications never
  // change, so an entry never goes stale). Lock held.
  std::map<std::int64_t, std::string>& public_rankings_cache() { return public_rankings_; }
  Metrics& metrics() { return metrics_; }
  bool ready() const { return ready_; }

  // Appends an operation to the audit trail (lock held). A failure to record is
  // logged and turns the request into an error: an unrecorded change must not
  // look successful.
  base::Status Record(const Call& call, std::string_view action, std::string_view object,
                      std::string_view result, std::string_view detail = {});

  // Rebuilds the engine from the rule folder and the approval history, then
  // re-judges everything (after a rule is approved or retired). Lock held.
  base::Status ReloadRules(base::Instant now);

  // Reloads the calendar with the store's closures, then the engine on it, and
  // re-judges everything (after a local closure is added). Lock held.
  base::Status ReloadCalendar(base::Instant now);

  // The scheduled work, run every few seconds on the clock: deadlines that came
  // due, unanswered alerts to escalate, expired sessions. Takes the lock.
  void RunJobs(base::Instant now);

  // Tells the alert stream what a live step changed (lock held).
  void Publish(const supervisor::LiveChanges& changes);
  void PublishAlert(const store::AlertRecord& alert, std::string_view event);

 private:
  std::mutex mu_;
  std::unique_ptr<store::Store> store_;
  ServiceOptions options_;
  std::unique_ptr<auth::Authenticator> auth_;
  // Every calendar the service has used, kept so that references handed out
  // before a closure was added stay valid (closures are rare); the current one
  // is published through calendar_.
  std::vector<std::unique_ptr<const calendar::Calendar>> calendars_;
  std::atomic<const calendar::Calendar*> calendar_{nullptr};
  std::optional<engine::Engine> engine_;
  std::unique_ptr<supervisor::LiveSupervisor> live_;
  SseHub hub_;
  Metrics metrics_;
  bool ready_ = false;
  base::Instant next_default_ratings_{};  // the default-rating job runs every 10 minutes
  std::map<std::int64_t, std::string> public_rankings_;
};

}  // namespace oversight::server
