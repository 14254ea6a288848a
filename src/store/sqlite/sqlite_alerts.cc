// The alert part of the SQLite store: raised once per key, withdrawn with a reason
// (a step in the alert's thread, like every other transition).

#include "store/sqlite/internal/sqlite_alert_workflow.h"
#include "store/sqlite/internal/sqlite_store_impl.h"
#include "workflow/alert_workflow.h"

namespace oversight::store::sqlite {

base::Result<std::int64_t> SqliteStore::RaiseAlerts(std::span<const AlertRecord> alerts) {
  std::int64_t added = 0;
  if (alerts.empty()) return added;
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO alerts (rule_id, rule_version, case_id, occurrence, level, state, "
                  "dept_code, raised_ms, due_ms, reason, noticed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (rule_id, case_id, occurrence, level) DO NOTHING"));
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  for (const AlertRecord& a : alerts) {
    stmt.Bind(1, a.rule_id).Bind(2, a.rule_version).Bind(3, a.case_id).Bind(4, a.occurrence);
    stmt.Bind(5, a.level).Bind(6, a.state).Bind(7, a.dept_code).Bind(8, base::ToUnixMillis(a.raised_at));
    if (a.due) {
      stmt.Bind(9, base::ToUnixMillis(*a.due));
    } else {
      stmt.BindNull(9);
    }
    stmt.Bind(10, a.reason);
    if (a.noticed_at) {
      stmt.Bind(11, base::ToUnixMillis(*a.noticed_at));
    } else {
      stmt.BindNull(11);
    }
    base::Status status = stmt.Run();
    if (!status.ok()) {
      (void)db_.Exec("ROLLBACK");
      return status.WithContext("raise alerts");
    }
    added += db_.Changes();
  }
  OVS_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  return added;
}

base::Status SqliteStore::WithdrawAlert(std::int64_t id, base::Instant at, const std::string& reason) {
  return InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(Statement load, db_.Prepare("SELECT state FROM alerts WHERE id = ?"));
    load.Bind(1, id);
    OVS_ASSIGN_OR_RETURN(bool found, load.Step());
    if (!found) return base::Status::Ok();
    base::Result<workflow::AlertState> from = workflow::ParseAlertState(load.TextView(0));
    load.Reset();
    // The machine withdraws only what no person has settled: an alert under
    // accountability, closed or already withdrawn stays as it is.
    if (!from.ok() || !workflow::MayTake(workflow::Actor::kSystem, workflow::Action::kWithdraw,
                                         *from) ||
        !workflow::NextState(*from, workflow::Action::kWithdraw).ok()) {
      return base::Status::Ok();
    }
    OVS_ASSIGN_OR_RETURN(Statement update,
                         db_.Prepare("UPDATE alerts SET state = 'withdrawn', withdrawn_ms = ?, "
                                     "withdraw_reason = ? WHERE id = ?"));
    update.Bind(1, base::ToUnixMillis(at)).Bind(2, reason).Bind(3, id);
    OVS_RETURN_IF_ERROR(update.Run());
    AlertActionRecord step;
    step.alert_id = id;
    step.action = workflow::Action::kWithdraw;
    step.from_state = *from;
    step.to_state = workflow::AlertState::kWithdrawn;
    step.actor = "system";
    step.actor_role = std::string(workflow::ActorName(workflow::Actor::kSystem));
    step.at = at;
    step.text = reason;
    return AppendAlertAction(db_, step);
  });
}

base::Result<std::vector<AlertRecord>> SqliteStore::ListAlerts(const AlertFilter& filter) {
  // Only the filters given become conditions, so that a case filter (every case
  // re-derived from the store asks one) uses alerts_by_case instead of a scan.
  SqlFilter where;
  if (filter.case_id) where.Add("a.case_id = ?", {*filter.case_id});
  if (filter.rule_id) where.Add("a.rule_id = ?", {*filter.rule_id});
  if (filter.level) where.Add("a.level = ?", {*filter.level});
  if (filter.dept_code) where.Add("a.dept_code = ?", {*filter.dept_code});
  if (filter.state) where.Add("a.state = ?", {*filter.state});
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kSelectAlerts) + where.Sql() +
                                                   " ORDER BY a.raised_ms, a.id LIMIT ?"));
  stmt.Bind(where.Bind(stmt), filter.limit);
  std::vector<AlertRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadAlert(stmt));
  }
  return out;
}

base::Status SqliteStore::RecordRuleStatus(const RuleStatusRecord& r) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("INSERT INTO rule_status_history (rule_id, version, status, "
                                   "actor, at_ms, note) VALUES (?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, r.rule_id).Bind(2, r.version).Bind(3, r.status).Bind(4, r.actor);
  stmt.Bind(5, base::ToUnixMillis(r.at)).Bind(6, r.note);
  return stmt.Run();
}

base::Result<std::vector<RuleStatusRecord>> SqliteStore::RuleStatusHistory() {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT rule_id, version, status, actor, at_ms, note FROM "
                                   "rule_status_history ORDER BY id"));
  std::vector<RuleStatusRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Int(1), stmt.Text(2), stmt.Text(3),
                   base::FromUnixMillis(stmt.Int(4)), stmt.Text(5)});
  }
  return out;
}

}  // namespace oversight::store::sqlite
