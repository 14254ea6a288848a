#include "demo/demo_generator.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "demo/internal/approval_planner.h"
#include "demo/internal/city_model.h"
#include "demo/internal/demand.h"
#include "demo/internal/event_queue.h"
#include "demo/internal/feedback_planner.h"
#include "demo/internal/work_clock.h"

namespace oversight::demo {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Approval cases on an ordinary working day at scale 1: about 180 k a year.
constexpr double kBasePerWorkingDay = 700.0;
constexpr double kComplaintShare = 0.015;  // complaints per approval case
constexpr double kRatingShare = 0.01;      // bad ratings per delivered case
// When people apply online, by hour of the day (local).
constexpr std::uint32_t kOnlineHours[24] = {2,  1,  1,  1,  1,  2,  4,  8,  14, 20, 22, 20,
                                            14, 12, 16, 20, 20, 16, 12, 12, 12, 10, 6,  3};
// Channel shares (window, online, mobile) by the item's online depth 0–4.
constexpr std::uint32_t kChannelWeights[5][3] = {
    {70, 20, 10}, {85, 10, 5}, {60, 28, 12}, {35, 43, 22}, {15, 50, 35}};
constexpr model::Channel kChannels[3] = {model::Channel::kWindow, model::Channel::kOnline,
                                         model::Channel::kMobile};

std::int64_t StochasticRound(double x, Rng& rng) {
  auto n = static_cast<std::int64_t>(x);
  if (rng.Unit() < x - static_cast<double>(n)) ++n;
  return n;
}

Violation DrawViolation(Rng& rng, const ViolationRates& r) {
  const std::pair<Violation, double> table[] = {
      {Violation::kAcceptanceOverdue, r.acceptance_overdue},
      {Violation::kCompletionOverdue, r.completion_overdue},
      {Violation::kSecondSupplement, r.second_supplement},
      {Violation::kDecideWithoutAccept, r.decide_without_accept},
      {Violation::kTooFast, r.too_fast},
      {Violation::kFeeMismatch, r.fee_mismatch}};
  double u = rng.Unit();
  for (const auto& [violation, rate] : table) {
    if (u < rate) return violation;
    u -= rate;
  }
  return Violation::kNone;
}

// Case numbers (办件编号): "<region>-<year>-<NNNNNN>", complaints "<region>-TS-…",
// ratings "<region>-PJ-…"; numbered per kind and year across the city.
class CaseIds {
 public:
  std::string Next(model::CaseKind kind, std::string_view region, base::Date on) {
    int year = static_cast<int>(std::chrono::year_month_day(on).year());
    std::int64_t seq = ++next_[{static_cast<int>(kind), year}];
    std::string_view tag = kind == model::CaseKind::kComplaint ? "TS-"
                           : kind == model::CaseKind::kRating  ? "PJ-"
                                                               : "";
    char buf[48];
    std::snprintf(buf, sizeof buf, "-%.*s%04d-%06lld", static_cast<int>(tag.size()), tag.data(),
                  year, static_cast<long long>(seq));
    return std::string(region) + buf;
  }

 private:
  std::map<std::pair<int, int>, std::int64_t> next_;
};

// Runs one Generate call; the generator itself stays immutable.
class DemoRun {
 public:
  DemoRun(const DemoOptions& options, const calendar::Calendar& calendar, const CityModel& city,
          const WorkClock& clock, const std::vector<double>& demand,
          const std::vector<std::uint64_t>& item_cumulative,
          const std::function<void(const model::Event&)>& on_event,
          const std::function<void(const TruthRecord&)>& on_truth)
      : options_(options),
        city_(city),
        clock_(clock),
        demand_(demand),
        item_cumulative_(item_cumulative),
        on_truth_(on_truth),
        context_{clock, calendar, city},
        approvals_(context_),
        feedback_(context_),
        queue_(clock, city, on_event, options.until) {}

