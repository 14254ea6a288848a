// The dashboard's figures: a handful of grouped counts over the cases summary,
// the alerts and the ratings, each served by an index (migration "dashboard"),
// with the scope a condition of the SQL like every other scoped read.

#include <algorithm>
#include <string>

#include "store/sqlite/internal/sqlite_alert_workflow.h"
#include "store/sqlite/internal/sqlite_dashboard.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;

std::string TypeNumber(EventType type) { return std::to_string(static_cast<int>(type)); }

// The events whose types decide a case's progress, as an SQL list.
std::string ProgressTypes() {
  std::string out;
  for (EventType t : {EventType::kAccept, EventType::kRequestSupplement,
                      EventType::kSupplementReceived, EventType::kSuspend, EventType::kResume,
                      EventType::kComplete, EventType::kReject, EventType::kWithdraw}) {
    if (!out.empty()) out += ", ";
    out += TypeNumber(t);
  }
  return out;
}

const std::string kApproval = std::to_string(static_cast<int>(model::CaseKind::kApproval));
const std::string kComplaint = std::to_string(static_cast<int>(model::CaseKind::kComplaint));

int LevelRank(const std::string& level) {
  if (level == "notice") return 0;
  if (level == "yellow") return 1;
  if (level == "red") return 2;
  return 3;
}

base::Result<std::vector<StageCount>> StagesBetween(Database& db, base::Instant from,
                                                    base::Instant to, const Scope& scope) {
  SqlFilter where;
  where.Add("c.kind = " + kApproval)
      .Add("c.first_ms >= ?", {base::ToUnixMillis(from)})
      .Add("c.first_ms < ?", {base::ToUnixMillis(to)})
      .AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT c.stage, COUNT(*) FROM cases c" +
                                                  where.Sql() + " GROUP BY c.stage ORDER BY c.stage"));
  where.Bind(stmt);
  std::vector<StageCount> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({static_cast<EventType>(stmt.Int(0)), stmt.Int(1)});
  }
  return out;
}

base::Result<std::vector<OpenAlertCount>> OpenAlerts(Database& db, const Scope& scope) {
  SqlFilter where;
  where.Add("a.state IN ('open', 'responded', 'escalated', 'accountability')")
      .AddScope(scope, "a.dept_code");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT a.dept_code, COALESCE(d.name, ''), a.level, COUNT(*) FROM alerts a "
                 "LEFT JOIN departments d ON d.code = a.dept_code" +
                 where.Sql() + " GROUP BY a.dept_code, a.level"));
  where.Bind(stmt);
  std::vector<OpenAlertCount> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Int(3)});
  }
  std::sort(out.begin(), out.end(), [](const OpenAlertCount& a, const OpenAlertCount& b) {
    if (a.dept_code != b.dept_code) return a.dept_code < b.dept_code;
    return LevelRank(a.level) < LevelRank(b.level);
  });
  return out;
}

base::Result<std::vector<OnTimeMonth>> OnTime(Database& db, std::span<const base::Instant> bounds,
                                              const Scope& scope) {
  SqlFilter where;
  where.Add("c.kind = " + kApproval)
      .Add("c.concluded_ms >= ?", {std::int64_t{0}})
      .Add("c.concluded_ms < ?", {std::int64_t{0}})
      .Add("c.concluded_type = " + TypeNumber(EventType::kComplete))
      .Add("c.due_ms IS NOT NULL")
      .AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT COUNT(*), COALESCE(SUM(c.concluded_ms < c.due_ms), 0) "
                                  "FROM cases c" + where.Sql()));
  std::vector<OnTimeMonth> out;
  for (std::size_t m = 0; m + 1 < bounds.size(); ++m) {
    stmt.Reset();
    where.Bind(stmt);
    stmt.Bind(1, base::ToUnixMillis(bounds[m])).Bind(2, base::ToUnixMillis(bounds[m + 1]));
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    out.push_back(row ? OnTimeMonth{stmt.Int(0), stmt.Int(1)} : OnTimeMonth{});
  }
  return out;
}

