#include <xlsxwriter.h>

#include <algorithm>
#include <memory>

#include "report/report_files.h"
#include "report/safe_cell.h"

namespace oversight::report {
namespace {

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb != nullptr) workbook_close(wb);
  }
};

base::Status Failed(const std::string& path, lxw_error error) {
  return base::Unavailable("report: writing '" + path + "' failed: " + lxw_strerror(error));
}

}  // namespace

base::Status WriteXlsx(const std::vector<Table>& tables, const std::string& path) {
  // Constant memory: rows go to disk as they are written, so a year's details
  // (hundreds of thousands of rows) do not sit in memory.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::unique_ptr<lxw_workbook, WorkbookCloser> wb(workbook_new_opt(path.c_str(), &options));
  if (!wb) return base::Unavailable("report: cannot create '" + path + "'");
  lxw_format* bold = workbook_add_format(wb.get());
  format_set_bold(bold);
  lxw_format* decimals[5] = {};
  const char* patterns[5] = {"0", "0.0", "0.00", "0.000", "0.0000"};
  for (int i = 0; i < 5; ++i) {
    decimals[i] = workbook_add_format(wb.get());
    format_set_num_format(decimals[i], patterns[i]);
  }
  for (const Table& table : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), table.name.c_str());
    if (ws == nullptr) {
      return base::Internal("report: the sheet name \"" + table.name + "\" was refused");
    }
    lxw_error e = worksheet_write_string(ws, 0, 0, SafeCell(table.title).c_str(), bold);
    if (e != LXW_NO_ERROR) return Failed(path, e);
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
      e = worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), SafeCell(table.headers[c]).c_str(),
                                 bold);
      if (e != LXW_NO_ERROR) return Failed(path, e);
    }
    worksheet_freeze_panes(ws, 3, 0);
    lxw_row_t r = 3;
    for (const std::vector<Cell>& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.number) {
          e = worksheet_write_number(ws, r, col, *cell.number,
                                     decimals[std::clamp(cell.decimals, 0, 4)]);
        } else if (!cell.text.empty()) {
          e = worksheet_write_string(ws, r, col, SafeCell(cell.text).c_str(), nullptr);
        }
        if (e != LXW_NO_ERROR) return Failed(path, e);
      }
      ++r;
    }
  }
  lxw_error closed = workbook_close(wb.release());
  if (closed != LXW_NO_ERROR) return Failed(path, closed);
  return base::Status::Ok();
}

}  // namespace oversight::report
