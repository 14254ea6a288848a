// The complaint register in SQLite. A complaint's progress is its case in the
// cases summary (kind complaint); the register adds what the events must not
// carry. Lists read the cases summary with the register joined, so complaints
// that arrived as events from other systems are listed too.

#include "store/sqlite/internal/sqlite_complaints.h"

#include "store/sqlite/internal/sqlite_alert_workflow.h"

namespace oversight::store::sqlite {
namespace {

constexpr std::int64_t kComplaintKind = static_cast<std::int64_t>(model::CaseKind::kComplaint);

// The case summary, then the register's row (NULLs when none), then the latest
// satisfaction (NULLs when none).
constexpr const char* kSelectComplaints =
    "SELECT c.case_no, c.case_id, c.kind, c.item_code, c.dept_code, c.channel, c.source, "
    "c.stage, c.first_ms, c.last_ms, c.event_count, "
    "k.id, k.channel, k.dept_code, k.item_code, k.about_case, k.category, k.content, "
    "k.complainant_name, k.complainant_contact, k.lookup_hash, k.registered_by, k.received_ms, "
    "s.id, s.level, s.comment, s.recorded_by, s.at_ms "
    "FROM cases c LEFT JOIN complaints k ON k.case_id = c.case_id "
    "LEFT JOIN complaint_satisfaction s ON s.id = "
    "(SELECT MAX(x.id) FROM complaint_satisfaction x WHERE x.case_id = c.case_id)";

constexpr const char* kSelectRegister =
    "SELECT id, channel, dept_code, item_code, about_case, category, content, complainant_name, "
    "complainant_contact, lookup_hash, registered_by, received_ms, case_id FROM complaints";

// Reads a register row whose first column is `first` (the id).
ComplaintRecord ReadRecord(const Statement& stmt, int first) {
  ComplaintRecord r;
  r.id = stmt.Int(first);
  r.channel = stmt.Text(first + 1);
  r.dept_code = stmt.Text(first + 2);
  r.item_code = stmt.Text(first + 3);
  r.about_case = stmt.Text(first + 4);
  r.category = stmt.Text(first + 5);
  r.content = stmt.Text(first + 6);
  r.complainant_name = stmt.Text(first + 7);
  r.complainant_contact = stmt.Text(first + 8);
  r.lookup_hash = stmt.Text(first + 9);
  r.registered_by = stmt.Text(first + 10);
  r.received_at = base::FromUnixMillis(stmt.Int(first + 11));
  return r;
}

ComplaintView ReadView(const Statement& stmt) {
  ComplaintView v;
  model::Case& c = v.kase;
  c.id = stmt.Text(1);
  c.kind = static_cast<model::CaseKind>(stmt.Int(2));
  c.item_code = stmt.Text(3);
  c.dept_code = stmt.Text(4);
  c.channel = static_cast<model::Channel>(stmt.Int(5));
  c.source = stmt.Text(6);
  c.stage = static_cast<model::EventType>(stmt.Int(7));
  c.first_at = base::FromUnixMillis(stmt.Int(8));
  c.last_at = base::FromUnixMillis(stmt.Int(9));
  c.event_count = stmt.Int(10);
  if (!stmt.IsNull(11)) {
    v.record = ReadRecord(stmt, 11);
    v.record->case_id = c.id;
  }
  if (!stmt.IsNull(23)) {
    ComplaintSatisfaction s;
    s.id = stmt.Int(23);
    s.case_id = c.id;
    s.level = static_cast<int>(stmt.Int(24));
    s.comment = stmt.Text(25);
    s.recorded_by = stmt.Text(26);
    s.at = base::FromUnixMillis(stmt.Int(27));
    v.satisfaction = s;
  }
  return v;
}

}  // namespace

base::Result<ComplaintRecord> SqliteComplaintStore::AddComplaint(const ComplaintRecord& record) {
  if (record.dept_code.empty()) return base::InvalidArgument("'dept': the department is required");
  if (record.channel.empty()) return base::InvalidArgument("'channel': the channel is required");
  ComplaintRecord stored = record;
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&]() -> base::Status {
    // The id is chosen inside the write transaction, so the case id can be
    // written with the row (rows are never updated).
    OVS_ASSIGN_OR_RETURN(Statement next, db_.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM complaints"));
    OVS_ASSIGN_OR_RETURN(bool row, next.Step());
    stored.id = row ? next.Int(0) : 1;
    stored.case_id = std::string(kComplaintCasePrefix) + std::to_string(stored.id);
    OVS_ASSIGN_OR_RETURN(
        Statement insert,
        db_.Prepare("INSERT INTO complaints (id, case_id, channel, dept_code, item_code, about_case, "
                    "category, content, complainant_name, complainant_contact, lookup_hash, "
                    "registered_by, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.Bind(1, stored.id)
        .Bind(2, stored.case_id)
        .Bind(3, stored.channel)
        .Bind(4, stored.dept_code)
        .Bind(5, stored.item_code)
        .Bind(6, stored.about_case)
        .Bind(7, stored.category)
        .Bind(8, stored.content)
        .Bind(9, stored.complainant_name)
        .Bind(10, stored.complainant_contact)
        .Bind(11, stored.lookup_hash)
        .Bind(12, stored.registered_by)
        .Bind(13, base::ToUnixMillis(stored.received_at));
    return insert.Run();
  }).WithContext("registering a complaint"));
  return stored;
}

base::Result<std::optional<ComplaintRecord>> SqliteComplaintStore::FindComplaint(
    const std::string& case_id) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kSelectRegister) + " WHERE case_id = ?"));
  stmt.Bind(1, case_id);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<ComplaintRecord>();
  ComplaintRecord r = ReadRecord(stmt, 0);
  r.case_id = stmt.Text(12);
  return std::optional<ComplaintRecord>(std::move(r));
}

