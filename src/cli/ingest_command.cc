// oversight ingest and oversight quarantine list | retry.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <ostream>
#include <sstream>

#include "base/strings.h"
#include "calendar/zone.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/engine_setup.h"
#include "cli/progress.h"
#include "cli/store_access.h"
#include "ingest/mapping.h"
#include "ingest/open_reader.h"
#include "pipeline/ingest_runner.h"
#include "pipeline/quarantine_retry.h"
#include "supervisor/live_judge.h"
#include "supervisor/supervisor.h"

namespace oversight::cli {
namespace {

base::Result<std::string> ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::NotFound("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

base::Result<base::Instant> NowFrom(const std::string& text, const Environment& env) {
  if (text.empty()) return env.clock();
  base::Result<base::Instant> now = base::ParseInstant(text);
  if (!now.ok()) return now.status().WithContext("--now");
  return now;
}

// The mapping text for a source: the given file, else the one stored with the
// source, else the canonical format ("").
base::Result<std::string> MappingText(const std::string& mapping_file,
                                      const std::optional<store::SourceInfo>& known) {
  if (!mapping_file.empty()) return ReadSmallFile(mapping_file);
  return known ? known->mapping_yaml : std::string();
}

base::Result<ingest::Mapping> MappingFromText(const std::string& text) {
  if (text.empty()) return ingest::Mapping::Identity();
  base::Result<ingest::Mapping> mapping = ingest::ParseMapping(text);
  if (!mapping.ok()) return mapping.status().WithContext("mapping");
  return mapping;
}

// Everything one source needs to validate records: the mapping, its zone, the
// validator over the store's reference data.
struct SourceSetup {
  std::string mapping_text;
  ingest::Mapping mapping;
  std::string zone;
  std::unique_ptr<pipeline::EventValidator> validator;
};

base::Result<SourceSetup> SetUpSource(store::Store& store, const std::string& source,
                                      const std::string& mapping_file, const std::string& zone_arg,
                                      bool auto_register, std::int64_t future_tolerance_minutes,
                                      base::Instant now) {
  SourceSetup setup;
  OVS_ASSIGN_OR_RETURN(std::optional<store::SourceInfo> known, store.FindSource(source));
  OVS_ASSIGN_OR_RETURN(setup.mapping_text, MappingText(mapping_file, known));
  OVS_ASSIGN_OR_RETURN(setup.mapping, MappingFromText(setup.mapping_text));
  setup.zone = !setup.mapping.zone().empty() ? setup.mapping.zone() : zone_arg;
  OVS_ASSIGN_OR_RETURN(calendar::Zone zone, calendar::Zone::Locate(setup.zone));
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> departments, store.ListDepartments());
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store.ListItems());
  pipeline::ValidatorOptions options;
  options.source = source;
  options.now = now;
  options.future_tolerance = std::chrono::minutes(future_tolerance_minutes);
  options.auto_register = auto_register;
  options.from_local = [zone](base::Instant wall) { return zone.FromLocal(wall); };
  setup.validator = std::make_unique<pipeline::EventValidator>(options, departments, items);
  return setup;
}

base::Result<ingest::InputFormat> FormatOf(const IngestArgs& args, const std::string& input) {
  if (!args.format.empty()) return ingest::ParseInputFormat(args.format);
  if (input == "-") return ingest::InputFormat::kJsonl;
  base::Result<ingest::InputFormat> format = ingest::InputFormatFromPath(input);
  if (!format.ok()) {
    return base::InvalidArgument("cannot tell the format of '" + input + "' from its name: use --format");
  }
  return format;
}

// Opens the input's reader, counting its bytes for `progress` when given.
base::Result<std::unique_ptr<ingest::RecordReader>> OpenReader(const std::string& input,
                                                               const ingest::ReaderOptions& options,
                                                               ProgressBar* progress) {
  if (progress == nullptr) return ingest::OpenRecordReader(input, options);
  OVS_ASSIGN_OR_RETURN(std::unique_ptr<ingest::ByteSource> source, ingest::OpenByteSource(input));
  return ingest::MakeRecordReader(progress->Count(std::move(source)), options);
}

// The engine for `ingest --rules` and the judge that uses it (kept beside it).
struct Judging {
  std::optional<engine::Engine> engine;
  std::optional<supervisor::LiveJudge> judge;
};

base::Status StartJudging(const IngestArgs& args, store::Store& store, Judging& judging) {
  OVS_ASSIGN_OR_RETURN(engine::Engine engine,
                       supervisor::MakeEngineForStore(
                           store, EngineSetupFrom(args.rules_dir, args.calendar, /*active_only=*/true)));
  judging.engine.emplace(std::move(engine));
  judging.judge.emplace(store, *judging.engine);
  return base::Status::Ok();
}

}  // namespace

