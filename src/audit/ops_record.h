#pragma once

// The operations audit trail (操作日志): one record per sign-in (and failed
// sign-in), change and unmasked read, hash-chained like the events (hash_chain.h)
// but in a chain of its own. A record holds what GB/T 22239 level 3 asks of an
// audit record: date and time, type (action), subject (actor), object, result.
//
// Canonical bytes of a record (what its content digest covers), version 1:
//   "OPS"                       3 bytes, keeps these bytes apart from an event's
//   version                     1 byte, kOpsCanonicalVersion
//   at                          8 bytes, milliseconds since the epoch, little-endian
//   actor, actor_role, action, object, result, detail, client
//                               each as 8-byte little-endian length + UTF-8 bytes
// seq and hash are not part of them: the chain link binds the seq,
//   hash[n] = H(hash[n-1] || seq n as 8 bytes little-endian || H(canonical bytes))
// with the store's algorithm (SM3 by default), all zero bytes before record 1.
// Changing this layout breaks every existing chain: bump the version and keep
// the old layout readable. Pure.

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/hash_chain.h"
#include "base/status.h"
#include "base/time.h"

namespace oversight::audit {

inline constexpr std::uint8_t kOpsCanonicalVersion = 1;

// Field limits, so that one record cannot flood the trail.
inline constexpr std::size_t kOpsMaxField = 256;    // actor, role, action, object, client
inline constexpr std::size_t kOpsMaxDetail = 4096;

struct OpsRecord {
  std::int64_t seq = 0;     // assigned by the store
  base::Instant at{};
  std::string actor;        // user name, token name or "system"
  std::string actor_role;
  // A stable dotted code: "session.sign_in", "session.sign_in_failed",
  // "session.sign_out", "user.create", "user.lock", "token.create",
  // "alert.respond", "alert.accept", "rule.approve", "quarantine.retry",
  // "personal.unmask", "audit.export", ...
  std::string action;
  std::string object;       // "alert:42", "user:alice", "case:XYZ"; may be empty
  std::string result;       // "ok" | "denied" | "failed"
  // Free text or a small JSON object. Never a secret; identity numbers masked
  // (the caller's duty: the trail keeps what it is given, for good).
  std::string detail;
  std::string client;       // the remote address, or "local" for the command line
  Digest hash{};            // the chain link, set by the store
};

// Checks a record before it is appended: actor and action present, action a
// dotted code of [a-z0-9_], result one of ok|denied|failed, sizes within the
// limits above, text valid UTF-8 without control characters (detail may hold
// tabs and newlines). The message names the field.
base::Status ValidateOpsRecord(const OpsRecord& record);

// Writes the canonical bytes of `record` (see above) to `out` (cleared first).
void CanonicalOpsBytes(const OpsRecord& record, std::string& out);

// H(canonical bytes).
Digest OpsContentDigest(ChainHasher& hasher, const OpsRecord& record);

// The chain link of `record` stored as `seq` after a record whose link is `previous`.
Digest OpsLink(ChainHasher& hasher, const Digest& previous, std::int64_t seq,
               const OpsRecord& record);

// One JSON object (no newline) in a fixed key order: seq, at (RFC 3339 UTC),
// at_ms, actor, actor_role, action, object, result, detail, client, then
// prev_hash (when `previous` is given) and hash, both lowercase hex. The line
// format of `audit log --json` and of the JSON Lines export.
std::string OpsRecordJson(const OpsRecord& record, const Digest* previous);

}  // namespace oversight::audit
