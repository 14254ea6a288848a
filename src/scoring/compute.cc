#include "scoring/compute.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "scoring/case_facts.h"
#include "scoring/fields.h"
#include "scoring/points.h"
#include "store/alert_workflow_store.h"

namespace oversight::scoring {
namespace {

namespace expr = rules::expr;

constexpr int kCurrent = 0;
constexpr int kPrevious = 1;

struct Cell {
  double numerator = 0;
  std::int64_t denominator = 0;
};

// One department's counts, for the period [0] and the one before [1].
struct DeptTally {
  std::array<std::vector<Cell>, 2> indicators;
  std::array<std::vector<std::int64_t>, 2> deductions;
  std::array<std::vector<std::set<std::string>>, 2> deduction_cases;  // per: case
};

class Computation {
 public:
  Computation(const ScoringModel& model, const ComputeOptions& options, PeriodRange current,
              PeriodRange previous)
      : model_(model), options_(options), ranges_{current, previous} {
    context_.calendar = options.calendar;
    for (const DrillKey& key : options.drill) wanted_.insert({key.dept_code, key.figure_id});
  }

  base::Status Load(store::Store& store) {
    OVS_ASSIGN_OR_RETURN(departments_, store.ListDepartments());
    for (const model::Department& d : departments_) dept_by_code_[d.code] = &d;
    OVS_ASSIGN_OR_RETURN(items_, store.ListItems());
    for (const model::Item& item : items_) item_by_code_[item.code] = &item;
    if (UsesSubject(Subject::kAlerts)) {
      // The alerts raised in the two periods, page by page, every department.
      store::AlertQuery query;
      query.raised_from = ranges_[kPrevious].from;
      query.raised_to = ranges_[kCurrent].to;
      query.limit = store::kMaxPageSize;
      while (true) {
        OVS_ASSIGN_OR_RETURN(store::AlertPage page,
                             store.workflow().SearchAlerts(query, store::Scope::All()));
        for (store::AlertRecord& alert : page.alerts) {
          if (PeriodOf(alert.raised_at) < 0) continue;
          alerts_by_case_[alert.case_id].push_back(alerts_.size());
          alerts_.push_back(std::move(alert));
        }
        if (!page.next_cursor) break;
        query.after_id = page.next_cursor;
      }
    }
    return base::Status::Ok();
  }

  base::Status ScanCases(store::Store& store) {
    if (!UsesSubject(Subject::kCases) && alerts_.empty()) return base::Status::Ok();
    OVS_RETURN_IF_ERROR(store.ScanCasesActiveBetween(
        ranges_[kPrevious].from, ranges_[kCurrent].to,
        [&](std::vector<store::StoredEvent>& events) {
          OnCase(events);
          return true;
        }));
    // The alerts whose case had no event in either period (e.g. one raised at a due
    // time between its events) read their case on its own; an alert without a
    // case (a department-month alert of a rate rule) is counted without one.
    std::vector<std::string> rest;
    for (const auto& [id, indexes] : alerts_by_case_) rest.push_back(id);
    std::sort(rest.begin(), rest.end());
    for (const std::string& id : rest) {
      std::vector<store::StoredEvent> events;
      if (!id.empty()) {
        OVS_ASSIGN_OR_RETURN(events, store.EventsOfCase(id));
      }
      std::optional<CaseFacts> facts;
      if (!events.empty()) {
        facts = SummariseCase(events, ItemOf(events.front().event.item_code), options_.calendar);
      }
      CountAlertsOf(id, facts ? &*facts : nullptr);
    }
    return base::Status::Ok();
  }

  void CountItems() {
    if (!UsesSubject(Subject::kItems)) return;
    for (const model::Item& item : items_) {
      Subjects parts{.kase = nullptr,
                     .item = &item,
                     .dept = DeptOf(item.dept_code),
                     .dept_code = &item.dept_code,
                     .alert = nullptr};
      SubjectFields fields(Subject::kItems, parts);
      for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
        const Indicator& ind = model_.indicators[i];
        if (ind.subject != Subject::kItems) continue;
        // The catalog has no history: the same items count in both periods.
        for (int period : {kCurrent, kPrevious}) {
          CountIndicator(i, period, item.dept_code, fields, item.code, item.name);
        }
      }
    }
  }

