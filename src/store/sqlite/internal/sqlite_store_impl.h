#pragma once

// The SqliteStore class, shared by the .cc files that implement its parts
// (reference data, events and chain, quarantine). Not for use outside store/sqlite.

#include <string>
#include <unordered_map>

#include "audit/hash_chain.h"
#include "store/sqlite/checkpointer.h"
#include "store/sqlite/db.h"
#include "store/sqlite/internal/sqlite_ops_log.h"
#include "store/sqlite/internal/sqlite_publications.h"
#include "store/sqlite/internal/sqlite_identity.h"
#include "store/sqlite/internal/sqlite_alert_workflow.h"
#include "store/sqlite/internal/sqlite_spot_checks.h"
#include "store/sqlite/internal/sqlite_surveys.h"
#include "store/sqlite/internal/sqlite_complaints.h"
#include "store/sqlite/internal/sqlite_ratings.h"
#include "store/sqlite/internal/sqlite_dashboard.h"
#include "store/sqlite/sqlite_store.h"

namespace oversight::store::sqlite {

// What the cases table holds for a case, cached while a process appends.
struct CaseRow {
  std::int64_t case_no = 0;
  model::EventType stage = model::EventType::kSubmit;
  std::int64_t first_ms = 0;
  std::int64_t last_ms = 0;
  std::int64_t event_count = 0;
  bool dirty = false;
  // An event that moves the case's progress (store/dashboard_store.h) arrived;
  // written as a mark that only the progress writer clears.
  bool progress_stale = false;
};

class SqliteStore final : public Store {
 public:
  base::Status Open(const SqliteOptions& options);

  base::Status UpsertDepartment(const model::Department& dept, bool auto_registered) override;
  base::Status UpsertItem(const model::Item& item, bool auto_registered) override;
  base::Result<std::vector<model::Department>> ListDepartments() override;
  base::Result<std::vector<model::Item>> ListItems() override;
  base::Result<std::optional<SourceInfo>> FindSource(const std::string& name) override;
  base::Status UpsertSource(const SourceInfo& source) override;

  ~SqliteStore() override;

  base::Result<AppendResult> AppendDigested(std::span<const model::Event> events,
                                            std::span<const audit::Digest> content_digests,
                                            base::Instant ingested_at,
                                            const LinkHint* hint) override;
  ChainHead chain_head() const override { return {head_seq_, head_hash_}; }
  base::Status Flush() override;

  base::Result<std::int64_t> AddQuarantine(std::span<const QuarantineRecord> records) override;
  base::Result<std::vector<QuarantineRecord>> ListQuarantine(
      const QuarantineFilter& filter) override;
  base::Status ResolveQuarantine(std::int64_t id, std::int64_t seq) override;
  base::Status UpdateQuarantineReason(std::int64_t id, const std::string& reason,
                                      const std::string& message) override;

  base::Status ScanEvents(std::int64_t from_seq,
                          const std::function<bool(const StoredEvent&)>& visit) override;
  base::Result<std::vector<StoredEvent>> EventsOfCase(const std::string& case_id) override;
  base::Status ScanCases(
      const std::function<bool(std::vector<StoredEvent>& events)>& visit) override;
  base::Status ScanCasesActiveBetween(
      base::Instant from, base::Instant to,
      const std::function<bool(std::vector<StoredEvent>& events)>& visit) override;
  base::Result<std::optional<model::Case>> FindCase(const std::string& case_id) override;
  base::Result<std::int64_t> RaiseAlerts(std::span<const AlertRecord> alerts) override;
  base::Status WithdrawAlert(std::int64_t id, base::Instant at, const std::string& reason) override;
  base::Result<std::vector<AlertRecord>> ListAlerts(const AlertFilter& filter) override;
  base::Status RecordRuleStatus(const RuleStatusRecord& record) override;
  base::Result<std::vector<RuleStatusRecord>> RuleStatusHistory() override;
  base::Status AddClosure(const ClosureRecord& closure) override;
  base::Result<std::vector<ClosureRecord>> ListClosures() override;
  base::Result<ChainReport> VerifyChain() override;
  base::Result<StoreStats> Stats() override;
  audit::HashAlgorithm hash_algorithm() const override { return algorithm_; }
  OpsLog& ops_log() override { return *ops_log_; }
  PublicationStore& publications() override { return *publications_; }
  IdentityStore& identity() override { return *identity_; }
  AlertWorkflowStore& workflow() override { return *workflow_; }
  SurveyStore& surveys() override { return *surveys_; }
  SpotCheckStore& spot_checks() override { return *spot_checks_; }
  ComplaintStore& complaints() override { return *complaints_; }
  RatingStore& ratings() override { return *ratings_; }
  DashboardStore& dashboard() override { return *dashboard_; }