base::Result<std::vector<OverdueItem>> TopOverdue(Database& db, base::Instant now, int limit,
                                                  const Scope& scope) {
  SqlFilter where;
  // The conditions of the partial index cases_open_due, spelled as it is.
  where.Add("c.concluded_ms IS NULL AND c.due_ms IS NOT NULL")
      .Add("c.due_ms <= ?", {base::ToUnixMillis(now)})
      .AddScope(scope, "c.dept_code");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT c.item_code, COALESCE(i.name, ''), COUNT(*) FROM cases c LEFT JOIN "
                 "items i ON i.code = c.item_code" +
                 where.Sql() + " GROUP BY c.item_code ORDER BY 3 DESC, 1 LIMIT ?"));
  stmt.Bind(where.Bind(stmt), std::int64_t{limit});
  std::vector<OverdueItem> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Int(2)});
  }
  return out;
}

base::Result<ComplaintSla> Complaints(Database& db, base::Instant from, base::Instant to,
                                      const Scope& scope) {
  SqlFilter where;
  where.Add("c.kind = " + kComplaint)
      .Add("c.first_ms >= ?", {base::ToUnixMillis(from)})
      .Add("c.first_ms < ?", {base::ToUnixMillis(to)})
      .AddScope(scope, "c.dept_code");
  // Per complaint: the first feedback (through the events' case index) and
  // whether a yellow or red card stands (through the alerts' case index).
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT COUNT(*), COALESCE(SUM(COALESCE(f.feedback_ms - f.first_ms, 86400000) "
                 "< 86400000), 0), COALESCE(SUM(f.stage <> " +
                 TypeNumber(EventType::kComplaintResolved) +
                 " AND f.carded), 0) FROM (SELECT c.first_ms, c.stage, (SELECT MIN(e.at_ms) FROM "
                 "events e WHERE e.case_no = c.case_no AND e.type = " +
                 TypeNumber(EventType::kComplaintFeedback) +
                 ") AS feedback_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.case_id = c.case_id "
                 "AND a.level IN ('yellow', 'red') AND a.state <> 'withdrawn') AS carded FROM "
                 "cases c" +
                 where.Sql() + ") f"));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return ComplaintSla{};
  return ComplaintSla{stmt.Int(0), stmt.Int(1), stmt.Int(2)};
}

base::Result<std::vector<RatingsMonth>> Ratings(Database& db, std::span<const base::Instant> bounds,
                                                const Scope& scope) {
  SqlFilter where;
  where.Add("r.rated_ms >= ?", {std::int64_t{0}})
      .Add("r.rated_ms < ?", {std::int64_t{0}})
      .Add("r.excluded_ms IS NULL")
      .AddScope(scope, "r.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT COUNT(*), COALESCE(SUM(r.level), 0) FROM ratings r" +
                                  where.Sql()));
  std::vector<RatingsMonth> out;
  for (std::size_t m = 0; m + 1 < bounds.size(); ++m) {
    stmt.Reset();
    where.Bind(stmt);
    stmt.Bind(1, base::ToUnixMillis(bounds[m])).Bind(2, base::ToUnixMillis(bounds[m + 1]));
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    RatingsMonth month;
    if (row && stmt.Int(0) > 0) {
      month.count = stmt.Int(0);
      month.average_level = static_cast<double>(stmt.Int(1)) / static_cast<double>(month.count);
    }
    out.push_back(month);
  }
  return out;
}

std::optional<std::int64_t> Millis(const std::optional<base::Instant>& at) {
  if (!at) return std::nullopt;
  return base::ToUnixMillis(*at);
}

}  // namespace

base::Result<DashboardFigures> SqliteDashboard::Figures(const DashboardQuery& q, const Scope& scope) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  DashboardFigures f;
  // One read transaction: every figure counts the same state of the store.
  OVS_RETURN_IF_ERROR(db_.Exec("BEGIN"));
  base::Status status = [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(f.cases_today, StagesBetween(db_, q.day_from, q.day_to, scope));
    OVS_ASSIGN_OR_RETURN(f.cases_month, StagesBetween(db_, q.month_from, q.month_to, scope));
    OVS_ASSIGN_OR_RETURN(f.alerts_open, OpenAlerts(db_, scope));
    OVS_ASSIGN_OR_RETURN(f.on_time, OnTime(db_, q.month_bounds, scope));
    OVS_ASSIGN_OR_RETURN(f.top_overdue_items, TopOverdue(db_, q.now, q.top_items, scope));
    OVS_ASSIGN_OR_RETURN(f.complaints, Complaints(db_, q.month_from, q.month_to, scope));
    OVS_ASSIGN_OR_RETURN(f.ratings, Ratings(db_, q.month_bounds, scope));
    return base::Status::Ok();
  }();
  (void)db_.Exec(status.ok() ? "COMMIT" : "ROLLBACK");
  OVS_RETURN_IF_ERROR(status.WithContext("dashboard"));
  return f;
}

