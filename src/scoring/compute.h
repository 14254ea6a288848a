#pragma once

// Computes a period's scores from the store: every department's indicators,
// deductions, total, rank and change from the previous period.
//
//   ComputeOptions options{.calendar = &calendar};
//   OVS_ASSIGN_OR_RETURN(PeriodScores scores,
//                        ComputePeriod(store, model, *Period::Parse("2026-10"), options));
//
// Which subjects count for a department and a period (docs/SCORING.md):
//  - a case counts for the department of its first event, in the period holding
//    the first event of its indicator's `period_by` type (local time);
//  - an item counts for its catalog department, in every period (the catalog as
//    it is when computed: the store keeps no catalog history);
//  - an alert counts for its department, in the period holding its raised_at.
// One read of the cases active in the period and the one before serves both, so
// "change" costs no second pass. The same store and model give the same result,
// byte for byte once serialised (scores_json.h).

#include <string>
#include <vector>

#include "base/status.h"
#include "calendar/calendar.h"
#include "scoring/period.h"
#include "scoring/scores.h"
#include "scoring/scoring_model.h"
#include "store/store.h"

namespace oversight::scoring {

struct DrillKey {
  std::string dept_code;
  std::string figure_id;  // an indicator or deduction id
};

// "DEPT:FIGURE" as the command line writes it; InvalidArgument naming `--drill`.
base::Result<DrillKey> ParseDrillKey(std::string_view text);

struct ComputeOptions {
  // Required: the local zone of periods, the deadlines (case.promised_due) and
  // working_days() in expressions.
  const calendar::Calendar* calendar = nullptr;
  std::vector<DrillKey> drill;  // drill-down lists to collect for the period
  bool drill_all = false;       // every department × figure (reports)
  std::string drill_dept;       // every figure of this department (its report)
};

// InvalidArgument for a drill key naming no figure of the model, NotFound for one
// naming no department; store errors as they come.
base::Result<PeriodScores> ComputePeriod(store::Store& store, const ScoringModel& model,
                                         const Period& period, const ComputeOptions& options);

}  // namespace oversight::scoring
