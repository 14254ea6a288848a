#pragma once

// What the macro benchmarks share: running a measurement in a child process (so
// its peak memory is its own), the demo year as input, the full ingest path,
// and the result table. Measures; never passes or fails.

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <span>
#include <string>

#include "calendar/zone.h"
#include "demo/demo_generator.h"
#include "demo/event_jsonl.h"
#include "ingest/open_reader.h"
#include "pipeline/catalog_file.h"
#include "pipeline/ingest_runner.h"
#include "runtime/calendar_files.h"
#include "store/sqlite/sqlite_store.h"

namespace oversight::bench {


using namespace oversight;
using Clock = std::chrono::steady_clock;

struct Measure {
  std::int64_t rows = 0;
  double seconds = 0;
  long peak_rss_kb = 0;
  bool ok = false;
};

// Runs `work` in a child process; it writes rows and seconds to a pipe.
inline Measure InChild(const std::function<std::pair<std::int64_t, double>()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    auto [rows, seconds] = work();
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%lld %.6f", static_cast<long long>(rows), seconds);
    ssize_t written = write(fds[1], buf, n);
    _exit(written == n ? 0 : 1);
  }
  close(fds[1]);
  char buf[64] = {};
  ssize_t n = read(fds[0], buf, sizeof buf - 1);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Measure m;
  long long rows = 0;
  if (n > 0 && std::sscanf(buf, "%lld %lf", &rows, &m.seconds) == 2) m.rows = rows;
  m.peak_rss_kb = usage.ru_maxrss;
  m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && m.rows > 0;
  return m;
}

inline base::Result<demo::DemoGenerator> MakeGenerator(double scale) {
  demo::DemoOptions options;
  options.scale = scale;
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal,
                       runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {}));
  return demo::DemoGenerator::Create(options, std::move(cal));
}

// Writes the demo year and its catalog; returns the number of events.
inline std::int64_t WriteInput(const demo::DemoGenerator& gen, const std::string& events_path,
                        const std::string& catalog_path) {
  std::ofstream catalog(catalog_path);
  for (const auto& d : gen.city().departments) catalog << pipeline::DepartmentToJsonLine(d) << '\n';
  for (const auto& i : gen.city().items) catalog << pipeline::ItemToJsonLine(i) << '\n';
  std::ofstream out(events_path, std::ios::binary);
  std::string line;
  std::int64_t count = 0;
  auto stats = gen.Generate(
      [&](const model::Event& e) {
        line.clear();
        demo::AppendEventJsonLine(e, demo::kChinaStandardOffset, line);
        line += '\n';
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        ++count;
      },
      [](const demo::TruthRecord&) {});
  return stats.ok() ? count : -1;
}

