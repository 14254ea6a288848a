#include "supervisor/escalation.h"

#include <string>

#include "store/alert_workflow_store.h"
#include "workflow/alert_workflow.h"
#include "workflow/escalation_policy.h"

namespace oversight::supervisor {

base::Result<std::vector<store::AlertRecord>> EscalateOverdue(store::Store& store,
                                                              const calendar::Calendar& cal,
                                                              int working_days,
                                                              base::Instant now) {
  OVS_RETURN_IF_ERROR(workflow::CheckEscalationWorkingDays(working_days));
  store::AlertWorkflowStore& alerts = store.workflow();
  // An alert escalates at 00:00 after the N-th working day following the day its
  // clock started, so more than N days after it started: only those started
  // before now − N days can be due (two hours' slack for a daylight-saving day).
  const base::Instant started_before =
      now - std::chrono::hours(24 * working_days) + std::chrono::hours(2);
  OVS_ASSIGN_OR_RETURN(std::vector<store::AlertRecord> candidates,
                       alerts.EscalationCandidates(started_before));
  std::vector<store::AlertRecord> escalated;
  for (const store::AlertRecord& alert : candidates) {
    OVS_ASSIGN_OR_RETURN(bool due, workflow::DueForEscalation(alert, now, cal, working_days));
    if (!due) continue;
    store::AlertActionRecord step;
    step.action = workflow::Action::kEscalate;
    step.actor = "system";
    step.actor_role = std::string(workflow::ActorName(workflow::Actor::kSystem));
    step.at = now;
    step.text = "unanswered for " + std::to_string(working_days) +
                (working_days == 1 ? " working day" : " working days");
    // Only from open: an answer that lands between the read and this step wins.
    step.expected_state = workflow::AlertState::kOpen;
    base::Result<store::AlertRecord> updated =
        alerts.ApplyAction(alert.id, step, store::Scope::All());
    if (!updated.ok() && updated.status().code() == base::StatusCode::kAborted) continue;
    if (!updated.ok()) return updated.status().WithContext("escalate");
    escalated.push_back(std::move(updated).value());
  }
  return escalated;
}

}  // namespace oversight::supervisor