base::Result<std::vector<ProgressInput>> SqliteDashboard::StaleProgress(std::int64_t limit) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT c.case_no, c.case_id, c.item_code, e.seq, e.type, e.at_ms FROM (SELECT "
                  "case_no, case_id, item_code FROM cases WHERE progress_stale = 1 ORDER BY "
                  "case_no LIMIT ?) c LEFT JOIN events e ON e.case_no = c.case_no AND e.type IN (" +
                  ProgressTypes() + ") ORDER BY c.case_no"));
  stmt.Bind(1, limit);
  std::vector<ProgressInput> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (out.empty() || out.back().case_no != stmt.Int(0)) {
      ProgressInput input;
      input.case_no = stmt.Int(0);
      input.case_id = stmt.Text(1);
      input.item_code = stmt.Text(2);
      out.push_back(std::move(input));
    }
    if (stmt.IsNull(3)) continue;  // no event of those types (yet)
    ProgressInput& input = out.back();
    model::Event e;
    e.case_id = input.case_id;
    e.item_code = input.item_code;
    e.type = static_cast<EventType>(stmt.Int(4));
    e.at = base::FromUnixMillis(stmt.Int(5));
    input.events.push_back(std::move(e));
    input.seqs.push_back(stmt.Int(3));
  }
  // Event-time order, ties by seq, as Store::ScanCases gives a case's events.
  for (ProgressInput& input : out) {
    std::vector<std::size_t> order(input.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (input.events[a].at != input.events[b].at) return input.events[a].at < input.events[b].at;
      return input.seqs[a] < input.seqs[b];
    });
    std::vector<model::Event> events;
    std::vector<std::int64_t> seqs;
    events.reserve(order.size());
    seqs.reserve(order.size());
    for (std::size_t i : order) {
      events.push_back(std::move(input.events[i]));
      seqs.push_back(input.seqs[i]);
    }
    input.events = std::move(events);
    input.seqs = std::move(seqs);
  }
  return out;
}

base::Status SqliteDashboard::SetProgress(std::span<const CaseProgress> progress) {
  if (progress.empty()) return base::Status::Ok();
  OVS_RETURN_IF_ERROR(flush_cases_());
  return InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(Statement stmt,
                         db_.Prepare("UPDATE cases SET concluded_ms = ?, concluded_type = ?, "
                                     "due_ms = ?, statutory_due_ms = ?, progress_stale = 0 "
                                     "WHERE case_no = ?"));
    for (const CaseProgress& p : progress) {
      stmt.Reset();
      stmt.Bind(1, Millis(p.concluded_at));
      stmt.Bind(2, p.concluded_by ? std::optional<std::int64_t>(static_cast<int>(*p.concluded_by))
                                  : std::nullopt);
      stmt.Bind(3, Millis(p.promised_due)).Bind(4, Millis(p.statutory_due)).Bind(5, p.case_no);
      OVS_RETURN_IF_ERROR(stmt.Run());
    }
    return base::Status::Ok();
  });
}

base::Status SqliteDashboard::MarkAllProgressStale() {
  OVS_RETURN_IF_ERROR(flush_cases_());
  return db_.Exec("UPDATE cases SET progress_stale = 1 WHERE kind = " + kApproval +
                  " AND progress_stale = 0");
}

base::Result<std::int64_t> SqliteDashboard::CountStaleProgress() {
  OVS_RETURN_IF_ERROR(flush_cases_());
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT COUNT(*) FROM cases WHERE progress_stale = 1"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : 0;
}

}  // namespace oversight::store::sqlite
