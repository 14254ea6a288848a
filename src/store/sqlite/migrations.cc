#include "store/sqlite/migrations.h"

#include <array>
#include <string>

#include "store/sqlite/db.h"

namespace oversight::store::sqlite {
namespace {

// Append new migrations at the end; never edit one that has shipped.
constexpr const char* kMigrations[] = {
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
    // 4: identity: users (Argon2id hashes, lockout state), browser sessions and
    //    API tokens, both kept as the SHA-256 of their secret. Roles are text
    //    (auth::RoleName); names compare without regard to case.
    R"sql(
CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name         TEXT NOT NULL DEFAULT '',
  role                 TEXT NOT NULL,
  dept_code            TEXT NOT NULL DEFAULT '',
  password_hash        TEXT NOT NULL,
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until_ms      INTEGER,
  disabled             INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_ms           INTEGER NOT NULL,
  password_changed_ms  INTEGER NOT NULL
);
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL,
  csrf_token   TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL,
  dept_codes   TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  revoked_ms   INTEGER,
  last_used_ms INTEGER
);
)sql",
    // 5: the operations audit trail (操作日志): sign-ins, changes and unmasked reads,
    //    hash-chained apart from the events (head in meta: ops_head_seq, ops_head_hash).
    //    Append-only; the program never deletes a record (docs/AUDIT.md).
    R"sql(
CREATE TABLE ops_log (
  seq        INTEGER PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  actor_role TEXT NOT NULL DEFAULT '',
  action     TEXT NOT NULL,
  object     TEXT NOT NULL DEFAULT '',
  result     TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '',
  client     TEXT NOT NULL DEFAULT '',
  hash       BLOB NOT NULL
);
CREATE TRIGGER ops_log_no_update BEFORE UPDATE ON ops_log
  BEGIN SELECT RAISE(ABORT, 'the operations audit trail is append-only'); END;
CREATE TRIGGER ops_log_no_delete BEFORE DELETE ON ops_log
  BEGIN SELECT RAISE(ABORT, 'the operations audit trail is append-only'); END;
)sql",
    // 6: the alert workflow (DESIGN §7): every step people or the system take on an
    //    alert, append-only, read as the alert's thread; plus the indexes the
    //    escalation job and the department-scoped case search use.
    R"sql(
CREATE TABLE alert_actions (
  id            INTEGER PRIMARY KEY,
  alert_id      INTEGER NOT NULL,
  action        TEXT NOT NULL,
  from_state    TEXT NOT NULL,
  to_state      TEXT NOT NULL,
  actor         TEXT NOT NULL,
  actor_role    TEXT NOT NULL DEFAULT '',
  at_ms         INTEGER NOT NULL,
  text          TEXT NOT NULL DEFAULT '',
  response_kind TEXT NOT NULL DEFAULT '',
  findings      TEXT NOT NULL DEFAULT '',
  outcome       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alert_actions_by_alert ON alert_actions (alert_id, id);
CREATE TRIGGER alert_actions_no_update BEFORE UPDATE ON alert_actions
  BEGIN SELECT RAISE(ABORT, 'alert actions are append-only'); END;
CREATE TRIGGER alert_actions_no_delete BEFORE DELETE ON alert_actions
  BEGIN SELECT RAISE(ABORT, 'alert actions are append-only'); END;
CREATE INDEX alerts_by_state ON alerts (state, raised_ms);
CREATE INDEX cases_by_dept ON cases (dept_code, case_no);
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

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

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
