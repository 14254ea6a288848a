// The scoring macro benchmark: department scores over the demo city's year
// (scale 1 ≈ 190 k cases, 1.2 M events, 80 k alerts after the default rules).
//   1. kpi month: ComputePeriod for one month, every department, every indicator
//      of the model, with the month before (for "change") — target < 1 s;
//   2. kpi year: the same for the whole year (and the year before) — target < 5 s;
//   3. beside them, measured in the same run on the same file: the store read the
//      computation rests on (cases active in the two periods, no scoring), and a
//      bare SQL baseline that counts the period's completions per department.
// Wall time (best and median of the runs) and the process's CPU time of the best
// run: on a shared machine the CPU time is the steadier of the two.
// It measures; it does not pass or fail. Without --db (or when the file is
// missing) it generates the demo year and runs the default rules into it first.
//
//   kpi_bench [--db /tmp/kpi-bench.db] [--scale 1.0] [--model scoring/default.yaml]
//             [--rules rules] [--month 2025-10] [--year 2025] [--runs 3]

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "demo/demo_generator.h"
#include "runtime/calendar_files.h"
#include "scoring/compute.h"
#include "scoring/model_yaml.h"
#include "store/sqlite/sqlite_store.h"
#include "supervisor/engine_setup.h"
#include "supervisor/supervisor.h"

using namespace oversight;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string db = "/tmp/kpi-bench.db";
  double scale = 1.0;
  std::string model = std::string(OVS_SOURCE_DIR) + "/scoring/default.yaml";
  std::string rules = std::string(OVS_SOURCE_DIR) + "/rules";
  std::string month = "2025-10";
  std::string year = "2025";
  int runs = 3;
};

void Die(const std::string& what, const base::Status& status) {
  std::fprintf(stderr, "kpi_bench: %s: %s\n", what.c_str(), status.ToString().c_str());
  std::exit(1);
}

// The demo year into a new store, and the default rules' alerts over it.
void Prepare(const Options& o, const calendar::Calendar& cal) {
  std::fprintf(stderr, "generating the demo year (scale %.2f) into %s ...\n", o.scale, o.db.c_str());
  demo::DemoOptions demo_options;
  demo_options.scale = o.scale;
  auto gen = demo::DemoGenerator::Create(demo_options, cal);
  if (!gen.ok()) Die("demo", gen.status());
  auto store = store::sqlite::OpenSqliteStore({o.db, {}});
  if (!store.ok()) Die("store", store.status());
  for (const auto& d : gen->city().departments) (void)(*store)->UpsertDepartment(d, false);
  for (const auto& i : gen->city().items) (void)(*store)->UpsertItem(i, false);
  const base::Instant now = *base::ParseInstant("2026-06-01T00:00:00Z");
  std::vector<model::Event> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    auto appended = (*store)->AppendBatch(batch, now);
    if (!appended.ok()) Die("append", appended.status());
    batch.clear();
  };
  auto stats = gen->Generate(
      [&](const model::Event& e) {
        batch.push_back(e);
        if (batch.size() >= 20'000) flush();
      },
      [](const demo::TruthRecord&) {});
  if (!stats.ok()) Die("demo", stats.status());
  flush();
  supervisor::EngineSetup setup;
  setup.rules_dir = o.rules;
  setup.holidays_dir = runtime::DefaultDataDir() / "holidays";
  auto engine = supervisor::MakeEngineForStore(**store, setup);
  if (!engine.ok()) Die("rules", engine.status());
  supervisor::SuperviseOptions run;
  run.now = now;
  auto summary = supervisor::Supervise(**store, *engine, run);
  if (!summary.ok()) Die("run", summary.status());
  if (base::Status s = (*store)->Flush(); !s.ok()) Die("flush", s);
}

struct Row {
  std::string what;
  std::string period;
  double best = 0;
  double median = 0;
  double cpu = 0;  // the process's CPU time of the best run: steadier on a busy machine
  std::int64_t subjects = 0;  // departments scored / cases read / rows counted
  std::string unit;
};

