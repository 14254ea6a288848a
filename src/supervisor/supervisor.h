#pragma once

// The runtime around the engine core (DESIGN §6): runs a rule set over the
// stored history, case by case, and keeps the alert table equal to what that
// history justifies at `now` — raising what is new, withdrawing (with the
// reason) what no longer holds. A backtest does the same without writing.
//
//   OVS_ASSIGN_OR_RETURN(SuperviseSummary s, Supervise(store, engine, {.now = now}));
//
// Each case is rebuilt from all its events (Engine::Rederive), so a late event,
// a corrected rule or a replay all end in the same alert set.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "engine/engine.h"
#include "store/store.h"

namespace oversight::supervisor {

struct SuperviseOptions {
  base::Instant now{};   // deadlines are judged at this instant
  // When the alerts raised now are stored, on the caller's real (or injected)
  // clock: where their escalation clock starts (store::AlertRecord::noticed_at).
  // Default `now`; `oversight run --until` judges as of a past instant but
  // stores at the clock.
  std::optional<base::Instant> noticed_at;
  bool write = true;     // false: a backtest — report, store nothing
  // Backtest window: count only alerts that became true in [from, to).
  std::optional<base::Instant> from;
  std::optional<base::Instant> to;
  // Only these cases (after an ingest); empty: every case. Rate rules, which judge
  // a department's month as a whole, run only over every case.
  std::set<std::string> only_cases;
  bool keep_alerts = false;  // fill SuperviseSummary::alerts (backtest listings)
  // Called with each case's rebuilt state (a live service keeps them and ticks
  // them when their next due comes); may move from `derived`.
  std::function<void(const std::string& case_id, const std::string& dept_code,
                     engine::Rederived& derived)>
      on_case;
};

struct SuperviseSummary {
  std::int64_t cases = 0;
  std::int64_t events = 0;
  std::int64_t raised = 0;     // new alerts (written, or that would be written)
  std::int64_t withdrawn = 0;  // open alerts the history no longer justifies
  std::int64_t alerts = 0;     // alerts the history justifies, in the window
  std::map<std::pair<std::string, std::string>, std::int64_t> by_rule_level;
  std::vector<engine::AlertChange> kept;  // with keep_alerts
  std::string problem;  // the first calendar problem met, if any

  std::string ToJson() const;
  std::string ToText() const;
};

// The stored form of an alert the engine raised.
store::AlertRecord ToAlertRecord(const engine::AlertChange& change, std::int64_t rule_version,
                                 const std::string& dept_code);

base::Result<SuperviseSummary> Supervise(store::Store& store, const engine::Engine& engine,
                                         const SuperviseOptions& options);

}  // namespace oversight::supervisor