  base::Result<DemoStats> Run(int span_days) {
    for (int day = 0; day < span_days; ++day) {
      // Nothing planned from a day starting at or after `until` could be kept. Every
      // day draws from its own stream, so the days before plan as without the cut.
      if (options_.until && clock_.day(day).start >= *options_.until) break;
      Rng rng(options_.seed, static_cast<std::uint64_t>(day));
      double expected = kBasePerWorkingDay * options_.scale * demand_[day];
      OVS_RETURN_IF_ERROR(PlanApprovals(rng, day, expected));
      PlanComplaints(rng, day, expected * kComplaintShare);
      queue_.EmitThrough(day);
    }
    queue_.EmitThrough(options_.until ? clock_.DayIndexOf(*options_.until)
                                      : clock_.day_count() - 1);
    stats_.events = queue_.emitted();
    stats_.last_event_at = queue_.last_at();
    return stats_;
  }

 private:
  base::Status PlanApprovals(Rng& rng, int day, double expected) {
    std::int64_t n = StochasticRound(expected * (0.92 + 0.16 * rng.Unit()), rng);
    const WorkClock::Day& d = clock_.day(day);
    std::vector<Arrival> arrivals;
    arrivals.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
      Arrival a;
      a.item = PickCumulative(rng, item_cumulative_);
      int depth = std::clamp(city_.city.items[a.item].online_depth, 0, 4);
      std::array<std::uint32_t, 3> weights = {kChannelWeights[depth][0], kChannelWeights[depth][1],
                                              kChannelWeights[depth][2]};
      if (!d.is_working) weights[0] = 0;  // the hall's windows are closed
      a.channel = kChannels[rng.Pick(weights)];
      if (a.channel == model::Channel::kWindow) {
        std::int64_t pos = (d.working_upto - 1) * WorkClock::kMinutesPerDay +
                           static_cast<std::int64_t>(rng.Below(WorkClock::kMinutesPerDay));
        a.submit_at = clock_.InstantOf(pos, static_cast<int>(rng.Below(60)));
      } else {
        a.submit_at = RandomTimeOfDay(rng, d);
      }
      arrivals.push_back(a);
    }
    std::stable_sort(arrivals.begin(), arrivals.end(),
                     [](const Arrival& a, const Arrival& b) { return a.submit_at < b.submit_at; });
    for (const Arrival& a : arrivals) {
      Violation violation = DrawViolation(rng, options_.rates);
      OVS_ASSIGN_OR_RETURN(CasePlan plan, approvals_.Plan(rng, a, violation));
      plan.case_id = ids_.Next(plan.kind, Region(plan), d.date);
      Report(plan);
      stats_.approvals += Arrives(plan);
      if (plan.events.back().type == model::EventType::kDeliver && rng.Chance(kRatingShare)) {
        CasePlan rating = feedback_.PlanRating(rng, plan);
        base::Date on = clock_.day(clock_.DayIndexOf(rating.events.front().at)).date;
        rating.case_id = ids_.Next(rating.kind, Region(rating), on);
        stats_.ratings += Arrives(rating);
        queue_.Add(std::move(rating));
      }
      queue_.Add(std::move(plan));
    }
    return base::Status::Ok();
  }

  void PlanComplaints(Rng& rng, int day, double expected) {
    const WorkClock::Day& d = clock_.day(day);
    std::int64_t n = StochasticRound(expected, rng);
    std::vector<base::Instant> times;
    for (std::int64_t i = 0; i < n; ++i) times.push_back(RandomTimeOfDay(rng, d));
    std::sort(times.begin(), times.end());
    constexpr std::uint32_t kComplaintChannels[3] = {20, 50, 30};  // hotline desk, online, mobile
    for (base::Instant at : times) {
      std::size_t item = PickCumulative(rng, item_cumulative_);
      model::Channel channel = kChannels[rng.Pick(kComplaintChannels)];
      bool late = rng.Chance(options_.rates.complaint_feedback_late);
      CasePlan plan = feedback_.PlanComplaint(rng, at, item, channel, late);
      plan.case_id = ids_.Next(plan.kind, Region(plan), d.date);
      Report(plan);
      stats_.complaints += Arrives(plan);
      queue_.Add(std::move(plan));
    }
  }

