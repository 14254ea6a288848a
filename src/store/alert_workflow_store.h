#pragma once

// The alert workflow's part of the store (DESIGN §7, §12): people act on alerts
// (workflow/alert_workflow.h decides what is legal), each step is appended to the
// alert's thread, and every read here takes a Scope applied in SQL, so that a
// department sees only its own alerts and cases. An alert or case outside the
// caller's scope is reported exactly like one that does not exist.
//
//   AlertActionRecord act{.action = workflow::Action::kRespond, .actor = "u1024", ...};
//   OVS_ASSIGN_OR_RETURN(AlertRecord updated, store.workflow().ApplyAction(id, act, scope));

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "model/case.h"
#include "store/scope.h"
#include "store/store.h"
#include "workflow/alert_workflow.h"

namespace oversight::store {

// One step in an alert's thread. The caller fills the action and its fields; the
// store fills id, alert_id, from_state and to_state.
struct AlertActionRecord {
  std::int64_t id = 0;
  std::int64_t alert_id = 0;
  workflow::Action action = workflow::Action::kRespond;
  workflow::AlertState from_state = workflow::AlertState::kOpen;
  workflow::AlertState to_state = workflow::AlertState::kOpen;
  std::string actor;       // who acted: a user name, or "system"
  std::string actor_role;  // the role they acted in, as the server names it (kept, not checked)
  base::Instant at{};
  std::string text;        // the response, reason or comment
  std::optional<workflow::ResponseKind> response_kind;
  std::string findings;    // open_accountability
  std::string outcome;     // close
  // When set, the action applies only if the alert is still in this state: a
  // caller acting on what it last showed learns that someone acted first.
  std::optional<workflow::AlertState> expected_state;
};

// Largest page any search returns; larger limits are cut to it.
inline constexpr std::int64_t kMaxPageSize = 500;

// Alerts, newest first: in descending id (the order the store raised them).
// Every filter is exact; raised_from / raised_to bound raised_at as [from, to).
struct AlertQuery {
  std::optional<std::string> case_id;
  std::optional<std::string> rule_id;
  std::optional<std::string> level;      // notice | yellow | red
  std::optional<std::string> state;      // a workflow::AlertState name; others are rejected
  std::optional<std::string> dept_code;
  std::optional<base::Instant> raised_from;
  std::optional<base::Instant> raised_to;
  std::optional<std::int64_t> after_id;  // the previous page's next_cursor
  std::int64_t limit = 100;              // 1 .. kMaxPageSize (larger is cut)
};

struct AlertPage {
  std::vector<AlertRecord> alerts;
  std::optional<std::int64_t> next_cursor;  // set when more rows follow; pass as after_id
};

// Cases in ascending case number (the order the store first saw them). Time
// ranges are [from, to) over the first and the last event time.
struct CaseQuery {
  std::optional<std::string> case_id;         // exact
  std::optional<std::string> case_id_prefix;  // e.g. "445200-2025-"
  std::optional<std::string> item_code;
  std::optional<std::string> dept_code;
  std::optional<model::EventType> stage;      // the type of the latest event
  std::optional<model::CaseKind> kind;
  std::optional<model::Channel> channel;
  std::optional<base::Instant> first_from;
  std::optional<base::Instant> first_to;
  std::optional<base::Instant> last_from;
  std::optional<base::Instant> last_to;
  // Only cases with a red card still unanswered or escalated (state open or escalated).
  bool overdue_only = false;
  std::optional<std::int64_t> after;  // the previous page's next_cursor
  std::int64_t limit = 100;           // 1 .. kMaxPageSize (larger is cut)
};

struct CasePage {
  std::vector<model::Case> cases;
  std::optional<std::int64_t> next_cursor;  // set when more rows follow; pass as `after`
};

// Alerts per department, level and state, for dashboards and metrics.
struct AlertCount {
  std::string dept_code;
  std::string level;
  std::string state;
  std::int64_t count = 0;
};

class AlertWorkflowStore {
 public:
  virtual ~AlertWorkflowStore() = default;

  // In one transaction: loads the alert (NotFound when missing or outside
  // `scope`), takes `action` from its current state (FailedPrecondition when
  // illegal, InvalidArgument naming a missing or misplaced field, Aborted when
  // `expected_state` no longer holds), updates the alert and appends the step to
  // its thread. Returns the updated alert; on any error nothing changes.
  virtual base::Result<AlertRecord> ApplyAction(std::int64_t alert_id,
                                                const AlertActionRecord& action,
                                                const Scope& scope) = 0;

  virtual base::Result<std::optional<AlertRecord>> FindAlert(std::int64_t id,
                                                             const Scope& scope) = 0;
  // The alert's steps, oldest first; NotFound when the alert is missing or out of scope.
  virtual base::Result<std::vector<AlertActionRecord>> AlertThread(std::int64_t alert_id,
                                                                   const Scope& scope) = 0;

  // InvalidArgument naming the field for a bad limit or state name.
  virtual base::Result<AlertPage> SearchAlerts(const AlertQuery& query, const Scope& scope) = 0;
  // Brings the cases summary up to date first (Store::Flush), so a case appended
  // a moment ago is found with its latest stage.
  virtual base::Result<CasePage> SearchCases(const CaseQuery& query, const Scope& scope) = 0;
  virtual base::Result<std::optional<model::Case>> FindCaseScoped(const std::string& case_id,
                                                                  const Scope& scope) = 0;

  // Every open yellow or red alert whose clock started before `started_before`
  // — raised, and stored (noticed_at, when known), before it — oldest first, in
  // all departments: the escalation job filters them by working days
  // (workflow::DueForEscalation; a rejected response restarts the clock later
  // still). Notices never escalate and are not returned.
  virtual base::Result<std::vector<AlertRecord>> EscalationCandidates(
      base::Instant started_before) = 0;

  // Counts by department, level and state, in that order.
  virtual base::Result<std::vector<AlertCount>> CountAlerts(const Scope& scope) = 0;
};

}  // namespace oversight::store
