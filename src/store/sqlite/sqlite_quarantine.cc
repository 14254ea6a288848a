// The quarantine part of the SQLite store: rejected records, kept until fixed.

#include "store/sqlite/internal/sqlite_store_impl.h"

namespace oversight::store::sqlite {

base::Result<std::int64_t> SqliteStore::AddQuarantine(std::span<const QuarantineRecord> records) {
  std::int64_t added = 0;
  if (records.empty()) return added;
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("INSERT INTO quarantine (source, input, line, reason, message, "
                                   "original_text, fields_json, received_ms, fingerprint) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  audit::ChainHasher hasher(audit::HashAlgorithm::kSha256);
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  for (const QuarantineRecord& r : records) {
    stmt.Bind(1, r.source).Bind(2, r.input).Bind(3, r.line).Bind(4, r.reason).Bind(5, r.message);
    stmt.Bind(6, r.original_text).Bind(7, r.fields_json).Bind(8, base::ToUnixMillis(r.received_at));
    std::string fingerprint = std::to_string(r.line) + ":" + audit::ToHex(hasher.Plain(r.original_text));
    stmt.Bind(9, fingerprint);
    base::Status status = stmt.Run();
    if (!status.ok()) {
      (void)db_.Exec("ROLLBACK");
      return status.WithContext("quarantine");
    }
    added += db_.Changes();
  }
  OVS_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  return added;
}

base::Result<std::vector<QuarantineRecord>> SqliteStore::ListQuarantine(
    const QuarantineFilter& filter) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT id, source, input, line, reason, message, original_text, fields_json, "
                  "received_ms, resolved, COALESCE(resolved_seq, 0) FROM quarantine WHERE (? OR "
                  "resolved = 0) AND (? IS NULL OR source = ?) ORDER BY id LIMIT ?"));
  stmt.Bind(1, std::int64_t{filter.include_resolved});
  if (filter.source) {
    stmt.Bind(2, *filter.source).Bind(3, *filter.source);
  } else {
    stmt.BindNull(2).BindNull(3);
  }
  stmt.Bind(4, filter.limit);
  std::vector<QuarantineRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    QuarantineRecord r;
    r.id = stmt.Int(0);
    r.source = stmt.Text(1);
    r.input = stmt.Text(2);
    r.line = stmt.Int(3);
    r.reason = stmt.Text(4);
    r.message = stmt.Text(5);
    r.original_text = stmt.Text(6);
    r.fields_json = stmt.Text(7);
    r.received_at = base::FromUnixMillis(stmt.Int(8));
    r.resolved = stmt.Int(9) != 0;
    r.resolved_seq = stmt.Int(10);
    out.push_back(std::move(r));
  }
  return out;
}

base::Status SqliteStore::ResolveQuarantine(std::int64_t id, std::int64_t seq) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("UPDATE quarantine SET resolved = 1, resolved_seq = ? WHERE id "
                                   "= ?"));
  stmt.Bind(1, seq).Bind(2, id);
  return stmt.Run();
}

base::Status SqliteStore::UpdateQuarantineReason(std::int64_t id, const std::string& reason,
                                                 const std::string& message) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("UPDATE quarantine SET reason = ?, message = ? WHERE id = ?"));
  stmt.Bind(1, reason).Bind(2, message).Bind(3, id);
  return stmt.Run();
}

}  // namespace oversight::store::sqlite
