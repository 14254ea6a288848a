#include "engine/alert_change.h"

#include <algorithm>
#include <set>

namespace oversight::engine {

std::string AlertChange::DedupKey() const {
  std::string key = rule_id;
  key += '|';
  key += case_id;
  key += '|';
  key += std::to_string(occurrence);
  key += '|';
  key += rules::AlertLevelName(level);
  return key;
}

std::vector<AlertChange> DiffAlerts(const std::vector<AlertChange>& stored,
                                    const std::vector<AlertChange>& wanted, base::Instant now) {
  std::set<AlertKey> stored_keys;
  std::set<AlertKey> wanted_keys;
  for (const AlertChange& a : stored) stored_keys.insert(a.Key());
  for (const AlertChange& a : wanted) wanted_keys.insert(a.Key());

  std::vector<AlertChange> withdrawals;
  std::vector<AlertChange> raises;
  for (const AlertChange& a : stored) {
    if (wanted_keys.contains(a.Key())) continue;
    AlertChange w = a;
    w.kind = AlertChange::kWithdraw;
    w.at = now;
    w.reason = std::string(kWithdrawnAfterLateEvent);
    withdrawals.push_back(std::move(w));
    wanted_keys.insert(a.Key());  // withdraw a key stored twice only once
  }
  for (const AlertChange& a : wanted) {
    if (stored_keys.contains(a.Key())) continue;
    AlertChange r = a;
    r.kind = AlertChange::kRaise;
    raises.push_back(std::move(r));
    stored_keys.insert(a.Key());
  }
  auto by_key = [](const AlertChange& a, const AlertChange& b) { return a.Key() < b.Key(); };
  std::sort(withdrawals.begin(), withdrawals.end(), by_key);
  std::sort(raises.begin(), raises.end(), by_key);
  withdrawals.insert(withdrawals.end(), std::make_move_iterator(raises.begin()),
                     std::make_move_iterator(raises.end()));
  return withdrawals;
}

}  // namespace oversight::engine
