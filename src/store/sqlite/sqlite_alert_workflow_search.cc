// Department-scoped searches over alerts and cases (DESIGN §12): the scope is a
// condition of the SQL itself, every filter value is bound, and pages follow a
// cursor (the last row's key) rather than an offset, so a page never repeats or
// skips a row when new ones arrive between requests.

#include "store/sqlite/internal/sqlite_alert_workflow.h"

namespace oversight::store::sqlite {
namespace {

base::Result<std::int64_t> PageSize(std::int64_t limit) {
  if (limit < 1) {
    return base::InvalidArgument("limit must be at least 1, got " + std::to_string(limit));
  }
  return std::min(limit, kMaxPageSize);
}

void AddText(SqlFilter& where, std::string_view condition, const std::optional<std::string>& v) {
  if (v) where.Add(condition, {*v});
}

void AddTime(SqlFilter& where, std::string_view condition, const std::optional<base::Instant>& v) {
  if (v) where.Add(condition, {base::ToUnixMillis(*v)});
}

constexpr const char* kCaseColumns =
    "SELECT c.case_no, c.case_id, c.kind, c.item_code, c.dept_code, c.channel, c.source, "
    "c.stage, c.first_ms, c.last_ms, c.event_count FROM cases c";

model::Case ReadCase(const Statement& stmt) {
  model::Case c;
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
  return c;
}

SqlFilter CaseFilter(const CaseQuery& q, const Scope& scope) {
  SqlFilter where;
  AddText(where, "c.case_id = ?", q.case_id);
  if (q.case_id_prefix && !q.case_id_prefix->empty()) {
    // A range the case_id index can serve: byte 0xFF never occurs in UTF-8, so
    // every id that starts with the prefix sorts below prefix + 0xFF.
    where.Add("c.case_id >= ? AND c.case_id < ?",
              {*q.case_id_prefix, *q.case_id_prefix + "\xFF"});
  }
  AddText(where, "c.item_code = ?", q.item_code);
  AddText(where, "c.dept_code = ?", q.dept_code);
  if (q.stage) where.Add("c.stage = ?", {std::int64_t(*q.stage)});
  if (q.kind) where.Add("c.kind = ?", {std::int64_t(*q.kind)});
  if (q.channel) where.Add("c.channel = ?", {std::int64_t(*q.channel)});
  AddTime(where, "c.first_ms >= ?", q.first_from);
  AddTime(where, "c.first_ms < ?", q.first_to);
  AddTime(where, "c.last_ms >= ?", q.last_from);
  AddTime(where, "c.last_ms < ?", q.last_to);
  if (q.overdue_only) {
    where.Add("EXISTS (SELECT 1 FROM alerts r WHERE r.case_id = c.case_id AND r.level = 'red' "
              "AND r.state IN ('open', 'escalated'))");
  }
  if (q.after) where.Add("c.case_no > ?", {*q.after});
  where.AddScope(scope, "c.dept_code");
  return where;
}

}  // namespace

base::Result<AlertPage> SqliteAlertWorkflow::SearchAlerts(const AlertQuery& q,
                                                          const Scope& scope) {
  OVS_ASSIGN_OR_RETURN(std::int64_t limit, PageSize(q.limit));
  if (q.state) OVS_RETURN_IF_ERROR(workflow::ParseAlertState(*q.state).status());
  SqlFilter where;
  AddText(where, "a.case_id = ?", q.case_id);
  AddText(where, "a.rule_id = ?", q.rule_id);
  AddText(where, "a.level = ?", q.level);
  AddText(where, "a.state = ?", q.state);
  AddText(where, "a.dept_code = ?", q.dept_code);
  AddTime(where, "a.raised_ms >= ?", q.raised_from);
  AddTime(where, "a.raised_ms < ?", q.raised_to);
  if (q.after_id) where.Add("a.id < ?", {*q.after_id});
  where.AddScope(scope, "a.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(kSelectAlerts + where.Sql() + " ORDER BY a.id DESC LIMIT ?"));
  // One row more than the page says whether another page follows.
  stmt.Bind(where.Bind(stmt), limit + 1);
  AlertPage page;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (static_cast<std::int64_t>(page.alerts.size()) == limit) {
      page.next_cursor = page.alerts.back().id;
      break;
    }
    page.alerts.push_back(ReadAlert(stmt));
  }
  return page;
}

base::Result<CasePage> SqliteAlertWorkflow::SearchCases(const CaseQuery& q, const Scope& scope) {
  OVS_ASSIGN_OR_RETURN(std::int64_t limit, PageSize(q.limit));
  OVS_RETURN_IF_ERROR(flush_cases_());
  SqlFilter where = CaseFilter(q, scope);
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kCaseColumns) + where.Sql() +
                                                   " ORDER BY c.case_no LIMIT ?"));
  stmt.Bind(where.Bind(stmt), limit + 1);
  CasePage page;
  std::int64_t last_case_no = 0;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (static_cast<std::int64_t>(page.cases.size()) == limit) {
      page.next_cursor = last_case_no;
      break;
    }
    last_case_no = stmt.Int(0);
    page.cases.push_back(ReadCase(stmt));
  }
  return page;
}

base::Result<std::optional<model::Case>> SqliteAlertWorkflow::FindCaseScoped(
    const std::string& case_id, const Scope& scope) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  SqlFilter where;
  where.Add("c.case_id = ?", {case_id}).AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kCaseColumns) + where.Sql()));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<model::Case>();
  return std::optional<model::Case>(ReadCase(stmt));
}

base::Result<std::vector<AlertRecord>> SqliteAlertWorkflow::EscalationCandidates(
    base::Instant started_before) {
  // Through the partial index alerts_escalation (its conditions and expression
  // spelled as it spells them; named, as the planner would otherwise take the
  // state index): a store judged for the first time holds many open alerts, none
  // of which may escalate for days, and the job runs every few seconds.
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(std::string(kSelectAlerts) +
                  " INDEXED BY alerts_escalation WHERE a.state = 'open' AND "
                  "a.level <> 'notice' AND max(a.raised_ms, coalesce(a.noticed_ms, "
                  "a.raised_ms)) < ? ORDER BY a.raised_ms, a.id"));
  stmt.Bind(1, base::ToUnixMillis(started_before));
  std::vector<AlertRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadAlert(stmt));
  }
  return out;
}

base::Result<std::vector<AlertCount>> SqliteAlertWorkflow::CountAlerts(const Scope& scope) {
  SqlFilter where;
  where.AddScope(scope, "a.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT a.dept_code, a.level, a.state, COUNT(*) FROM alerts a" +
                                   where.Sql() +
                                   " GROUP BY a.dept_code, a.level, a.state ORDER BY 1, 2, 3"));
  where.Bind(stmt);
  std::vector<AlertCount> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Int(3)});
  }
  return out;
}

}  // namespace oversight::store::sqlite
