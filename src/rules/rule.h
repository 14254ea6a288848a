#pragma once

// A supervision rule as loaded from its YAML document (docs/RULES.md): what it
// watches (kind), where it applies (scope), how bad it is (the level ladder) and
// why (legal basis). Rules are values; the engine evaluates them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/time.h"
#include "model/event_type.h"
#include "model/time_limit.h"
#include "rules/expr/expr.h"

namespace oversight::rules {

// The seed's three-level supervision (三级监督).
enum class RuleLevel : std::uint8_t { kDepartment, kCommon, kAccountability };
// A department's own rule becomes active only when the bureau approves it.
enum class RuleStatus : std::uint8_t { kDraft, kPendingApproval, kActive, kRetired };
// notice (提醒, before a deadline), yellow card (黄牌, breach), red card (红牌, serious breach).
enum class AlertLevel : std::uint8_t { kNotice, kYellow, kRed };

std::string_view RuleLevelName(RuleLevel level);      // "department" | "common" | "accountability"
std::string_view RuleStatusName(RuleStatus status);   // "draft" | "pending_approval" | "active" | "retired"
std::string_view AlertLevelName(AlertLevel level);    // "notice" | "yellow" | "red"
// The names back; exact and case-sensitive.
std::optional<RuleLevel> ParseRuleLevel(std::string_view name);
std::optional<RuleStatus> ParseRuleStatus(std::string_view name);
std::optional<AlertLevel> ParseAlertLevel(std::string_view name);

// Which events a rule step refers to: canonical types, and/or source step names
// (events whose source step_name is one of them, whatever type they were mapped to).
struct EventMatcher {
  std::vector<model::EventType> types;
  std::vector<std::string> step_names;
  bool Matches(model::EventType type, std::string_view step_name) const;
};

// Where a deadline's amount comes from.
enum class LimitSource : std::uint8_t { kFixed, kItemPromised, kItemStatutory };

// One rung of a deadline's ladder: e.g. a notice 1 working day before the promised
// limit, a yellow card at the promised limit, a red card at the statutory limit.
struct DeadlineStage {
  AlertLevel level = AlertLevel::kYellow;
  LimitSource source = LimitSource::kFixed;
  model::TimeLimit limit;          // the amount when kFixed; the unit override otherwise (amount ignored)
  bool unit_from_item = true;      // for item limits: use the item's own unit
  std::int64_t before = 0;         // fire this many units of `limit.unit` before the limit (notices)
};

// How a period ends: the Civil Code's rule (end of the last day, default) or the
// same clock time as the start.
enum class Counting : std::uint8_t { kEndOfDay, kSameClockTime };
std::string_view CountingName(Counting counting);  // "end_of_day" | "same_clock_time"
std::optional<Counting> ParseCounting(std::string_view name);

struct DeadlineRule {
  EventMatcher start;               // the clock starts at the first matching event
  EventMatcher stop;                // any matching event stops it (on time when before the due instant)
  std::vector<std::pair<EventMatcher, EventMatcher>> pauses;  // pause ↔ resume pairs
  std::vector<DeadlineStage> ladder;
  Counting counting = Counting::kEndOfDay;
};

// More than `max` events matching in one case (一次性告知: at most one supplement request).
struct MaxCountRule {
  EventMatcher event;
  std::int64_t max = 1;
};

// `event` happens without any `requires_before` event earlier in the case. Fires
// at most once per case, on the first such event.
struct SequenceRule {
  EventMatcher event;
  EventMatcher requires_before;
};

// From `start` to `end` takes less than `min` (体外循环 risk).
struct MinDurationRule {
  EventMatcher start;
  EventMatcher end;
  base::Milliseconds min{0};
};

// Fires on each matching event for which `condition` (over case, item, dept and
// event) is true: the condition describes the breach, e.g. a fee that differs from
// the item's standard.
struct CheckRule {
  EventMatcher event;
  expr::Expr condition;
};

// Per department and calendar month: numerator / denominator above `bound` with
// at least `min_cases` in the denominator. Both are case predicates written over
// events: a case counts when the predicate is true for at least one of its events
// (e.g. `event.type == "reject"`), in the department and month of its first event
// that matches the denominator.
struct RateRule {
  expr::Expr numerator;
  expr::Expr denominator;
  double bound = 0.3;
  std::int64_t min_cases = 30;
};

// Two sources' views of one case disagree on `field` (stage or result) longer than `grace`.
struct ReconcileRule {
  std::string source_a;
  std::string source_b;
  std::string field = "stage";
  base::Milliseconds grace{0};
};

using RuleKind = std::variant<DeadlineRule, MaxCountRule, SequenceRule, MinDurationRule,
                              CheckRule, RateRule, ReconcileRule>;

std::string_view RuleKindName(const RuleKind& kind);  // "deadline", "max_count", ...

struct Rule {
  std::string id;              // stable, e.g. "license.accept-within-5-days"
  std::int64_t version = 1;
  std::string title;           // Chinese first, e.g. "受理时限（5个工作日）"
  RuleLevel level = RuleLevel::kCommon;
  RuleStatus status = RuleStatus::kActive;
  std::string owner_dept;      // department rules only: the proposing department's USCC
  std::string approved_by;     // department rules: who at the bureau approved it
  std::optional<base::Date> approved_on;  // department rules: when
  std::string legal_basis;     // e.g. "《中华人民共和国行政许可法》第三十二条"
  std::string description;     // for people: what the rule watches and why
  bool proposal = false;       // a configurable practice, not a legal requirement
  model::CaseKind case_kind = model::CaseKind::kApproval;
  std::optional<expr::Expr> scope;  // absent: every case of case_kind
  AlertLevel level_when_breached = AlertLevel::kYellow;  // non-deadline kinds
  RuleKind kind;
  // Where the rule came from, for messages: "rules/common/acceptance.yaml:3".
  std::string origin;
};

// Settings for a whole rule folder (its optional `ruleset.yaml`).
struct RuleSetSettings {
  // The counting convention of deadlines that do not name their own.
  Counting counting = Counting::kEndOfDay;
};

struct RuleSet {
  std::vector<Rule> rules;
  RuleSetSettings settings;  // already applied to `rules`; kept for reports
};

}  // namespace oversight::rules
