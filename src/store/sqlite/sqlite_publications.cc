#include "store/sqlite/internal/sqlite_publications.h"

namespace oversight::store::sqlite {
namespace {

constexpr const char* kColumns =
    "p.id, p.period, p.model_id, p.model_version, p.digest, p.algorithm, p.published_ms, "
    "p.published_by, p.supersedes, p.reason, p.ops_seq, "
    "(SELECT n.id FROM publications n WHERE n.supersedes = p.id)";

}  // namespace

base::Result<std::vector<PublicationRecord>> SqlitePublications::Select(
    const std::string& where, bool with_snapshot, const std::optional<std::string>& text_arg,
    std::optional<std::int64_t> int_arg) {
  std::string sql = std::string("SELECT ") + kColumns + (with_snapshot ? ", p.snapshot" : ", ''") +
                    " FROM publications p " + where + " ORDER BY p.id DESC";
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(sql));
  if (text_arg) stmt.Bind(1, *text_arg);
  if (int_arg) stmt.Bind(1, *int_arg);
  std::vector<PublicationRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    PublicationRecord r;
    r.id = stmt.Int(0);
    r.period = stmt.Text(1);
    r.model_id = stmt.Text(2);
    r.model_version = stmt.Int(3);
    r.digest = stmt.Text(4);
    r.algorithm = stmt.Text(5);
    r.published_at = base::FromUnixMillis(stmt.Int(6));
    r.published_by = stmt.Text(7);
    if (!stmt.IsNull(8)) r.supersedes = stmt.Int(8);
    r.reason = stmt.Text(9);
    r.ops_seq = stmt.Int(10);
    if (!stmt.IsNull(11)) r.superseded_by = stmt.Int(11);
    r.snapshot = stmt.Text(12);
    out.push_back(std::move(r));
  }
  return out;
}

base::Result<std::int64_t> SqlitePublications::AddPublication(const PublicationRecord& record) {
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  auto rollback = [&](base::Status status) {
    (void)db_.Exec("ROLLBACK");
    return status;
  };
  base::Result<std::optional<PublicationRecord>> current = CurrentPublication(record.period);
  if (!current.ok()) return rollback(current.status());
  if (*current && record.supersedes != (*current)->id) {
    return rollback(base::FailedPrecondition(
        "period " + record.period + " is already published (publication " +
        std::to_string((*current)->id) + "); a new publication must supersede it, with a reason"));
  }
  if (!*current && record.supersedes) {
    return rollback(base::FailedPrecondition("period " + record.period +
                                             " has no publication to supersede"));
  }
  if (record.supersedes && record.reason.empty()) {
    return rollback(base::InvalidArgument("reason: superseding a publication needs a reason"));
  }
  base::Result<Statement> stmt = db_.Prepare(
      "INSERT INTO publications (period, model_id, model_version, snapshot, digest, algorithm, "
      "published_ms, published_by, supersedes, reason, ops_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  if (!stmt.ok()) return rollback(stmt.status());
  stmt->Bind(1, record.period).Bind(2, record.model_id).Bind(3, record.model_version);
  stmt->Bind(4, record.snapshot).Bind(5, record.digest).Bind(6, record.algorithm);
  stmt->Bind(7, base::ToUnixMillis(record.published_at)).Bind(8, record.published_by);
  stmt->Bind(9, record.supersedes).Bind(10, record.reason).Bind(11, record.ops_seq);
  if (base::Status s = stmt->Run(); !s.ok()) return rollback(s);
  const std::int64_t id = db_.LastInsertRowid();
  OVS_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  return id;
}

base::Result<std::optional<PublicationRecord>> SqlitePublications::CurrentPublication(
    const std::string& period) {
  OVS_ASSIGN_OR_RETURN(
      std::vector<PublicationRecord> rows,
      Select("WHERE p.period = ? AND NOT EXISTS (SELECT 1 FROM publications n WHERE n.supersedes = p.id)",
             true, period, std::nullopt));
  if (rows.empty()) return std::optional<PublicationRecord>();
  return std::optional<PublicationRecord>(std::move(rows.front()));
}

base::Result<std::optional<PublicationRecord>> SqlitePublications::FindPublication(std::int64_t id) {
  OVS_ASSIGN_OR_RETURN(std::vector<PublicationRecord> rows,
                       Select("WHERE p.id = ?", true, std::nullopt, id));
  if (rows.empty()) return std::optional<PublicationRecord>();
  return std::optional<PublicationRecord>(std::move(rows.front()));
}

base::Result<std::vector<PublicationRecord>> SqlitePublications::ListPublications(
    const std::optional<std::string>& period) {
  if (period) return Select("WHERE p.period = ?", false, *period, std::nullopt);
  return Select("", false, std::nullopt, std::nullopt);
}

}  // namespace oversight::store::sqlite
