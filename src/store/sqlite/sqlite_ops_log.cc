// The operations audit trail of the SQLite store: append with its own chain
// head, filtered reads, the chain walk and the JSON Lines export.

#include <algorithm>
#include <charconv>
#include <ostream>

#include "store/sqlite/internal/sqlite_ops_log.h"

namespace oversight::store::sqlite {
namespace {

constexpr const char* kOpsColumns =
    "seq, at_ms, actor, actor_role, action, object, result, detail, client, hash";

audit::OpsRecord ReadOpsRecord(const Statement& stmt) {
  audit::OpsRecord out;
  out.seq = stmt.Int(0);
  out.at = base::FromUnixMillis(stmt.Int(1));
  out.actor = stmt.Text(2);
  out.actor_role = stmt.Text(3);
  out.action = stmt.Text(4);
  out.object = stmt.Text(5);
  out.result = stmt.Text(6);
  out.detail = stmt.Text(7);
  out.client = stmt.Text(8);
  std::string hash = stmt.Blob(9);
  if (hash.size() == out.hash.size()) std::copy(hash.begin(), hash.end(), out.hash.begin());
  return out;
}

void BindOptionalInstant(Statement& stmt, int index, const std::optional<base::Instant>& at) {
  if (at) {
    stmt.Bind(index, base::ToUnixMillis(*at));
  } else {
    stmt.BindNull(index);
  }
}

void BindOptionalText(Statement& stmt, int index, const std::optional<std::string>& text) {
  if (text) {
    stmt.Bind(index, std::string_view(*text));
  } else {
    stmt.BindNull(index);
  }
}

base::Status CheckWindow(const std::optional<base::Instant>& from,
                         const std::optional<base::Instant>& to) {
  if (from && to && *from >= *to) {
    return base::InvalidArgument("from (" + base::FormatInstantUtc(*from) +
                                 ") must be before to (" + base::FormatInstantUtc(*to) + ")");
  }
  return base::Status::Ok();
}

// PRAGMA synchronous takes no bound values; these are its levels by number.
constexpr const char* kSynchronousPragma[] = {"PRAGMA synchronous=OFF", "PRAGMA synchronous=NORMAL",
                                              "PRAGMA synchronous=FULL",
                                              "PRAGMA synchronous=EXTRA"};

}  // namespace

base::Result<ChainHead> SqliteOpsLog::ReadHead() {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT (SELECT value FROM meta WHERE key = 'ops_head_seq'), "
                                   "(SELECT value FROM meta WHERE key = 'ops_head_hash')"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  ChainHead head;
  if (!row || stmt.IsNull(0)) return head;  // no record yet
  std::string seq_text = stmt.Text(0);
  auto [end, error] = std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), head.seq);
  if (error != std::errc() || end != seq_text.data() + seq_text.size() || head.seq < 0) {
    return base::DataLoss("operations chain head seq '" + seq_text + "' is not a number");
  }
  OVS_ASSIGN_OR_RETURN(head.hash, audit::DigestFromBytes(stmt.Blob(1)));
  return head;
}

base::Result<std::int64_t> SqliteOpsLog::Append(audit::OpsRecord record) {
  OVS_RETURN_IF_ERROR(ValidateOpsRecord(record));
  // An audit record must survive a power cut, not only a crash: sync this commit
  // fully (the store runs synchronous=NORMAL for ingest speed), then switch back.
  OVS_ASSIGN_OR_RETURN(Statement get_sync, db_.Prepare("PRAGMA synchronous"));
  OVS_ASSIGN_OR_RETURN(bool has_level, get_sync.Step());
  const std::int64_t level = has_level ? get_sync.Int(0) : 1;
  get_sync.Reset();
  const bool raise = level < 2;
  if (raise) OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA synchronous=FULL"));
  base::Status status = db_.Exec("BEGIN IMMEDIATE");
  if (status.ok()) {
    status = AppendInTransaction(record);
    if (status.ok()) status = db_.Exec("COMMIT");
    if (!status.ok()) (void)db_.Exec("ROLLBACK");
  }
  if (raise) {
    base::Status restored = db_.Exec(kSynchronousPragma[std::clamp<std::int64_t>(level, 0, 1)]);
    if (status.ok()) status = restored;
  }
  if (!status.ok()) return status.WithContext("append operation record");
  return record.seq;
}

