// Spot checks in SQLite: draws, their samples and findings (append-only tables
// of the questionnaires-and-spot-checks migration), and the completed cases a
// draw or a batch of survey invitations chooses from.

#include "store/sqlite/internal/sqlite_spot_checks.h"

#include "base/strings.h"
#include "model/event_type.h"
#include "store/sqlite/internal/sqlite_alert_workflow.h"

namespace oversight::store::sqlite {
namespace {

void AddIn(SqlFilter& where, std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  std::string in = std::string(column) + " IN (";
  std::vector<SqlFilter::Value> bound;
  for (const std::string& v : values) {
    in += bound.empty() ? "?" : ", ?";
    bound.emplace_back(v);
  }
  where.Add(in + ")", std::move(bound));
}

constexpr const char* kCheckColumns =
    "SELECT k.id, k.period, k.from_ms, k.to_ms, k.seed, k.config, k.population, k.created_by, "
    "k.created_ms, k.note, "
    "(SELECT COUNT(*) FROM spot_check_samples s WHERE s.check_id = k.id), "
    "(SELECT COUNT(DISTINCT f.case_id) FROM spot_check_findings f WHERE f.check_id = k.id), "
    "(SELECT COUNT(*) FROM spot_check_findings f WHERE f.check_id = k.id AND f.outcome = 'problem' "
    "AND f.id = (SELECT MAX(g.id) FROM spot_check_findings g WHERE g.check_id = k.id AND "
    "g.case_id = f.case_id)) FROM spot_checks k";

SpotCheckRecord ReadCheck(const Statement& stmt) {
  SpotCheckRecord r;
  r.id = stmt.Int(0);
  r.period = stmt.Text(1);
  r.from = base::FromUnixMillis(stmt.Int(2));
  r.to = base::FromUnixMillis(stmt.Int(3));
  r.seed = stmt.Int(4);
  r.config_json = stmt.Text(5);
  r.population = stmt.Int(6);
  r.created_by = stmt.Text(7);
  r.created_at = base::FromUnixMillis(stmt.Int(8));
  r.note = stmt.Text(9);
  r.sample_size = stmt.Int(10);
  r.cases_checked = stmt.Int(11);
  r.problems = stmt.Int(12);
  return r;
}

constexpr const char* kFindingColumns =
    "SELECT f.id, f.check_id, f.case_id, f.dept_code, f.inspector, f.at_ms, f.outcome, f.category, "
    "f.text, f.confirmed, f.alert_id FROM spot_check_findings f";

FindingRecord ReadFinding(const Statement& stmt) {
  FindingRecord f;
  f.id = stmt.Int(0);
  f.check_id = stmt.Int(1);
  f.case_id = stmt.Text(2);
  f.dept_code = stmt.Text(3);
  f.inspector = stmt.Text(4);
  f.at = base::FromUnixMillis(stmt.Int(5));
  f.outcome = stmt.Text(6);
  f.category = stmt.Text(7);
  f.text = stmt.Text(8);
  f.confirmed = stmt.Int(9) != 0;
  if (!stmt.IsNull(10)) f.alert_id = stmt.Int(10);
  return f;
}

base::Result<std::optional<std::int64_t>> OptionalId(Statement& stmt) {
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row || stmt.IsNull(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(stmt.Int(0));
}

}  // namespace

base::Result<std::vector<CompletedCase>> QueryCompletedCases(Database& db,
                                                             const CompletedCaseQuery& q,
                                                             const std::string* not_invited_to) {
  if (q.to <= q.from) return base::InvalidArgument("the period is empty (to <= from)");
  SqlFilter where;
  where.Add("c.kind = ?", {std::int64_t(model::CaseKind::kApproval)});
  where.Add("e.type = ?", {std::int64_t(model::EventType::kComplete)});
  // A case completed in [from, to) has its last event at or after the completion
  // and its first before it: cheap bounds before the events are read.
  where.Add("c.last_ms >= ?", {base::ToUnixMillis(q.from)});
  where.Add("c.first_ms < ?", {base::ToUnixMillis(q.to)});
  AddIn(where, "c.item_code", q.items);
  AddIn(where, "c.dept_code", q.depts);
  if (not_invited_to) {
    where.Add(
        "NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.survey_id = ? AND "
        "i.case_id = c.case_id)",
        {*not_invited_to});
  }
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT c.case_id, c.dept_code, c.item_code, MIN(e.at_ms) AS done FROM cases c "
                 "JOIN events e ON e.case_no = c.case_no" +
                 where.Sql() +
                 " GROUP BY c.case_no HAVING done >= ? AND done < ? ORDER BY c.case_id"));
  int next = where.Bind(stmt);
  stmt.Bind(next, base::ToUnixMillis(q.from)).Bind(next + 1, base::ToUnixMillis(q.to));
  std::vector<CompletedCase> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), base::FromUnixMillis(stmt.Int(3))});
  }
  return out;
}