  base::Instant RandomTimeOfDay(Rng& rng, const WorkClock::Day& d) {
    return d.start + hours(rng.Pick(kOnlineHours)) + minutes(rng.Below(60)) +
           seconds(rng.Below(60));
  }

  std::string_view Region(const CasePlan& plan) const {
    return city_.city.departments[city_.items[plan.item].department].region;
  }

  // Whether the case has an event before `until` (all do without it).
  bool Arrives(const CasePlan& plan) const {
    return !options_.until || plan.events.front().at < *options_.until;
  }

  // Whether a judge holding the events before `until` sees the violation: a deadline
  // passed at or before `until` (the due is exclusive: at it the case is late, and no
  // event at or after `until` can undo that), or the breaking event before `until`.
  bool Visible(const CasePlan& plan) const {
    if (!options_.until) return true;
    if (plan.truth->expected_due) return *plan.truth->expected_due <= *options_.until;
    return plan.breach_at < *options_.until;
  }

  void Report(CasePlan& plan) {
    if (!plan.truth || !Visible(plan)) return;
    plan.truth->case_id = plan.case_id;
    on_truth_(*plan.truth);
    ++stats_.violations;
  }

  const DemoOptions& options_;
  const CityModel& city_;
  const WorkClock& clock_;
  const std::vector<double>& demand_;
  const std::vector<std::uint64_t>& item_cumulative_;
  const std::function<void(const TruthRecord&)>& on_truth_;
  PlannerContext context_;
  ApprovalPlanner approvals_;
  FeedbackPlanner feedback_;
  EventQueue queue_;
  CaseIds ids_;
  DemoStats stats_;
};

}  // namespace

DemoGenerator::DemoGenerator(DemoOptions options, calendar::Calendar calendar)
    : options_(std::move(options)), calendar_(std::move(calendar)) {}
DemoGenerator::DemoGenerator(DemoGenerator&&) noexcept = default;
DemoGenerator& DemoGenerator::operator=(DemoGenerator&&) noexcept = default;
DemoGenerator::~DemoGenerator() = default;

base::Result<DemoGenerator> DemoGenerator::Create(DemoOptions options,
                                                  calendar::Calendar calendar) {
  OVS_RETURN_IF_ERROR(ValidateDemoOptions(options));
  base::Date end = DemoEnd(options);
  base::Result<WorkClock> clock =
      WorkClock::Build(calendar, options.start, end + std::chrono::days(kSpillDays));
  if (!clock.ok()) {
    return clock.status().WithContext("demo: the calendar must cover " +
                                      base::FormatDate(options.start) + " to " +
                                      base::FormatDate(end) + " and " + std::to_string(kSpillDays) +
                                      " days more, in which the last cases finish");
  }
  int span_days = static_cast<int>((end - options.start).count());
  if (options.until && !(*options.until > clock->day(0).start &&
                         *options.until <= clock->day(span_days).start)) {
    return base::InvalidArgument(
        "demo: until = " + calendar.FormatLocal(*options.until) + " is outside (" +
        calendar.FormatLocal(clock->day(0).start) + ", " +
        calendar.FormatLocal(clock->day(span_days).start) +
        "], the span the cases arrive in (start + months)");
  }
  DemoGenerator gen(std::move(options), std::move(calendar));
  gen.span_days_ = span_days;
  auto city = std::make_unique<CityModel>(BuildCityModel());
  std::uint64_t total = 0;
  for (const ItemProfile& item : city->items) gen.item_cumulative_.push_back(total += item.weight);
  gen.demand_ = DailyDemand(*clock);
  gen.city_ = std::move(city);
  gen.clock_ = std::make_unique<WorkClock>(std::move(clock).value());
  return gen;
}

const City& DemoGenerator::city() const { return city_->city; }

base::Result<DemoStats> DemoGenerator::Generate(
    const std::function<void(const model::Event&)>& on_event,
    const std::function<void(const TruthRecord&)>& on_truth) const {
  DemoRun run(options_, calendar_, *city_, *clock_, demand_, item_cumulative_, on_event, on_truth);
  return run.Run(span_days_);
}

}  // namespace oversight::demo