Row Time(const std::string& what, const std::string& period, int runs, const std::string& unit,
         const std::function<std::int64_t()>& work) {
  std::vector<std::pair<double, double>> seconds;  // wall, CPU
  std::int64_t subjects = 0;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    std::clock_t cpu_start = std::clock();
    subjects = work();
    seconds.emplace_back(std::chrono::duration<double>(Clock::now() - start).count(),
                         static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  std::sort(seconds.begin(), seconds.end());
  return {what,   period, seconds.front().first, seconds[seconds.size() / 2].first,
          seconds.front().second, subjects, unit};
}

std::int64_t Score(const Options& o, const calendar::Calendar& cal, const std::string& text) {
  auto model = scoring::LoadScoringModelFile(o.model);
  if (!model.ok()) Die("model", model.status());
  auto store = store::sqlite::OpenSqliteStore({o.db, {}});
  if (!store.ok()) Die("store", store.status());
  scoring::ComputeOptions options;
  options.calendar = &cal;
  auto scores = scoring::ComputePeriod(**store, *model, *scoring::Period::Parse(text), options);
  if (!scores.ok()) Die("compute " + text, scores.status());
  std::int64_t scored = 0;
  for (const auto& d : scores->departments) scored += d.total ? 1 : 0;
  return scored;
}

// The store read alone: the cases active in the period and the one before.
std::int64_t ReadOnly(const Options& o, const calendar::Calendar& cal, const std::string& text) {
  auto store = store::sqlite::OpenSqliteStore({o.db, {}});
  if (!store.ok()) Die("store", store.status());
  scoring::Period period = *scoring::Period::Parse(text);
  std::int64_t cases = 0;
  base::Status s = (*store)->ScanCasesActiveBetween(
      scoring::RangeOf(period.Previous(), cal).from, scoring::RangeOf(period, cal).to,
      [&](std::vector<store::StoredEvent>&) {
        ++cases;
        return true;
      });
  if (!s.ok()) Die("scan", s);
  return cases;
}

// Bare SQL: completions per department in the period and the one before, one
// GROUP BY over the events table (no scoring, no index on time: a full scan).
std::int64_t SqlBaseline(const Options& o, const calendar::Calendar& cal, const std::string& text) {
  scoring::Period period = *scoring::Period::Parse(text);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(o.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Die("sqlite", base::Unavailable(o.db));
  }
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT dept_code, count(*) FROM events WHERE type = ?1 AND at_ms >= ?2 AND "
                     "at_ms < ?3 GROUP BY dept_code",
                     -1, &stmt, nullptr);
  sqlite3_bind_int64(stmt, 1, static_cast<int>(model::EventType::kComplete));
  sqlite3_bind_int64(stmt, 2, base::ToUnixMillis(scoring::RangeOf(period.Previous(), cal).from));
  sqlite3_bind_int64(stmt, 3, base::ToUnixMillis(scoring::RangeOf(period, cal).to));
  std::int64_t completions = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) completions += sqlite3_column_int64(stmt, 1);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return completions;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool db_given = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--db") {
      o.db = value;
      db_given = true;
    } else if (flag == "--scale") {
      o.scale = std::stod(value);
    } else if (flag == "--model") {
      o.model = value;
    } else if (flag == "--rules") {
      o.rules = value;
    } else if (flag == "--month") {
      o.month = value;
    } else if (flag == "--year") {
      o.year = value;
    } else if (flag == "--runs") {
      o.runs = std::max(1, std::stoi(value));
    } else {
      std::fprintf(stderr, "kpi_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  auto cal = runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {});
  if (!cal.ok()) Die("calendar", cal.status());
  if (!std::filesystem::exists(o.db)) {
    Prepare(o, *cal);
  } else if (!db_given) {
    std::fprintf(stderr, "using the existing %s (delete it to generate again)\n", o.db.c_str());
  }

  std::vector<Row> rows;
  for (const std::string& period : {o.month, o.year}) {
    const bool month = period.size() == 7;
    rows.push_back(Time(std::string("kpi compute ") + (month ? "month" : "year"), period, o.runs,
                        "depts scored", [&] { return Score(o, *cal, period); }));
    rows.push_back(Time("  store read only", period, o.runs, "cases read",
                        [&] { return ReadOnly(o, *cal, period); }));
    rows.push_back(Time("  SQL baseline", period, o.runs, "completions",
                        [&] { return SqlBaseline(o, *cal, period); }));
  }
  std::printf("kpi_bench on %s (model %s), %d runs each\n\n", o.db.c_str(), o.model.c_str(), o.runs);
  std::printf("%-22s %-8s %9s %9s %9s %12s\n", "what", "period", "best s", "median s", "cpu s",
              "count");
  for (const Row& r : rows) {
    std::printf("%-22s %-8s %9.3f %9.3f %9.3f %12lld %s\n", r.what.c_str(), r.period.c_str(),
                r.best, r.median, r.cpu, static_cast<long long>(r.subjects), r.unit.c_str());
  }
  std::printf("\ntargets: month < 1 s, year < 5 s (kpi compute, all departments, with the previous "
              "period for change)\n");
  return 0;
}
