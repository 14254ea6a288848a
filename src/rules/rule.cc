#include "rules/rule.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace oversight::rules {
namespace {

constexpr std::array<std::string_view, 3> kRuleLevelNames = {"department", "common", "accountability"};
constexpr std::array<std::string_view, 4> kRuleStatusNames = {"draft", "pending_approval", "active",
                                                              "retired"};
constexpr std::array<std::string_view, 3> kAlertLevelNames = {"notice", "yellow", "red"};
constexpr std::array<std::string_view, 2> kCountingNames = {"end_of_day", "same_clock_time"};

template <typename Enum, std::size_t N>
std::optional<Enum> ParseName(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view RuleLevelName(RuleLevel level) { return kRuleLevelNames[static_cast<int>(level)]; }
std::string_view RuleStatusName(RuleStatus status) {
  return kRuleStatusNames[static_cast<int>(status)];
}
std::string_view AlertLevelName(AlertLevel level) { return kAlertLevelNames[static_cast<int>(level)]; }
std::string_view CountingName(Counting counting) { return kCountingNames[static_cast<int>(counting)]; }

std::optional<RuleLevel> ParseRuleLevel(std::string_view name) {
  return ParseName<RuleLevel>(kRuleLevelNames, name);
}
std::optional<RuleStatus> ParseRuleStatus(std::string_view name) {
  return ParseName<RuleStatus>(kRuleStatusNames, name);
}
std::optional<AlertLevel> ParseAlertLevel(std::string_view name) {
  return ParseName<AlertLevel>(kAlertLevelNames, name);
}
std::optional<Counting> ParseCounting(std::string_view name) {
  return ParseName<Counting>(kCountingNames, name);
}

bool EventMatcher::Matches(model::EventType type, std::string_view step_name) const {
  if (std::find(types.begin(), types.end(), type) != types.end()) return true;
  return !step_name.empty() &&
         std::find(step_names.begin(), step_names.end(), step_name) != step_names.end();
}

std::string_view RuleKindName(const RuleKind& kind) {
  return std::visit(
      [](const auto& k) -> std::string_view {
        using K = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<K, DeadlineRule>) return "deadline";
        if constexpr (std::is_same_v<K, MaxCountRule>) return "max_count";
        if constexpr (std::is_same_v<K, SequenceRule>) return "sequence";
        if constexpr (std::is_same_v<K, MinDurationRule>) return "min_duration";
        if constexpr (std::is_same_v<K, CheckRule>) return "check";
        if constexpr (std::is_same_v<K, RateRule>) return "rate";
        if constexpr (std::is_same_v<K, ReconcileRule>) return "reconcile";
      },
      kind);
}

}  // namespace oversight::rules
