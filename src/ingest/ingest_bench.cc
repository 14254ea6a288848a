// Throughput of the JSON Lines path: 1 M canonical lines of ~250 bytes, read from
// memory through DecodeToUtf8 and JsonlReader, then mapped with
// Mapping::Identity(). Prints lines per second for each stage.
//
//   cmake --preset release && ninja -C build/release ingest_bench && build/release/src/ingest/ingest_bench

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "ingest/encoding.h"
#include "ingest/jsonl_reader.h"
#include "ingest/mapping.h"

namespace oversight::ingest {
namespace {

std::string MakeLines(int count) {
  std::string text;
  text.reserve(static_cast<std::size_t>(count) * 260);
  for (int i = 0; i < count; ++i) {
    std::string n = std::to_string(i);
    text += R"({"source_event_id":"hall-)" + n + R"(","case_id":"445200-2025-)" + n +
            R"(","kind":"approval","type":"accept","at":"2025-03-03T09:12:33+08:00",)"
            R"("dept":"11445200MB2C123484","item":"445200-XK-0042","actor":"u1024",)"
            R"("channel":"online","attrs":{"fee":0,"applicant":"4452**********1234"}})"
            "\n";
  }
  return text;
}

int Run() {
  constexpr int kLines = 1'000'000;
  std::string text = MakeLines(kLines);
  std::printf("%d lines, %.1f bytes per line\n", kLines,
              static_cast<double>(text.size()) / kLines);
  Mapping identity = Mapping::Identity();
  for (bool map : {false, true}) {
    JsonlReader reader(DecodeToUtf8(ByteSourceFromString(text, "bench")));  // copies: not timed
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();  // CPU time: fairer than wall time on a shared machine
    RawRecord record;
    MappedRecord mapped;
    int count = 0, errors = 0;
    while (true) {
      base::Result<bool> more = reader.Next(record);
      if (!more.ok() || !*more) break;
      ++count;
      if (!record.parse_error.empty()) ++errors;
      if (map && !identity.ApplyTo(record, mapped).ok()) ++errors;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("%-12s %d records, %d errors, wall %.2f s (%.2f M lines/s), cpu %.2f s (%.2f M lines/s)\n",
                map ? "read + map:" : "read:", count, errors, seconds, count / seconds / 1e6, cpu,
                count / cpu / 1e6);
  }
  return 0;
}

}  // namespace
}  // namespace oversight::ingest

int main() { return oversight::ingest::Run(); }
