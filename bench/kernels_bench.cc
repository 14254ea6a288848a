// Google Benchmark kernels of the ingest path, one stage each, to see which
// stage limits the whole (bench/ingest_macro_bench.cc measures the whole).

#include <benchmark/benchmark.h>

#include "audit/canonical_event.h"
#include "codes/uscc.h"
#include "ingest/mapping.h"
#include "ingest/open_reader.h"
#include "pipeline/event_validator.h"
#include "runtime/calendar_files.h"

namespace {

using namespace oversight;

constexpr const char* kLine =
    R"({"source_event_id":"445200-2025-000123-02","case_id":"445200-2025-000123","kind":"approval","type":"accept","step":"受理","at":"2025-03-03T09:12:33+08:00","dept":"91350100M000100Y43","item":"445200-XK-0042","actor":"u1024","channel":"online","attrs":{"fee":0}})";

std::string Lines(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += std::string(kLine) + "\n";
  return out;
}

void BM_JsonlRead(benchmark::State& state) {
  const std::string input = Lines(10000);
  for (auto _ : state) {
    auto reader = ingest::MakeRecordReader(ingest::ByteSourceFromString(input, "b"), {});
    ingest::RawRecord record;
    while (*reader->Next(record)) benchmark::DoNotOptimize(record.fields.size());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_JsonlRead);

ingest::RawRecord OneRecord() {
  auto reader = ingest::MakeRecordReader(ingest::ByteSourceFromString(Lines(1), "b"), {});
  ingest::RawRecord record;
  (void)reader->Next(record);
  return record;
}

void BM_MappingApply(benchmark::State& state) {
  ingest::RawRecord record = OneRecord();
  ingest::Mapping mapping = ingest::Mapping::Identity();
  ingest::MappedRecord out;
  for (auto _ : state) benchmark::DoNotOptimize(mapping.ApplyTo(record, out));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MappingApply);

void BM_Validate(benchmark::State& state) {
  ingest::MappedRecord mapped = *ingest::Mapping::Identity().Apply(OneRecord());
  pipeline::ValidatorOptions options;
  options.source = "bench";
  options.now = *base::ParseInstant("2026-01-01T00:00:00Z");
  model::Item item;
  item.code = "445200-XK-0042";
  pipeline::EventValidator validator(options, {{"91350100M000100Y43", "d", "", ""}}, {item});
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(mapped));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Validate);

model::Event OneEvent() {
  ingest::MappedRecord mapped = *ingest::Mapping::Identity().Apply(OneRecord());
  pipeline::ValidatorOptions options;
  options.now = *base::ParseInstant("2026-01-01T00:00:00Z");
  options.auto_register = true;
  pipeline::EventValidator validator(options, {}, {});
  return std::get<model::Event>(validator.Validate(mapped));
}

void BM_ContentDigest(benchmark::State& state) {
  audit::ChainHasher hasher(static_cast<audit::HashAlgorithm>(state.range(0)));
  model::Event event = OneEvent();
  std::string scratch;
  for (auto _ : state) benchmark::DoNotOptimize(audit::ContentDigest(hasher, event, scratch));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::string(audit::HashAlgorithmName(hasher.algorithm())));
}
BENCHMARK(BM_ContentDigest)->Arg(0)->Arg(1);

void BM_ChainLink(benchmark::State& state) {
  audit::ChainHasher hasher(static_cast<audit::HashAlgorithm>(state.range(0)));
  audit::Digest previous{}, content{};
  std::int64_t seq = 0;
  for (auto _ : state) previous = hasher.Link(previous, ++seq, content);
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::string(audit::HashAlgorithmName(hasher.algorithm())));
}
BENCHMARK(BM_ChainLink)->Arg(0)->Arg(1);

void BM_ValidateUscc(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(codes::ValidateUscc("91350100M000100Y43"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateUscc);

void BM_CalendarDue(benchmark::State& state) {
  auto cal = runtime::LoadCalendar(runtime::DefaultDataDir() / "holidays", std::nullopt, {});
  base::Instant start = *base::ParseInstant("2025-01-23T10:00:00+08:00");
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal->Due(start, {20, model::LimitUnit::kWorkingDays}, {}));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CalendarDue);

}  // namespace

BENCHMARK_MAIN();
