#pragma once

// What the engine tells the runtime about alerts (DESIGN §6–§7): raise one, or
// withdraw one that no longer holds. An alert is identified by its key (rule,
// case, occurrence, level); the same history never produces the same key twice.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "rules/rule.h"

namespace oversight::engine {

struct AlertKey {
  std::string rule_id;
  std::string case_id;
  std::int64_t occurrence = 0;
  rules::AlertLevel level = rules::AlertLevel::kYellow;

  friend auto operator<=>(const AlertKey&, const AlertKey&) = default;
  friend bool operator==(const AlertKey&, const AlertKey&) = default;
};

struct AlertChange {
  enum Kind : std::uint8_t { kRaise, kWithdraw };
  Kind kind = kRaise;
  std::string rule_id;
  std::string case_id;
  // Which instance of the rule in this case: the ladder position (1-based) for a
  // deadline stage, the ordinal of the matching event for a check, 1 otherwise.
  std::int64_t occurrence = 1;
  rules::AlertLevel level = rules::AlertLevel::kYellow;
  // Event time at which the alert became true: the due instant for a deadline
  // stage, the event's time otherwise; for a withdrawal, the time it was decided.
  base::Instant at{};
  std::optional<base::Instant> due;  // deadline stages only
  std::string reason;

  AlertKey Key() const { return {rule_id, case_id, occurrence, level}; }
  // "rule|case|occurrence|level", for stores that want one text column.
  std::string DedupKey() const;
};

// The reason given to alerts that Rederive no longer justifies.
inline constexpr std::string_view kWithdrawnAfterLateEvent = "no longer holds after late event";

// Turns the alerts a case has (`stored`, raises) into the ones it should have
// (`wanted`, raises, e.g. Engine::Rederive's result): a withdrawal, at `now` with
// reason kWithdrawnAfterLateEvent, for each stored key not wanted, and a raise for
// each wanted key not stored. Output order: withdrawals, then raises, each by key.
std::vector<AlertChange> DiffAlerts(const std::vector<AlertChange>& stored,
                                    const std::vector<AlertChange>& wanted, base::Instant now);

}  // namespace oversight::engine
