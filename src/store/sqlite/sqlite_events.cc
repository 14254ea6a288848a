// The event path of the SQLite store: append with dedupe and chaining, reads,
// and the chain walk of audit verify.

#include "audit/canonical_event.h"
#include "store/sqlite/internal/sqlite_store_impl.h"

namespace oversight::store::sqlite {
namespace {

// Beyond this many cached cases the cache is dropped after a flush, so memory
// stays bounded however many cases a store holds.
constexpr size_t kMaxCachedCases = 400'000;
// Dirty case summaries are written once this many have piled up (or on Flush).
constexpr size_t kCaseFlushThreshold = 200'000;

audit::Digest ZeroDigest() { return audit::Digest{}; }

// The event types that move an approval case's progress (store/dashboard_store.h):
// its acceptance, pauses and their ends (the dues), and its conclusion.
bool MovesProgress(const model::Event& event) {
  if (event.kind != model::CaseKind::kApproval) return false;
  switch (event.type) {
    case model::EventType::kAccept:
    case model::EventType::kRequestSupplement:
    case model::EventType::kSupplementReceived:
    case model::EventType::kSuspend:
    case model::EventType::kResume:
    case model::EventType::kComplete:
    case model::EventType::kReject:
    case model::EventType::kWithdraw:
      return true;
    default:
      return false;
  }
}

}  // namespace

StoredEvent ReadStoredEvent(const Statement& stmt) {
  StoredEvent out;
  out.seq = stmt.Int(0);
  model::Event& e = out.event;
  e.source = stmt.Text(1);
  e.source_event_id = stmt.Text(2);
  e.case_id = stmt.Text(3);
  e.kind = static_cast<model::CaseKind>(stmt.Int(4));
  e.type = static_cast<model::EventType>(stmt.Int(5));
  e.step_name = stmt.Text(6);
  e.at = base::FromUnixMillis(stmt.Int(7));
  e.dept_code = stmt.Text(8);
  e.item_code = stmt.Text(9);
  e.actor = stmt.Text(10);
  e.channel = static_cast<model::Channel>(stmt.Int(11));
  e.attrs_json = stmt.Text(12);
  out.ingested_at = base::FromUnixMillis(stmt.Int(13));
  std::string hash = stmt.Blob(14);
  if (hash.size() == out.hash.size()) std::copy(hash.begin(), hash.end(), out.hash.begin());
  return out;
}

base::Status SqliteStore::PrepareEventStatements() {
  OVS_ASSIGN_OR_RETURN(
      insert_event_,
      db_.Prepare("INSERT INTO events (seq, source, source_event_id, case_no, case_id, kind, "
                  "type, step, at_ms, dept_code, item_code, actor, channel, attrs, ingested_ms, "
                  "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                  "(case_no, source, source_event_id) DO NOTHING"));
  OVS_ASSIGN_OR_RETURN(find_case_,
                       db_.Prepare("SELECT case_no, stage, first_ms, last_ms, event_count FROM "
                                   "cases WHERE case_id = ?"));
  OVS_ASSIGN_OR_RETURN(insert_case_,
                       db_.Prepare("INSERT INTO cases (case_id, kind, item_code, dept_code, "
                                   "channel, source, stage, first_ms, last_ms, event_count) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
  OVS_ASSIGN_OR_RETURN(update_case_,
                       db_.Prepare("UPDATE cases SET stage = ?, first_ms = ?, last_ms = ?, "
                                   "event_count = ?, progress_stale = progress_stale | ? "
                                   "WHERE case_no = ?"));
  return base::Status::Ok();
}

base::Result<CaseRow*> SqliteStore::TouchCase(const model::Event& event) {
  auto [it, inserted] = cases_.try_emplace(event.case_id);
  if (!inserted) return &it->second;
  CaseRow& row = it->second;
  find_case_.Reset();
  find_case_.BindTextStatic(1, event.case_id);
  base::Result<bool> found = find_case_.Step();
  if (found.ok() && *found) {
    row = CaseRow{find_case_.Int(0), static_cast<model::EventType>(find_case_.Int(1)),
                  find_case_.Int(2), find_case_.Int(3), find_case_.Int(4), false, false};
    find_case_.Reset();
    return &row;
  }
  find_case_.Reset();
  // A new case gets its row in the same transaction as its first event, so that
  // EventsOfCase finds it at once; the summary columns follow on Flush.
  const std::int64_t at_ms = base::ToUnixMillis(event.at);
  insert_case_.BindTextStatic(1, event.case_id)
      .Bind(2, std::int64_t(event.kind))
      .BindTextStatic(3, event.item_code)
      .BindTextStatic(4, event.dept_code)
      .Bind(5, std::int64_t(event.channel))
      .BindTextStatic(6, event.source)
      .Bind(7, std::int64_t(event.type))
      .Bind(8, at_ms)
      .Bind(9, at_ms);
  base::Status status = found.ok() ? insert_case_.Run() : found.status();
  if (!status.ok()) {
    cases_.erase(it);
    return status;
  }
  row = CaseRow{db_.LastInsertRowid(), event.type, at_ms, at_ms, 0, false, false};
  return &row;
}

void SqliteStore::ApplyToCase(CaseRow& row, const model::Event& event) {
  const std::int64_t at_ms = base::ToUnixMillis(event.at);
  ++row.event_count;
  if (at_ms >= row.last_ms) {  // the stage is the type of the latest event by event time
    row.last_ms = at_ms;
    row.stage = event.type;
  }
  row.first_ms = std::min(row.first_ms, at_ms);
  if (MovesProgress(event)) row.progress_stale = true;
  if (!row.dirty) ++dirty_cases_;
  row.dirty = true;
}

base::Status SqliteStore::WriteDirtyCases() {
  for (auto& [case_id, row] : cases_) {
    if (!row.dirty) continue;
    update_case_.Bind(1, std::int64_t(row.stage))
        .Bind(2, row.first_ms)
        .Bind(3, row.last_ms)
        .Bind(4, row.event_count)
        .Bind(5, std::int64_t{row.progress_stale})
        .Bind(6, row.case_no);
    OVS_RETURN_IF_ERROR(update_case_.Run());
    row.dirty = false;
    row.progress_stale = false;
  }
  dirty_cases_ = 0;
  OVS_ASSIGN_OR_RETURN(Statement put,
                       db_.Prepare("INSERT INTO meta (key, value) VALUES ('cases_synced_seq', ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  put.Bind(1, std::to_string(head_seq_));
  OVS_RETURN_IF_ERROR(put.Run());
  cases_synced_seq_ = head_seq_;
  if (cases_.size() > kMaxCachedCases) cases_.clear();  // every row is clean now
  return base::Status::Ok();
}

base::Status SqliteStore::Flush() {
  if (cases_synced_seq_ == head_seq_) return base::Status::Ok();
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  base::Status status = WriteDirtyCases();
  if (status.ok()) status = db_.Exec("COMMIT");
  if (!status.ok()) {
    (void)db_.Exec("ROLLBACK");
    cases_.clear();
    return status.WithContext("flush cases");
  }
  return status;
}

SqliteStore::~SqliteStore() {
  // Best effort: a store closed without Flush catches up when next opened.
  (void)Flush();
}

base::Status SqliteStore::CatchUpCases() {
  if (cases_synced_seq_ >= head_seq_) return base::Status::Ok();
  // The last writer stopped before flushing: replay the events it appended since.
  std::vector<model::Event> pending;
  OVS_RETURN_IF_ERROR(ScanEvents(cases_synced_seq_ + 1, [&](const StoredEvent& stored) {
    pending.push_back(stored.event);
    return true;
  }));
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  base::Status status;
  for (const model::Event& event : pending) {
    base::Result<CaseRow*> row = TouchCase(event);
    if (!row.ok()) {
      status = row.status();
      break;
    }
    ApplyToCase(**row, event);
  }
  if (status.ok()) status = WriteDirtyCases();
  if (status.ok()) status = db_.Exec("COMMIT");
  if (!status.ok()) {
    (void)db_.Exec("ROLLBACK");
    cases_.clear();
    return status.WithContext("catch up cases");
  }
  return status;
}

base::Result<AppendResult> SqliteStore::AppendDigested(std::span<const model::Event> events,
                                                       std::span<const audit::Digest> content_digests,
                                                       base::Instant ingested_at,
                                                       const LinkHint* hint) {
  AppendResult result;
  result.seqs.reserve(events.size());
  result.first_of_case.reserve(events.size());
  if (events.empty()) return result;
  if (content_digests.size() != events.size()) {
    return base::Internal("append: " + std::to_string(content_digests.size()) + " digests for " +
                          std::to_string(events.size()) + " events");
  }
  const std::int64_t saved_seq = head_seq_;
  const audit::Digest saved_hash = head_hash_;
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  base::Status status =
      AppendInTransaction(events, content_digests, base::ToUnixMillis(ingested_at), hint, result);
  if (status.ok()) status = db_.Exec("COMMIT");
  if (!status.ok()) {
    (void)db_.Exec("ROLLBACK");
    head_seq_ = saved_seq;
    head_hash_ = saved_hash;
    cases_.clear();  // the cache may hold rows the rollback removed
    dirty_cases_ = 0;
    return status.WithContext("append batch");
  }
  return result;
}

base::Status SqliteStore::AppendInTransaction(std::span<const model::Event> events,
                                              std::span<const audit::Digest> content_digests,
                                              std::int64_t ingested_ms, const LinkHint* hint,
                                              AppendResult& result) {
  // The hint's links hold while the chain is where the hint assumed it: the same
  // head at the start, and no duplicate since (each stored event advanced it by one).
  bool on_hint = hint != nullptr && hint->links.size() == events.size() &&
                 hint->prev.seq == head_seq_ && hint->prev.hash == head_hash_;
  for (size_t i = 0; i < events.size(); ++i) {
    const model::Event& event = events[i];
    const std::int64_t seq = head_seq_ + 1;
    OVS_ASSIGN_OR_RETURN(CaseRow * row, TouchCase(event));
    audit::Digest hash =
        on_hint ? hint->links[i] : hasher_->Link(head_hash_, seq, content_digests[i]);
    insert_event_.Bind(1, seq)
        .BindTextStatic(2, event.source)
        .BindTextStatic(3, event.source_event_id)
        .Bind(4, row->case_no)
        .BindTextStatic(5, event.case_id)
        .Bind(6, std::int64_t(event.kind))
        .Bind(7, std::int64_t(event.type))
        .BindTextStatic(8, event.step_name)
        .Bind(9, base::ToUnixMillis(event.at))
        .BindTextStatic(10, event.dept_code)
        .BindTextStatic(11, event.item_code)
        .BindTextStatic(12, event.actor)
        .Bind(13, std::int64_t(event.channel))
        .BindTextStatic(14, event.attrs_json)
        .Bind(15, ingested_ms)
        .BindBlob(16, hash.data(), hash.size());
    OVS_RETURN_IF_ERROR(insert_event_.Run());
    if (db_.Changes() == 0) {  // this case already holds (source, source_event_id)
      ++result.duplicates;
      result.seqs.push_back(0);
      result.first_of_case.push_back(0);
      on_hint = false;
      continue;
    }
    result.first_of_case.push_back(row->event_count == 0 ? 1 : 0);
    ApplyToCase(*row, event);
    head_seq_ = seq;
    head_hash_ = hash;
    if (result.first_seq == 0) result.first_seq = seq;
    result.last_seq = seq;
    ++result.stored;
    result.seqs.push_back(seq);
  }
  if (result.stored == 0) return base::Status::Ok();
  OVS_RETURN_IF_ERROR(WriteChainHead());
  // Writing a case's summary once per many batches, not once per batch, saves
  // most of the random-order updates; the synced seq says how far it is current.
  if (dirty_cases_ >= static_cast<std::int64_t>(kCaseFlushThreshold)) {
    OVS_RETURN_IF_ERROR(WriteDirtyCases());
  }
  return UpdateSourceCounters(events, result, ingested_ms);
}

base::Status SqliteStore::WriteChainHead() {
  OVS_ASSIGN_OR_RETURN(Statement put,
                       db_.Prepare("INSERT INTO meta (key, value) VALUES ('chain_head_seq', ?), "
                                   "('chain_head_hash', ?) ON CONFLICT (key) DO UPDATE SET "
                                   "value = excluded.value"));
  put.Bind(1, std::to_string(head_seq_));
  put.BindBlob(2, head_hash_.data(), head_hash_.size());
  return put.Run();
}

base::Status SqliteStore::UpdateSourceCounters(std::span<const model::Event> events,
                                               const AppendResult& result,
                                               std::int64_t ingested_ms) {
  // Per source: events stored and the newest event time (the ingest watermark).
  std::unordered_map<std::string_view, std::pair<std::int64_t, std::int64_t>> per_source;
  for (size_t i = 0; i < events.size(); ++i) {
    if (result.seqs[i] == 0) continue;
    auto& [count, watermark] = per_source.try_emplace(events[i].source, 0, INT64_MIN).first->second;
    ++count;
    watermark = std::max(watermark, base::ToUnixMillis(events[i].at));
  }
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO sources (name, zone, events_stored, watermark_ms, last_ingest_ms) "
                  "VALUES (?, 'Asia/Shanghai', ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                  "events_stored = events_stored + excluded.events_stored, watermark_ms = "
                  "MAX(COALESCE(watermark_ms, excluded.watermark_ms), excluded.watermark_ms), "
                  "last_ingest_ms = excluded.last_ingest_ms"));
  for (const auto& [source, counters] : per_source) {
    stmt.Bind(1, source).Bind(2, counters.first).Bind(3, counters.second).Bind(4, ingested_ms);
    OVS_RETURN_IF_ERROR(stmt.Run());
  }
  return base::Status::Ok();
}

base::Status SqliteStore::ScanEvents(std::int64_t from_seq,
                                     const std::function<bool(const StoredEvent&)>& visit) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string("SELECT ") + kEventColumns +
                                   " FROM events WHERE seq >= ? ORDER BY seq"));
  stmt.Bind(1, from_seq);
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row || !visit(ReadStoredEvent(stmt))) break;
  }
  return base::Status::Ok();
}

