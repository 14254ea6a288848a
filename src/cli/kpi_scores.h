#pragma once

// What `kpi compute` and `report` share: a period's scores from the command's
// store, calendar and model options.

#include <string>

#include "cli/commands.h"
#include "scoring/compute.h"

namespace oversight::cli {

// Parses the period, loads the model and the calendar, opens the existing store
// and computes; `options.calendar` is filled in here.
base::Result<scoring::PeriodScores> ComputeScores(const StoreArgs& store_args,
                                                  const CalendarArgs& calendar_args,
                                                  const std::string& period_text,
                                                  const std::string& model_file,
                                                  scoring::ComputeOptions options,
                                                  const Environment& env);

}  // namespace oversight::cli
