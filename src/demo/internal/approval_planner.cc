#include "demo/internal/approval_planner.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "base/check.h"
#include "demo/internal/applicant.h"

namespace oversight::demo {
namespace {

using model::EventType;
using std::chrono::minutes;

constexpr std::int64_t kDay = WorkClock::kMinutesPerDay;
constexpr double kRejectRate = 0.03;
constexpr double kSupplementRate = 0.10;
constexpr double kSuspensionRate = 0.06;  // of cases whose item promises 5 days or more
constexpr double kWithdrawRate = 0.005;
// Normal cases: submit → complete takes at least this many work minutes, far from
// the 10 minutes of too_fast.
constexpr std::int64_t kMinHandlingMinutes = 30;
constexpr model::TimeLimit kAcceptanceLimit{5, model::LimitUnit::kWorkingDays};

struct Staff {
  int clerk = 0;     // accepts, asks for supplements
  int reviewer = 0;  // reviews
  int head = 0;      // decides
};

// The state of one case while it is planned.
struct Case {
  const model::Item& item;
  Staff staff;
  base::Instant submit_at;
  int submit_day = 0;          // day index of the submission
  std::int64_t first_pos = 0;  // the first work position after the submission
  CasePlan plan;
};

std::int64_t PromisedDays(const model::Item& item) {
  // The catalogue gives every demo item a promised limit in working days.
  OVS_CHECK(item.promised_limit.has_value() &&
            item.promised_limit->unit == model::LimitUnit::kWorkingDays);
  return item.promised_limit->amount;
}

std::int64_t FeeCharged(const model::Item& item, Violation violation, Rng& rng) {
  std::int64_t standard = item.fee_fen.value_or(0);
  if (violation != Violation::kFeeMismatch) return standard;
  if (standard == 0) {
    constexpr std::int64_t kCharges[] = {1000, 2000, 5000, 10000};
    return kCharges[rng.Below(std::size(kCharges))];
  }
  return rng.Chance(0.5) ? standard * 2 : standard + 1000 * rng.Between(1, 5);
}

// Squeezes increasing offsets into [1, room], keeping them strictly increasing.
void FitInto(std::vector<std::int64_t>& offsets, std::int64_t room) {
  if (offsets.empty() || offsets.back() <= room) return;
  std::int64_t last = offsets.back(), prev = 0;
  for (std::int64_t& off : offsets) {
    off = std::max(prev + 1, off * room / last);
    prev = off;
  }
}

class Planner {
 public:
  Planner(const PlannerContext& ctx, Rng& rng, Case& c)
      : ctx_(ctx), rng_(rng), c_(c), out_(ctx.clock, rng, c.plan.events) {}

  base::Status Run(Violation violation);

 private:
  bool TryTooFast();
  void DecideBeforeAccept();
  base::Status AcceptLate();
  std::int64_t AcceptNormally(Violation violation, bool* rejected);
  base::Status Process(std::int64_t accept_pos, base::Instant accept_at, bool overdue);
  std::int64_t LastDayEnd(const calendar::Deadline& due) const;
  bool Has(model::EventType type) const;
  base::Instant Finish(std::int64_t complete_pos);
  // `breach_at`: the event that breaks the rule, or the due for the deadline kinds.
  void Record(std::string_view violation, std::optional<base::Instant> due,
              base::Instant breach_at, std::string detail);
  std::string Local(base::Instant at) const { return ctx_.calendar.FormatLocal(at); }

