// The alert workflow in SQLite: actions on one alert and its thread. The
// searches are in sqlite_alert_workflow_search.cc.

#include "store/sqlite/internal/sqlite_alert_workflow.h"

#include "base/strings.h"

namespace oversight::store::sqlite {
namespace {

using workflow::AlertState;

base::Result<AlertState> ReadState(const Statement& stmt, int column) {
  base::Result<AlertState> state = workflow::ParseAlertState(stmt.TextView(column));
  if (!state.ok()) return base::DataLoss("stored alert " + state.status().message());
  return state;
}

base::Result<AlertActionRecord> ReadAction(const Statement& stmt) {
  AlertActionRecord r;
  r.id = stmt.Int(0);
  r.alert_id = stmt.Int(1);
  base::Result<workflow::Action> action = workflow::ParseAction(stmt.TextView(2));
  if (!action.ok()) return base::DataLoss("stored alert action: " + action.status().message());
  r.action = *action;
  OVS_ASSIGN_OR_RETURN(r.from_state, ReadState(stmt, 3));
  OVS_ASSIGN_OR_RETURN(r.to_state, ReadState(stmt, 4));
  r.actor = stmt.Text(5);
  r.actor_role = stmt.Text(6);
  r.at = base::FromUnixMillis(stmt.Int(7));
  r.text = stmt.Text(8);
  if (!stmt.TextView(9).empty()) {
    base::Result<workflow::ResponseKind> kind = workflow::ParseResponseKind(stmt.TextView(9));
    if (!kind.ok()) return base::DataLoss("stored alert action: " + kind.status().message());
    r.response_kind = *kind;
  }
  r.findings = stmt.Text(10);
  r.outcome = stmt.Text(11);
  return r;
}

workflow::ActionInput InputOf(const AlertActionRecord& action) {
  return {action.action, action.response_kind, action.text, action.findings, action.outcome};
}

std::string AlertName(std::int64_t id) { return "alert " + std::to_string(id); }

}  // namespace

// The last two columns are derived: the clock of an answer restarts at a rejected
// response, and a red card links to the yellow one before it (a yellow card to its
// notice) by level rank notice 0 < yellow 1 < red 2, through the alerts' unique key.
const char* const kSelectAlerts =
    "SELECT a.id, a.rule_id, a.rule_version, a.case_id, a.occurrence, a.level, a.state, "
    "a.dept_code, a.raised_ms, a.due_ms, a.reason, a.withdrawn_ms, a.withdraw_reason, "
    "(SELECT MAX(t.at_ms) FROM alert_actions t WHERE t.alert_id = a.id AND "
    "t.action = 'reject_response'), "
    "(SELECT p.id FROM alerts p WHERE p.rule_id = a.rule_id AND p.case_id = a.case_id AND "
    "p.occurrence = a.occurrence AND "
    "(CASE p.level WHEN 'yellow' THEN 1 WHEN 'red' THEN 2 ELSE 0 END) < "
    "(CASE a.level WHEN 'yellow' THEN 1 WHEN 'red' THEN 2 ELSE 0 END) "
    "ORDER BY (CASE p.level WHEN 'yellow' THEN 1 WHEN 'red' THEN 2 ELSE 0 END) DESC LIMIT 1), "
    "a.noticed_ms "
    "FROM alerts a";

AlertRecord ReadAlert(const Statement& stmt) {
  AlertRecord a;
  a.id = stmt.Int(0);
  a.rule_id = stmt.Text(1);
  a.rule_version = stmt.Int(2);
  a.case_id = stmt.Text(3);
  a.occurrence = stmt.Int(4);
  a.level = stmt.Text(5);
  a.state = stmt.Text(6);
  a.dept_code = stmt.Text(7);
  a.raised_at = base::FromUnixMillis(stmt.Int(8));
  if (!stmt.IsNull(9)) a.due = base::FromUnixMillis(stmt.Int(9));
  a.reason = stmt.Text(10);
  if (!stmt.IsNull(11)) a.withdrawn_at = base::FromUnixMillis(stmt.Int(11));
  a.withdraw_reason = stmt.Text(12);
  if (!stmt.IsNull(13)) a.reopened_at = base::FromUnixMillis(stmt.Int(13));
  if (!stmt.IsNull(14)) a.linked_alert_id = stmt.Int(14);
  if (!stmt.IsNull(15)) a.noticed_at = base::FromUnixMillis(stmt.Int(15));
  return a;
}

base::Status AppendAlertAction(Database& db, const AlertActionRecord& step) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO alert_actions (alert_id, action, from_state, to_state, actor, "
                 "actor_role, at_ms, text, response_kind, findings, outcome) VALUES (?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, step.alert_id)
      .Bind(2, workflow::ActionName(step.action))
      .Bind(3, workflow::AlertStateName(step.from_state))
      .Bind(4, workflow::AlertStateName(step.to_state))
      .Bind(5, step.actor)
      .Bind(6, step.actor_role)
      .Bind(7, base::ToUnixMillis(step.at))
      .Bind(8, step.text)
      .Bind(9, step.response_kind ? workflow::ResponseKindName(*step.response_kind) : "")
      .Bind(10, step.findings)
      .Bind(11, step.outcome);
  return stmt.Run();
}

base::Status InTransaction(Database& db, const std::function<base::Status()>& body) {
  OVS_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  base::Status status = body();
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) (void)db.Exec("ROLLBACK");
  return status;
}

