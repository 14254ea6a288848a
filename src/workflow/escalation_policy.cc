#include "workflow/escalation_policy.h"

#include <string>

#include "workflow/alert_workflow.h"

namespace oversight::workflow {

base::Status CheckEscalationWorkingDays(int working_days) {
  if (working_days >= 1 && working_days <= calendar::Calendar::kMaxDays) {
    return base::Status::Ok();
  }
  return base::InvalidArgument("working_days must be between 1 and " +
                               std::to_string(calendar::Calendar::kMaxDays) + ", got " +
                               std::to_string(working_days));
}

base::Result<base::Instant> EscalationDue(base::Instant open_since, const calendar::Calendar& cal,
                                          int working_days) {
  OVS_RETURN_IF_ERROR(CheckEscalationWorkingDays(working_days));
  OVS_ASSIGN_OR_RETURN(calendar::Deadline deadline,
                       cal.Due(open_since, {working_days, model::LimitUnit::kWorkingDays}, {}));
  return deadline.due;
}

base::Result<bool> DueForEscalation(const store::AlertRecord& alert, base::Instant now,
                                    const calendar::Calendar& cal, int working_days) {
  // A bad setting fails on every alert, not only on the first one that is due.
  OVS_RETURN_IF_ERROR(CheckEscalationWorkingDays(working_days));
  if (alert.state != AlertStateName(AlertState::kOpen) || alert.level == "notice") return false;
  OVS_ASSIGN_OR_RETURN(base::Instant due, EscalationDue(OpenSince(alert), cal, working_days));
  return now >= due;
}

}  // namespace oversight::workflow
