#pragma once

// Keeps the case progress of the store's cases summary (store/dashboard_store.h)
// current: for each case the store marked stale, its conclusion and its promised
// and statutory dues, computed as the on-time indicator computes them
// (SummariseCase: from the first acceptance, in the item's unit, supplement waits
// and special procedures paused, on `calendar`). The dashboard counts on-time and
// overdue cases from these columns.
//
//   OVS_ASSIGN_OR_RETURN(std::int64_t n, RefreshCaseProgress(store, calendar, 5000));

#include <cstdint>
#include <limits>

#include "base/status.h"
#include "calendar/calendar.h"
#include "store/store.h"

namespace oversight::scoring {

// Refreshes up to `max_cases` stale cases (all of them by default), in chunks;
// returns how many were refreshed.
base::Result<std::int64_t> RefreshCaseProgress(
    store::Store& store, const calendar::Calendar& calendar,
    std::int64_t max_cases = std::numeric_limits<std::int64_t>::max());

}  // namespace oversight::scoring
