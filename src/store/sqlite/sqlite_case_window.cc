// Cases active in a time range: the cases summary (first and last event time per
// case) picks the candidates, so a month's scores read that month's cases and not
// the whole history.

#include <algorithm>

#include "store/sqlite/internal/sqlite_store_impl.h"

namespace oversight::store::sqlite {
namespace {

// ReadStoredEvent into an event whose strings may already hold buffers: the
// columns of kEventColumns, assigned rather than built anew, so that a long scan
// reuses its memory instead of allocating a dozen strings per event.
void FillStoredEvent(const Statement& stmt, StoredEvent& out) {
  out.seq = stmt.Int(0);
  model::Event& e = out.event;
  e.source.assign(stmt.TextView(1));
  e.source_event_id.assign(stmt.TextView(2));
  e.case_id.assign(stmt.TextView(3));
  e.kind = static_cast<model::CaseKind>(stmt.Int(4));
  e.type = static_cast<model::EventType>(stmt.Int(5));
  e.step_name.assign(stmt.TextView(6));
  e.at = base::FromUnixMillis(stmt.Int(7));
  e.dept_code.assign(stmt.TextView(8));
  e.item_code.assign(stmt.TextView(9));
  e.actor.assign(stmt.TextView(10));
  e.channel = static_cast<model::Channel>(stmt.Int(11));
  e.attrs_json.assign(stmt.TextView(12));
  out.ingested_at = base::FromUnixMillis(stmt.Int(13));
  const std::string hash = stmt.Blob(14);
  out.hash = {};
  if (hash.size() == out.hash.size()) std::copy(hash.begin(), hash.end(), out.hash.begin());
}

// Maps the file into memory for one long read and puts the connection's setting
// back afterwards: reading a period case by case jumps around the events table,
// and mapped pages spare a copy per page read (about a fifth of a year's read).
class MappedRead {
 public:
  explicit MappedRead(Database& db) : db_(db) {
    {
      base::Result<Statement> get = db_.Prepare("PRAGMA mmap_size");
      if (!get.ok()) return;
      base::Result<bool> row = get->Step();
      if (!row.ok() || !*row) return;
      previous_ = get->Int(0);
    }
    (void)db_.Exec("PRAGMA mmap_size=" + std::to_string(kBytes));
  }
  ~MappedRead() {
    if (previous_) (void)db_.Exec("PRAGMA mmap_size=" + std::to_string(*previous_));
  }
  MappedRead(const MappedRead&) = delete;
  MappedRead& operator=(const MappedRead&) = delete;

 private:
  static constexpr std::int64_t kBytes = std::int64_t{1} << 32;  // 4 GiB of address space
  Database& db_;
  std::optional<std::int64_t> previous_;
};

}  // namespace

base::Status SqliteStore::ScanCasesActiveBetween(
    base::Instant from, base::Instant to,
    const std::function<bool(std::vector<StoredEvent>& events)>& visit) {
  // The summary must cover every appended event, this process's latest too.
  OVS_RETURN_IF_ERROR(Flush());
  MappedRead mapped(db_);  // declared before the statements: outlives them
  // A case whose span overlaps the range is a candidate; whether one of its
  // events really falls inside is checked below (the span may straddle a gap).
  // When most cases are candidates (a year), one pass over the case index beats
  // a seek per case.
  OVS_ASSIGN_OR_RETURN(Statement count,
                       db_.Prepare("SELECT COUNT(*), SUM(first_ms < ?2 AND last_ms >= ?1) FROM cases"));
  count.Bind(1, base::ToUnixMillis(from)).Bind(2, base::ToUnixMillis(to));
  OVS_ASSIGN_OR_RETURN(bool counted, count.Step());
  const bool most = counted && count.Int(1) * 2 > count.Int(0);
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(std::string("SELECT ") + kEventColumns + ", case_no FROM events " +
                  (most ? "" : "WHERE case_no IN (SELECT case_no FROM cases WHERE first_ms < ?2 "
                               "AND last_ms >= ?1) ") +
                  "ORDER BY case_no"));
  if (!most) stmt.Bind(1, base::ToUnixMillis(from)).Bind(2, base::ToUnixMillis(to));
  std::vector<StoredEvent> events;
  std::vector<StoredEvent> spare;  // events of earlier cases, their buffers kept for reuse
  std::int64_t current = -1;
  bool inside = false;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    std::int64_t case_no = row ? stmt.Int(15) : -2;
    if (case_no != current && !events.empty()) {
      // The index gives a case's events in (source, source id) order; sorting
      // them here is cheaper than asking SQLite to sort every case.
      if (inside) {
        std::sort(events.begin(), events.end(), [](const StoredEvent& a, const StoredEvent& b) {
          return a.event.at != b.event.at ? a.event.at < b.event.at : a.seq < b.seq;
        });
        if (!visit(events)) return base::Status::Ok();
      }
      for (StoredEvent& e : events) spare.push_back(std::move(e));
      events.clear();
      inside = false;
    }
    if (!row) break;
    current = case_no;
    if (spare.empty()) {
      events.emplace_back();
    } else {
      events.push_back(std::move(spare.back()));
      spare.pop_back();
    }
    FillStoredEvent(stmt, events.back());
    const base::Instant at = events.back().event.at;
    inside = inside || (at >= from && at < to);
  }
  return base::Status::Ok();
}

}  // namespace oversight::store::sqlite
