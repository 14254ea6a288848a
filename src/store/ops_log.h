#pragma once

// The operations audit trail (操作日志) in the store: every sign-in (and failed
// sign-in), change and unmasked read, append-only and hash-chained with the
// store's algorithm in a chain of its own, beside the events chain (record
// layout and link: audit/ops_record.h). The program never updates or deletes a
// record (the backend refuses it too), so retention is unbounded, which meets
// the 180 days of the Cybersecurity Law art. 21; Export writes JSON Lines for
// archiving. See docs/AUDIT.md.
//
//   store::OpsActor who{"alice", "bureau_supervisor", "10.0.0.7"};
//   OVS_RETURN_IF_ERROR(store::RecordOp(store.ops_log(), now, who, "alert.accept",
//                                       "alert:42", "ok").status());

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "audit/ops_record.h"
#include "base/status.h"
#include "base/time.h"
#include "store/store.h"

namespace oversight::store {

inline constexpr std::int64_t kOpsQueryMaxLimit = 1000;

// Which records Query returns: oldest first (ascending seq), those with seq
// greater than `after_seq` (0: from the start), at most `limit` (1..1000). The
// next page starts after the last seq returned. Every set filter must hold.
struct OpsQuery {
  std::optional<base::Instant> from;  // at >= from
  std::optional<base::Instant> to;    // at < to
  std::optional<std::string> actor;
  // A dotted prefix: "alert" and "alert." match "alert" and "alert.accept", not "alerts.x".
  std::optional<std::string> action_prefix;
  std::optional<std::string> object;
  std::optional<std::string> result;  // ok | denied | failed
  std::int64_t after_seq = 0;
  std::int64_t limit = 100;
};

class OpsLog {
 public:
  virtual ~OpsLog() = default;

  // Validates the record (audit::ValidateOpsRecord), assigns the next seq, links
  // it into the chain and moves the chain head, in one transaction that is on
  // disk when this returns. `record.seq` and `record.hash` are ignored.
  virtual base::Result<std::int64_t> Append(audit::OpsRecord record) = 0;
  virtual base::Result<std::vector<audit::OpsRecord>> Query(const OpsQuery& query) = 0;
  // Recomputes every link and checks the recorded head, which catches removal of
  // the newest records. `events_checked` counts the records checked.
  virtual base::Result<ChainReport> Verify() = 0;
  // Writes the records with from <= at < to (either bound optional) as JSON Lines,
  // oldest first, one audit::OpsRecordJson object with prev_hash per line.
  // Returns how many were written.
  virtual base::Result<std::int64_t> Export(std::optional<base::Instant> from,
                                            std::optional<base::Instant> to,
                                            std::ostream& out) = 0;
  virtual base::Result<std::int64_t> Count() = 0;
};

// Who performs operations: fixed for one command-line run or one HTTP request.
struct OpsActor {
  std::string name;    // user name, token name or "system"
  std::string role;
  std::string client;  // remote address, or "local"
};

// Appends one operation by `who`; returns its seq. Callers treat a failure as a
// failure of the operation itself: an action that cannot be audited is not done.
inline base::Result<std::int64_t> RecordOp(OpsLog& log, base::Instant at, const OpsActor& who,
                                           std::string_view action, std::string_view object,
                                           std::string_view result, std::string_view detail = {}) {
  audit::OpsRecord record;
  record.at = at;
  record.actor = who.name;
  record.actor_role = who.role;
  record.action = std::string(action);
  record.object = std::string(object);
  record.result = std::string(result);
  record.detail = std::string(detail);
  record.client = who.client;
  return log.Append(std::move(record));
}

}  // namespace oversight::store
