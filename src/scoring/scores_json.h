#pragma once

// The stable byte form of a period's scores: compact JSON, keys in a fixed
// order, numbers with fixed decimals (values 4, points and totals 2, counts as
// whole numbers), null for what does not apply. The same PeriodScores always
// give the same bytes, so this is what `kpi compute --json` prints and what a
// publication freezes and digests.
//
//   {"model":{"id":"jieyang-default","version":1},"period":"2025-10",...,
//    "departments":[{"rank":1,"dept":"11445200MB...","name":"...","total":91.25,
//      "change":1.5,...,"indicators":[{"id":"on_time","value":0.9812,"points":98.12,
//      "numerator":157,"denominator":160,...}],"deductions":[...]}]}

#include <string>

#include "scoring/scores.h"

namespace oversight::scoring {

// The whole result, ending with a newline. Drill lists are included when present.
std::string ScoresToJson(const PeriodScores& scores);

// One drill-down list: {"period":...,"dept":...,"figure":...,"rows":[{"id":...,
// "detail":...,"counted":true,"value":null}, ...]}, ending with a newline.
std::string DrillToJson(const PeriodScores& scores, const Drill& drill);

// "12.34" with `decimals` places (half away from zero); "-0.00" never appears.
std::string FormatFixed(double value, int decimals);

}  // namespace oversight::scoring