SqlFilter& SqlFilter::Add(std::string_view condition, std::vector<Value> values) {
  conditions_.emplace_back(condition);
  for (Value& v : values) values_.push_back(std::move(v));
  return *this;
}

SqlFilter& SqlFilter::AddScope(const Scope& scope, std::string_view column) {
  if (scope.all()) return *this;
  if (scope.departments().empty()) return Add("0");
  std::string in = std::string(column) + " IN (";
  std::vector<Value> codes;
  for (const std::string& code : scope.departments()) {
    in += codes.empty() ? "?" : ", ?";
    codes.emplace_back(code);
  }
  return Add(in + ")", std::move(codes));
}

std::string SqlFilter::Sql() const {
  std::string sql;
  for (const std::string& condition : conditions_) {
    sql += (sql.empty() ? " WHERE " : " AND ") + condition;
  }
  return sql;
}

int SqlFilter::Bind(Statement& stmt) const {
  int index = 1;
  for (const Value& value : values_) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      stmt.Bind(index++, *number);
    } else {
      stmt.Bind(index++, std::string_view(std::get<std::string>(value)));
    }
  }
  return index;
}

base::Result<AlertRecord> SqliteAlertWorkflow::ApplyAction(std::int64_t alert_id,
                                                           const AlertActionRecord& action,
                                                           const Scope& scope) {
  if (base::Trim(action.actor).empty()) return base::InvalidArgument("actor is required");
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&] {
    return ApplyInTransaction(alert_id, action, scope);
  }).WithContext(AlertName(alert_id)));
  OVS_ASSIGN_OR_RETURN(std::optional<AlertRecord> updated, FindAlert(alert_id, Scope::All()));
  if (!updated) return base::Internal(AlertName(alert_id) + " vanished after an action");
  return std::move(*updated);
}

base::Status SqliteAlertWorkflow::ApplyInTransaction(std::int64_t alert_id,
                                                     const AlertActionRecord& action,
                                                     const Scope& scope) {
  SqlFilter where;
  where.Add("a.id = ?", {alert_id}).AddScope(scope, "a.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement load, db_.Prepare("SELECT a.state FROM alerts a" + where.Sql()));
  where.Bind(load);
  OVS_ASSIGN_OR_RETURN(bool found, load.Step());
  // Out of scope reads as missing: a department learns nothing of another's alerts.
  if (!found) return base::NotFound("no such alert");
  OVS_ASSIGN_OR_RETURN(AlertState from, ReadState(load, 0));
  load.Reset();
  if (action.expected_state && *action.expected_state != from) {
    return base::Status(base::StatusCode::kAborted,
                        "the alert is " + std::string(workflow::AlertStateName(from)) +
                            " now, not " +
                            std::string(workflow::AlertStateName(*action.expected_state)) +
                            ": someone acted on it first; reload it");
  }
  OVS_ASSIGN_OR_RETURN(AlertState to, workflow::Apply(from, InputOf(action)));
  OVS_ASSIGN_OR_RETURN(
      Statement update,
      db_.Prepare("UPDATE alerts SET state = ?1, withdrawn_ms = CASE WHEN ?1 = 'withdrawn' THEN "
                  "?2 ELSE withdrawn_ms END, withdraw_reason = CASE WHEN ?1 = 'withdrawn' THEN "
                  "?3 ELSE withdraw_reason END WHERE id = ?4"));
  update.Bind(1, workflow::AlertStateName(to))
      .Bind(2, base::ToUnixMillis(action.at))
      .Bind(3, action.text)
      .Bind(4, alert_id);
  OVS_RETURN_IF_ERROR(update.Run());
  AlertActionRecord step = action;
  step.alert_id = alert_id;
  step.from_state = from;
  step.to_state = to;
  return AppendAlertAction(db_, step);
}

base::Result<std::optional<AlertRecord>> SqliteAlertWorkflow::FindAlert(std::int64_t id,
                                                                        const Scope& scope) {
  SqlFilter where;
  where.Add("a.id = ?", {id}).AddScope(scope, "a.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(kSelectAlerts + where.Sql()));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<AlertRecord>();
  return std::optional<AlertRecord>(ReadAlert(stmt));
}

base::Result<std::vector<AlertActionRecord>> SqliteAlertWorkflow::AlertThread(
    std::int64_t alert_id, const Scope& scope) {
  OVS_ASSIGN_OR_RETURN(std::optional<AlertRecord> alert, FindAlert(alert_id, scope));
  if (!alert) return base::NotFound(AlertName(alert_id) + ": no such alert");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT id, alert_id, action, from_state, to_state, actor, actor_role, at_ms, "
                  "text, response_kind, findings, outcome FROM alert_actions WHERE alert_id = ? "
                  "ORDER BY id"));
  stmt.Bind(1, alert_id);
  std::vector<AlertActionRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    OVS_ASSIGN_OR_RETURN(AlertActionRecord step, ReadAction(stmt));
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace oversight::store::sqlite