base::Result<ComplaintPage> SqliteComplaintStore::SearchComplaints(const ComplaintQuery& q,
                                                                   const Scope& scope) {
  if (q.limit < 1) {
    return base::InvalidArgument("'limit' must be at least 1, got " + std::to_string(q.limit));
  }
  const std::int64_t limit = std::min<std::int64_t>(q.limit, 500);
  OVS_RETURN_IF_ERROR(flush_cases_());
  SqlFilter where;
  where.Add("c.kind = ?", {kComplaintKind});
  if (q.dept_code) where.Add("c.dept_code = ?", {*q.dept_code});
  if (q.stage) where.Add("c.stage = ?", {static_cast<std::int64_t>(*q.stage)});
  if (q.received_from) where.Add("c.first_ms >= ?", {base::ToUnixMillis(*q.received_from)});
  if (q.received_to) where.Add("c.first_ms < ?", {base::ToUnixMillis(*q.received_to)});
  if (q.after) where.Add("c.case_no > ?", {*q.after});
  where.AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kSelectComplaints) + where.Sql() +
                                                   " ORDER BY c.case_no LIMIT ?"));
  // One row more than the page says whether another page follows.
  stmt.Bind(where.Bind(stmt), limit + 1);
  ComplaintPage page;
  std::int64_t last_case_no = 0;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (static_cast<std::int64_t>(page.complaints.size()) == limit) {
      page.next_cursor = last_case_no;
      break;
    }
    last_case_no = stmt.Int(0);
    page.complaints.push_back(ReadView(stmt));
  }
  return page;
}

base::Result<std::optional<ComplaintView>> SqliteComplaintStore::FindComplaintView(
    const std::string& case_id, const Scope& scope) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  SqlFilter where;
  where.Add("c.case_id = ?", {case_id}).Add("c.kind = ?", {kComplaintKind});
  where.AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kSelectComplaints) + where.Sql()));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<ComplaintView>();
  return std::optional<ComplaintView>(ReadView(stmt));
}

base::Result<ComplaintSatisfaction> SqliteComplaintStore::AddSatisfaction(
    const ComplaintSatisfaction& satisfaction) {
  if (satisfaction.level < 1 || satisfaction.level > 5) {
    return base::InvalidArgument("'level' must be 1 (very satisfied) to 5 (very dissatisfied)");
  }
  OVS_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare("INSERT INTO complaint_satisfaction (case_id, level, comment, recorded_by, at_ms) "
                  "VALUES (?, ?, ?, ?, ?)"));
  insert.Bind(1, satisfaction.case_id)
      .Bind(2, std::int64_t{satisfaction.level})
      .Bind(3, satisfaction.comment)
      .Bind(4, satisfaction.recorded_by)
      .Bind(5, base::ToUnixMillis(satisfaction.at));
  OVS_RETURN_IF_ERROR(insert.Run());
  ComplaintSatisfaction stored = satisfaction;
  stored.id = db_.LastInsertRowid();
  return stored;
}

}  // namespace oversight::store::sqlite
