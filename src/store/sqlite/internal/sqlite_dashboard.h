#pragma once

// The SQLite part behind store/dashboard_store.h. Not for use outside store/sqlite.

#include <functional>

#include "store/dashboard_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteDashboard final : public DashboardStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush).
  // `db` must outlive this object.
  SqliteDashboard(Database& db, std::function<base::Status()> flush_cases)
      : db_(db), flush_cases_(std::move(flush_cases)) {}

  base::Result<DashboardFigures> Figures(const DashboardQuery& query, const Scope& scope) override;
  base::Result<std::vector<ProgressInput>> StaleProgress(std::int64_t limit) override;
  base::Status SetProgress(std::span<const CaseProgress> progress) override;
  base::Status MarkAllProgressStale() override;
  base::Result<std::int64_t> CountStaleProgress() override;

 private:
  Database& db_;
  std::function<base::Status()> flush_cases_;
};

}  // namespace oversight::store::sqlite
