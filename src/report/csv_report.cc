#include <fstream>

#include "report/report_files.h"
#include "report/safe_cell.h"
#include "scoring/scores_json.h"

namespace oversight::report {
namespace {

void Field(std::string& out, std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void Line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    Field(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string CsvText(const Table& table) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte order mark
  std::vector<std::string> fields;
  for (const std::string& h : table.headers) fields.push_back(SafeCell(h));
  Line(out, fields);
  for (const std::vector<Cell>& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row) {
      fields.push_back(cell.number ? scoring::FormatFixed(*cell.number, cell.decimals)
                                   : SafeCell(cell.text));
    }
    Line(out, fields);
  }
  return out;
}

base::Status WriteCsv(const std::vector<Table>& tables, const std::string& path) {
  if (tables.empty()) return base::Internal("report: no table to write");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return base::Unavailable("report: cannot write '" + path + "'");
  const std::string text = CsvText(tables.front());
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return base::Unavailable("report: writing '" + path + "' failed (disk full?)");
  return base::Status::Ok();
}

}  // namespace oversight::report
