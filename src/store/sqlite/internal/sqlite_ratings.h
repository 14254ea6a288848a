#pragma once

// The SQLite part behind store/rating_store.h: ratings, their appeals and the
// public route's failed proofs. Shares the store's connection; like the store,
// not thread-safe. Not for use outside store/sqlite.

#include <functional>

#include "store/rating_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteRatingStore final : public RatingStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush).
  SqliteRatingStore(Database& db, std::function<base::Status()> flush_cases)
      : db_(db), flush_cases_(std::move(flush_cases)) {}

  base::Result<RatingRecord> AddRating(const RatingRecord& rating) override;
  base::Result<std::optional<RatingRecord>> FindRating(std::int64_t id, const Scope& scope) override;
  base::Result<std::optional<RatingRecord>> FindByRectificationCase(const std::string& case_id,
                                                                    const Scope& scope) override;
  base::Result<RatingPage> SearchRatings(const RatingQuery& query, const Scope& scope) override;
  base::Result<RatingSummary> Summarise(const RatingQuery& query, const Scope& scope) override;
  base::Result<RatingAppeal> FileAppeal(const RatingAppeal& appeal, const Scope& scope) override;
  base::Result<RatingRecord> DecideAppeal(std::int64_t rating_id,
                                          const RatingAppeal& decision) override;
  base::Result<std::vector<UnratedCase>> UnratedCompletedCases(base::Instant completed_before,
                                                               std::int64_t limit) override;
  base::Status RecordProofFailure(const std::string& case_id, base::Instant at) override;
  base::Result<std::int64_t> CountProofFailures(const std::string& case_id,
                                                base::Instant since) override;

 private:
  Database& db_;
  std::function<base::Status()> flush_cases_;
};

}  // namespace oversight::store::sqlite
