#pragma once

// The figures of the dashboard (GET /api/v1/dashboard), answered from the cases
// summary, the alerts, and the ratings without reading events back — except the
// first feedback of this month's complaints, a few rows per complaint.
//
// Whether a case is on time or overdue needs its deadlines, which take the
// calendar and the item's limits (scoring::SummariseCase computes them, as the
// on-time indicator counts them). The store cannot count working days, so it
// keeps a case's progress — its conclusion and its promised and statutory dues —
// as columns of the cases summary that the layer above fills in: the store marks
// a case's progress stale whenever an event that could move it is appended (an
// approval case's acceptance, a pause or its end, a conclusion) or its item's
// limits change, and RefreshCaseProgress-style callers read the stale cases
// (StaleProgress), compute, and write them back (SetProgress).
//
//   OVS_ASSIGN_OR_RETURN(DashboardFigures f, store.dashboard().Figures(query, scope));

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "model/event.h"
#include "store/scope.h"

namespace oversight::store {

// What the figures are counted over. Month bounds are local midnights computed
// by the caller in the service's zone: months.size() - 1 months, oldest first.
struct DashboardQuery {
  base::Instant now{};
  base::Instant day_from{};    // the local day of `now`: [day_from, day_to)
  base::Instant day_to{};
  base::Instant month_from{};  // the local month of `now`
  base::Instant month_to{};
  std::vector<base::Instant> month_bounds;  // trend months, e.g. 13 bounds for 12 months
  int top_items = 10;
};

struct StageCount {
  model::EventType stage = model::EventType::kSubmit;
  std::int64_t count = 0;
};

// Alerts whose workflow is still open (open, responded, escalated, accountability).
struct OpenAlertCount {
  std::string dept_code;
  std::string dept_name;  // "" when the department is not registered
  std::string level;      // notice | yellow | red
  std::int64_t count = 0;
};

// Approval cases concluded by completion (办结) in one month that have a promised
// due; on_time: completed before it.
struct OnTimeMonth {
  std::int64_t concluded = 0;
  std::int64_t on_time = 0;
};

// Approval cases past their promised due and not concluded, by item.
struct OverdueItem {
  std::string item_code;
  std::string item_name;  // "" when the item is not in the catalog
  std::int64_t count = 0;
};

// Complaint cases received in the month: how many, how many had their first
// feedback within 24 hours (elapsed), and how many are still open (not resolved)
// with a yellow or red card not withdrawn (a missed feedback or resolution deadline).
struct ComplaintSla {
  std::int64_t registered = 0;
  std::int64_t fed_back_within_24h = 0;
  std::int64_t overdue_open = 0;
};

// Ratings (好差评) given in one month, excluded ones left out; the average of the
// level codes (1 very satisfied … 5 very dissatisfied), null without ratings.
struct RatingsMonth {
  std::int64_t count = 0;
  std::optional<double> average_level;
};

struct DashboardFigures {
  std::vector<StageCount> cases_today;  // approval cases first seen today, by current stage
  std::vector<StageCount> cases_month;  // ... this month
  std::vector<OpenAlertCount> alerts_open;  // by department and level
  std::vector<OnTimeMonth> on_time;         // one per trend month, oldest first
  std::vector<OverdueItem> top_overdue_items;  // most overdue first, then by item code
  ComplaintSla complaints;
  std::vector<RatingsMonth> ratings;  // one per trend month, oldest first
};

// One case whose progress is stale: its id, item, and the events that decide its
// progress (acceptance, pauses and their ends, conclusions) in event-time order.
struct ProgressInput {
  std::int64_t case_no = 0;
  std::string case_id;
  std::string item_code;
  std::vector<model::Event> events;  // type and at only (attrs etc. left empty)
  std::vector<std::int64_t> seqs;    // each event's seq
};

// A case's progress as computed from its events, its item and the calendar.
struct CaseProgress {
  std::int64_t case_no = 0;
  std::optional<base::Instant> concluded_at;
  std::optional<model::EventType> concluded_by;  // complete, reject or withdraw
  std::optional<base::Instant> promised_due;
  std::optional<base::Instant> statutory_due;
};

class DashboardStore {
 public:
  virtual ~DashboardStore() = default;

  // Every figure, within `scope` (the bureau sees all, an officer their department).
  virtual base::Result<DashboardFigures> Figures(const DashboardQuery& query, const Scope& scope) = 0;

  // Up to `limit` cases whose progress is stale, by case number.
  virtual base::Result<std::vector<ProgressInput>> StaleProgress(std::int64_t limit) = 0;
  // Writes computed progress and clears the stale mark of those cases.
  virtual base::Status SetProgress(std::span<const CaseProgress> progress) = 0;
  // Marks every approval case stale (the calendar changed: dues move).
  virtual base::Status MarkAllProgressStale() = 0;
  // How many cases are stale.
  virtual base::Result<std::int64_t> CountStaleProgress() = 0;
};

}  // namespace oversight::store