base::Result<std::vector<StoredEvent>> SqliteStore::EventsOfCase(const std::string& case_id) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string("SELECT ") + kEventColumns +
                                   " FROM events WHERE case_no = (SELECT case_no FROM cases "
                                   "WHERE case_id = ?) ORDER BY at_ms, seq"));
  stmt.Bind(1, case_id);
  std::vector<StoredEvent> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadStoredEvent(stmt));
  }
  return out;
}

base::Status SqliteStore::ScanCases(
    const std::function<bool(std::vector<StoredEvent>& events)>& visit) {
  // The case index gives the rows grouped by case; SQLite sorts each group by time.
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string("SELECT ") + kEventColumns +
                                   ", case_no FROM events ORDER BY case_no, at_ms, seq"));
  std::vector<StoredEvent> events;
  std::int64_t current = -1;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    std::int64_t case_no = row ? stmt.Int(15) : -2;
    if (case_no != current && !events.empty()) {
      if (!visit(events)) return base::Status::Ok();
      events.clear();
    }
    if (!row) break;
    current = case_no;
    events.push_back(ReadStoredEvent(stmt));
  }
  return base::Status::Ok();
}

base::Result<std::optional<model::Case>> SqliteStore::FindCase(const std::string& case_id) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT case_id, kind, item_code, dept_code, channel, source, "
                                   "stage, first_ms, last_ms, event_count FROM cases WHERE "
                                   "case_id = ?"));
  stmt.Bind(1, case_id);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<model::Case>();
  model::Case c;
  c.id = stmt.Text(0);
  c.kind = static_cast<model::CaseKind>(stmt.Int(1));
  c.item_code = stmt.Text(2);
  c.dept_code = stmt.Text(3);
  c.channel = static_cast<model::Channel>(stmt.Int(4));
  c.source = stmt.Text(5);
  c.stage = static_cast<model::EventType>(stmt.Int(6));
  c.first_at = base::FromUnixMillis(stmt.Int(7));
  c.last_at = base::FromUnixMillis(stmt.Int(8));
  c.event_count = stmt.Int(9);
  return std::optional<model::Case>(std::move(c));
}

