#include "report/report_tables.h"

#include <map>
#include <set>

namespace oversight::report {
namespace {

using scoring::DepartmentResult;
using scoring::FigureInfo;
using scoring::PeriodScores;

std::string Subtitle(const PeriodScores& s) {
  return s.period.ToString() + "（模型 " + s.model_id + " 第" + std::to_string(s.model_version) +
         "版；" + s.from_text + " 至 " + s.to_text + "）";
}

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ and
// unique (case-insensitively; our names differ by more than case).
std::string SheetName(const std::string& wanted, std::set<std::string>& used) {
  std::string clean;
  int chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 28; ++chars) {
    const unsigned char c = static_cast<unsigned char>(wanted[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string one = wanted.substr(i, len);
    if (one.size() == 1 && std::string_view("[]:*?/\\'").find(one[0]) != std::string_view::npos) {
      one = "_";
    }
    clean += one;
    i += len;
  }
  if (clean.empty()) clean = "指标";
  std::string name = clean;
  for (int n = 2; !used.insert(name).second; ++n) name = clean + "_" + std::to_string(n);
  return name;
}

std::string Yes(bool b) { return b ? "是" : "否"; }

Table Ranking(const PeriodScores& s) {
  Table t;
  t.name = "排名";
  t.title = "部门考评排名 " + Subtitle(s);
  t.headers = {"排名", "部门代码", "部门名称", "总分", "较上期", "上期排名", "加权得分", "扣分"};
  for (const FigureInfo& f : s.indicators) t.headers.push_back(f.name_zh + "（得分）");
  for (const FigureInfo& f : s.deductions) t.headers.push_back(f.name_zh + "（扣分）");
  for (const DepartmentResult& d : s.departments) {
    std::vector<Cell> row;
    row.push_back(d.rank ? Cell::Number(*d.rank, 0) : Cell::Text("未排名"));
    row.push_back(Cell::Text(d.dept_code));
    row.push_back(Cell::Text(d.dept_name));
    row.push_back(Cell::Maybe(d.total, 2));
    row.push_back(Cell::Maybe(d.change, 2));
    row.push_back(d.previous_rank ? Cell::Number(*d.previous_rank, 0) : Cell::Text(""));
    row.push_back(Cell::Maybe(d.weighted, 2));
    row.push_back(Cell::Number(d.deducted, 2));
    for (const auto& r : d.indicators) row.push_back(Cell::Maybe(r.points, 2));
    for (const auto& r : d.deductions) row.push_back(Cell::Number(r.points, 2));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table Summary(const PeriodScores& s, const DepartmentResult& d) {
  Table t;
  t.name = "部门得分";
  t.title = d.dept_name + " " + d.dept_code + " 考评得分 " + Subtitle(s);
  t.headers = {"项目", "英文名称", "数值", "得分", "权重", "分子", "分母", "较上期（得分）"};
  for (std::size_t i = 0; i < d.indicators.size() && i < s.indicators.size(); ++i) {
    const FigureInfo& f = s.indicators[i];
    const auto& r = d.indicators[i];
    std::optional<double> change;
    if (r.points && r.previous_points) change = *r.points - *r.previous_points;
    t.rows.push_back({Cell::Text(f.name_zh), Cell::Text(f.name_en), Cell::Maybe(r.value, 4),
                      Cell::Maybe(r.points, 2), Cell::Number(f.weight, 2),
                      Cell::Number(r.numerator, f.is_average ? 4 : 0),
                      Cell::Number(static_cast<double>(r.denominator), 0), Cell::Maybe(change, 2)});
  }
  for (std::size_t i = 0; i < d.deductions.size() && i < s.deductions.size(); ++i) {
    const FigureInfo& f = s.deductions[i];
    const auto& r = d.deductions[i];
    t.rows.push_back({Cell::Text(f.name_zh + "（扣分）"), Cell::Text(f.name_en),
                      Cell::Number(static_cast<double>(r.count), 0), Cell::Number(-r.points, 2),
                      Cell::Text(""), Cell::Text(""), Cell::Text(""),
                      Cell::Number(r.previous_points - r.points, 2)});
  }
  auto line = [&](const std::string& label, const std::string& en, const Cell& value) {
    t.rows.push_back({Cell::Text(label), Cell::Text(en), Cell::Text(""), value, Cell::Text(""),
                      Cell::Text(""), Cell::Text(""), Cell::Text("")});
  };
  line("加权得分", "Weighted points", Cell::Maybe(d.weighted, 2));
  line("扣分合计", "Deductions", Cell::Number(-d.deducted, 2));
  line("总分", "Total", Cell::Maybe(d.total, 2));
  line("排名", "Rank", d.rank ? Cell::Number(*d.rank, 0) : Cell::Text("未排名"));
  return t;
}

Table Details(const PeriodScores& s, const FigureInfo& f, const std::string& only_dept,
              std::set<std::string>& used) {
  Table t;
  t.name = SheetName(f.name_zh, used);
  t.title = f.name_zh + "（" + f.name_en + "）明细 " + Subtitle(s);
  std::string counted = f.is_deduction ? "扣分" : f.is_average ? "计入平均" : "计入分子";
  std::string id = f.subject == scoring::Subject::kItems    ? "事项编码"
                   : f.subject == scoring::Subject::kAlerts ? "预警编号"
                                                             : "办件编号";
  std::string detail = f.subject == scoring::Subject::kItems    ? "事项名称"
                       : f.subject == scoring::Subject::kAlerts ? "办件 规则 级别"
                                                                 : "事项编码";
  t.headers = {"部门代码", "部门名称", id, detail, counted, "数值"};
  std::map<std::pair<std::string, std::string>, const scoring::Drill*> drills;
  for (const scoring::Drill& drill : s.drills) drills[{drill.dept_code, drill.figure_id}] = &drill;
  for (const DepartmentResult& d : s.departments) {
    if (!only_dept.empty() && d.dept_code != only_dept) continue;
    auto it = drills.find({d.dept_code, f.id});
    if (it == drills.end()) continue;
    for (const scoring::DrillRow& row : it->second->rows) {
      t.rows.push_back({Cell::Text(d.dept_code), Cell::Text(d.dept_name), Cell::Text(row.id),
                        Cell::Text(row.detail), Cell::Text(Yes(row.counted)),
                        row.value ? Cell::Number(*row.value, 4) : Cell::Text("")});
    }
  }
  return t;
}

}  // namespace

Cell Cell::Maybe(const std::optional<double>& x, int decimals) {
  return x ? Number(*x, decimals) : Text("不适用");
}

base::Result<std::vector<Table>> BuildTables(const PeriodScores& scores,
                                             const ReportOptions& options) {
  std::vector<Table> tables;
  std::set<std::string> used;
  if (options.dept_code.empty()) {
    tables.push_back(Ranking(scores));
  } else {
    const DepartmentResult* dept = nullptr;
    for (const DepartmentResult& d : scores.departments) {
      if (d.dept_code == options.dept_code) dept = &d;
    }
    if (dept == nullptr) {
      return base::NotFound("--dept: no department \"" + options.dept_code + "\" in the store");
    }
    tables.push_back(Summary(scores, *dept));
  }
  used.insert(tables.front().name);
  for (const FigureInfo& f : scores.indicators) {
    tables.push_back(Details(scores, f, options.dept_code, used));
  }
  for (const FigureInfo& f : scores.deductions) {
    tables.push_back(Details(scores, f, options.dept_code, used));
  }
  return tables;
}

}  // namespace oversight::report
