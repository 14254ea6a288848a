#pragma once

// The store: one interface over the embedded SQLite default and, later,
// PostgreSQL (DESIGN §9). Callers see only this header; app/ is the only place
// that names a concrete backend.
//
// Events are append-only and hash-chained: AppendBatch assigns sequence numbers,
// skips duplicates (same source + source_event_id) and extends the chain in one
// transaction, so a batch is either wholly stored or not at all.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audit/canonical_event.h"
#include "audit/hash_chain.h"
#include "base/status.h"
#include "base/time.h"
#include "model/case.h"
#include "model/department.h"
#include "model/event.h"
#include "model/item.h"

namespace oversight::store {

class OpsLog;  // store/ops_log.h: the operations audit trail
class PublicationStore;  // store/publication_store.h: published rankings
class IdentityStore;  // store/identity_store.h: users, sessions, API tokens
class AlertWorkflowStore;  // store/alert_workflow_store.h: alert workflow, scoped searches
class SurveyStore;  // store/survey_store.h: questionnaires, invitations, responses
class SpotCheckStore;  // store/spot_check_store.h: spot-check draws and findings
class ComplaintStore;  // store/complaint_store.h: the complaint register
class RatingStore;  // store/rating_store.h: satisfaction ratings and appeals
class DashboardStore;  // store/dashboard_store.h: the dashboard's figures, case progress

// A record that ingest rejected, kept with everything needed to fix and retry it.
struct QuarantineRecord {
  std::int64_t id = 0;          // assigned by the store
  std::string source;
  std::string input;            // file name or "-" for stdin
  std::int64_t line = 0;
  std::string reason;           // stable reason code, e.g. "missing_field"
  std::string message;          // operator-readable detail naming the field
  std::string original_text;    // the record as the source wrote it (identity numbers masked)
  std::string fields_json;      // the parsed fields, [[name, value, type], ...], for retry; "" if unparsable
  base::Instant received_at{};
  bool resolved = false;
  std::int64_t resolved_seq = 0;  // the event it became, once retried successfully
};

struct QuarantineFilter {
  std::optional<std::string> source;
  bool include_resolved = false;
  std::int64_t limit = 1000;
};

// One source system (department system, online hall, exchange table).
struct SourceInfo {
  std::string name;
  std::string zone;              // zone for times without offset
  std::string mapping_yaml;      // the mapping last used, so quarantine retry can reuse it
  std::int64_t events_stored = 0;
  std::optional<base::Instant> watermark;  // latest event time stored from this source
  std::optional<base::Instant> last_ingest_at;
};

struct AppendResult {
  std::int64_t stored = 0;
  std::int64_t duplicates = 0;
  std::int64_t first_seq = 0;  // 0 when nothing was stored
  std::int64_t last_seq = 0;
  // For each input event, the seq it was stored as, or 0 for a duplicate.
  std::vector<std::int64_t> seqs;
  // For each input event, whether it was the first event the store holds of its
  // case (the case is new), so a consumer knows no earlier history exists.
  std::vector<std::uint8_t> first_of_case;
};

struct StoredEvent {
  std::int64_t seq = 0;
  model::Event event;
  base::Instant ingested_at{};
  audit::Digest hash{};
};

// What audit verify found. `ok` is false at the first broken link.
struct ChainReport {
  bool ok = true;
  std::int64_t events_checked = 0;
  std::int64_t broken_seq = 0;      // the first event whose link does not hold
  std::string problem;              // "hash mismatch", "missing event", "head mismatch", ...
  std::string algorithm;
  std::string head_hash_hex;        // the chain head as recorded
};

// The end of the hash chain: the last event's seq and link (0 and zeros when empty).
struct ChainHead {
  std::int64_t seq = 0;
  audit::Digest hash{};
};

// Chain links a caller computed ahead of the writer, assuming that the chain
// ended at `prev` and that no event of the batch is a duplicate. The store uses
// them only while both hold (checked, not trusted), and computes the rest itself.
struct LinkHint {
  ChainHead prev;
  std::span<const audit::Digest> links;
};

// An alert as stored (DESIGN §7). The engine decides; the store keeps it, once.
struct AlertRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string rule_id;
  std::int64_t rule_version = 1;
  std::string case_id;
  std::int64_t occurrence = 0;  // which occurrence of the rule in the case (0 for once-per-case rules)
  std::string level;            // "notice" | "yellow" | "red"
  std::string state = "open";   // a workflow::AlertState name: "open", "responded", ... "withdrawn"
  std::string dept_code;
  base::Instant raised_at{};    // event time at which the alert became true
  std::optional<base::Instant> due;
  std::string reason;
  std::optional<base::Instant> withdrawn_at;
  std::string withdraw_reason;
  // Read with the alert, never written through it (see store/alert_workflow_store.h):
  // when a rejected response last sent it back to open, and, for a yellow or red
  // card, the lower-level alert of the same rule, case and occurrence it followed.
  std::optional<base::Instant> reopened_at;
  std::optional<std::int64_t> linked_alert_id;
  // When the alert was stored, on the judge's clock (not event time): the
  // department can only have been told from then on, so the escalation clock
  // starts no earlier (workflow::OpenSince). Null on rows stored before it was kept.
  std::optional<base::Instant> noticed_at;
};

