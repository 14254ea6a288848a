#pragma once

// How commands open the store: writers may create it, readers must find it
// (a mistyped --db must not quietly create an empty store and report on it).

#include <filesystem>

#include "cli/commands.h"

namespace oversight::cli {

inline base::Result<std::unique_ptr<store::Store>> OpenStoreForWriting(const StoreArgs& args,
                                                                      const Environment& env) {
  std::optional<audit::HashAlgorithm> algorithm;
  if (!args.hash.empty()) algorithm = audit::ParseHashAlgorithm(args.hash);
  return env.open_store(args.db, algorithm);
}

inline base::Result<std::unique_ptr<store::Store>> OpenExistingStore(const StoreArgs& args,
                                                                    const Environment& env) {
  std::error_code error;
  if (!std::filesystem::exists(args.db, error)) {
    return base::NotFound("no store at '" + args.db +
                          "' (ingest, catalog import or demo create one; --db names it)");
  }
  return env.open_store(args.db, std::nullopt);
}

}  // namespace oversight::cli
