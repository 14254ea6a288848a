#pragma once

// The operations audit trail of the SQLite store: the append-only `ops_log`
// table and its chain head in `meta` (ops_head_seq, ops_head_hash). Shares the
// store's connection; like the store, not thread-safe. The head is read inside
// each append's transaction rather than cached, so a command-line process and a
// server appending to the same file extend one chain. Not for use outside
// store/sqlite.

#include "audit/hash_chain.h"
#include "store/ops_log.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteOpsLog final : public OpsLog {
 public:
  SqliteOpsLog(Database& db, audit::HashAlgorithm algorithm)
      : db_(db), algorithm_(algorithm), hasher_(algorithm) {}

  base::Result<std::int64_t> Append(audit::OpsRecord record) override;
  base::Result<std::vector<audit::OpsRecord>> Query(const OpsQuery& query) override;
  base::Result<ChainReport> Verify() override;
  base::Result<std::int64_t> Export(std::optional<base::Instant> from,
                                    std::optional<base::Instant> to, std::ostream& out) override;
  base::Result<std::int64_t> Count() override;

 private:
  base::Result<ChainHead> ReadHead();
  base::Status AppendInTransaction(audit::OpsRecord& record);

  Database& db_;
  audit::HashAlgorithm algorithm_;
  audit::ChainHasher hasher_;
};

}  // namespace oversight::store::sqlite
