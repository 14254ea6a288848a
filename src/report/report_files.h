#pragma once

// Writes report tables (report_tables.h) as files.
//
//   XLSX (libxlsxwriter): one sheet per table, a title line, bold Chinese headers,
//     numbers as numbers with their decimals, a frozen header row.
//   CSV: the first table (the ranking or the department's summary) in UTF-8 with
//     a byte order mark, so that Excel reads the Chinese correctly; RFC 4180
//     quoting and CRLF line ends. The subjects behind each figure are in the XLSX.
// Both put every text cell through SafeCell (formula injection).

#include <string>
#include <vector>

#include "base/status.h"
#include "report/report_tables.h"

namespace oversight::report {

// The CSV bytes of one table, BOM first.
std::string CsvText(const Table& table);

base::Status WriteCsv(const std::vector<Table>& tables, const std::string& path);
base::Status WriteXlsx(const std::vector<Table>& tables, const std::string& path);

}  // namespace oversight::report