int RunIngest(const IngestArgs& args, const Environment& env, std::ostream& out) {
  base::Result<base::Instant> now = NowFrom(args.now, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<SourceSetup> setup =
      SetUpSource(**store, args.source, args.mapping, args.calendar.zone, args.auto_register,
                  args.future_tolerance_minutes, *now);
  if (!setup.ok()) return Fail(setup.status());
  base::Status saved = (*store)->UpsertSource({args.source, setup->zone, setup->mapping_text, 0, {}, {}});
  if (!saved.ok()) return Fail(saved);

  const bool show_progress = args.progress && !args.json && isatty(STDERR_FILENO);
  pipeline::IngestSummary total;
  // With rules, every stored event is judged as it is written (alerts as events arrive).
  Judging judging;
  if (!args.rules_dir.empty()) {
    if (base::Status s = StartJudging(args, **store, judging); !s.ok()) return Fail(s.WithContext("rules"));
  }
  int exit_code = kExitOk;
  for (const std::string& input : args.inputs) {
    base::Result<ingest::InputFormat> format = FormatOf(args, input);
    if (!format.ok()) return Fail(format.status());
    ingest::ReaderOptions reader_options;
    reader_options.format = *format;
    std::optional<ProgressBar> progress;
    if (show_progress) progress.emplace(input, PlainFileSize(input));
    auto reader = OpenReader(input, reader_options, progress ? &*progress : nullptr);
    if (!reader.ok()) {
      exit_code = Fail(reader.status());
      continue;
    }
    pipeline::RunnerOptions options;
    options.source = args.source;
    options.batch_size = static_cast<size_t>(args.batch_size);
    options.now = *now;
    if (judging.judge) {
      options.on_stored = [&judging](std::span<const model::Event> events,
                                     const store::AppendResult& appended) {
        judging.judge->Stored(events, appended);
      };
    }
    if (progress) options.on_progress = [&](std::int64_t n) { progress->Show(n); };
    pipeline::IngestRunner runner(**store, setup->mapping, *setup->validator, options);
    base::Status status = runner.Run(**reader, input);
    if (progress) progress->Finish();
    total.Add(runner.summary());
    if (!status.ok()) {
      // Everything read before the damage is stored or quarantined; say what stopped it.
      std::cerr << "oversight: " << status.message() << "\n";
      exit_code = kExitNo;
    }
  }
  std::optional<supervisor::SuperviseSummary> judged;
  if (judging.judge) {
    auto result = judging.judge->Finish(*now);
    if (!result.ok()) return Fail(result.status().WithContext("rules"));
    judged = std::move(result).value();
  }
  if (args.json) {
    std::string json = total.ToJson();
    if (judged) json.insert(json.size() - 1, ",\"engine\":" + judged->ToJson());
    out << json << "\n";
  } else {
    out << total.ToText();
    if (judged) out << "engine: " << judged->ToText();
  }
  return exit_code;
}

int RunQuarantineList(const QuarantineArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  store::QuarantineFilter filter;
  if (!args.source.empty()) filter.source = args.source;
  filter.include_resolved = args.all;
  filter.limit = args.limit;
  auto records = (*store)->ListQuarantine(filter);
  if (!records.ok()) return Fail(records.status());
  for (const store::QuarantineRecord& r : *records) {
    if (args.json) {
      out << "{\"id\":" << r.id << ",\"source\":\"" << base::JsonEscape(r.source)
          << "\",\"input\":\"" << base::JsonEscape(r.input) << "\",\"line\":" << r.line
          << ",\"reason\":\"" << base::JsonEscape(r.reason) << "\",\"message\":\""
          << base::JsonEscape(r.message) << "\",\"original\":\"" << base::JsonEscape(r.original_text)
          << "\",\"received_at\":\"" << base::FormatInstantUtc(r.received_at)
          << "\",\"resolved\":" << (r.resolved ? "true" : "false") << "}\n";
    } else {
      out << "#" << r.id << " " << r.source << " " << r.input << ":" << r.line << " [" << r.reason
          << "] " << r.message << (r.resolved ? " (resolved)" : "") << "\n    "
          << r.original_text.substr(0, 200) << (r.original_text.size() > 200 ? "…" : "") << "\n";
    }
  }
  if (!args.json && records->empty()) out << "quarantine is empty\n";
  return kExitOk;
}

int RunQuarantineRetry(const QuarantineArgs& args, const Environment& env, std::ostream& out) {
  base::Result<base::Instant> now = NowFrom(args.now, env);
  if (!now.ok()) return Fail(now.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  // Sources with open records, unless one was named.
  std::vector<std::string> sources;
  if (!args.source.empty()) {
    sources.push_back(args.source);
  } else {
    auto open = (*store)->ListQuarantine({std::nullopt, false, INT64_MAX});
    if (!open.ok()) return Fail(open.status());
    for (const auto& r : *open) {
      if (std::find(sources.begin(), sources.end(), r.source) == sources.end()) sources.push_back(r.source);
    }
  }
  pipeline::RetrySummary total;
  for (const std::string& source : sources) {
    base::Result<SourceSetup> setup = SetUpSource(**store, source, args.mapping, args.calendar.zone,
                                                  args.auto_register, 10, *now);
    if (!setup.ok()) return Fail(setup.status().WithContext("source " + source));
    if (!args.mapping.empty()) {
      base::Status saved = (*store)->UpsertSource({source, setup->zone, setup->mapping_text, 0, {}, {}});
      if (!saved.ok()) return Fail(saved);
    }
    auto summary = pipeline::RetryQuarantine(**store, source, setup->mapping, *setup->validator, *now);
    if (!summary.ok()) return Fail(summary.status());
    total.retried += summary->retried;
    total.stored += summary->stored;
    total.duplicate += summary->duplicate;
    total.still_quarantined += summary->still_quarantined;
    for (const auto& [reason, count] : summary->reasons) total.reasons[reason] += count;
  }
  out << (args.json ? total.ToJson() + "\n" : total.ToText());
  return kExitOk;
}

}  // namespace oversight::cli