  // Counts the alerts of one case (read with it, so that no case is kept) and
  // forgets them.
  void CountAlertsOf(const std::string& case_id, const CaseFacts* kase) {
    auto it = alerts_by_case_.find(case_id);
    if (it == alerts_by_case_.end()) return;
    for (std::size_t index : it->second) {
      const store::AlertRecord& alert = alerts_[index];
      const int period = PeriodOf(alert.raised_at);
      Subjects parts{.kase = kase,
                     .item = kase ? ItemOf(kase->item_code) : nullptr,
                     .dept = DeptOf(alert.dept_code),
                     .dept_code = &alert.dept_code,
                     .alert = &alert};
      SubjectFields fields(Subject::kAlerts, parts);
      const std::string id = std::to_string(alert.id);
      const std::string detail = alert.case_id + " " + alert.rule_id + " " + alert.level;
      for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
        if (model_.indicators[i].subject != Subject::kAlerts) continue;
        CountIndicator(i, period, alert.dept_code, fields, id, detail);
      }
      for (std::size_t d = 0; d < model_.deductions.size(); ++d) {
        if (model_.deductions[d].subject != Subject::kAlerts) continue;
        CountDeduction(d, period, alert.dept_code, fields, id, detail, alert.case_id);
      }
    }
    alerts_by_case_.erase(it);
  }

  base::Result<PeriodScores> Finish(const Period& period) {
    PeriodScores out;
    out.model_id = model_.model_id;
    out.model_version = model_.version;
    out.period = period;
    out.previous = period.Previous();
    out.from = ranges_[kCurrent].from;
    out.to = ranges_[kCurrent].to;
    out.from_text = options_.calendar->FormatLocal(out.from);
    out.to_text = options_.calendar->FormatLocal(out.to);
    for (const Indicator& ind : model_.indicators) {
      out.indicators.push_back({ind.id, ind.name_zh, ind.name_en, ind.subject, false,
                                ind.measure == Indicator::Measure::kAverage, ind.weight,
                                ind.direction});
    }
    for (const Deduction& d : model_.deductions) {
      out.deductions.push_back(
          {d.id, d.name_zh, d.name_en, d.subject, true, false, 0, Direction::kLowerIsBetter});
    }
    // Every registered department, and any other that subjects were counted for.
    std::set<std::string> codes;
    for (const model::Department& d : departments_) codes.insert(d.code);
    for (const auto& [code, tally] : tallies_) codes.insert(code);
    std::vector<std::optional<double>> totals;
    std::vector<std::optional<double>> previous_totals;
    for (const std::string& code : codes) {
      out.departments.push_back(Department(code));
      totals.push_back(out.departments.back().total);
      previous_totals.push_back(out.departments.back().previous_total);
    }
    std::vector<std::optional<int>> ranks = RankByTotal(totals);
    std::vector<std::optional<int>> previous_ranks = RankByTotal(previous_totals);
    for (std::size_t i = 0; i < out.departments.size(); ++i) {
      out.departments[i].rank = ranks[i];
      out.departments[i].previous_rank = previous_ranks[i];
    }
    SortRanked(out.departments);
    for (const auto& [key, rows] : drills_) out.drills.push_back({key.first, key.second, rows});
    for (const DrillKey& key : options_.drill) {
      if (codes.count(key.dept_code) == 0) {
        return base::NotFound("--drill: no department \"" + key.dept_code + "\" in the store");
      }
      if (drills_.count({key.dept_code, key.figure_id}) == 0) {
        out.drills.push_back({key.dept_code, key.figure_id, {}});
      }
    }
    for (Drill& drill : out.drills) {
      std::sort(drill.rows.begin(), drill.rows.end(), [](const DrillRow& a, const DrillRow& b) {
        return std::tie(a.id, a.detail) < std::tie(b.id, b.detail);
      });
    }
    std::sort(out.drills.begin(), out.drills.end(), [](const Drill& a, const Drill& b) {
      return std::tie(a.dept_code, a.figure_id) < std::tie(b.dept_code, b.figure_id);
    });
    return out;
  }

 private:
  bool UsesSubject(Subject subject) const {
    for (const Indicator& ind : model_.indicators) {
      if (ind.subject == subject) return true;
    }
    for (const Deduction& d : model_.deductions) {
      if (d.subject == subject) return true;
    }
    return false;
  }

  // kCurrent, kPrevious or -1.
  int PeriodOf(base::Instant at) const {
    if (ranges_[kCurrent].Contains(at)) return kCurrent;
    if (ranges_[kPrevious].Contains(at)) return kPrevious;
    return -1;
  }
  int PeriodOf(const std::optional<base::Instant>& at) const { return at ? PeriodOf(*at) : -1; }

  const model::Item* ItemOf(const std::string& code) const {
    auto it = item_by_code_.find(code);
    return it == item_by_code_.end() ? nullptr : it->second;
  }
  const model::Department* DeptOf(const std::string& code) const {
    auto it = dept_by_code_.find(code);
    return it == dept_by_code_.end() ? nullptr : it->second;
  }

