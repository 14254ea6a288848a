// oversight audit verify (both chains: events and operations), audit log and
// audit export (the operations audit trail), and oversight status.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "store/ops_log.h"

namespace oversight::cli {
namespace {

// The command line acts for whoever runs it on this machine; it has no sign-in.
constexpr char kCliRole[] = "cli";
constexpr char kCliClient[] = "local";

base::Result<std::optional<base::Instant>> OptionalInstant(const std::string& text,
                                                           std::string_view what) {
  if (text.empty()) return std::optional<base::Instant>();
  base::Result<base::Instant> at = base::ParseInstant(text);
  if (!at.ok()) return at.status().WithContext(what);
  return std::optional<base::Instant>(*at);
}

std::optional<std::string> OptionalText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// The detail as one line: escaped when it holds a line break or tab, so that it
// cannot forge a line of the listing.
std::string PrintableDetail(const std::string& detail) {
  bool plain = std::none_of(detail.begin(), detail.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  return plain ? detail : base::JsonEscape(detail);
}

void PrintChainJson(const store::ChainReport& report, std::string_view count_key,
                    std::ostream& out) {
  out << "\"" << count_key << "\":" << report.events_checked << ",\"head_hash\":\""
      << report.head_hash_hex << "\"";
  if (!report.ok) {
    out << ",\"broken_seq\":" << report.broken_seq << ",\"problem\":\""
        << base::JsonEscape(report.problem) << "\"";
  }
}

}  // namespace

int RunAuditVerify(const AuditArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::ChainReport> events = (*store)->VerifyChain();
  if (!events.ok()) return Fail(events.status().WithContext("events chain"));
  base::Result<store::ChainReport> ops = (*store)->ops_log().Verify();
  if (!ops.ok()) return Fail(ops.status().WithContext("operations chain"));
  const bool ok = events->ok && ops->ok;
  if (args.json) {
    // The top level describes the events chain (as before the operations chain
    // existed) except "ok", which holds only when both chains are intact.
    out << "{\"ok\":" << (ok ? "true" : "false") << ",\"algorithm\":\"" << events->algorithm
        << "\",\"events_ok\":" << (events->ok ? "true" : "false") << ",";
    PrintChainJson(*events, "events_checked", out);
    out << ",\"operations\":{\"ok\":" << (ops->ok ? "true" : "false") << ",";
    PrintChainJson(*ops, "records_checked", out);
    out << "}}\n";
    return ok ? kExitOk : kExitNo;
  }
  if (events->ok) {
    out << "chain intact: " << events->events_checked << " events verified (" << events->algorithm
        << "), head " << events->head_hash_hex << "\n";
  } else {
    out << "chain BROKEN at event " << events->broken_seq << ": " << events->problem << "\n";
  }
  if (ops->ok) {
    out << "operations chain intact: " << ops->events_checked << " records verified ("
        << ops->algorithm << ")";
    if (!ops->head_hash_hex.empty()) out << ", head " << ops->head_hash_hex;
    out << "\n";
  } else {
    out << "operations chain BROKEN at record " << ops->broken_seq << ": " << ops->problem << "\n";
  }
  return ok ? kExitOk : kExitNo;
}

int RunAuditLog(const AuditLogArgs& args, const Environment& env, std::ostream& out) {
  store::OpsQuery query;
  auto from = OptionalInstant(args.from, "--from");
  if (!from.ok()) return Fail(from.status());
  auto to = OptionalInstant(args.to, "--to");
  if (!to.ok()) return Fail(to.status());
  query.from = *from;
  query.to = *to;
  query.actor = OptionalText(args.actor);
  query.action_prefix = OptionalText(args.action);
  query.object = OptionalText(args.object);
  query.result = OptionalText(args.result);
  query.after_seq = args.after;
  query.limit = args.limit;
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<std::vector<audit::OpsRecord>> records = (*store)->ops_log().Query(query);
  if (!records.ok()) return Fail(records.status());
  for (const audit::OpsRecord& r : *records) {
    if (args.json) {
      out << audit::OpsRecordJson(r, nullptr) << "\n";
      continue;
    }
    out << "#" << r.seq << "  " << base::FormatInstantUtc(r.at) << "  " << r.actor;
    if (!r.actor_role.empty()) out << " (" << r.actor_role << ")";
    out << "  " << r.action << "  " << (r.object.empty() ? "-" : r.object) << "  " << r.result
        << "  " << (r.client.empty() ? "-" : r.client);
    if (!r.detail.empty()) out << "  " << PrintableDetail(r.detail);
    out << "\n";
  }
  if (!args.json) {
    if (records->empty()) {
      out << "no operation records\n";
    } else if (static_cast<std::int64_t>(records->size()) == query.limit) {
      out << "(more may follow: --after " << records->back().seq << ")\n";
    }
  }
  return kExitOk;
}

int RunAuditExport(const AuditExportArgs& args, const Environment& env, std::ostream& out) {
  auto from = OptionalInstant(args.from, "--from");
  if (!from.ok()) return Fail(from.status());
  auto to = OptionalInstant(args.to, "--to");
  if (!to.ok()) return Fail(to.status());
  if (*from && *to && **from >= **to) {
    return Fail(base::InvalidArgument("--from must be before --to"));
  }
  if (args.out_file.empty()) return Fail(base::InvalidArgument("--out: no file named"));
  if (args.by.empty()) return Fail(base::InvalidArgument("--by: no name given"));
  const store::OpsActor who{args.by, kCliRole, kCliClient};
  const std::string object = "file:" + std::filesystem::path(args.out_file).filename().string();
  {
    // Refuse up front what the trail would refuse after the file is written.
    audit::OpsRecord probe;
    probe.actor = who.name;
    probe.action = "audit.export";
    probe.object = object;
    probe.result = "ok";
    base::Status recordable = audit::ValidateOpsRecord(probe);
    if (!recordable.ok()) return Fail(recordable.WithContext("--by or --out"));
  }
  std::error_code error;
  // An archive once written is evidence: never overwrite one.
  if (std::filesystem::exists(args.out_file, error)) {
    return Fail(base::AlreadyExists("--out: '" + args.out_file +
                                    "' exists; an export never overwrites a file"));
  }
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  store::OpsLog& log = (*store)->ops_log();
  // The detail names the window asked for (when bounded) and, below, the outcome.
  std::string window;
  if (*from) window += "\"from\":\"" + base::FormatInstantUtc(**from) + "\",";
  if (*to) window += "\"to\":\"" + base::FormatInstantUtc(**to) + "\",";

  // Written beside the target and renamed into place, so a failed export leaves
  // no partial archive under the requested name.
  const std::string partial = args.out_file + ".partial";
  base::Result<std::int64_t> written = base::Internal("export did not run");
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) {
      written = base::Unavailable("--out: cannot write '" + args.out_file +
                                  "' (does its folder exist?)");
    } else {
      written = log.Export(*from, *to, file);
      file.close();
      if (written.ok() && !file) {
        written = base::Unavailable("--out: writing '" + partial + "' failed");
      }
    }
  }
  if (written.ok()) {
    std::filesystem::rename(partial, args.out_file, error);
    if (error) written = base::Unavailable("--out: " + error.message());
  }
  if (!written.ok()) {
    std::filesystem::remove(partial, error);
    (void)store::RecordOp(log, env.clock(), who, "audit.export", object, "failed",
                          "{" + window + "\"error\":\"" +
                              base::JsonEscape(written.status().message()) + "\"}");
    return Fail(written.status());
  }
  // An export that cannot be recorded is not kept.
  base::Result<std::int64_t> seq =
      store::RecordOp(log, env.clock(), who, "audit.export", object, "ok",
                      "{" + window + "\"records\":" + std::to_string(*written) + "}");
  if (!seq.ok()) {
    std::filesystem::remove(args.out_file, error);
    return Fail(seq.status().WithContext("recording the export"));
  }
  if (args.json) {
    out << "{\"file\":\"" << base::JsonEscape(args.out_file) << "\",\"records\":" << *written
        << ",\"recorded_seq\":" << *seq << "}\n";
  } else {
    out << "exported " << *written << " operation records to " << args.out_file
        << " (recorded as operation " << *seq << ")\n";
  }
  return kExitOk;
}

int RunStatus(const AuditArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  if (args.json) {
    out << "{\"departments\":" << stats->departments << ",\"items\":" << stats->items
        << ",\"cases\":" << stats->cases << ",\"events\":" << stats->events
        << ",\"quarantined_open\":" << stats->quarantined_open
        << ",\"alerts_open\":" << stats->alerts_open << "}\n";
  } else {
    out << "departments " << stats->departments << ", items " << stats->items << ", cases "
        << stats->cases << ", events " << stats->events << ", open quarantine "
        << stats->quarantined_open << ", open alerts " << stats->alerts_open << "\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
