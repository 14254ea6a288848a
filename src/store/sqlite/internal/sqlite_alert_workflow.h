#pragma once

// The SQLite part behind store/alert_workflow_store.h, and the alert row helpers
// it shares with the engine's side of the alerts table (sqlite_alerts.cc). Not for
// use outside store/sqlite.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/alert_workflow_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteAlertWorkflow final : public AlertWorkflowStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush).
  // `db` must outlive this object.
  SqliteAlertWorkflow(Database& db, std::function<base::Status()> flush_cases)
      : db_(db), flush_cases_(std::move(flush_cases)) {}

  base::Result<AlertRecord> ApplyAction(std::int64_t alert_id, const AlertActionRecord& action,
                                        const Scope& scope) override;
  base::Result<std::optional<AlertRecord>> FindAlert(std::int64_t id, const Scope& scope) override;
  base::Result<std::vector<AlertActionRecord>> AlertThread(std::int64_t alert_id,
                                                           const Scope& scope) override;
  base::Result<AlertPage> SearchAlerts(const AlertQuery& query, const Scope& scope) override;
  base::Result<CasePage> SearchCases(const CaseQuery& query, const Scope& scope) override;
  base::Result<std::optional<model::Case>> FindCaseScoped(const std::string& case_id,
                                                          const Scope& scope) override;
  base::Result<std::vector<AlertRecord>> EscalationCandidates(base::Instant started_before) override;
  base::Result<std::vector<AlertCount>> CountAlerts(const Scope& scope) override;

 private:
  base::Status ApplyInTransaction(std::int64_t alert_id, const AlertActionRecord& action,
                                  const Scope& scope);

  Database& db_;
  std::function<base::Status()> flush_cases_;
};

// "SELECT <every AlertRecord column> FROM alerts a": the stored columns, then
// reopened_at (the last rejected response) and linked_alert_id (the lower-level
// alert of the same rule, case and occurrence). Read a row with ReadAlert.
extern const char* const kSelectAlerts;
AlertRecord ReadAlert(const Statement& stmt);

// Appends one step to an alert's thread (the caller holds the transaction).
base::Status AppendAlertAction(Database& db, const AlertActionRecord& step);

// A WHERE clause built from conditions whose values are bound, never spliced:
// the SQL text holds only `?` placeholders.
class SqlFilter {
 public:
  using Value = std::variant<std::int64_t, std::string>;

  // `condition` holds one `?` per value, in order.
  SqlFilter& Add(std::string_view condition, std::vector<Value> values = {});
  // Restricts `column` to the scope's departments ("0" when it allows none).
  SqlFilter& AddScope(const Scope& scope, std::string_view column);
  // "" or " WHERE c1 AND c2 ...".
  std::string Sql() const;
  // Binds every value from index 1 and returns the next free index.
  int Bind(Statement& stmt) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

// Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails.
base::Status InTransaction(Database& db, const std::function<base::Status()>& body);

}  // namespace oversight::store::sqlite
