// oversight demo: generate the demo city into a store and/or a JSON Lines file,
// with the ground truth of its injected violations.

#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "demo/demo_generator.h"
#include "demo/event_jsonl.h"
#include "pipeline/catalog_file.h"
#include "cli/calendar_source.h"

namespace oversight::cli {
namespace {

constexpr size_t kBatch = 20'000;

// Collects generated events into store batches; the generator's callback cannot
// fail, so the first error is kept and later events are skipped.
class DemoSink {
 public:
  DemoSink(store::Store* store, std::ofstream* jsonl, base::Instant now)
      : store_(store), jsonl_(jsonl), now_(now) {
    batch_.reserve(kBatch);
  }

  void Add(const model::Event& event) {
    if (!status_.ok()) return;
    if (jsonl_) {
      line_.clear();
      demo::AppendEventJsonLine(event, demo::kChinaStandardOffset, line_);
      line_ += '\n';
      jsonl_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
    }
    if (!store_) return;
    batch_.push_back(event);
    if (batch_.size() >= kBatch) Flush();
  }

  base::Status Finish() {
    Flush();
    return status_;
  }
  std::int64_t stored() const { return stored_; }

 private:
  void Flush() {
    if (!status_.ok() || batch_.empty()) return;
    base::Result<store::AppendResult> appended = store_->AppendBatch(batch_, now_);
    if (!appended.ok()) {
      status_ = appended.status();
      return;
    }
    stored_ += appended->stored;
    batch_.clear();
  }

  store::Store* store_;
  std::ofstream* jsonl_;
  base::Instant now_;
  std::vector<model::Event> batch_;
  std::string line_;
  std::int64_t stored_ = 0;
  base::Status status_;
};

base::Status RegisterCity(store::Store& store, const demo::City& city) {
  for (const model::Department& dept : city.departments) {
    OVS_RETURN_IF_ERROR(store.UpsertDepartment(dept, false));
  }
  for (const model::Item& item : city.items) OVS_RETURN_IF_ERROR(store.UpsertItem(item, false));
  return base::Status::Ok();
}

base::Result<demo::DemoGenerator> MakeGenerator(const DemoArgs& args, const Environment& env) {
  demo::DemoOptions options;
  OVS_ASSIGN_OR_RETURN(options.start, base::ParseDate(args.start));
  options.months = args.months;
  options.seed = args.seed;
  options.scale = args.scale;
  if (args.until == "now") {
    options.until = env.clock();
  } else if (!args.until.empty()) {
    base::Result<base::Instant> until = base::ParseInstant(args.until);
    if (!until.ok()) return until.status().WithContext("--until");
    options.until = *until;
  }
  OVS_RETURN_IF_ERROR(demo::ValidateDemoOptions(options));
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal, OpenCalendar(args.calendar));
  return demo::DemoGenerator::Create(options, std::move(cal));
}

}  // namespace

int RunDemo(const DemoArgs& args, const Environment& env, std::ostream& out) {
  if (args.no_db && args.jsonl_file.empty()) {
    return Fail(base::InvalidArgument("--no-db needs --jsonl: the events must go somewhere"));
  }
  base::Result<demo::DemoGenerator> generator = MakeGenerator(args, env);
  if (!generator.ok()) return Fail(generator.status());

  std::unique_ptr<store::Store> store;
  if (!args.no_db) {
    auto opened = OpenStoreForWriting(args.store, env);
    if (!opened.ok()) return Fail(opened.status());
    store = std::move(opened).value();
    if (base::Status s = RegisterCity(*store, generator->city()); !s.ok()) return Fail(s);
  }
  if (!args.catalog_file.empty()) {
    std::ofstream catalog(args.catalog_file, std::ios::binary | std::ios::trunc);
    for (const auto& dept : generator->city().departments) catalog << pipeline::DepartmentToJsonLine(dept) << '\n';
    for (const auto& item : generator->city().items) catalog << pipeline::ItemToJsonLine(item) << '\n';
    if (!catalog) return Fail(base::Unavailable("cannot write " + args.catalog_file));
  }
  std::ofstream jsonl, truth;
  if (!args.jsonl_file.empty()) {
    jsonl.open(args.jsonl_file, std::ios::binary | std::ios::trunc);
    if (!jsonl) return Fail(base::Unavailable("cannot write " + args.jsonl_file));
  }
  if (!args.truth_file.empty()) {
    truth.open(args.truth_file, std::ios::binary | std::ios::trunc);
    if (!truth) return Fail(base::Unavailable("cannot write " + args.truth_file));
  }

  DemoSink sink(store.get(), jsonl.is_open() ? &jsonl : nullptr, env.clock());
  base::Result<demo::DemoStats> stats = generator->Generate(
      [&](const model::Event& event) { sink.Add(event); },
      [&](const demo::TruthRecord& record) {
        if (truth.is_open()) truth << demo::TruthToJsonLine(record) << '\n';
      });
  if (!stats.ok()) return Fail(stats.status());
  if (base::Status s = sink.Finish(); !s.ok()) return Fail(s);
  jsonl.close();
  truth.close();
  if ((!args.jsonl_file.empty() && !jsonl) || (!args.truth_file.empty() && !truth)) {
    return Fail(base::Unavailable("writing the output files failed (disk full?)"));
  }
  if (args.json) {
    out << "{\"departments\":" << generator->city().departments.size()
        << ",\"items\":" << generator->city().items.size() << ",\"events\":" << stats->events
        << ",\"stored\":" << sink.stored() << ",\"approvals\":" << stats->approvals
        << ",\"complaints\":" << stats->complaints << ",\"ratings\":" << stats->ratings
        << ",\"violations\":" << stats->violations << "}\n";
  } else {
    out << "demo city: " << generator->city().departments.size() << " departments, "
        << generator->city().items.size() << " items; " << stats->approvals << " applications, "
        << stats->complaints << " complaints, " << stats->ratings << " bad ratings; "
        << stats->events << " events (" << sink.stored() << " newly stored); " << stats->violations
        << " injected violations\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
