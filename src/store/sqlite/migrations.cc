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
    // Published rankings: a period's scores frozen with their digest. Append-only; a
    // publication is replaced only by a later one that names it (supersedes, once).
    R"sql(
CREATE TABLE publications (
  id            INTEGER PRIMARY KEY,
  period        TEXT NOT NULL,
  model_id      TEXT NOT NULL,
  model_version INTEGER NOT NULL,
  snapshot      TEXT NOT NULL,
  digest        TEXT NOT NULL,
  algorithm     TEXT NOT NULL,
  published_ms  INTEGER NOT NULL,
  published_by  TEXT NOT NULL,
  supersedes    INTEGER UNIQUE REFERENCES publications (id),
  reason        TEXT NOT NULL DEFAULT '',
  ops_seq       INTEGER NOT NULL
);
CREATE INDEX publications_by_period ON publications (period, id);
CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
  BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;
CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
  BEGIN SELECT RAISE(ABORT, 'publications are immutable'); END;
)sql",
    // Complaints (投诉举报) and satisfaction ratings (好差评), docs/COMPLAINTS.md: the
    //    complaint register (the complainant in clear, which events carry masked),
    //    the complainants' satisfaction, every rating kept as given, the one appeal
    //    a rating may have, and the public rating route's failed proofs. Append-only
    //    but for two steps taken once: excluding a rating after an upheld appeal,
    //    and deciding an appeal.
    R"sql(
CREATE TABLE complaints (
  id                  INTEGER PRIMARY KEY,
  case_id             TEXT NOT NULL UNIQUE,
  channel             TEXT NOT NULL,
  dept_code           TEXT NOT NULL,
  item_code           TEXT NOT NULL DEFAULT '',
  about_case          TEXT NOT NULL DEFAULT '',
  category            TEXT NOT NULL DEFAULT '',
  content             TEXT NOT NULL DEFAULT '',
  complainant_name    TEXT NOT NULL DEFAULT '',
  complainant_contact TEXT NOT NULL DEFAULT '',
  lookup_hash         TEXT NOT NULL DEFAULT '',
  registered_by       TEXT NOT NULL,
  received_ms         INTEGER NOT NULL
);
CREATE TRIGGER complaints_no_update BEFORE UPDATE ON complaints
  BEGIN SELECT RAISE(ABORT, 'the complaint register is append-only'); END;
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
  BEGIN SELECT RAISE(ABORT, 'the complaint register is append-only'); END;
CREATE TABLE complaint_satisfaction (
  id          INTEGER PRIMARY KEY,
  case_id     TEXT NOT NULL,
  level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment     TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  at_ms       INTEGER NOT NULL
);
CREATE INDEX complaint_satisfaction_by_case ON complaint_satisfaction (case_id, id);
CREATE TRIGGER complaint_satisfaction_no_update BEFORE UPDATE ON complaint_satisfaction
  BEGIN SELECT RAISE(ABORT, 'satisfaction records are append-only'); END;
CREATE TRIGGER complaint_satisfaction_no_delete BEFORE DELETE ON complaint_satisfaction
  BEGIN SELECT RAISE(ABORT, 'satisfaction records are append-only'); END;
