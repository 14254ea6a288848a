#include "store/sqlite/sqlite_store.h"

#include "store/sqlite/internal/sqlite_store_impl.h"
#include "store/sqlite/migrations.h"

namespace oversight::store::sqlite {
namespace {

std::optional<std::int64_t> OptionalInt(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return stmt.Int(column);
}

void BindLimit(Statement& stmt, int amount_index, const std::optional<model::TimeLimit>& limit) {
  if (limit) {
    stmt.Bind(amount_index, limit->amount).Bind(amount_index + 1, model::LimitUnitName(limit->unit));
  } else {
    stmt.BindNull(amount_index).BindNull(amount_index + 1);
  }
}

std::optional<model::TimeLimit> ReadLimit(const Statement& stmt, int amount_column) {
  if (stmt.IsNull(amount_column)) return std::nullopt;
  auto unit = model::ParseLimitUnit(stmt.TextView(amount_column + 1));
  return model::TimeLimit{stmt.Int(amount_column), unit.value_or(model::LimitUnit::kWorkingDays)};
}

}  // namespace

base::Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  auto store = std::make_unique<SqliteStore>();
  OVS_RETURN_IF_ERROR(store->Open(options).WithContext("store " + options.path));
  return std::unique_ptr<Store>(std::move(store));
}

base::Status SqliteStore::Open(const SqliteOptions& options) {
  OVS_RETURN_IF_ERROR(db_.Open(options.path));
  // WAL lets readers (the web app, audit verify) run beside the ingest writer;
  // synchronous=NORMAL in WAL mode keeps every committed batch across a process
  // crash and loses at most the last commits on power loss.
  OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA journal_mode=WAL"));
  OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA synchronous=NORMAL"));
  OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA cache_size=-65536"));
  OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA temp_store=MEMORY"));
  OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA journal_size_limit=67108864"));
  OVS_RETURN_IF_ERROR(Migrate(db_));
  identity_ = std::make_unique<SqliteIdentityStore>(db_);
  workflow_ = std::make_unique<SqliteAlertWorkflow>(db_, [this] { return Flush(); });
  surveys_ = std::make_unique<SqliteSurveys>(db_, [this] { return Flush(); });
  spot_checks_ = std::make_unique<SqliteSpotChecks>(
      db_, [this] { return Flush(); },
      [this](std::span<const AlertRecord> alerts) { return RaiseAlerts(alerts); });
  complaints_ = std::make_unique<SqliteComplaintStore>(db_, [this] { return Flush(); });
  ratings_ = std::make_unique<SqliteRatingStore>(db_, [this] { return Flush(); });
  dashboard_ = std::make_unique<SqliteDashboard>(db_, [this] { return Flush(); });
  // Checkpoint every 64 MiB of WAL rather than SQLite's 4 MiB, on another thread:
  // a page that many batches touch is copied once, and the writer never waits.
  checkpointer_ = std::make_unique<Checkpointer>(options.path, 16384);
  if (checkpointer_->running()) {
    checkpointer_->Attach(db_.handle());
  } else {
    OVS_RETURN_IF_ERROR(db_.Exec("PRAGMA wal_autocheckpoint=16384"));
  }
  OVS_RETURN_IF_ERROR(LoadChainHead(options));
  ops_log_ = std::make_unique<SqliteOpsLog>(db_, algorithm_);
  publications_ = std::make_unique<SqlitePublications>(db_);
  OVS_RETURN_IF_ERROR(PrepareEventStatements());
  return CatchUpCases();
}

base::Status SqliteStore::LoadChainHead(const SqliteOptions& options) {
  OVS_ASSIGN_OR_RETURN(Statement get, db_.Prepare("SELECT value FROM meta WHERE key = ?"));
  auto read = [&](std::string_view key) -> base::Result<std::optional<std::string>> {
    get.Reset();
    get.Bind(1, key);
    OVS_ASSIGN_OR_RETURN(bool row, get.Step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(get.Text(0));
  };
  OVS_ASSIGN_OR_RETURN(auto stored_algorithm, read("chain_algorithm"));
  if (!stored_algorithm) {
    algorithm_ = options.algorithm.value_or(audit::HashAlgorithm::kSm3);
    OVS_ASSIGN_OR_RETURN(Statement put,
                         db_.Prepare("INSERT INTO meta (key, value) VALUES (?, ?)"));
    put.Bind(1, "chain_algorithm").Bind(2, audit::HashAlgorithmName(algorithm_));
    OVS_RETURN_IF_ERROR(put.Run());
  } else {
    auto parsed = audit::ParseHashAlgorithm(*stored_algorithm);
    if (!parsed) return base::DataLoss("unknown chain algorithm '" + *stored_algorithm + "'");
    algorithm_ = *parsed;
    if (options.algorithm && *options.algorithm != algorithm_) {
      return base::FailedPrecondition(
          "store's hash chain uses " + *stored_algorithm + "; it cannot switch to " +
          std::string(audit::HashAlgorithmName(*options.algorithm)));
    }
  }
  hasher_ = std::make_unique<audit::ChainHasher>(algorithm_);
  OVS_ASSIGN_OR_RETURN(auto seq_text, read("chain_head_seq"));
  OVS_ASSIGN_OR_RETURN(auto hash_text, read("chain_head_hash"));
  OVS_ASSIGN_OR_RETURN(auto synced_text, read("cases_synced_seq"));
  if (seq_text && hash_text) {
    head_seq_ = std::stoll(*seq_text);
    OVS_ASSIGN_OR_RETURN(head_hash_, audit::DigestFromBytes(*hash_text));
  }
  if (synced_text) cases_synced_seq_ = std::stoll(*synced_text);
  return base::Status::Ok();
}

base::Status SqliteStore::UpsertDepartment(const model::Department& dept, bool auto_registered) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("INSERT INTO departments (code, name, parent_code, region, "
                                   "auto_registered) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) "
                                   "DO UPDATE SET name = excluded.name, parent_code = "
                                   "excluded.parent_code, region = excluded.region, "
                                   "auto_registered = excluded.auto_registered"));
  stmt.Bind(1, dept.code).Bind(2, dept.name).Bind(3, dept.parent_code).Bind(4, dept.region);
  stmt.Bind(5, std::int64_t{auto_registered});
  return stmt.Run();
}

