#pragma once

// Spreadsheet formula injection (CSV injection): a cell whose text starts with =,
// +, -, @, a tab or a carriage return may be run as a formula when the file is
// opened. Every text cell a report writes goes through SafeCell, which puts a
// single quote before such text so that it shows as typed. Numbers the report
// computes are written as numbers and need no quote.

#include <string>
#include <string_view>

namespace oversight::report {

std::string SafeCell(std::string_view text);

}  // namespace oversight::report
