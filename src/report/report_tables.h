#pragma once

// A period's scores as tables, the one layout both report formats write: the
// ranking (or one department's summary) and, per indicator and deduction, the
// subjects behind it. Chinese headers; text is kept as it is here and made safe
// by the writer (safe_cell.h).

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "scoring/scores.h"

namespace oversight::report {

struct Cell {
  std::string text;              // shown when there is no number
  std::optional<double> number;  // written as a number
  int decimals = 2;              // how a number is shown

  static Cell Text(std::string s) { return {std::move(s), std::nullopt, 0}; }
  static Cell Number(double x, int decimals) { return {"", x, decimals}; }
  // A number, or "不适用" (not applicable) when absent.
  static Cell Maybe(const std::optional<double>& x, int decimals);
};

struct Table {
  std::string name;   // the sheet name (Chinese, at most 31 characters)
  std::string title;  // one line above the headers
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

struct ReportOptions {
  // A department's report: its summary first, and only its subjects. Empty: the
  // bureau's report with the ranking of every department.
  std::string dept_code;
};

// The first table (ranking or department summary), then one per indicator and
// deduction in model order. A department's report for a department the scores
// do not hold is NotFound.
base::Result<std::vector<Table>> BuildTables(const scoring::PeriodScores& scores,
                                             const ReportOptions& options);

}  // namespace oversight::report
