#pragma once

// The escalation job (DESIGN §7): every alert left unanswered for a configured
// number of working days goes up to the bureau. The server runs it on a
// schedule; `now` comes in as an argument, so a test (or a replay) chooses it.
//
//   OVS_ASSIGN_OR_RETURN(auto escalated, EscalateOverdue(store, calendar, 3, now));

#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "calendar/calendar.h"
#include "store/store.h"

namespace oversight::supervisor {

// Escalates, as the system ("system", action escalate, text "unanswered for N
// working days"), every open alert whose answer is due by `now`
// (workflow::DueForEscalation), and returns them as they are after escalation,
// oldest first. Each alert is one transaction: an alert someone answered in the
// meantime is skipped, not an error. working_days below 1 is InvalidArgument.
base::Result<std::vector<store::AlertRecord>> EscalateOverdue(store::Store& store,
                                                              const calendar::Calendar& cal,
                                                              int working_days, base::Instant now);

}  // namespace oversight::supervisor