 private:
  base::Status LoadChainHead(const SqliteOptions& options);
  base::Status PrepareEventStatements();
  base::Result<CaseRow*> TouchCase(const model::Event& event);
  void ApplyToCase(CaseRow& row, const model::Event& event);
  base::Status WriteDirtyCases();
  base::Status FlushInTransaction();
  base::Status CatchUpCases();
  base::Status AppendInTransaction(std::span<const model::Event> events,
                                   std::span<const audit::Digest> content_digests,
                                   std::int64_t ingested_ms, const LinkHint* hint,
                                   AppendResult& result);
  base::Status WriteChainHead();
  base::Status UpdateSourceCounters(std::span<const model::Event> events,
                                    const AppendResult& result, std::int64_t ingested_ms);

  Database db_;
  std::unique_ptr<Checkpointer> checkpointer_;  // declared after db_: stops before it closes
  std::unique_ptr<SqliteIdentityStore> identity_;  // uses db_; set in Open after migrations
  std::unique_ptr<SqliteAlertWorkflow> workflow_;  // uses db_ and Flush; set in Open
  std::unique_ptr<SqliteSurveys> surveys_;  // uses db_ and Flush; set in Open
  std::unique_ptr<SqliteSpotChecks> spot_checks_;  // uses db_, Flush and RaiseAlerts; set in Open
  std::unique_ptr<SqliteComplaintStore> complaints_;  // uses db_ and Flush; set in Open
  std::unique_ptr<SqliteRatingStore> ratings_;  // uses db_ and Flush; set in Open
  std::unique_ptr<SqliteDashboard> dashboard_;  // uses db_ and Flush; set in Open
  audit::HashAlgorithm algorithm_ = audit::HashAlgorithm::kSm3;
  std::unique_ptr<audit::ChainHasher> hasher_;
  std::unique_ptr<SqlitePublications> publications_;
  std::unique_ptr<SqliteOpsLog> ops_log_;  // uses db_; set in Open once the algorithm is known
  std::int64_t head_seq_ = 0;
  audit::Digest head_hash_{};
  // The cases summary reflects every event up to this seq; appends past it are
  // applied to cases_ and written in large steps (Flush).
  std::int64_t cases_synced_seq_ = 0;
  std::int64_t dirty_cases_ = 0;

  // Prepared once: the append path runs them per event.
  Statement insert_event_;
  Statement find_case_;
  Statement insert_case_;
  Statement update_case_;

  // Cases touched by this process; bounded by kMaxCachedCases (flushed, then dropped).
  std::unordered_map<std::string, CaseRow> cases_;
  std::string canonical_buffer_;
};

// Reads the event columns selected by kEventColumns starting at `first`.
StoredEvent ReadStoredEvent(const Statement& stmt);
inline constexpr const char* kEventColumns =
    "seq, source, source_event_id, case_id, kind, type, step, at_ms, dept_code, item_code, "
    "actor, channel, attrs, ingested_ms, hash";

}  // namespace oversight::store::sqlite
