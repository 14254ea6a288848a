#pragma once

// The SQLite part behind store/complaint_store.h: the complaint register and the
// complainants' satisfaction, beside the cases summary it reads. Shares the
// store's connection; like the store, not thread-safe. Not for use outside
// store/sqlite.

#include <functional>

#include "store/complaint_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteComplaintStore final : public ComplaintStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush).
  SqliteComplaintStore(Database& db, std::function<base::Status()> flush_cases)
      : db_(db), flush_cases_(std::move(flush_cases)) {}

  base::Result<ComplaintRecord> AddComplaint(const ComplaintRecord& record) override;
  base::Result<std::optional<ComplaintRecord>> FindComplaint(const std::string& case_id) override;
  base::Result<ComplaintPage> SearchComplaints(const ComplaintQuery& query,
                                               const Scope& scope) override;
  base::Result<std::optional<ComplaintView>> FindComplaintView(const std::string& case_id,
                                                               const Scope& scope) override;
  base::Result<ComplaintSatisfaction> AddSatisfaction(
      const ComplaintSatisfaction& satisfaction) override;

 private:
  Database& db_;
  std::function<base::Status()> flush_cases_;
};

}  // namespace oversight::store::sqlite