base::Result<ChainReport> SqliteStore::VerifyChain() {
  ChainReport report;
  report.algorithm = std::string(audit::HashAlgorithmName(algorithm_));
  audit::ChainHasher hasher(algorithm_);
  audit::Digest previous = ZeroDigest();
  std::int64_t expected_seq = 1;
  std::string bytes;
  auto fail = [&](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.broken_seq = seq;
    report.problem = std::move(problem);
  };
  OVS_RETURN_IF_ERROR(ScanEvents(1, [&](const StoredEvent& stored) {
    if (stored.seq != expected_seq) {
      fail(expected_seq, "event " + std::to_string(expected_seq) +
                             " is missing (the next stored event is " +
                             std::to_string(stored.seq) + ")");
      return false;
    }
    audit::Digest link =
        hasher.Link(previous, stored.seq, audit::ContentDigest(hasher, stored.event, bytes));
    if (link != stored.hash) {
      fail(stored.seq, "event " + std::to_string(stored.seq) + " (case " + stored.event.case_id +
                           ", source id " + stored.event.source_event_id +
                           ") does not match its chain hash: its content, position or a "
                           "previous link was changed");
      return false;
    }
    previous = link;
    ++expected_seq;
    ++report.events_checked;
    return true;
  }));
  // The recorded head catches removal of the newest events, which leaves no gap.
  OVS_ASSIGN_OR_RETURN(Statement head,
                       db_.Prepare("SELECT (SELECT value FROM meta WHERE key = "
                                   "'chain_head_seq'), (SELECT value FROM meta WHERE key = "
                                   "'chain_head_hash')"));
  OVS_ASSIGN_OR_RETURN(bool row, head.Step());
  std::int64_t head_seq = row && !head.IsNull(0) ? std::stoll(head.Text(0)) : 0;
  std::string head_hash = row ? head.Blob(1) : std::string();
  if (head_hash.size() == 32) {
    report.head_hash_hex = audit::ToHex(*audit::DigestFromBytes(head_hash));
  }
  if (report.ok && head_seq != report.events_checked) {
    fail(report.events_checked + 1,
         "the chain head records " + std::to_string(head_seq) + " events but " +
             std::to_string(report.events_checked) + " are stored: events at the end were removed");
  } else if (report.ok && head_seq > 0 &&
             head_hash != std::string(reinterpret_cast<const char*>(previous.data()), 32)) {
    fail(head_seq, "the chain head hash does not match the last event");
  }
  return report;
}

}  // namespace oversight::store::sqlite