struct AlertFilter {
  std::optional<std::string> case_id;
  std::optional<std::string> rule_id;
  std::optional<std::string> level;
  std::optional<std::string> dept_code;
  std::optional<std::string> state;
  std::int64_t limit = 1000;
};

// One step in a rule version's approval history.
struct RuleStatusRecord {
  std::string rule_id;
  std::int64_t version = 1;
  std::string status;  // draft | pending_approval | active | retired
  std::string actor;   // who made the change
  base::Instant at{};
  std::string note;
};

// A local closure (临时闭馆) recorded through the API: the calendar counts its
// date as a rest day, on top of the holiday files and any closures file.
struct ClosureRecord {
  base::Date date{};
  std::string name;        // the reason, shown on the calendar (台风停工)
  std::string created_by;
  base::Instant created_at{};
};

struct StoreStats {
  std::int64_t departments = 0;
  std::int64_t items = 0;
  std::int64_t cases = 0;
  std::int64_t events = 0;
  std::int64_t quarantined_open = 0;
  std::int64_t alerts_open = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Reference data. Upserts replace every column; `auto_registered` marks rows
  // created by ingest for unknown codes (shown to the catalog admin to complete).
  virtual base::Status UpsertDepartment(const model::Department& dept, bool auto_registered) = 0;
  virtual base::Status UpsertItem(const model::Item& item, bool auto_registered) = 0;
  virtual base::Result<std::vector<model::Department>> ListDepartments() = 0;
  virtual base::Result<std::vector<model::Item>> ListItems() = 0;

  virtual base::Result<std::optional<SourceInfo>> FindSource(const std::string& name) = 0;
  virtual base::Status UpsertSource(const SourceInfo& source) = 0;

  // Appends events in order in one transaction (see header comment) and records
  // the ingest time and the source watermark. `content_digests[i]` must be
  // audit::ContentDigest of events[i] under hash_algorithm(): callers compute them
  // off the writer thread. The cases table follows (see Flush).
  // `hint` (may be null) offers precomputed links (see LinkHint).
  virtual base::Result<AppendResult> AppendDigested(std::span<const model::Event> events,
                                                    std::span<const audit::Digest> content_digests,
                                                    base::Instant ingested_at,
                                                    const LinkHint* hint) = 0;
  // The same, computing the digests here.
  base::Result<AppendResult> AppendBatch(std::span<const model::Event> events,
                                         base::Instant ingested_at) {
    std::vector<audit::Digest> digests = audit::ContentDigests(hash_algorithm(), events);
    return AppendDigested(events, digests, ingested_at, nullptr);
  }
  virtual ChainHead chain_head() const = 0;
  // Brings the cases summary up to date with every appended event. Appends keep
  // it current lazily, in large steps; a store that was not flushed (a crash)
  // catches up when next opened.
  virtual base::Status Flush() = 0;

  // Keeps rejected records. A record already held (same source, line and text, as
  // when a file is ingested twice) is not added again; returns how many were new.
  virtual base::Result<std::int64_t> AddQuarantine(std::span<const QuarantineRecord> records) = 0;
  virtual base::Result<std::vector<QuarantineRecord>> ListQuarantine(
      const QuarantineFilter& filter) = 0;
  virtual base::Status ResolveQuarantine(std::int64_t id, std::int64_t seq) = 0;
  // Updates reason/message of a record that failed again on retry.
  virtual base::Status UpdateQuarantineReason(std::int64_t id, const std::string& reason,
                                              const std::string& message) = 0;