CREATE TABLE ratings (
  id                 INTEGER PRIMARY KEY,
  case_id            TEXT,
  item_code          TEXT NOT NULL DEFAULT '',
  dept_code          TEXT NOT NULL,
  level              INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  channel            TEXT NOT NULL,
  comment            TEXT NOT NULL DEFAULT '',
  rater              TEXT NOT NULL,
  rated_ms           INTEGER NOT NULL,
  is_default         INTEGER NOT NULL DEFAULT 0,
  rectification_case TEXT NOT NULL DEFAULT '',
  excluded_ms        INTEGER,
  excluded_reason    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ratings_one_per_case ON ratings (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX ratings_by_dept ON ratings (dept_code, id);
CREATE INDEX ratings_by_rectification ON ratings (rectification_case) WHERE rectification_case <> '';
CREATE TRIGGER ratings_exclude_once BEFORE UPDATE ON ratings
  WHEN OLD.excluded_ms IS NOT NULL OR NEW.excluded_ms IS NULL OR NEW.id IS NOT OLD.id
    OR NEW.case_id IS NOT OLD.case_id OR NEW.item_code IS NOT OLD.item_code
    OR NEW.dept_code IS NOT OLD.dept_code OR NEW.level IS NOT OLD.level
    OR NEW.channel IS NOT OLD.channel OR NEW.comment IS NOT OLD.comment
    OR NEW.rater IS NOT OLD.rater OR NEW.rated_ms IS NOT OLD.rated_ms
    OR NEW.is_default IS NOT OLD.is_default OR NEW.rectification_case IS NOT OLD.rectification_case
  BEGIN SELECT RAISE(ABORT, 'a rating is kept as given; it can only be excluded, once'); END;
CREATE TRIGGER ratings_no_delete BEFORE DELETE ON ratings
  BEGIN SELECT RAISE(ABORT, 'ratings are never deleted'); END;
CREATE TABLE rating_appeals (
  id              INTEGER PRIMARY KEY,
  rating_id       INTEGER NOT NULL UNIQUE,
  reason          TEXT NOT NULL,
  filed_by        TEXT NOT NULL,
  filed_ms        INTEGER NOT NULL,
  decision        TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  decided_by      TEXT NOT NULL DEFAULT '',
  decided_ms      INTEGER
);
CREATE TRIGGER rating_appeals_decide_once BEFORE UPDATE ON rating_appeals
  WHEN OLD.decision <> '' OR NEW.decision NOT IN ('upheld', 'rejected') OR NEW.id IS NOT OLD.id
    OR NEW.rating_id IS NOT OLD.rating_id OR NEW.reason IS NOT OLD.reason
    OR NEW.filed_by IS NOT OLD.filed_by OR NEW.filed_ms IS NOT OLD.filed_ms
  BEGIN SELECT RAISE(ABORT, 'an appeal is decided once and never changed'); END;
CREATE TRIGGER rating_appeals_no_delete BEFORE DELETE ON rating_appeals
  BEGIN SELECT RAISE(ABORT, 'appeals are never deleted'); END;
CREATE TABLE rating_proof_failures (
  case_id TEXT NOT NULL,
  at_ms   INTEGER NOT NULL
);
CREATE INDEX rating_proof_failures_by_case ON rating_proof_failures (case_id, at_ms);
CREATE INDEX cases_by_kind ON cases (kind, case_no);
)sql",
    // Questionnaires (调查问卷) and spot checks (线下抽查), docs/SURVEYS.md: each
    //    questionnaire's state and its versions (append-only: an edit is a new
    //    version), invitations (the SHA-256 of each token), responses (one per case
    //    and questionnaire) and every submission received, valid or refused (the
    //    valid response rate, 有效调查率); spot-check draws with their seed,
    //    configuration and sample, and the inspectors' findings. All append-only
    //    but a questionnaire's state, which only moves draft → published → closed.
    R"sql(
CREATE TABLE surveys (
  id           TEXT PRIMARY KEY,
  state        TEXT NOT NULL CHECK (state IN ('draft', 'published', 'closed')),
  created_by   TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  published_by TEXT NOT NULL DEFAULT '',
  published_ms INTEGER,
  closed_by    TEXT NOT NULL DEFAULT '',
  closed_ms    INTEGER
);
CREATE TRIGGER surveys_forward_only BEFORE UPDATE ON surveys
  WHEN NEW.id IS NOT OLD.id OR NEW.created_ms IS NOT OLD.created_ms OR NOT (
    (OLD.state = 'draft' AND NEW.state = 'published') OR
    (OLD.state = 'published' AND NEW.state = 'closed'))
  BEGIN SELECT RAISE(ABORT, 'a questionnaire only moves draft -> published -> closed'); END;
CREATE TRIGGER surveys_no_delete BEFORE DELETE ON surveys
  BEGIN SELECT RAISE(ABORT, 'questionnaires are kept'); END;
CREATE TABLE survey_versions (
  survey_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  definition TEXT NOT NULL,
  opens_ms   INTEGER NOT NULL,
  closes_ms  INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  PRIMARY KEY (survey_id, version)
);
CREATE TRIGGER survey_versions_no_update BEFORE UPDATE ON survey_versions
  BEGIN SELECT RAISE(ABORT, 'questionnaire versions are append-only'); END;
CREATE TRIGGER survey_versions_no_delete BEFORE DELETE ON survey_versions
  BEGIN SELECT RAISE(ABORT, 'questionnaire versions are append-only'); END;
CREATE TABLE survey_invitations (
  id         INTEGER PRIMARY KEY,
  survey_id  TEXT NOT NULL,
  case_id    TEXT NOT NULL,
  dept_code  TEXT NOT NULL,
  item_code  TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  issued_by  TEXT NOT NULL,
  issued_ms  INTEGER NOT NULL,
  UNIQUE (survey_id, case_id)
);
CREATE TRIGGER survey_invitations_no_update BEFORE UPDATE ON survey_invitations
  BEGIN SELECT RAISE(ABORT, 'survey invitations are append-only'); END;
CREATE TRIGGER survey_invitations_no_delete BEFORE DELETE ON survey_invitations
  BEGIN SELECT RAISE(ABORT, 'survey invitations are append-only'); END;
CREATE TABLE survey_responses (
  id            INTEGER PRIMARY KEY,
  survey_id     TEXT NOT NULL,
  version       INTEGER NOT NULL,
  case_id       TEXT NOT NULL,
  dept_code     TEXT NOT NULL,
  item_code     TEXT NOT NULL,
  invitation_id INTEGER,
  received_ms   INTEGER NOT NULL,
  answers       TEXT NOT NULL,
  UNIQUE (survey_id, case_id)
);
CREATE INDEX survey_responses_by_dept ON survey_responses (survey_id, dept_code);
CREATE TRIGGER survey_responses_no_update BEFORE UPDATE ON survey_responses
  BEGIN SELECT RAISE(ABORT, 'survey responses are append-only'); END;
CREATE TRIGGER survey_responses_no_delete BEFORE DELETE ON survey_responses
  BEGIN SELECT RAISE(ABORT, 'survey responses are append-only'); END;
CREATE TABLE survey_submissions (
  id          INTEGER PRIMARY KEY,
  survey_id   TEXT NOT NULL,
  version     INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  dept_code   TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL,
  field       TEXT NOT NULL DEFAULT '',
  response_id INTEGER
);
CREATE INDEX survey_submissions_by_survey ON survey_submissions (survey_id, dept_code);
CREATE TRIGGER survey_submissions_no_update BEFORE UPDATE ON survey_submissions
  BEGIN SELECT RAISE(ABORT, 'survey submissions are append-only'); END;
CREATE TRIGGER survey_submissions_no_delete BEFORE DELETE ON survey_submissions
  BEGIN SELECT RAISE(ABORT, 'survey submissions are append-only'); END;
CREATE TABLE spot_checks (
  id         INTEGER PRIMARY KEY,
  period     TEXT NOT NULL,
  from_ms    INTEGER NOT NULL,
  to_ms      INTEGER NOT NULL,
  seed       INTEGER NOT NULL,
  config     TEXT NOT NULL,
  population INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT ''
);
CREATE TABLE spot_check_samples (
  check_id  INTEGER NOT NULL,
  case_id   TEXT NOT NULL,
  dept_code TEXT NOT NULL,
  item_code TEXT NOT NULL,
  reason    TEXT NOT NULL,
  PRIMARY KEY (check_id, case_id)
);
CREATE TABLE spot_check_findings (
  id        INTEGER PRIMARY KEY,
  check_id  INTEGER NOT NULL,
  case_id   TEXT NOT NULL,
  dept_code TEXT NOT NULL,
  inspector TEXT NOT NULL,
  at_ms     INTEGER NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome IN ('conforms', 'problem')),
  category  TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL DEFAULT '',
  confirmed INTEGER NOT NULL DEFAULT 1,
  alert_id  INTEGER
);
CREATE INDEX spot_check_findings_by_case ON spot_check_findings (check_id, case_id, id);
CREATE TRIGGER spot_checks_no_update BEFORE UPDATE ON spot_checks
  BEGIN SELECT RAISE(ABORT, 'spot checks are append-only'); END;
