// oversight kpi compute: a period's department scores, their ranking and the
// subjects behind a figure (--drill).

#include <cstdio>
#include <ostream>

#include "cli/calendar_source.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/kpi_scores.h"
#include "cli/store_access.h"
#include "scoring/compute.h"
#include "scoring/model_yaml.h"
#include "scoring/scores_json.h"

namespace oversight::cli {
namespace {

using scoring::FormatFixed;

std::string Signed(const std::optional<double>& x) {
  if (!x) return "";
  return (*x > 0 ? "+" : "") + FormatFixed(*x, 2);
}

std::string Pad(std::string s, std::size_t width, bool right) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

void PrintRanking(const scoring::PeriodScores& s, std::ostream& out) {
  out << "Department scores " << s.period.ToString() << " (model " << s.model_id << " v"
      << s.model_version << "; " << s.from_text << " to " << s.to_text << "; change against "
      << s.previous.ToString() << ")\n";
  out << "rank   total  change  deducted  dept                name\n";
  int unscored = 0;
  for (const scoring::DepartmentResult& d : s.departments) {
    if (!d.total) {
      ++unscored;
      continue;
    }
    out << Pad(std::to_string(*d.rank), 4, true) << "  " << Pad(FormatFixed(*d.total, 2), 6, true)
        << "  " << Pad(Signed(d.change), 6, true) << "  " << Pad(FormatFixed(d.deducted, 2), 8, true)
        << "  " << Pad(d.dept_code, 18, false) << "  " << d.dept_name << "\n";
  }
  if (unscored > 0) {
    out << unscored << " department(s) not scored (no indicator applies):";
    for (const scoring::DepartmentResult& d : s.departments) {
      if (!d.total) out << " " << d.dept_code;
    }
    out << "\n";
  }
  out << "indicators:";
  for (const scoring::FigureInfo& f : s.indicators) {
    out << " " << f.id << " " << f.name_zh << " (" << FormatFixed(f.weight, 0) << ")";
  }
  out << "\n";
}

void PrintDrill(const scoring::PeriodScores& s, const scoring::Drill& drill, std::ostream& out) {
  std::int64_t counted = 0;
  for (const scoring::DrillRow& row : drill.rows) counted += row.counted ? 1 : 0;
  out << drill.dept_code << " " << drill.figure_id << " " << s.period.ToString() << ": "
      << drill.rows.size() << " counted in the denominator, " << counted
      << " in the numerator (or matched)\n";
  for (const scoring::DrillRow& row : drill.rows) {
    out << row.id << "\t" << row.detail << "\t" << (row.counted ? "yes" : "no");
    if (row.value) out << "\t" << FormatFixed(*row.value, 4);
    out << "\n";
  }
}

}  // namespace

base::Result<scoring::PeriodScores> ComputeScores(const StoreArgs& store_args,
                                                  const CalendarArgs& calendar_args,
                                                  const std::string& period_text,
                                                  const std::string& model_file,
                                                  scoring::ComputeOptions options,
                                                  const Environment& env) {
  OVS_ASSIGN_OR_RETURN(scoring::Period period, scoring::Period::Parse(period_text));
  OVS_ASSIGN_OR_RETURN(scoring::ScoringModel model, scoring::LoadScoringModelFile(model_file));
  OVS_ASSIGN_OR_RETURN(calendar::Calendar calendar, OpenCalendar(calendar_args));
  OVS_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, OpenExistingStore(store_args, env));
  options.calendar = &calendar;
  return scoring::ComputePeriod(*store, model, period, options);
}

int RunKpiCompute(const KpiComputeArgs& args, const Environment& env, std::ostream& out) {
  scoring::ComputeOptions options;
  for (const std::string& text : args.drill) {
    base::Result<scoring::DrillKey> key = scoring::ParseDrillKey(text);
    if (!key.ok()) return Fail(key.status());
    options.drill.push_back(*key);
  }
  base::Result<scoring::PeriodScores> scores =
      ComputeScores(args.store, args.calendar, args.period, args.model_file, options, env);
  if (!scores.ok()) return Fail(scores.status());
  if (!args.drill.empty()) {
    // In the order asked for.
    for (const scoring::DrillKey& key : options.drill) {
      for (const scoring::Drill& drill : scores->drills) {
        if (drill.dept_code != key.dept_code || drill.figure_id != key.figure_id) continue;
        if (args.json) {
          out << scoring::DrillToJson(*scores, drill);
        } else {
          PrintDrill(*scores, drill, out);
        }
      }
    }
    return kExitOk;
  }
  if (args.json) {
    out << scoring::ScoresToJson(*scores);
  } else {
    PrintRanking(*scores, out);
  }
  return kExitOk;
}

}  // namespace oversight::cli
