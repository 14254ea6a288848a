#pragma once

// The rules that look past one case's own clock (DESIGN §5):
//   rate      — per department and calendar month, the share of cases whose
//               numerator holds among those whose denominator holds, above a bound
//               with at least min_cases in the denominator;
//   reconcile — two sources' views of one case disagree (the type of each
//               source's latest event), and have for longer than the grace.
// Pure like the engine: cases are added one by one (any order), the result is the
// same. Rate alerts belong to a department and month, not a case: their case_id is
// "<dept code>/<YYYY-MM>" and their occurrence YYYYMM.
//
//   AggregateRules aggregate(engine);
//   for each case: alerts += aggregate.AddCase(events, now);   // reconcile, per case
//   alerts += aggregate.RateAlerts();                          // after every case

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "engine/alert_change.h"
#include "engine/engine.h"

namespace oversight::engine {

class AggregateRules {
 public:
  explicit AggregateRules(const Engine& engine);

  // Counts the case for the rate rules and returns its reconcile alerts at `now`.
  // `events` in event-time order.
  std::vector<AlertChange> AddCase(const std::vector<model::Event>& events, base::Instant now);

  // Rate alerts over every case added so far.
  std::vector<AlertChange> RateAlerts() const;

  bool empty() const { return rate_rules_.empty() && reconcile_rules_.empty(); }

 private:
  struct Tally {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
  };
  void CountRate(std::size_t rule_index, const std::vector<model::Event>& events);
  std::optional<AlertChange> Reconcile(std::size_t rule_index,
                                       const std::vector<model::Event>& events,
                                       base::Instant now) const;

  const Engine& engine_;
  std::vector<std::size_t> rate_rules_;
  std::vector<std::size_t> reconcile_rules_;
  // (rule index, department, YYYYMM) → counts
  std::map<std::tuple<std::size_t, std::string, int>, Tally> tallies_;
};

}  // namespace oversight::engine
