// oversight audit verify and oversight status.

#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"

namespace oversight::cli {

int RunAuditVerify(const AuditArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::ChainReport> report = (*store)->VerifyChain();
  if (!report.ok()) return Fail(report.status());
  if (args.json) {
    out << "{\"ok\":" << (report->ok ? "true" : "false") << ",\"algorithm\":\""
        << report->algorithm << "\",\"events_checked\":" << report->events_checked
        << ",\"head_hash\":\"" << report->head_hash_hex << "\"";
    if (!report->ok) {
      out << ",\"broken_seq\":" << report->broken_seq << ",\"problem\":\""
          << base::JsonEscape(report->problem) << "\"";
    }
    out << "}\n";
  } else if (report->ok) {
    out << "chain intact: " << report->events_checked << " events verified (" << report->algorithm
        << "), head " << report->head_hash_hex << "\n";
  } else {
    out << "chain BROKEN at event " << report->broken_seq << ": " << report->problem << "\n";
  }
  return report->ok ? kExitOk : kExitNo;
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
