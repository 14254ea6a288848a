#pragma once

// The period a spot check (or a batch of survey invitations) covers: a calendar
// month "2025-03" or year "2025" in local dates, half-open [first, end). The
// caller turns the dates into instants with the calendar's zone.

#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"

namespace oversight::spotcheck {

struct Period {
  std::string text;  // as parsed: "2025-03" or "2025"
  base::Date first{};
  base::Date end{};  // the first day after the period
};

// InvalidArgument naming `period` for anything but YYYY-MM or YYYY (1970–2999).
base::Result<Period> ParsePeriod(std::string_view text);

}  // namespace oversight::spotcheck