base::Result<std::vector<CompletedCase>> SqliteSpotChecks::CompletedCases(
    const CompletedCaseQuery& query) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  return QueryCompletedCases(db_, query, nullptr);
}

base::Result<std::int64_t> SqliteSpotChecks::SaveSpotCheck(const SpotCheckRecord& check,
                                                           std::span<const SampleRecord> sample) {
  if (base::Trim(check.created_by).empty()) return base::InvalidArgument("created_by is required");
  std::int64_t id = 0;
  OVS_RETURN_IF_ERROR(
      InTransaction(db_, [&]() -> base::Status {
        OVS_ASSIGN_OR_RETURN(
            Statement insert,
            db_.Prepare(
                "INSERT INTO spot_checks (period, from_ms, to_ms, seed, config, population, "
                "created_by, created_ms, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.Bind(1, check.period)
            .Bind(2, base::ToUnixMillis(check.from))
            .Bind(3, base::ToUnixMillis(check.to));
        insert.Bind(4, check.seed).Bind(5, check.config_json).Bind(6, check.population);
        insert.Bind(7, check.created_by)
            .Bind(8, base::ToUnixMillis(check.created_at))
            .Bind(9, check.note);
        OVS_RETURN_IF_ERROR(insert.Run());
        id = db_.LastInsertRowid();
        OVS_ASSIGN_OR_RETURN(
            Statement add,
            db_.Prepare("INSERT INTO spot_check_samples (check_id, case_id, dept_code, "
                        "item_code, reason) VALUES (?, ?, ?, ?, ?)"));
        for (const SampleRecord& s : sample) {
          add.Bind(1, id)
              .Bind(2, s.case_id)
              .Bind(3, s.dept_code)
              .Bind(4, s.item_code)
              .Bind(5, s.reason);
          OVS_RETURN_IF_ERROR(add.Run());
          add.Reset();
        }
        return base::Status::Ok();
      }).WithContext("save spot check"));
  return id;
}

base::Result<std::vector<SpotCheckRecord>> SqliteSpotChecks::Checks(std::optional<std::int64_t> id,
                                                                    std::int64_t limit) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string(kCheckColumns) +
                                   " WHERE (?1 IS NULL OR k.id = ?1) ORDER BY k.id DESC LIMIT ?2"));
  stmt.Bind(1, id).Bind(2, limit);
  std::vector<SpotCheckRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadCheck(stmt));
  }
  return out;
}

base::Result<std::vector<SpotCheckRecord>> SqliteSpotChecks::ListSpotChecks(std::int64_t limit) {
  if (limit < 1) return base::InvalidArgument("limit must be at least 1");
  return Checks(std::nullopt, limit);
}

base::Result<std::optional<SpotCheckRecord>> SqliteSpotChecks::FindSpotCheck(std::int64_t id) {
  OVS_ASSIGN_OR_RETURN(std::vector<SpotCheckRecord> found, Checks(id, 1));
  if (found.empty()) return std::optional<SpotCheckRecord>();
  return std::optional<SpotCheckRecord>(std::move(found.front()));
}

base::Result<std::vector<SampleRecord>> SqliteSpotChecks::SpotCheckSample(std::int64_t id,
                                                                          const Scope& scope) {
  SqlFilter where;
  where.Add("s.check_id = ?", {id});
  where.AddScope(scope, "s.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT s.case_id, s.dept_code, s.item_code, s.reason FROM "
                                   "spot_check_samples s" +
                                   where.Sql() + " ORDER BY s.dept_code, s.item_code, s.case_id"));
  where.Bind(stmt);
  std::vector<SampleRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3)});
  }
  return out;
}