  const PlannerContext& ctx_;
  Rng& rng_;
  Case& c_;
  EventAppender out_;
};

base::Status Planner::Run(Violation violation) {
  out_.AtInstant(c_.submit_at, EventType::kSubmit, kApplicantActor);
  if (violation == Violation::kTooFast && TryTooFast()) return base::Status::Ok();
  if (violation == Violation::kTooFast) violation = Violation::kNone;
  if (violation == Violation::kDecideWithoutAccept) {
    DecideBeforeAccept();
    return base::Status::Ok();
  }
  if (violation == Violation::kAcceptanceOverdue) return AcceptLate();
  bool rejected = false;
  std::int64_t accept_pos = AcceptNormally(violation, &rejected);
  if (rejected) return base::Status::Ok();
  if (violation == Violation::kFeeMismatch) {
    Record(kFeeMismatch, std::nullopt, c_.plan.events.back().at,
           "fee charged " + std::to_string(c_.plan.events.back().value) +
               " fen; the item's standard is " + std::to_string(c_.item.fee_fen.value_or(0)) +
               " fen");
  }
  if (violation == Violation::kNone && rng_.Chance(kWithdrawRate)) {
    // The applicant withdraws while the case is still within its promised limit: a
    // case left open past it would be overdue, and that is not what a normal case is.
    const base::Instant accept_at = c_.plan.events.back().at;
    OVS_ASSIGN_OR_RETURN(calendar::Deadline due,
                         ctx_.calendar.Due(accept_at, *c_.item.promised_limit, {}));
    std::int64_t pos = accept_pos + rng_.Between(30, 600);
    if (ctx_.clock.InstantOf(pos, 59) >= due.due) pos = accept_pos + 1;
    if (ctx_.clock.InstantOf(pos, 59) < due.due) {
      out_.AtPosition(pos, EventType::kWithdraw, kApplicantActor);
      return base::Status::Ok();
    }
  }
  return Process(accept_pos, c_.plan.events.back().at, violation == Violation::kCompletionOverdue);
}

// Everything within a few minutes of a submission in office hours: the signature of
// a case handled outside the system and keyed in afterwards (体外循环).
bool Planner::TryTooFast() {
  if (!ctx_.clock.day(c_.submit_day).is_working) return false;
  std::int64_t p = c_.first_pos;
  if (ctx_.clock.DayIndexOfPosition(p + 7) != c_.submit_day) return false;
  // The worst case, all seconds at 59, must stay under the threshold.
  if (ctx_.clock.InstantOf(p + 6, 59) - c_.submit_at >= minutes(10)) return false;
  out_.AtPosition(p, EventType::kAccept, c_.staff.clerk, c_.item.fee_fen.value_or(0));
  out_.AtPosition(p + 2, EventType::kReview, c_.staff.reviewer);
  out_.AtPosition(p + 4, EventType::kDecide, c_.staff.head);
  base::Instant done = out_.AtPosition(p + 6, EventType::kComplete, c_.staff.clerk);
  out_.AtPosition(p + 7, EventType::kDeliver, c_.staff.clerk,
                  c_.plan.channel == model::Channel::kWindow ? 0 : 2);
  auto seconds = std::chrono::floor<std::chrono::seconds>(done - c_.submit_at).count();
  Record(kTooFast, std::nullopt, done,
         "submitted " + Local(c_.submit_at) + ", completed " + std::to_string(seconds / 60) +
             " min " + std::to_string(seconds % 60) + " s later");
  return true;
}

// Review and decision first, the acceptance keyed in afterwards, all within the
// acceptance period, so that only the order is wrong.
void Planner::DecideBeforeAccept() {
  std::int64_t review = c_.first_pos + rng_.Between(10, 240);
  std::int64_t decide = review + rng_.Between(10, 300);
  std::int64_t accept = decide + rng_.Between(5, 60);
  out_.AtPosition(review, EventType::kReview, c_.staff.reviewer);
  base::Instant decided = out_.AtPosition(decide, EventType::kDecide, c_.staff.head);
  base::Instant accepted =
      out_.AtPosition(accept, EventType::kAccept, c_.staff.clerk, c_.item.fee_fen.value_or(0));
  Finish(accept + rng_.Between(5, 120));
  Record(kDecideWithoutAccept, std::nullopt, decided,
         "decided " + Local(decided) + " before any acceptance; accepted " + Local(accepted));
}

base::Status Planner::AcceptLate() {
  OVS_ASSIGN_OR_RETURN(calendar::Deadline due,
                       ctx_.calendar.Due(c_.submit_at, kAcceptanceLimit, {}));
  // On the 6th to 9th working day after the submission day.
  std::int64_t pos = ctx_.clock.LimitAfter(c_.submit_day, 5) + rng_.Between(0, 4 * kDay - 1);
  bool reject = rng_.Chance(0.2);
  base::Instant at =
      out_.AtPosition(pos, reject ? EventType::kReject : EventType::kAccept, c_.staff.clerk,
                      reject ? rng_.Between(0, 3) : c_.item.fee_fen.value_or(0));
  if (at < due.due) {
    return base::Internal("demo: late acceptance at " + Local(at) + " is not after the due " +
                          Local(due.due));
  }
  Record(kAcceptanceOverdue, due.due, due.due,
         std::string(reject ? "rejected " : "accepted ") + Local(at) + "; 5 working days from " +
             "submission " + Local(c_.submit_at) + " ended " + Local(due.due));
  if (reject) return base::Status::Ok();
  return Process(pos, at, /*overdue=*/false);
}

// Supplement rounds (补正) and the acceptance or rejection, all before the end of the
// 4th working day after the submission day. Returns the acceptance's position.
std::int64_t Planner::AcceptNormally(Violation violation, bool* rejected) {
  int rounds = violation == Violation::kSecondSupplement ? 2 : rng_.Chance(kSupplementRate);
  *rejected = violation == Violation::kNone && rng_.Chance(kRejectRate);
  std::vector<std::int64_t> offsets;
  std::int64_t cur = 0;
  for (int r = 0; r < rounds; ++r) {
    offsets.push_back(cur += rng_.Between(10, 300));  // request
    offsets.push_back(cur += rng_.Between(30, 700));  // materials back
  }
  if (rounds > 0) {
    cur += rng_.Between(10, 240);
  } else if (c_.plan.channel == model::Channel::kWindow) {
    cur += rng_.Between(2, 20);  // accepted on the spot
  } else {
    cur += rng_.Chance(0.5) ? rng_.Between(5, 180) : rng_.Between(180, 900);
  }
  offsets.push_back(cur);
  FitInto(offsets, ctx_.clock.LimitAfter(c_.submit_day, 4) - 1 - c_.first_pos);
  for (int r = 0; r < rounds; ++r) {
    out_.AtPosition(c_.first_pos + offsets[2 * r], EventType::kRequestSupplement, c_.staff.clerk,
                    rng_.Between(1, 4));
    out_.AtPosition(c_.first_pos + offsets[2 * r + 1], EventType::kSupplementReceived,
                    kApplicantActor);
  }
  std::int64_t pos = c_.first_pos + offsets.back();
  if (*rejected) {
    out_.AtPosition(pos, EventType::kReject, c_.staff.clerk, rng_.Between(0, 3));
  } else {
    out_.AtPosition(pos, EventType::kAccept, c_.staff.clerk, FeeCharged(c_.item, violation, rng_));
  }
  if (rounds == 2) {
    Record(kSecondSupplement, std::nullopt, c_.plan.events[3].at,
           "two supplement requests, " + Local(c_.plan.events[1].at) + " and " +
               Local(c_.plan.events[3].at));
  }
  return pos;
}

// Review, decision and completion after acceptance: inside the promised limit with a
// working day to spare, or (overdue) on a working day after the deadline. A special
// procedure (特别程序) stops the clock; its deadline comes from the calendar.
base::Status Planner::Process(std::int64_t accept_pos, base::Instant accept_at, bool overdue) {
  const model::TimeLimit limit = *c_.item.promised_limit;
  std::int64_t days = PromisedDays(c_.item);
  std::int64_t start = accept_pos;  // where the remaining work starts
  // One past the last position allowed for a normal completion.
  std::int64_t end = ctx_.clock.LimitAfter(ctx_.clock.DayIndexOfPosition(accept_pos),
                                           std::max<std::int64_t>(1, days - 1));
  std::vector<calendar::Suspension> suspensions;
  if (days >= 5 && rng_.Chance(overdue ? 0.3 : kSuspensionRate)) {
    std::int64_t review = accept_pos + rng_.Between(10, kDay);
    std::int64_t from = review + rng_.Between(5, 120);
    std::int64_t to = from + rng_.Between(1, 3) * kDay + rng_.Between(0, 300);
    calendar::Suspension s{ctx_.clock.InstantOf(from, static_cast<int>(rng_.Below(60))),
                           ctx_.clock.InstantOf(to, static_cast<int>(rng_.Below(60)))};
    OVS_ASSIGN_OR_RETURN(calendar::Deadline due, ctx_.calendar.Due(accept_at, limit, {&s, 1}));
    std::int64_t suspended_end = LastDayEnd(due) - kDay;
    // Without room for it before the (moved) deadline, the case goes without one.
    if (overdue || to + 10 < suspended_end) {
      out_.AtPosition(review, EventType::kReview, c_.staff.reviewer);
      std::int64_t procedure = static_cast<std::int64_t>(rng_.Below(4));
      out_.AtInstant(s.from, EventType::kSuspend, c_.staff.reviewer, procedure);
      out_.AtInstant(s.to, EventType::kResume, c_.staff.reviewer, procedure);
      suspensions.push_back(s);
      start = to;
      end = suspended_end;
    }
  }
  if (!overdue) {
    double f = 0.05 + 0.9 * (rng_.Unit() + rng_.Unit()) / 2;
    std::int64_t complete =
        std::max({Along(start + 3, end - 1, f), start + 3, c_.first_pos + kMinHandlingMinutes});
    Finish(complete);
    return base::Status::Ok();
  }
  OVS_ASSIGN_OR_RETURN(calendar::Deadline due, ctx_.calendar.Due(accept_at, limit, suspensions));
  // On one of the four working days after the last day counted.
  base::Instant done = Finish(LastDayEnd(due) + rng_.Between(0, 4 * kDay - 1));
  if (done < due.due) {
    return base::Internal("demo: late completion at " + Local(done) + " is not after the due " +
                          Local(due.due));
  }
  Record(kCompletionOverdue, due.due, due.due,
         "completed " + Local(done) + "; " + std::to_string(days) +
             " promised working days from acceptance " + Local(accept_at) +
             (suspensions.empty() ? "" : ", plus the special procedure,") + " ended " +
             Local(due.due));
  return base::Status::Ok();
}

// One past the last work position of a deadline's last counted day.
std::int64_t Planner::LastDayEnd(const calendar::Deadline& due) const {
  return ctx_.clock.LimitAfter(ctx_.clock.DayIndexOf(due.due - base::Milliseconds(1)), 0);
}

bool Planner::Has(EventType type) const {
  for (const PlannedEvent& e : c_.plan.events) {
    if (e.type == type) return true;
  }
  return false;
}

// Adds what is missing of review, decision and completion, spread between the last
// event so far and `complete_pos`, then the delivery. Returns the completion instant.
base::Instant Planner::Finish(std::int64_t complete_pos) {
  if (!Has(EventType::kReview)) {
    std::int64_t after = ctx_.clock.NextPosition(c_.plan.events.back().at);
    out_.AtPosition(Along(after, complete_pos - 2, 0.1 + 0.4 * rng_.Unit()), EventType::kReview,
                    c_.staff.reviewer);
  }
  if (!Has(EventType::kDecide)) {
    // The decision falls in the last working days before completion, so that the
    // licence reaches the applicant well within 10 working days of it (art. 44).
    std::int64_t after = std::max(ctx_.clock.NextPosition(c_.plan.events.back().at),
                                   complete_pos - 3 * kDay);
    out_.AtPosition(Along(after, complete_pos - 1, 0.4 + 0.55 * rng_.Unit()), EventType::kDecide,
                    c_.staff.head);
  }
  base::Instant done = out_.AtPosition(complete_pos, EventType::kComplete, c_.staff.clerk);
  bool at_window = c_.plan.channel == model::Channel::kWindow;
  std::int64_t deliver =
      complete_pos + (at_window ? rng_.Between(30, 2 * kDay) : rng_.Between(1, 30));
  // Delivery methods: 0 collected at the window, 1 by post, 2 electronic.
  out_.AtPosition(deliver, EventType::kDeliver, c_.staff.clerk,
                  at_window ? static_cast<std::int64_t>(rng_.Below(2)) : 2);
  return done;
}

void Planner::Record(std::string_view violation, std::optional<base::Instant> due,
                     base::Instant breach_at, std::string detail) {
  c_.plan.truth = TruthRecord{.case_id = "",
                              .violation = std::string(violation),
                              .expected_due = due,
                              .detail = std::move(detail)};
  c_.plan.breach_at = breach_at;
}

Staff PickStaff(Rng& rng, const DepartmentProfile& dept) {
  OVS_CHECK(dept.officer_count > 0);  // every department with items has officers
  return {.clerk = dept.first_officer + static_cast<int>(rng.Below(dept.officer_count)),
          .reviewer = dept.first_officer + static_cast<int>(rng.Below(dept.officer_count)),
          .head = dept.first_officer};
}

const PlannedEvent* First(const CasePlan& plan, EventType type) {
  for (const PlannedEvent& e : plan.events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

}  // namespace

// Re-checks a case planned as normal against the calendar's own deadlines, so that a
// change in the counting rules cannot turn normal cases into unrecorded violations.
base::Status ApprovalPlanner::CheckNormal(const CasePlan& plan) const {
  const model::Item& item = ctx_.city.city.items[plan.item];
  const PlannedEvent* submit = First(plan, EventType::kSubmit);
  const PlannedEvent* accept = First(plan, EventType::kAccept);
  const PlannedEvent* decided = accept ? accept : First(plan, EventType::kReject);
  const PlannedEvent* complete = First(plan, EventType::kComplete);
  OVS_CHECK(submit != nullptr && decided != nullptr);  // every plan starts so
  OVS_ASSIGN_OR_RETURN(calendar::Deadline acceptance,
                       ctx_.calendar.Due(submit->at, kAcceptanceLimit, {}));
  bool late = decided->at >= acceptance.due;
  bool too_fast = complete != nullptr && complete->at - submit->at < minutes(10);
  if (accept != nullptr && complete != nullptr) {
    std::vector<calendar::Suspension> suspensions;
    const PlannedEvent* suspend = First(plan, EventType::kSuspend);
    const PlannedEvent* resume = First(plan, EventType::kResume);
    if (suspend != nullptr && resume != nullptr) suspensions.push_back({suspend->at, resume->at});
    OVS_ASSIGN_OR_RETURN(calendar::Deadline done,
                         ctx_.calendar.Due(accept->at, *item.promised_limit, suspensions));
    late |= complete->at >= done.due;
  }
  if (!late && !too_fast) return base::Status::Ok();
  return base::Internal("demo: a case planned as normal breaks a rule (item " + item.code +
                        ", submitted " + ctx_.calendar.FormatLocal(submit->at) + ")");
}

base::Result<CasePlan> ApprovalPlanner::Plan(Rng& rng, const Arrival& arrival,
                                             Violation violation) const {
  const ItemProfile& profile = ctx_.city.items[arrival.item];
  Case c{.item = ctx_.city.city.items[arrival.item],
         .staff = PickStaff(rng, ctx_.city.departments[profile.department]),
         .submit_at = arrival.submit_at,
         .submit_day = ctx_.clock.DayIndexOf(arrival.submit_at),
         .first_pos = ctx_.clock.NextPosition(arrival.submit_at),
         .plan = {}};
  c.plan.kind = model::CaseKind::kApproval;
  c.plan.item = arrival.item;
  c.plan.channel = arrival.channel;
  Applicant applicant = MakeApplicant(rng, profile.applicants, ctx_.clock.day(c.submit_day).date);
  c.plan.applicant_type = applicant.type;
  c.plan.applicant_masked = std::move(applicant.masked_id);
  Planner planner(ctx_, rng, c);
  OVS_RETURN_IF_ERROR(planner.Run(violation));
  if (!c.plan.truth) OVS_RETURN_IF_ERROR(CheckNormal(c.plan));
  return std::move(c.plan);
}

}  // namespace oversight::demo