base::Status SqliteStore::UpsertItem(const model::Item& item, bool auto_registered) {
  // New limits move the dues of the item's cases: mark their progress stale.
  OVS_ASSIGN_OR_RETURN(Statement old_limits,
                       db_.Prepare("SELECT statutory_amount, statutory_unit, promised_amount, "
                                   "promised_unit FROM items WHERE code = ?"));
  old_limits.Bind(1, item.code);
  OVS_ASSIGN_OR_RETURN(bool known, old_limits.Step());
  if (known && (ReadLimit(old_limits, 0) != item.statutory_limit ||
                ReadLimit(old_limits, 2) != item.promised_limit)) {
    OVS_ASSIGN_OR_RETURN(Statement mark,
                         db_.Prepare("UPDATE cases SET progress_stale = 1 WHERE item_code = ? "
                                     "AND kind = 0 AND progress_stale = 0"));
    mark.Bind(1, item.code);
    OVS_RETURN_IF_ERROR(mark.Run());
  }
  old_limits.Reset();
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO items (code, name, dept_code, category, statutory_amount, "
                  "statutory_unit, promised_amount, promised_unit, fee_fen, online_depth, "
                  "auto_registered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) "
                  "DO UPDATE SET name = excluded.name, dept_code = excluded.dept_code, category "
                  "= excluded.category, statutory_amount = excluded.statutory_amount, "
                  "statutory_unit = excluded.statutory_unit, promised_amount = "
                  "excluded.promised_amount, promised_unit = excluded.promised_unit, fee_fen = "
                  "excluded.fee_fen, online_depth = excluded.online_depth, auto_registered = "
                  "excluded.auto_registered"));
  stmt.Bind(1, item.code).Bind(2, item.name).Bind(3, item.dept_code).Bind(4, item.category);
  BindLimit(stmt, 5, item.statutory_limit);
  BindLimit(stmt, 7, item.promised_limit);
  stmt.Bind(9, item.fee_fen).Bind(10, std::int64_t{item.online_depth});
  stmt.Bind(11, std::int64_t{auto_registered});
  return stmt.Run();
}

base::Result<std::vector<model::Department>> SqliteStore::ListDepartments() {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("SELECT code, name, parent_code, region FROM "
                                                   "departments ORDER BY code"));
  std::vector<model::Department> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3)});
  }
  return out;
}

base::Result<std::vector<model::Item>> SqliteStore::ListItems() {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT code, name, dept_code, category, statutory_amount, "
                                   "statutory_unit, promised_amount, promised_unit, fee_fen, "
                                   "online_depth FROM items ORDER BY code"));
  std::vector<model::Item> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    model::Item item;
    item.code = stmt.Text(0);
    item.name = stmt.Text(1);
    item.dept_code = stmt.Text(2);
    item.category = stmt.Text(3);
    item.statutory_limit = ReadLimit(stmt, 4);
    item.promised_limit = ReadLimit(stmt, 6);
    item.fee_fen = OptionalInt(stmt, 8);
    item.online_depth = static_cast<int>(stmt.Int(9));
    out.push_back(std::move(item));
  }
  return out;
}

base::Result<std::optional<SourceInfo>> SqliteStore::FindSource(const std::string& name) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT name, zone, mapping_yaml, events_stored, watermark_ms, "
                                   "last_ingest_ms FROM sources WHERE name = ?"));
  stmt.Bind(1, name);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<SourceInfo>();
  SourceInfo info{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Int(3), std::nullopt,
                  std::nullopt};
  if (auto ms = OptionalInt(stmt, 4)) info.watermark = base::FromUnixMillis(*ms);
  if (auto ms = OptionalInt(stmt, 5)) info.last_ingest_at = base::FromUnixMillis(*ms);
  return std::optional<SourceInfo>(std::move(info));
}

base::Status SqliteStore::UpsertSource(const SourceInfo& source) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("INSERT INTO sources (name, zone, mapping_yaml) VALUES (?, ?, "
                                   "?) ON CONFLICT (name) DO UPDATE SET zone = excluded.zone, "
                                   "mapping_yaml = excluded.mapping_yaml"));
  stmt.Bind(1, source.name).Bind(2, source.zone).Bind(3, source.mapping_yaml);
  return stmt.Run();
}

base::Result<StoreStats> SqliteStore::Stats() {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT (SELECT COUNT(*) FROM departments), (SELECT COUNT(*) FROM items), "
                  "(SELECT COUNT(*) FROM cases), (SELECT COALESCE(MAX(seq), 0) FROM events), "
                  "(SELECT COUNT(*) FROM quarantine WHERE resolved = 0), "
                  "(SELECT COUNT(*) FROM alerts WHERE state = 'open')"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return base::Internal("stats query returned no row");
  return StoreStats{stmt.Int(0), stmt.Int(1), stmt.Int(2), stmt.Int(3), stmt.Int(4), stmt.Int(5)};
}

}  // namespace oversight::store::sqlite