  // Calls `visit` for every event in seq order; stops early when it returns false.
  virtual base::Status ScanEvents(std::int64_t from_seq,
                                  const std::function<bool(const StoredEvent&)>& visit) = 0;
  virtual base::Result<std::vector<StoredEvent>> EventsOfCase(const std::string& case_id) = 0;
  // Calls `visit` once per case with all its events in event-time order (ties by
  // seq); stops early when it returns false. Streams: one case in memory at a time.
  virtual base::Status ScanCases(
      const std::function<bool(std::vector<StoredEvent>& events)>& visit) = 0;
  // Like ScanCases, but only the cases with at least one event in [from, to),
  // each with all its events (those outside the range too), in the same order.
  // For work on one period (scores): a backend answers it from its case summary
  // without reading the whole history; this default filters a full scan.
  virtual base::Status ScanCasesActiveBetween(
      base::Instant from, base::Instant to,
      const std::function<bool(std::vector<StoredEvent>& events)>& visit) {
    return ScanCases([&](std::vector<StoredEvent>& events) {
      for (const StoredEvent& e : events) {
        if (e.event.at >= from && e.event.at < to) return visit(events);
      }
      return true;
    });
  }
  // The case's summary, current as of the last Flush (see there).
  virtual base::Result<std::optional<model::Case>> FindCase(const std::string& case_id) = 0;

  // Stores alerts; an alert already held under its key (rule, case, occurrence,
  // level) is left as it is. Returns how many were new.
  virtual base::Result<std::int64_t> RaiseAlerts(std::span<const AlertRecord> alerts) = 0;
  // Marks an alert withdrawn (late data, retired rule) with the reason, as the
  // system, and records the step in its thread. Only what a machine may undo is
  // withdrawn (open, responded, accepted, escalated); an alert under
  // accountability or already closed or withdrawn is left as it is.
  virtual base::Status WithdrawAlert(std::int64_t id, base::Instant at, const std::string& reason) = 0;
  virtual base::Result<std::vector<AlertRecord>> ListAlerts(const AlertFilter& filter) = 0;

  // Appends a step to a rule version's approval history.
  virtual base::Status RecordRuleStatus(const RuleStatusRecord& record) = 0;
  // Every step, oldest first; the latest per (rule, version) is its status.
  virtual base::Result<std::vector<RuleStatusRecord>> RuleStatusHistory() = 0;

  // Local closures. AddClosure fails with AlreadyExists when the date has one.
  virtual base::Status AddClosure(const ClosureRecord& closure) = 0;
  virtual base::Result<std::vector<ClosureRecord>> ListClosures() = 0;  // by date

  // Walks the whole chain, recomputing every link (audit verify).
  virtual base::Result<ChainReport> VerifyChain() = 0;
  virtual base::Result<StoreStats> Stats() = 0;
  virtual audit::HashAlgorithm hash_algorithm() const = 0;

  // The operations audit trail (store/ops_log.h), chained with hash_algorithm().
  virtual OpsLog& ops_log() = 0;
  // Published rankings (store/publication_store.h).
  virtual PublicationStore& publications() = 0;

  // Users, sessions and API tokens (store/identity_store.h).
  virtual IdentityStore& identity() = 0;

  // The alert workflow (responses, escalation, 执纪问责) and the department-scoped
  // searches over alerts and cases (store/alert_workflow_store.h).
  virtual AlertWorkflowStore& workflow() = 0;

  // The complaint register and complainants' satisfaction (store/complaint_store.h).
  virtual ComplaintStore& complaints() = 0;
  // Satisfaction ratings (好差评) and their appeals (store/rating_store.h).
  virtual RatingStore& ratings() = 0;
  // The dashboard's figures and the case progress behind them (store/dashboard_store.h).
  virtual DashboardStore& dashboard() = 0;

  // Questionnaires: versions, invitations, responses, submissions (store/survey_store.h).
  virtual SurveyStore& surveys() = 0;
  // Spot checks (线下抽查): draws, samples, findings (store/spot_check_store.h).
  virtual SpotCheckStore& spot_checks() = 0;
};

}  // namespace oversight::store
