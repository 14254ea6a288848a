#include "engine/aggregate.h"

#include <cstdio>

namespace oversight::engine {
namespace {

// The local (China Standard Time) month of an instant as YYYYMM: periods are the
// city's months. The calendar zone is fixed at +08:00 for this purpose.
int LocalMonth(base::Instant at) {
  auto day = std::chrono::floor<std::chrono::days>(at + std::chrono::hours(8));
  std::chrono::year_month_day ymd(day);
  return int(ymd.year()) * 100 + int(unsigned(ymd.month()));
}

std::string MonthText(int yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

}  // namespace

AggregateRules::AggregateRules(const Engine& engine) : engine_(engine) {
  const auto& rules = engine.rule_set().rules;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (std::holds_alternative<rules::RateRule>(rules[i].kind)) rate_rules_.push_back(i);
    if (std::holds_alternative<rules::ReconcileRule>(rules[i].kind)) reconcile_rules_.push_back(i);
  }
}

std::vector<AlertChange> AggregateRules::AddCase(const std::vector<model::Event>& events,
                                                 base::Instant now) {
  std::vector<AlertChange> out;
  if (events.empty()) return out;
  for (std::size_t rule : rate_rules_) CountRate(rule, events);
  for (std::size_t rule : reconcile_rules_) {
    if (auto alert = Reconcile(rule, events, now)) out.push_back(std::move(*alert));
  }
  return out;
}

void AggregateRules::CountRate(std::size_t rule_index, const std::vector<model::Event>& events) {
  const rules::Rule& rule = engine_.rule_set().rules[rule_index];
  const model::Event& first = events.front();
  if (first.kind != rule.case_kind) return;
  if (rule.scope && !engine_.Holds(*rule.scope, first, first)) return;
  const auto& rate = std::get<rules::RateRule>(rule.kind);
  const model::Event* counted_at = nullptr;
  bool numerator = false;
  for (const model::Event& e : events) {
    if (counted_at == nullptr && engine_.Holds(rate.denominator, e, first)) counted_at = &e;
    if (!numerator && engine_.Holds(rate.numerator, e, first)) numerator = true;
  }
  if (counted_at == nullptr) return;
  Tally& tally = tallies_[{rule_index, counted_at->dept_code, LocalMonth(counted_at->at)}];
  ++tally.denominator;
  if (numerator) ++tally.numerator;
}

std::vector<AlertChange> AggregateRules::RateAlerts() const {
  std::vector<AlertChange> out;
  for (const auto& [key, tally] : tallies_) {
    const auto& [rule_index, dept, month] = key;
    const rules::Rule& rule = engine_.rule_set().rules[rule_index];
    const auto& rate = std::get<rules::RateRule>(rule.kind);
    if (tally.denominator < rate.min_cases) continue;  // too few cases to judge
    double share = double(tally.numerator) / double(tally.denominator);
    if (share <= rate.bound) continue;
    AlertChange alert;
    alert.rule_id = rule.id;
    alert.case_id = dept + "/" + MonthText(month);
    alert.occurrence = month;
    alert.level = rule.level_when_breached;
    // It became true when the month ended: the first instant of the next month, local.
    int next = month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;
    alert.at = std::chrono::sys_days(std::chrono::year(next / 100) / std::chrono::month(next % 100) /
                                     std::chrono::day(1)) -
               std::chrono::hours(8);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%lld of %lld (%.1f%%) in %s, above %.1f%%",
                  static_cast<long long>(tally.numerator), static_cast<long long>(tally.denominator),
                  100.0 * share, MonthText(month).c_str(), 100.0 * rate.bound);
    alert.reason = buf;
    out.push_back(std::move(alert));
  }
  return out;
}

std::optional<AlertChange> AggregateRules::Reconcile(std::size_t rule_index,
                                                     const std::vector<model::Event>& events,
                                                     base::Instant now) const {
  const rules::Rule& rule = engine_.rule_set().rules[rule_index];
  const auto& reconcile = std::get<rules::ReconcileRule>(rule.kind);
  const model::Event* last_a = nullptr;
  const model::Event* last_b = nullptr;
  for (const model::Event& e : events) {  // in event-time order: the last one wins
    if (e.source == reconcile.source_a) last_a = &e;
    if (e.source == reconcile.source_b) last_b = &e;
  }
  // Only cases the first source reports: the other one must agree with it.
  if (last_a == nullptr) return std::nullopt;
  const model::Event& first = events.front();
  if (first.kind != rule.case_kind) return std::nullopt;
  if (rule.scope && !engine_.Holds(*rule.scope, first, first)) return std::nullopt;
  auto view = [&](const model::Event* e) -> std::string {
    if (e == nullptr) return "nothing";
    if (reconcile.field == "result") {
      auto at = e->attrs_json.find("\"result\":\"");
      if (at == std::string::npos) return "no result";
      auto end = e->attrs_json.find('"', at + 10);
      return e->attrs_json.substr(at + 10, end == std::string::npos ? 0 : end - at - 10);
    }
    return std::string(model::EventTypeName(e->type));
  };
  std::string a = view(last_a), b = view(last_b);
  if (a == b) return std::nullopt;
  // The disagreement starts with the later of the two latest reports.
  base::Instant since = last_b == nullptr ? last_a->at : std::max(last_a->at, last_b->at);
  if (now - since < reconcile.grace) return std::nullopt;
  AlertChange alert;
  alert.rule_id = rule.id;
  alert.case_id = first.case_id;
  alert.occurrence = 1;
  alert.level = rule.level_when_breached;
  alert.at = since + reconcile.grace;
  alert.reason = reconcile.source_a + " says " + a + ", " + reconcile.source_b + " says " + b;
  return alert;
}

}  // namespace oversight::engine