  DeptTally& TallyOf(const std::string& dept) {
    auto [it, added] = tallies_.try_emplace(dept);
    if (added) {
      for (int p : {kCurrent, kPrevious}) {
        it->second.indicators[p].resize(model_.indicators.size());
        it->second.deductions[p].resize(model_.deductions.size());
        it->second.deduction_cases[p].resize(model_.deductions.size());
      }
    }
    return it->second;
  }

  std::vector<DrillRow>* DrillFor(int period, const std::string& dept, const std::string& figure) {
    if (period != kCurrent) return nullptr;
    const bool wanted = options_.drill_all ||
                        (!options_.drill_dept.empty() && dept == options_.drill_dept) ||
                        (!wanted_.empty() && wanted_.count({dept, figure}) != 0);
    return wanted ? &drills_[{dept, figure}] : nullptr;
  }

  void CountIndicator(std::size_t index, int period, const std::string& dept,
                      const SubjectFields& fields, const std::string& id,
                      const std::string& detail) {
    const Indicator& ind = model_.indicators[index];
    if (!ind.denominator.Evaluate(fields, context_).AsBool()) return;
    Cell& cell = TallyOf(dept).indicators[period][index];
    bool counted = false;
    std::optional<double> value;
    if (ind.measure == Indicator::Measure::kRatio) {
      counted = ind.numerator.Evaluate(fields, context_).AsBool();
      ++cell.denominator;
      if (counted) cell.numerator += 1;
    } else {
      expr::Value v = ind.value.Evaluate(fields, context_);
      if (v.type() == expr::ValueType::kNumber) {
        value = std::get<double>(v.v);
        ++cell.denominator;
        cell.numerator += *value;
        counted = true;
      }
    }
    if (std::vector<DrillRow>* rows = DrillFor(period, dept, ind.id)) {
      rows->push_back({id, detail, counted, value});
    }
  }

  void CountDeduction(std::size_t index, int period, const std::string& dept,
                      const SubjectFields& fields, const std::string& id,
                      const std::string& detail, const std::string& case_id) {
    const Deduction& d = model_.deductions[index];
    if (!d.where.Evaluate(fields, context_).AsBool()) return;
    DeptTally& tally = TallyOf(dept);
    if (d.per == Deduction::Per::kCase) {
      tally.deduction_cases[period][index].insert(case_id.empty() ? "#" + id : case_id);
    } else {
      ++tally.deductions[period][index];
    }
    if (std::vector<DrillRow>* rows = DrillFor(period, dept, d.id)) {
      rows->push_back({id, detail, true, std::nullopt});
    }
  }

