// oversight report: a period's scores as an XLSX or CSV file, for the bureau or
// (--dept) for one department.

#include <ostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/kpi_scores.h"
#include "report/report_files.h"
#include "report/report_tables.h"

namespace oversight::cli {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return tail == suffix;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

}  // namespace

int RunReport(const ReportArgs& args, const Environment& env, std::ostream& out) {
  const bool xlsx = EndsWith(args.out_file, ".xlsx");
  const bool csv = EndsWith(args.out_file, ".csv");
  if (!xlsx && !csv) {
    return Fail(base::InvalidArgument("--out: expected a file name ending in .xlsx or .csv, found \"" +
                                      args.out_file + "\""));
  }
  // The bureau's XLSX lists the subjects behind every figure of every department;
  // a department's only its own; the CSV holds the first table only.
  scoring::ComputeOptions options;
  options.drill_all = xlsx && args.dept.empty();
  if (xlsx) options.drill_dept = args.dept;
  base::Result<scoring::PeriodScores> scores =
      ComputeScores(args.store, args.calendar, args.period, args.model_file, options, env);
  if (!scores.ok()) return Fail(scores.status());
  report::ReportOptions report_options;
  report_options.dept_code = args.dept;
  base::Result<std::vector<report::Table>> tables = report::BuildTables(*scores, report_options);
  if (!tables.ok()) return Fail(tables.status());
  base::Status written =
      xlsx ? report::WriteXlsx(*tables, args.out_file) : report::WriteCsv(*tables, args.out_file);
  if (!written.ok()) return Fail(written);
  std::size_t rows = 0;
  for (const report::Table& t : *tables) rows += t.rows.size();
  if (args.json) {
    out << "{\"file\":" << JsonString(args.out_file) << ",\"format\":\"" << (xlsx ? "xlsx" : "csv")
        << "\",\"period\":\"" << scores->period.ToString() << "\",\"sheets\":"
        << (xlsx ? tables->size() : 1) << ",\"rows\":" << (xlsx ? rows : tables->front().rows.size())
        << "}\n";
  } else {
    out << "report " << scores->period.ToString() << " written to " << args.out_file << " ("
        << (xlsx ? std::to_string(tables->size()) + " sheets, " + std::to_string(rows) + " rows"
                 : std::to_string(tables->front().rows.size()) + " rows")
        << ")\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