base::Status SqliteOpsLog::AppendInTransaction(audit::OpsRecord& record) {
  OVS_ASSIGN_OR_RETURN(ChainHead head, ReadHead());
  record.seq = head.seq + 1;
  record.hash = audit::OpsLink(hasher_, head.hash, record.seq, record);
  OVS_ASSIGN_OR_RETURN(Statement insert,
                       db_.Prepare("INSERT INTO ops_log (seq, at_ms, actor, actor_role, action, "
                                   "object, result, detail, client, hash) VALUES (?, ?, ?, ?, ?, "
                                   "?, ?, ?, ?, ?)"));
  insert.Bind(1, record.seq)
      .Bind(2, base::ToUnixMillis(record.at))
      .Bind(3, std::string_view(record.actor))
      .Bind(4, std::string_view(record.actor_role))
      .Bind(5, std::string_view(record.action))
      .Bind(6, std::string_view(record.object))
      .Bind(7, std::string_view(record.result))
      .Bind(8, std::string_view(record.detail))
      .Bind(9, std::string_view(record.client))
      .BindBlob(10, record.hash.data(), record.hash.size());
  OVS_RETURN_IF_ERROR(insert.Run());
  OVS_ASSIGN_OR_RETURN(Statement put,
                       db_.Prepare("INSERT INTO meta (key, value) VALUES ('ops_head_seq', ?), "
                                   "('ops_head_hash', ?) ON CONFLICT (key) DO UPDATE SET value = "
                                   "excluded.value"));
  put.Bind(1, std::to_string(record.seq));
  put.BindBlob(2, record.hash.data(), record.hash.size());
  return put.Run();
}

base::Result<std::vector<audit::OpsRecord>> SqliteOpsLog::Query(const OpsQuery& query) {
  if (query.limit < 1 || query.limit > kOpsQueryMaxLimit) {
    return base::InvalidArgument("limit " + std::to_string(query.limit) + " is outside 1.." +
                                 std::to_string(kOpsQueryMaxLimit));
  }
  if (query.after_seq < 0) {
    return base::InvalidArgument("after_seq " + std::to_string(query.after_seq) +
                                 " is negative");
  }
  OVS_RETURN_IF_ERROR(CheckWindow(query.from, query.to));
  std::optional<std::string> prefix = query.action_prefix;
  if (prefix) {
    // "alert." and "alert" mean the same dotted prefix.
    while (!prefix->empty() && prefix->back() == '.') prefix->pop_back();
    if (prefix->empty()) return base::InvalidArgument("action prefix is empty");
  }
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(std::string("SELECT ") + kOpsColumns +
                  " FROM ops_log WHERE seq > ?1 AND (?2 IS NULL OR at_ms >= ?2) AND (?3 IS NULL "
                  "OR at_ms < ?3) AND (?4 IS NULL OR actor = ?4) AND (?5 IS NULL OR action = ?5 "
                  "OR substr(action, 1, length(?5) + 1) = ?5 || '.') AND (?6 IS NULL OR object = "
                  "?6) AND (?7 IS NULL OR result = ?7) ORDER BY seq LIMIT ?8"));
  stmt.Bind(1, query.after_seq);
  BindOptionalInstant(stmt, 2, query.from);
  BindOptionalInstant(stmt, 3, query.to);
  BindOptionalText(stmt, 4, query.actor);
  BindOptionalText(stmt, 5, prefix);
  BindOptionalText(stmt, 6, query.object);
  BindOptionalText(stmt, 7, query.result);
  stmt.Bind(8, query.limit);
  std::vector<audit::OpsRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadOpsRecord(stmt));
  }
  return out;
}