  void OnCase(std::vector<store::StoredEvent>& events) {
    const model::Event& head = events.front().event;
    // Skip cases no figure places in either period, unless an alert needs them.
    const bool alerted = alerts_by_case_.count(head.case_id) != 0;
    bool relevant = alerted;
    auto placed = [&](model::CaseKind kind, model::EventType period_by) {
      if (kind != head.kind) return false;
      for (const store::StoredEvent& e : events) {
        if (e.event.type == period_by) return PeriodOf(e.event.at) >= 0;
      }
      return false;
    };
    for (const Indicator& ind : model_.indicators) {
      if (relevant) break;
      relevant = ind.subject == Subject::kCases && placed(ind.case_kind, ind.period_by);
    }
    for (const Deduction& d : model_.deductions) {
      if (relevant) break;
      relevant = d.subject == Subject::kCases && placed(d.case_kind, d.period_by);
    }
    if (!relevant) return;
    CaseFacts facts = SummariseCase(events, ItemOf(head.item_code), options_.calendar);
    Subjects parts{.kase = &facts,
                   .item = ItemOf(facts.item_code),
                   .dept = DeptOf(facts.dept_code),
                   .dept_code = &facts.dept_code,
                   .alert = nullptr};
    SubjectFields fields(Subject::kCases, parts);
    for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
      const Indicator& ind = model_.indicators[i];
      if (ind.subject != Subject::kCases || ind.case_kind != facts.kind) continue;
      const int period = PeriodOf(facts.First(ind.period_by));
      if (period < 0) continue;
      CountIndicator(i, period, facts.dept_code, fields, facts.id, facts.item_code);
    }
    for (std::size_t d = 0; d < model_.deductions.size(); ++d) {
      const Deduction& ded = model_.deductions[d];
      if (ded.subject != Subject::kCases || ded.case_kind != facts.kind) continue;
      const int period = PeriodOf(facts.First(ded.period_by));
      if (period < 0) continue;
      CountDeduction(d, period, facts.dept_code, fields, facts.id, facts.item_code, facts.id);
    }
    if (alerted) CountAlertsOf(facts.id, &facts);
  }

  DepartmentResult Department(const std::string& code) {
    DepartmentResult r;
    r.dept_code = code;
    if (const model::Department* d = DeptOf(code)) r.dept_name = d->name;
    DeptTally& tally = TallyOf(code);
    std::array<std::vector<std::optional<double>>, 2> points;
    for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
      const Indicator& ind = model_.indicators[i];
      const Cell& now = tally.indicators[kCurrent][i];
      const Cell& before = tally.indicators[kPrevious][i];
      Figure f = ScoreIndicator(ind, now.numerator, now.denominator);
      Figure g = ScoreIndicator(ind, before.numerator, before.denominator);
      r.indicators.push_back({ind.id, RoundTo(now.numerator, 4), now.denominator, f.value,
                              f.points, g.value, g.points});
      points[kCurrent].push_back(f.points);
      points[kPrevious].push_back(g.points);
    }
    std::array<double, 2> deducted = {0, 0};
    for (std::size_t d = 0; d < model_.deductions.size(); ++d) {
      const Deduction& ded = model_.deductions[d];
      std::array<std::int64_t, 2> count{};
      for (int p : {kCurrent, kPrevious}) {
        count[p] = ded.per == Deduction::Per::kCase
                       ? static_cast<std::int64_t>(tally.deduction_cases[p][d].size())
                       : tally.deductions[p][d];
      }
      DeductionResult result{ded.id, count[kCurrent], DeductionPoints(ded, count[kCurrent]),
                             count[kPrevious], DeductionPoints(ded, count[kPrevious])};
      deducted[kCurrent] += result.points;
      deducted[kPrevious] += result.previous_points;
      r.deductions.push_back(result);
    }
    r.deducted = RoundTo(deducted[kCurrent], 2);
    Total now = TotalOf(model_, points[kCurrent], r.deducted);
    // The catalog has no history, so items alone do not make a previous period to
    // compare with: it needs an indicator over its cases or alerts that applies.
    bool active_before = false;
    for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
      active_before = active_before || (model_.indicators[i].subject != Subject::kItems &&
                                        points[kPrevious][i].has_value());
    }
    Total before;
    if (active_before) before = TotalOf(model_, points[kPrevious], RoundTo(deducted[kPrevious], 2));
    r.weighted = now.weighted;
    r.total = now.total;
    r.previous_total = before.total;
    if (now.total && before.total) r.change = RoundTo(*now.total - *before.total, 2);
    return r;
  }

  const ScoringModel& model_;
  const ComputeOptions& options_;
  std::array<PeriodRange, 2> ranges_;
  expr::EvalContext context_;
  std::set<std::pair<std::string, std::string>> wanted_;
  std::vector<model::Department> departments_;
  std::vector<model::Item> items_;
  std::unordered_map<std::string, const model::Department*> dept_by_code_;
  std::unordered_map<std::string, const model::Item*> item_by_code_;
  std::vector<store::AlertRecord> alerts_;
  // Alerts of the two periods by case id, until counted with their case.
  std::unordered_map<std::string, std::vector<std::size_t>> alerts_by_case_;
  std::map<std::string, DeptTally> tallies_;
  std::map<std::pair<std::string, std::string>, std::vector<DrillRow>> drills_;
};

}  // namespace

base::Result<DrillKey> ParseDrillKey(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return base::InvalidArgument("--drill: expected DEPT:INDICATOR (a department code and an "
                                 "indicator or deduction id), found \"" +
                                 std::string(text) + "\"");
  }
  return DrillKey{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

base::Result<PeriodScores> ComputePeriod(store::Store& store, const ScoringModel& model,
                                         const Period& period, const ComputeOptions& options) {
  if (options.calendar == nullptr) {
    return base::InvalidArgument("scores: a calendar is needed (periods, deadlines)");
  }
  for (const DrillKey& key : options.drill) {
    bool known = false;
    for (const Indicator& ind : model.indicators) known = known || ind.id == key.figure_id;
    for (const Deduction& d : model.deductions) known = known || d.id == key.figure_id;
    if (!known) {
      return base::InvalidArgument("--drill: the model " + model.model_id +
                                   " has no indicator or deduction \"" + key.figure_id + "\"");
    }
  }
  Computation computation(model, options, RangeOf(period, *options.calendar),
                          RangeOf(period.Previous(), *options.calendar));
  OVS_RETURN_IF_ERROR(computation.Load(store));
  OVS_RETURN_IF_ERROR(computation.ScanCases(store));
  computation.CountItems();
  return computation.Finish(period);
}

}  // namespace oversight::scoring
