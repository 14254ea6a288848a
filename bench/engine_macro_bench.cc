// The engine macro benchmark: the default rule pack (rules/) over the demo year.
//   1. engine core alone, in memory: every event through Engine::OnEvent on its
//      case's state, in event-time order, then a closing tick per case;
//   2. end to end: JSON Lines → ingest → store → engine → stored alerts, beside
//      the ingest-only path measured in the same run;
//   3. memory for 1 M open cases (one submission each, every deadline running).
// Each measurement runs in its own child process. It measures; it does not pass or fail.
//
//   engine_macro_bench [--scale 1.0] [--dir /tmp] [--rules rules]

#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "bench_support.h"
#include "engine/engine.h"
#include "supervisor/engine_setup.h"
#include "supervisor/live_judge.h"
#include "supervisor/supervisor.h"

using namespace oversight;
using namespace oversight::bench;

namespace {

supervisor::EngineCatalog CityCatalog(const demo::City& city) {
  supervisor::EngineCatalog catalog;
  for (const auto& item : city.items) catalog.items.emplace(item.code, item);
  for (const auto& dept : city.departments) catalog.departments.emplace(dept.code, dept);
  return catalog;
}

base::Result<engine::Engine> MakeEngine(const std::string& rules_dir,
                                        const supervisor::EngineCatalog& catalog) {
  supervisor::EngineSetup setup;
  setup.rules_dir = rules_dir;
  return supervisor::MakeEngine(setup, catalog);
}

const base::Instant kNow = *base::ParseInstant("2026-06-01T00:00:00Z");

std::pair<std::int64_t, double> EngineCore(const demo::DemoGenerator& gen, const std::string& rules_dir) {
  supervisor::EngineCatalog catalog = CityCatalog(gen.city());
  auto engine = MakeEngine(rules_dir, catalog);
  if (!engine.ok()) return {0, 0};
  std::vector<model::Event> events;
  (void)gen.Generate([&](const model::Event& e) { events.push_back(e); }, [](const demo::TruthRecord&) {});
  std::unordered_map<std::string, engine::CaseState> states;
  std::int64_t alerts = 0;
  auto start = Clock::now();
  for (const model::Event& e : events) {
    engine::EngineStep step = engine->OnEvent(states[e.case_id], e);
    alerts += static_cast<std::int64_t>(step.changes.size());
  }
  for (auto& [id, state] : states) alerts += static_cast<std::int64_t>(engine->OnTick(state, kNow).changes.size());
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::fprintf(stderr, "engine core: %lld alerts\n", static_cast<long long>(alerts));
  return {static_cast<std::int64_t>(events.size()), seconds};
}

// `oversight ingest --rules`: the engine judges each batch as the writer stores it.
std::pair<std::int64_t, double> EndToEnd(const std::string& events_path, const std::string& catalog_path,
                                         const std::string& db_path, const std::string& rules_dir) {
  auto store = store::sqlite::OpenSqliteStore({db_path, {}});
  if (!store.ok()) return {0, 0};
  ImportCatalog(**store, catalog_path);
  auto start = Clock::now();
  supervisor::EngineSetup setup;
  setup.rules_dir = rules_dir;
  auto engine = supervisor::MakeEngineForStore(**store, setup);
  if (!engine.ok()) return {0, 0};
  supervisor::LiveJudge judge(**store, *engine);
  std::int64_t stored = IngestFile(**store, events_path, kNow,
                                   [&judge](std::span<const model::Event> events,
                                            const store::AppendResult& appended) {
                                     judge.Stored(events, appended);
                                   });
  auto summary = judge.Finish(kNow);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (stored == 0 || !summary.ok()) return {0, 0};
  std::fprintf(stderr, "end to end: %lld alerts stored\n", static_cast<long long>(summary->raised));
  return {stored, seconds};
}

// One million open cases, each with one submission: every deadline clock running.
std::pair<std::int64_t, double> OpenCases(const demo::DemoGenerator& gen, const std::string& rules_dir) {
  supervisor::EngineCatalog catalog = CityCatalog(gen.city());
  auto engine = MakeEngine(rules_dir, catalog);
  if (!engine.ok()) return {0, 0};
  constexpr std::int64_t kCases = 1'000'000;
  std::unordered_map<std::string, engine::CaseState> states;
  states.reserve(kCases);
  model::Event e;
  e.source = "bench";
  e.kind = model::CaseKind::kApproval;
  e.type = model::EventType::kSubmit;
  e.step_name = "submit";
  e.dept_code = gen.city().items.front().dept_code;
  e.item_code = gen.city().items.front().code;
  e.attrs_json = "{}";
  e.at = *base::ParseInstant("2025-03-03T09:00:00+08:00");
  auto start = Clock::now();
  for (std::int64_t i = 0; i < kCases; ++i) {
    e.case_id = "445200-2025-" + std::to_string(1'000'000 + i);
    e.source_event_id = e.case_id + "-01";
    (void)engine->OnEvent(states[e.case_id], e);
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::size_t footprint = 0;
  for (const auto& [id, state] : states) footprint += state.Footprint();
  std::fprintf(stderr, "open cases: %.0f bytes of state per case beyond its id\n",
               double(footprint) / double(kCases));
  return {kCases, seconds};
}

}  // namespace

int main(int argc, char** argv) {
  double scale = 1.0;
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string rules_dir = std::string(OVS_SOURCE_DIR) + "/rules";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--scale") && i + 1 < argc) scale = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    else if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rules_dir = argv[++i];
  }
  auto gen = MakeGenerator(scale);
  if (!gen.ok()) {
    std::fprintf(stderr, "bench: %s\n", gen.status().ToString().c_str());
    return 1;
  }
  std::filesystem::path work = std::filesystem::path(dir) / ("oversight-engine-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(work);
  std::string events = (work / "demo-year.jsonl").string(), catalog = (work / "catalog.jsonl").string();
  std::int64_t count = WriteInput(*gen, events, catalog);
  std::printf("input: %lld events (demo year, scale %.2f), rules %s\n\n", static_cast<long long>(count),
              scale, rules_dir.c_str());

  Measure core = InChild([&] { return EngineCore(*gen, rules_dir); });
  Measure ingest = InChild([&] { return FullIngest(events, catalog, (work / "ingest.db").string()); });
  Measure full = InChild([&] { return EndToEnd(events, catalog, (work / "full.db").string(), rules_dir); });
  Measure open = InChild([&] { return OpenCases(*gen, rules_dir); });

  std::printf("| %-52s | %9s | %7s | %9s | %7s |\n", "path", "rows", "seconds", "rows/s", "peak MB");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(11, '-').c_str(),
              std::string(9, '-').c_str(), std::string(11, '-').c_str(), std::string(9, '-').c_str());
  Row("engine core alone, in memory (events)", core);
  Row("baseline: ingest only, JSONL → store (events)", ingest);
  Row("end to end: JSONL → store → engine → alerts (events)", full);
  Row("1 M open cases in memory (cases)", open);
  if (ingest.ok && full.ok) {
    std::printf("\nend to end = %.0f%% of the ingest-only rate\n",
                100.0 * (full.rows / full.seconds) / (ingest.rows / ingest.seconds));
  }
  std::filesystem::remove_all(work);
  return core.ok && full.ok ? 0 : 1;
}