base::Result<std::vector<FindingRecord>> SqliteSpotChecks::SpotCheckFindings(std::int64_t id,
                                                                             const Scope& scope) {
  SqlFilter where;
  where.Add("f.check_id = ?", {id});
  where.AddScope(scope, "f.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare(std::string(kFindingColumns) + where.Sql() + " ORDER BY f.id"));
  where.Bind(stmt);
  std::vector<FindingRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadFinding(stmt));
  }
  return out;
}

base::Result<RecordedFinding> SqliteSpotChecks::RecordFinding(
    const FindingRecord& finding, const std::optional<AlertRecord>& alert, const Scope& scope) {
  if (base::Trim(finding.inspector).empty()) return base::InvalidArgument("inspector is required");
  const std::string what = "spot check " + std::to_string(finding.check_id);
  SqlFilter where;
  where.Add("s.check_id = ?", {finding.check_id});
  where.Add("s.case_id = ?", {finding.case_id});
  where.AddScope(scope, "s.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement sampled,
                       db_.Prepare("SELECT s.dept_code FROM spot_check_samples s" + where.Sql()));
  where.Bind(sampled);
  OVS_ASSIGN_OR_RETURN(bool in_sample, sampled.Step());
  if (!in_sample) {
    return base::NotFound("case '" + finding.case_id + "' is not in the sample of " + what);
  }
  RecordedFinding recorded;
  recorded.finding = finding;
  recorded.finding.dept_code = sampled.Text(0);
  sampled.Reset();

  if (alert) {
    // One alert per draw and case: a later confirmed problem links to it.
    OVS_ASSIGN_OR_RETURN(
        Statement earlier,
        db_.Prepare("SELECT alert_id FROM spot_check_findings WHERE check_id = ? AND "
                    "case_id = ? AND alert_id IS NOT NULL ORDER BY id LIMIT 1"));
    earlier.Bind(1, finding.check_id).Bind(2, finding.case_id);
    OVS_ASSIGN_OR_RETURN(recorded.finding.alert_id, OptionalId(earlier));
    if (!recorded.finding.alert_id) {
      AlertRecord raise = *alert;
      raise.case_id = finding.case_id;
      raise.dept_code = recorded.finding.dept_code;
      OVS_ASSIGN_OR_RETURN(std::int64_t added,
                           raise_alerts_(std::span<const AlertRecord>(&raise, 1)));
      recorded.alert_raised = added > 0;
      OVS_ASSIGN_OR_RETURN(
          Statement key, db_.Prepare("SELECT id FROM alerts WHERE rule_id = ? AND case_id = ? AND "
                                     "occurrence = ? AND level = ?"));
      key.Bind(1, raise.rule_id)
          .Bind(2, raise.case_id)
          .Bind(3, raise.occurrence)
          .Bind(4, raise.level);
      OVS_ASSIGN_OR_RETURN(recorded.finding.alert_id, OptionalId(key));
      if (!recorded.finding.alert_id)
        return base::Internal("the alert of a finding was not stored");
    }
  }

  OVS_ASSIGN_OR_RETURN(
      Statement insert,
      db_.Prepare(
          "INSERT INTO spot_check_findings (check_id, case_id, dept_code, inspector, at_ms, "
          "outcome, category, text, confirmed, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const FindingRecord& f = recorded.finding;
  insert.Bind(1, f.check_id).Bind(2, f.case_id).Bind(3, f.dept_code).Bind(4, f.inspector);
  insert.Bind(5, base::ToUnixMillis(f.at)).Bind(6, f.outcome).Bind(7, f.category).Bind(8, f.text);
  insert.Bind(9, std::int64_t{f.confirmed}).Bind(10, f.alert_id);
  OVS_RETURN_IF_ERROR(insert.Run().WithContext("record finding"));
  recorded.finding.id = db_.LastInsertRowid();

  if (f.alert_id) {
    OVS_ASSIGN_OR_RETURN(Statement load,
                         db_.Prepare(std::string(kSelectAlerts) + " WHERE a.id = ?"));
    load.Bind(1, *f.alert_id);
    OVS_ASSIGN_OR_RETURN(bool row, load.Step());
    if (row) recorded.alert = ReadAlert(load);
  }
  return recorded;
}

}  // namespace oversight::store::sqlite
