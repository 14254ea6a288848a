// The ingest macro benchmark: the demo year as canonical JSON Lines, ingested
// through the whole path (parse, map, validate, dedupe, SM3 chain, cases) into a
// fresh SQLite store, beside a baseline measured in the same run: the same rows
// inserted into SQLite with a bare prepared statement, no validation, no hashing,
// no index beyond the primary key. Each measurement runs in its own child process
// so its peak resident memory is its own. It measures; it does not pass or fail.
//
//   ingest_macro_bench [--scale 1.0] [--dir /tmp] [--keep]

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench_support.h"

using namespace oversight;
using namespace oversight::bench;

int main(int argc, char** argv) {
  double scale = 1.0;
  std::string dir = std::filesystem::temp_directory_path().string();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--scale") && i + 1 < argc) scale = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    else if (!std::strcmp(argv[i], "--keep")) keep = true;
  }
  auto gen = MakeGenerator(scale);
  if (!gen.ok()) {
    std::fprintf(stderr, "bench: %s\n", gen.status().ToString().c_str());
    return 1;
  }
  std::filesystem::path work = std::filesystem::path(dir) / ("oversight-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(work);
  std::string events = (work / "demo-year.jsonl").string(), catalog = (work / "catalog.jsonl").string();
  std::int64_t count = WriteInput(*gen, events, catalog);
  std::printf("input: %lld events, %.1f MB of JSON Lines (demo year, scale %.2f)\n\n",
              static_cast<long long>(count), std::filesystem::file_size(events) / 1e6, scale);

  Measure raw = InChild([&] { return RawInsert(*gen, (work / "raw.db").string()); });
  Measure full = InChild([&] { return FullIngest(events, catalog, (work / "store.db").string()); });
  Measure verify = InChild([&] { return Verify((work / "store.db").string()); });

  std::printf("| %-52s | %9s | %7s | %9s | %7s |\n", "path", "rows", "seconds", "rows/s", "peak MB");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(11, '-').c_str(),
              std::string(9, '-').c_str(), std::string(11, '-').c_str(), std::string(9, '-').c_str());
  Row("baseline: raw SQLite insert, rows in memory, PK only", raw);
  Row("oversight ingest: JSONL→validate→dedupe→SM3 chain→store", full);
  Row("oversight audit verify: SM3 chain walk", verify);
  if (raw.ok && full.ok) {
    std::printf("\ningest rate = %.0f%% of the raw-insert baseline\n",
                100.0 * (full.rows / full.seconds) / (raw.rows / raw.seconds));
  }
  if (!keep) std::filesystem::remove_all(work);
  return raw.ok && full.ok ? 0 : 1;
}
