#pragma once

// When an unanswered alert escalates (DESIGN §7): an alert still open N working
// days (default 3) after it was raised and stored — or after a rejected response
// sent it back to open — goes up to the bureau. Working days are the calendar's (weekends,
// holidays, 调休), counted as the law counts periods: the start day is not
// counted and the period ends at 24:00 of its last day (民法典 art. 201).
//
//   OVS_ASSIGN_OR_RETURN(bool due, DueForEscalation(alert, now, calendar, 3));

#include "base/status.h"
#include "base/time.h"
#include "calendar/calendar.h"
#include "store/store.h"

namespace oversight::workflow {

inline constexpr int kDefaultEscalationWorkingDays = 3;

// InvalidArgument naming working_days unless 1 ≤ working_days ≤ Calendar::kMaxDays.
base::Status CheckEscalationWorkingDays(int working_days);

// The instant (exclusive) at which an alert unanswered since `open_since`
// escalates: 00:00 local of the day after the `working_days`-th working day.
// working_days below 1 is InvalidArgument; calendar errors (a year the holiday
// data does not cover) pass through.
base::Result<base::Instant> EscalationDue(base::Instant open_since, const calendar::Calendar& cal,
                                          int working_days);

// The clock of an alert's answer starts when the department could first have
// known of it: when it was raised (event time) or, if later, when it was stored
// (noticed_at: a year of history judged for the first time is noticed today, not
// a year ago); and again when a rejected response last sent it back to open.
// Rows without noticed_at (stored before it was kept) start at raised_at.
inline base::Instant OpenSince(const store::AlertRecord& alert) {
  base::Instant since = alert.raised_at;
  if (alert.noticed_at && *alert.noticed_at > since) since = *alert.noticed_at;
  if (alert.reopened_at && *alert.reopened_at > since) since = *alert.reopened_at;
  return since;
}

// Whether `alert` is still open (unanswered) and its escalation instant is at or
// before `now`. Notices (提醒, raised before any deadline has passed) never
// escalate: nothing has been breached yet. Errors as EscalationDue.
base::Result<bool> DueForEscalation(const store::AlertRecord& alert, base::Instant now,
                                    const calendar::Calendar& cal, int working_days);

}  // namespace oversight::workflow
