#include "demo/internal/feedback_planner.h"

#include <chrono>
#include <string>

#include "base/check.h"
#include "demo/internal/applicant.h"

namespace oversight::demo {
namespace {

using model::EventType;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kDay = WorkClock::kMinutesPerDay;
constexpr int kComplaintCategories = 5;

int Officer(Rng& rng, const DepartmentProfile& dept) {
  OVS_CHECK(dept.officer_count > 0);  // every department with items has officers
  return dept.first_officer + static_cast<int>(rng.Below(dept.officer_count));
}

base::Instant After(Rng& rng, base::Instant at, std::int64_t min_minutes,
                    std::int64_t max_minutes) {
  return at + minutes(rng.Between(min_minutes, max_minutes)) + seconds(rng.Between(0, 59));
}

}  // namespace

CasePlan FeedbackPlanner::PlanComplaint(Rng& rng, base::Instant received_at, std::size_t item,
                                        model::Channel channel, bool late) const {
  const DepartmentProfile& dept = ctx_.city.departments[ctx_.city.items[item].department];
  CasePlan plan;
  plan.kind = model::CaseKind::kComplaint;
  plan.item = item;
  plan.channel = channel;
  Applicant applicant = MakeApplicant(rng, ApplicantMix::kPersons,
                                      ctx_.clock.day(ctx_.clock.DayIndexOf(received_at)).date);
  plan.applicant_type = applicant.type;
  plan.applicant_masked = std::move(applicant.masked_id);
  EventAppender out(ctx_.clock, rng, plan.events);
  int officer = Officer(rng, dept);
  out.AtInstant(received_at, EventType::kComplaintReceived, officer,
                static_cast<std::int64_t>(rng.Below(kComplaintCategories)));
  // The first feedback is owed within 24 hours, weekends included (a duty officer
  // answers): normal ones within 20 hours, late ones from 24 hours + 1 minute to 3 days.
  base::Instant feedback =
      late ? After(rng, received_at, 24 * 60 + 1, 72 * 60) : After(rng, received_at, 20, 20 * 60);
  out.AtInstant(feedback, EventType::kComplaintFeedback, officer);
  std::int64_t resolved = ctx_.clock.NextPosition(feedback) + rng.Between(60, 3 * kDay);
  // Resolution results: 0 substantiated, 1 partly, 2 not substantiated.
  out.AtPosition(resolved, EventType::kComplaintResolved, officer,
                 static_cast<std::int64_t>(rng.Below(3)));
  if (late) {
    auto waited = std::chrono::floor<minutes>(feedback - received_at).count();
    plan.truth = TruthRecord{.case_id = "",
                             .violation = std::string(kComplaintFeedbackLate),
                             .expected_due = received_at + hours(24),
                             .detail = "received " + ctx_.calendar.FormatLocal(received_at) +
                                       ", first feedback " + std::to_string(waited / 60) + " h " +
                                       std::to_string(waited % 60) + " min later (24 h allowed)"};
    plan.breach_at = *plan.truth->expected_due;
  }
  return plan;
}

CasePlan FeedbackPlanner::PlanRating(Rng& rng, const CasePlan& rated) const {
  OVS_CHECK(!rated.events.empty() && rated.events.back().type == EventType::kDeliver);
  const DepartmentProfile& dept = ctx_.city.departments[ctx_.city.items[rated.item].department];
  CasePlan plan;
  plan.kind = model::CaseKind::kRating;
  plan.item = rated.item;
  plan.channel = rated.channel;
  plan.applicant_type = rated.applicant_type;
  plan.applicant_masked = rated.applicant_masked;
  plan.rated_case_id = rated.case_id;
  EventAppender out(ctx_.clock, rng, plan.events);
  // GB/T 39046 A.8: 4 不满意, 5 非常不满意.
  base::Instant received = After(rng, rated.events.back().at, 10, 3 * 24 * 60);
  out.AtInstant(received, EventType::kRatingReceived, kApplicantActor, rng.Between(4, 5));
  int officer = Officer(rng, dept);
  std::int64_t verified = ctx_.clock.NextPosition(received) + rng.Between(10, 300);
  out.AtPosition(verified, EventType::kRatingVerified, officer);
  std::int64_t rectified = verified + rng.Between(60, 2 * kDay);
  out.AtPosition(rectified, EventType::kRatingRectified, officer);
  // Revisit outcome: 1 the applicant is now satisfied, 0 still not.
  out.AtPosition(rectified + rng.Between(30, kDay), EventType::kRatingRevisited, officer,
                 rng.Chance(0.8) ? 1 : 0);
  return plan;
}

}  // namespace oversight::demo