base::Result<ChainReport> SqliteOpsLog::Verify() {
  ChainReport report;
  report.algorithm = std::string(audit::HashAlgorithmName(algorithm_));
  auto fail = [&](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.broken_seq = seq;
    report.problem = std::move(problem);
  };
  audit::Digest previous{};
  std::int64_t expected_seq = 1;
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kOpsColumns +
                                                   " FROM ops_log ORDER BY seq"));
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    audit::OpsRecord record = ReadOpsRecord(stmt);
    if (record.seq != expected_seq) {
      fail(expected_seq, "operation record " + std::to_string(expected_seq) +
                             " is missing (the next stored record is " +
                             std::to_string(record.seq) + ")");
      break;
    }
    audit::Digest link = audit::OpsLink(hasher_, previous, record.seq, record);
    if (link != record.hash) {
      fail(record.seq, "operation record " + std::to_string(record.seq) + " (" + record.action +
                           " by " + record.actor +
                           ") does not match its chain hash: its content, position or a "
                           "previous link was changed");
      break;
    }
    previous = link;
    ++expected_seq;
    ++report.events_checked;
  }
  stmt.Reset();
  // The recorded head catches removal of the newest records, which leaves no gap.
  OVS_ASSIGN_OR_RETURN(ChainHead head, ReadHead());
  if (head.seq > 0) report.head_hash_hex = audit::ToHex(head.hash);
  if (!report.ok) return report;
  if (head.seq > report.events_checked) {
    fail(report.events_checked + 1,
         "the operations chain head records " + std::to_string(head.seq) + " records but " +
             std::to_string(report.events_checked) +
             " are stored: records at the end were removed");
  } else if (head.seq < report.events_checked) {
    fail(head.seq + 1, "the operations chain head records " + std::to_string(head.seq) +
                           " records but " + std::to_string(report.events_checked) +
                           " are stored: records were added behind the store's back");
  } else if (head.seq > 0 && head.hash != previous) {
    fail(head.seq, "the operations chain head hash does not match the last record");
  }
  return report;
}

base::Result<std::int64_t> SqliteOpsLog::Export(std::optional<base::Instant> from,
                                                std::optional<base::Instant> to,
                                                std::ostream& out) {
  OVS_RETURN_IF_ERROR(CheckWindow(from, to));
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string("SELECT ") + kOpsColumns +
                                   " FROM ops_log WHERE (?1 IS NULL OR at_ms >= ?1) AND (?2 IS "
                                   "NULL OR at_ms < ?2) ORDER BY seq"));
  BindOptionalInstant(stmt, 1, from);
  BindOptionalInstant(stmt, 2, to);
  OVS_ASSIGN_OR_RETURN(Statement link_of, db_.Prepare("SELECT hash FROM ops_log WHERE seq = ?"));
  std::int64_t written = 0;
  std::int64_t last_seq = 0;
  audit::Digest previous{};
  std::string line;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    audit::OpsRecord record = ReadOpsRecord(stmt);
    if (record.seq != last_seq + 1) {
      // The window skipped records: the link before this one is the stored one.
      previous = audit::Digest{};
      if (record.seq > 1) {
        link_of.Reset();
        link_of.Bind(1, record.seq - 1);
        OVS_ASSIGN_OR_RETURN(bool found, link_of.Step());
        std::string bytes = found ? link_of.Blob(0) : std::string();
        if (bytes.size() == previous.size()) {
          std::copy(bytes.begin(), bytes.end(), previous.begin());
        }
      }
    }
    line = audit::OpsRecordJson(record, &previous);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    if (!out) return base::Unavailable("writing the operations export failed");
    previous = record.hash;
    last_seq = record.seq;
    ++written;
  }
  out.flush();
  if (!out) return base::Unavailable("writing the operations export failed");
  return written;
}

base::Result<std::int64_t> SqliteOpsLog::Count() {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("SELECT COUNT(*) FROM ops_log"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : 0;
}

}  // namespace oversight::store::sqlite