CREATE TRIGGER spot_checks_no_delete BEFORE DELETE ON spot_checks
  BEGIN SELECT RAISE(ABORT, 'spot checks are append-only'); END;
CREATE TRIGGER spot_check_samples_no_update BEFORE UPDATE ON spot_check_samples
  BEGIN SELECT RAISE(ABORT, 'spot-check samples are append-only'); END;
CREATE TRIGGER spot_check_samples_no_delete BEFORE DELETE ON spot_check_samples
  BEGIN SELECT RAISE(ABORT, 'spot-check samples are append-only'); END;
CREATE TRIGGER spot_check_findings_no_update BEFORE UPDATE ON spot_check_findings
  BEGIN SELECT RAISE(ABORT, 'spot-check findings are append-only'); END;
CREATE TRIGGER spot_check_findings_no_delete BEFORE DELETE ON spot_check_findings
  BEGIN SELECT RAISE(ABORT, 'spot-check findings are append-only'); END;
)sql",
    // When each alert was stored on the judge's clock, where the escalation clock
    //    starts (workflow::OpenSince); null on older rows, which fall back to raised_ms.
    //    The escalation job's candidates by that start (EscalationCandidates).
    R"sql(
ALTER TABLE alerts ADD COLUMN noticed_ms INTEGER;
CREATE INDEX alerts_escalation ON alerts (max(raised_ms, coalesce(noticed_ms, raised_ms)))
  WHERE state = 'open' AND level <> 'notice';
)sql",
    // Local closures (临时闭馆) recorded through the API, counted by the calendar
    //    as rest days; one per date.
    R"sql(
