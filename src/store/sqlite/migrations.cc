#include "store/sqlite/migrations.h"

#include <array>
#include <string>

#include "store/sqlite/db.h"

namespace oversight::store::sqlite {
namespace {

// Append new migrations at the end; never edit one that has shipped.
constexpr std::array<const char*, 3> kMigrations = {
    // 1: reference data, sources, cases, the append-only hash-chained events
    //    with their case/dedupe index, and the quarantine.
    R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE departments (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  parent_code     TEXT NOT NULL DEFAULT '',
  region          TEXT NOT NULL DEFAULT '',
  auto_registered INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE items (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  dept_code        TEXT NOT NULL,
  category         TEXT NOT NULL DEFAULT '',
  statutory_amount INTEGER,
  statutory_unit   TEXT,
  promised_amount  INTEGER,
  promised_unit    TEXT,
  fee_fen          INTEGER,
  online_depth     INTEGER NOT NULL DEFAULT 0,
  auto_registered  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sources (
  name           TEXT PRIMARY KEY,
  zone           TEXT NOT NULL,
  mapping_yaml   TEXT NOT NULL DEFAULT '',
  events_stored  INTEGER NOT NULL DEFAULT 0,
  watermark_ms   INTEGER,
  last_ingest_ms INTEGER
);
CREATE TABLE cases (
  case_no     INTEGER PRIMARY KEY,
  case_id     TEXT NOT NULL UNIQUE,
  kind        INTEGER NOT NULL,
  item_code   TEXT NOT NULL,
  dept_code   TEXT NOT NULL,
  channel     INTEGER NOT NULL,
  source      TEXT NOT NULL,
  stage       INTEGER NOT NULL,
  first_ms    INTEGER NOT NULL,
  last_ms     INTEGER NOT NULL,
  event_count INTEGER NOT NULL
);
CREATE TABLE events (
  seq             INTEGER PRIMARY KEY,
  source          TEXT NOT NULL,
  source_event_id TEXT NOT NULL,
  case_no         INTEGER NOT NULL,
  case_id         TEXT NOT NULL,
  kind            INTEGER NOT NULL,
  type            INTEGER NOT NULL,
  step            TEXT NOT NULL,
  at_ms           INTEGER NOT NULL,
  dept_code       TEXT NOT NULL,
  item_code       TEXT NOT NULL,
  actor           TEXT NOT NULL,
  channel         INTEGER NOT NULL,
  attrs           TEXT NOT NULL,
  ingested_ms     INTEGER NOT NULL,
  hash            BLOB NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TABLE quarantine (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL,
  input         TEXT NOT NULL,
  line          INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  message       TEXT NOT NULL,
  original_text TEXT NOT NULL,
  fields_json   TEXT NOT NULL,
  received_ms   INTEGER NOT NULL,
  resolved      INTEGER NOT NULL DEFAULT 0,
  resolved_seq  INTEGER,
  fingerprint   TEXT NOT NULL,
  UNIQUE (source, fingerprint)
);
CREATE INDEX quarantine_open ON quarantine (resolved, source);
-- One index serves both the case timeline and idempotency: events of a case are
-- found by case_no, and a (case, source, source_event_id) seen before is a duplicate.
-- Keyed by case first, inserts land near each other (a case's events arrive close
-- in time), which keeps ingest fast where a key in random order would not.
CREATE UNIQUE INDEX events_by_case ON events (case_no, source, source_event_id);
)sql",
    // 2: alerts raised by the engine. One row per (rule, case, occurrence, level):
    //    raising again is a no-op; a withdrawn alert keeps its row, state and reason.
    R"sql(
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  rule_id         TEXT NOT NULL,
  rule_version    INTEGER NOT NULL,
  case_id         TEXT NOT NULL,
  occurrence      INTEGER NOT NULL,
  level           TEXT NOT NULL,
  state           TEXT NOT NULL,
  dept_code       TEXT NOT NULL,
  raised_ms       INTEGER NOT NULL,
  due_ms          INTEGER,
  reason          TEXT NOT NULL,
  withdrawn_ms    INTEGER,
  withdraw_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (rule_id, case_id, occurrence, level)
);
CREATE INDEX alerts_by_case ON alerts (case_id);
CREATE INDEX alerts_by_dept ON alerts (dept_code, raised_ms);
)sql",
    // 3: the approval history of rules (draft → pending approval → active → retired).
    //    Append-only: a rule version's status is its latest row.
    R"sql(
CREATE TABLE rule_status_history (
  id        INTEGER PRIMARY KEY,
  rule_id   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  status    TEXT NOT NULL,
  actor     TEXT NOT NULL,
  at_ms     INTEGER NOT NULL,
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rule_status_by_rule ON rule_status_history (rule_id, version, id);
CREATE TRIGGER rule_status_no_update BEFORE UPDATE ON rule_status_history
  BEGIN SELECT RAISE(ABORT, 'rule status history is append-only'); END;
CREATE TRIGGER rule_status_no_delete BEFORE DELETE ON rule_status_history
  BEGIN SELECT RAISE(ABORT, 'rule status history is append-only'); END;
)sql",
};

base::Result<int> CurrentVersion(Database& db) {
  OVS_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "applied_ms INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)))"));
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

base::Status Migrate(Database& db) {
  OVS_ASSIGN_OR_RETURN(int current, CurrentVersion(db));
  if (current > LatestSchemaVersion()) {
    return base::FailedPrecondition("store schema version " + std::to_string(current) +
                                    " is newer than this program knows (" +
                                    std::to_string(LatestSchemaVersion()) + "): upgrade oversight");
  }
  for (int version = current + 1; version <= LatestSchemaVersion(); ++version) {
    OVS_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    base::Status status = db.Exec(kMigrations[version - 1]);
    if (status.ok()) {
      status = db.Exec("INSERT INTO schema_migrations (version) VALUES (" +
                       std::to_string(version) + ")");
    }
    if (!status.ok()) {
      (void)db.Exec("ROLLBACK");
      return status.WithContext("migration " + std::to_string(version));
    }
    OVS_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  return base::Status::Ok();
}

}  // namespace oversight::store::sqlite
