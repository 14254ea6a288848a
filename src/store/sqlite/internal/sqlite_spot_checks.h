#pragma once

// The spot-check part of the SQLite store (store/spot_check_store.h), and the
// query for completed cases that survey invitations share. Not for use outside
// store/sqlite.

#include <functional>
#include <span>

#include "store/spot_check_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

using RaiseAlertsFn = std::function<base::Result<std::int64_t>(std::span<const AlertRecord>)>;

class SqliteSpotChecks final : public SpotCheckStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush);
  // `raise_alerts` is SqliteStore::RaiseAlerts. `db` must outlive this object.
  SqliteSpotChecks(Database& db, std::function<base::Status()> flush_cases,
                   RaiseAlertsFn raise_alerts)
      : db_(db), flush_cases_(std::move(flush_cases)), raise_alerts_(std::move(raise_alerts)) {}

  base::Result<std::vector<CompletedCase>> CompletedCases(const CompletedCaseQuery& query) override;
  base::Result<std::int64_t> SaveSpotCheck(const SpotCheckRecord& check,
                                           std::span<const SampleRecord> sample) override;
  base::Result<std::vector<SpotCheckRecord>> ListSpotChecks(std::int64_t limit) override;
  base::Result<std::optional<SpotCheckRecord>> FindSpotCheck(std::int64_t id) override;
  base::Result<std::vector<SampleRecord>> SpotCheckSample(std::int64_t id,
                                                          const Scope& scope) override;
  base::Result<std::vector<FindingRecord>> SpotCheckFindings(std::int64_t id,
                                                             const Scope& scope) override;
  base::Result<RecordedFinding> RecordFinding(const FindingRecord& finding,
                                              const std::optional<AlertRecord>& alert,
                                              const Scope& scope) override;

 private:
  base::Result<std::vector<SpotCheckRecord>> Checks(std::optional<std::int64_t> id,
                                                    std::int64_t limit);

  Database& db_;
  std::function<base::Status()> flush_cases_;
  RaiseAlertsFn raise_alerts_;
};

// Completed approval cases of `query` (see CompletedCase), by case id; with
// `not_invited_to`, only those without an invitation to that questionnaire.
// The caller brings the cases summary up to date first.
base::Result<std::vector<CompletedCase>> QueryCompletedCases(Database& db,
                                                             const CompletedCaseQuery& query,
                                                             const std::string* not_invited_to);

}  // namespace oversight::store::sqlite