CREATE TABLE calendar_closures (
  date       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms INTEGER NOT NULL
);
)sql",
    // The dashboard (store/dashboard_store.h): each approval case's progress — its
    //    conclusion and its promised and statutory dues — kept with the case summary
    //    and filled in from above (the dues need the calendar), with a mark on the
    //    cases whose progress an event or a catalog change made stale; every
    //    approval case starts stale. Indexes for the dashboard's counts, covering
    //    the columns they read, so a year's trend is counted from the index alone.
    R"sql(
ALTER TABLE cases ADD COLUMN concluded_ms INTEGER;
ALTER TABLE cases ADD COLUMN concluded_type INTEGER;
ALTER TABLE cases ADD COLUMN due_ms INTEGER;
ALTER TABLE cases ADD COLUMN statutory_due_ms INTEGER;
ALTER TABLE cases ADD COLUMN progress_stale INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET progress_stale = 1 WHERE kind = 0;
CREATE INDEX cases_progress_stale ON cases (case_no) WHERE progress_stale = 1;
CREATE INDEX cases_by_first ON cases (kind, first_ms, stage, dept_code);
CREATE INDEX cases_by_concluded ON cases (kind, concluded_ms, concluded_type, due_ms, dept_code);
CREATE INDEX cases_open_due ON cases (due_ms) WHERE concluded_ms IS NULL AND due_ms IS NOT NULL;
CREATE INDEX ratings_by_time ON ratings (rated_ms);
CREATE INDEX alerts_open_by_dept ON alerts (state, dept_code, level);
)sql",
    // 13: the alerts inbox lists newest first within a state, for the bureau or
    //     one department; without these, SQLite sorted every open alert (87 k
    //     in the demo city: 280 ms) to show the first page.
    R"sql(
CREATE INDEX alerts_inbox_by_state ON alerts (state, id);
CREATE INDEX alerts_inbox_by_dept ON alerts (dept_code, state, id);
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