// Baseline: the same rows, already in memory, through one bare prepared INSERT.
inline std::pair<std::int64_t, double> RawInsert(const demo::DemoGenerator& gen, const std::string& db_path) {
  std::vector<model::Event> events;
  (void)gen.Generate([&](const model::Event& e) { events.push_back(e); },
                     [](const demo::TruthRecord&) {});
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE events (seq "
               "INTEGER PRIMARY KEY, source TEXT, source_event_id TEXT, case_id TEXT, kind INTEGER, "
               "type INTEGER, step TEXT, at_ms INTEGER, dept_code TEXT, item_code TEXT, actor TEXT, "
               "channel INTEGER, attrs TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &stmt, nullptr);
  auto start = Clock::now();
  std::int64_t seq = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    if (i % 20000 == 0) sqlite3_exec(db, i == 0 ? "BEGIN" : "COMMIT; BEGIN", nullptr, nullptr, nullptr);
    const model::Event& e = events[i];
    auto text = [&](int col, const std::string& s) {
      sqlite3_bind_text(stmt, col, s.data(), int(s.size()), SQLITE_STATIC);
    };
    sqlite3_bind_int64(stmt, 1, ++seq);
    text(2, e.source);
    text(3, e.source_event_id);
    text(4, e.case_id);
    sqlite3_bind_int64(stmt, 5, int(e.kind));
    sqlite3_bind_int64(stmt, 6, int(e.type));
    text(7, e.step_name);
    sqlite3_bind_int64(stmt, 8, base::ToUnixMillis(e.at));
    text(9, e.dept_code);
    text(10, e.item_code);
    text(11, e.actor);
    sqlite3_bind_int64(stmt, 12, int(e.channel));
    text(13, e.attrs_json);
    sqlite3_step(stmt);
    sqlite3_reset(stmt);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return {seq, seconds};
}

// Registers the departments and items of a catalog file (docs/CATALOG.md).
inline void ImportCatalog(store::Store& store, const std::string& catalog_path) {
  std::ifstream catalog(catalog_path);
  std::string line;
  while (std::getline(catalog, line)) {
    auto record = pipeline::ParseCatalogLine(line);
    if (!record.ok()) continue;
    if (auto* d = std::get_if<model::Department>(&*record)) (void)store.UpsertDepartment(*d, false);
    if (auto* i = std::get_if<model::Item>(&*record)) (void)store.UpsertItem(*i, false);
  }
}

// Ingests a canonical JSON Lines file into `store` as `oversight ingest` does,
// handing each stored batch to `on_stored` when given. Returns the events stored.
inline std::int64_t IngestFile(
    store::Store& store, const std::string& events_path, base::Instant now,
    std::function<void(std::span<const model::Event>, const store::AppendResult&)> on_stored) {
  pipeline::ValidatorOptions options;
  options.source = "bench";
  options.now = now;
  auto zone = calendar::Zone::Locate("Asia/Shanghai");
  options.from_local = [zone = *zone](base::Instant wall) { return zone.FromLocal(wall); };
  pipeline::EventValidator validator(options, *store.ListDepartments(), *store.ListItems());
  ingest::Mapping mapping = ingest::Mapping::Identity();
  auto reader = ingest::OpenRecordReader(events_path, {});
  if (!reader.ok()) return 0;
  pipeline::IngestRunner runner(store, mapping, validator,
                                {"bench", 20'000, now, nullptr, std::move(on_stored)});
  base::Status status = runner.Run(**reader, events_path);
  if (!status.ok() || runner.summary().quarantined != 0) {
    std::fprintf(stderr, "ingest: %s, %lld quarantined\n", status.ToString().c_str(),
                 static_cast<long long>(runner.summary().quarantined));
    return 0;
  }
  return runner.summary().stored;
}

// The whole path, as `oversight ingest` runs it.
inline std::pair<std::int64_t, double> FullIngest(const std::string& events_path,
                                                  const std::string& catalog_path,
                                                  const std::string& db_path) {
  auto store = store::sqlite::OpenSqliteStore({db_path, {}});
  if (!store.ok()) return {0, 0};
  ImportCatalog(**store, catalog_path);
  auto start = Clock::now();
  std::int64_t stored = IngestFile(**store, events_path, *base::ParseInstant("2027-01-01T00:00:00Z"), nullptr);
  return {stored, std::chrono::duration<double>(Clock::now() - start).count()};
}

inline std::pair<std::int64_t, double> Verify(const std::string& db_path) {
  auto store = store::sqlite::OpenSqliteStore({db_path, {}});
  if (!store.ok()) return {0, 0};
  auto start = Clock::now();
  auto report = (*store)->VerifyChain();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return {report.ok() && report->ok ? report->events_checked : 0, seconds};
}

inline void Row(const char* name, const Measure& m) {
  std::printf("| %-52s | %9lld | %7.2f | %9.0f | %7.1f |\n", name, static_cast<long long>(m.rows),
              m.seconds, m.seconds > 0 ? m.rows / m.seconds : 0.0, m.peak_rss_kb / 1024.0);
}


}  // namespace oversight::bench
