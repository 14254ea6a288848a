#pragma once

// The embedded SQLite store: one file in WAL mode, schema migrated at open,
// prepared statements only. Single-writer: one SqliteStore per process writes
// a file; readers in other processes are fine (WAL). Not thread-safe.

#include <memory>
#include <string>

#include "store/store.h"

namespace oversight::store::sqlite {

struct SqliteOptions {
  std::string path = "oversight.db";
  // The hash for a new store's chain. An existing store keeps the algorithm it was
  // created with; asking for a different one is an error rather than a silent switch.
  std::optional<audit::HashAlgorithm> algorithm;
};

base::Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace oversight::store::sqlite
