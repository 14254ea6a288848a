#pragma once

// Published rankings (DESIGN §8): a period's scores frozen as the exact bytes
// that were computed, with the scoring model's version and the snapshot's digest
// (the store's chain algorithm, SM3 by default), which is also written into the
// operations audit trail. Append-only: a published period is never edited; it
// can only be superseded by a new publication that names it and says why.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace oversight::store {

struct PublicationRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string period;   // "2026-10" or "2026"
  std::string model_id;
  std::int64_t model_version = 1;
  std::string snapshot;  // the scores as JSON, byte for byte as computed
  std::string digest;    // hex digest of `snapshot`
  std::string algorithm; // "sm3" | "sha256"
  base::Instant published_at{};
  std::string published_by;
  std::optional<std::int64_t> supersedes;  // the publication this one replaces
  std::string reason;                      // required when superseding
  std::int64_t ops_seq = 0;                // the audit-trail record carrying the digest
  std::optional<std::int64_t> superseded_by;  // filled when read
};

class PublicationStore {
 public:
  virtual ~PublicationStore() = default;

  // Stores a publication. FailedPrecondition when the period already has a
  // current publication and `supersedes` does not name exactly that one (or
  // names one when there is none). Returns the id.
  virtual base::Result<std::int64_t> AddPublication(const PublicationRecord& record) = 0;
  // The period's publication that nothing superseded.
  virtual base::Result<std::optional<PublicationRecord>> CurrentPublication(
      const std::string& period) = 0;
  virtual base::Result<std::optional<PublicationRecord>> FindPublication(std::int64_t id) = 0;
  // Every publication (snapshots left empty), newest first; only `period`'s when given.
  virtual base::Result<std::vector<PublicationRecord>> ListPublications(
      const std::optional<std::string>& period) = 0;
};

}  // namespace oversight::store
