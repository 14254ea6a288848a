// Questionnaires in SQLite: versions (append-only), the state of each
// questionnaire, invitations, responses and submissions (append-only), from the
// questionnaires-and-spot-checks migration. Statements are prepared per call:
// these run once per request.

#include "store/sqlite/internal/sqlite_surveys.h"

#include "base/strings.h"
#include "model/event_type.h"
#include "store/sqlite/internal/sqlite_alert_workflow.h"
#include "store/sqlite/internal/sqlite_spot_checks.h"

namespace oversight::store::sqlite {
namespace {

constexpr const char* kSurveyColumns =
    "SELECT s.id, s.state, s.created_by, s.created_ms, s.published_by, s.published_ms, "
    "s.closed_by, "
    "s.closed_ms, v.version, v.definition, v.opens_ms, v.closes_ms, v.created_by, v.created_ms "
    "FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = "
    "(SELECT MAX(w.version) FROM survey_versions w WHERE w.survey_id = s.id)";

std::optional<base::Instant> OptionalInstant(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return base::FromUnixMillis(stmt.Int(column));
}

SurveyVersionRecord ReadVersion(const Statement& stmt, int first, const std::string& survey_id) {
  SurveyVersionRecord v;
  v.survey_id = survey_id;
  v.version = stmt.Int(first);
  v.definition_json = stmt.Text(first + 1);
  v.opens_at = base::FromUnixMillis(stmt.Int(first + 2));
  v.closes_at = base::FromUnixMillis(stmt.Int(first + 3));
  v.created_by = stmt.Text(first + 4);
  v.created_at = base::FromUnixMillis(stmt.Int(first + 5));
  return v;
}

SurveyRecord ReadSurvey(const Statement& stmt) {
  SurveyRecord s;
  s.id = stmt.Text(0);
  s.state = stmt.Text(1);
  s.created_by = stmt.Text(2);
  s.created_at = base::FromUnixMillis(stmt.Int(3));
  s.published_by = stmt.Text(4);
  s.published_at = OptionalInstant(stmt, 5);
  s.closed_by = stmt.Text(6);
  s.closed_at = OptionalInstant(stmt, 7);
  s.current = ReadVersion(stmt, 8, s.id);
  return s;
}

InvitationRecord ReadInvitation(const Statement& stmt) {
  InvitationRecord i;
  i.id = stmt.Int(0);
  i.survey_id = stmt.Text(1);
  i.case_id = stmt.Text(2);
  i.dept_code = stmt.Text(3);
  i.item_code = stmt.Text(4);
  i.token_hash = stmt.Text(5);
  i.issued_by = stmt.Text(6);
  i.issued_at = base::FromUnixMillis(stmt.Int(7));
  return i;
}

}  // namespace

base::Status SqliteSurveys::InsertVersion(const SurveyVersionRecord& v) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO survey_versions (survey_id, version, definition, "
                  "opens_ms, closes_ms, created_by, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, v.survey_id).Bind(2, v.version).Bind(3, v.definition_json);
  stmt.Bind(4, base::ToUnixMillis(v.opens_at)).Bind(5, base::ToUnixMillis(v.closes_at));
  stmt.Bind(6, v.created_by).Bind(7, base::ToUnixMillis(v.created_at));
  return stmt.Run();
}

base::Status SqliteSurveys::CreateSurvey(const SurveyVersionRecord& first) {
  if (first.survey_id.empty()) return base::InvalidArgument("the questionnaire id is empty");
  if (base::Trim(first.created_by).empty()) return base::InvalidArgument("created_by is required");
  return InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(Statement exists, db_.Prepare("SELECT 1 FROM surveys WHERE id = ?"));
    exists.Bind(1, first.survey_id);
    OVS_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (found)
      return base::AlreadyExists("a questionnaire with id '" + first.survey_id + "' exists");
    OVS_ASSIGN_OR_RETURN(
        Statement insert,
        db_.Prepare("INSERT INTO surveys (id, state, created_by, created_ms) VALUES "
                    "(?, 'draft', ?, ?)"));
    insert.Bind(1, first.survey_id)
        .Bind(2, first.created_by)
        .Bind(3, base::ToUnixMillis(first.created_at));
    OVS_RETURN_IF_ERROR(insert.Run());
    SurveyVersionRecord v = first;
    v.version = 1;
    return InsertVersion(v);
  });
}

base::Result<std::int64_t> SqliteSurveys::AddSurveyVersion(const SurveyVersionRecord& next) {
  if (base::Trim(next.created_by).empty()) return base::InvalidArgument("created_by is required");
  std::int64_t version = 0;
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(
        Statement latest,
        db_.Prepare("SELECT MAX(version) FROM survey_versions WHERE survey_id = ?"));
    latest.Bind(1, next.survey_id);
    OVS_ASSIGN_OR_RETURN(bool row, latest.Step());
    if (!row || latest.IsNull(0))
      return base::NotFound("no questionnaire '" + next.survey_id + "'");
    version = latest.Int(0) + 1;
    SurveyVersionRecord v = next;
    v.version = version;
    return InsertVersion(v);
  }));
  return version;
}

base::Result<std::vector<SurveyRecord>> SqliteSurveys::Surveys(const std::string* id) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(std::string(kSurveyColumns) +
                  " WHERE (?1 IS NULL OR s.id = ?1) ORDER BY s.created_ms DESC, s.id"));
  if (id) {
    stmt.Bind(1, *id);
  } else {
    stmt.BindNull(1);
  }
  std::vector<SurveyRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadSurvey(stmt));
  }
  return out;
}

base::Result<std::optional<SurveyRecord>> SqliteSurveys::FindSurvey(const std::string& id) {
  OVS_ASSIGN_OR_RETURN(std::vector<SurveyRecord> found, Surveys(&id));
  if (found.empty()) return std::optional<SurveyRecord>();
  return std::optional<SurveyRecord>(std::move(found.front()));
}

base::Result<std::vector<SurveyRecord>> SqliteSurveys::ListSurveys() { return Surveys(nullptr); }

base::Result<std::vector<SurveyVersionRecord>> SqliteSurveys::SurveyVersions(
    const std::string& id) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT version, definition, opens_ms, closes_ms, created_by, "
                  "created_ms FROM survey_versions WHERE survey_id = ? ORDER BY version"));
  stmt.Bind(1, id);
  std::vector<SurveyVersionRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadVersion(stmt, 0, id));
  }
  return out;
}

base::Result<SurveyRecord> SqliteSurveys::SetSurveyState(const std::string& id,
                                                         const std::string& from,
                                                         const std::string& to,
                                                         const std::string& by, base::Instant at) {
  if (base::Trim(by).empty()) return base::InvalidArgument("the actor is required");
  std::string sql;
  if (to == "published") {
    sql =
        "UPDATE surveys SET state = ?, published_by = ?, published_ms = ? WHERE id = ? AND state = "
        "?";
  } else if (to == "closed") {
    sql = "UPDATE surveys SET state = ?, closed_by = ?, closed_ms = ? WHERE id = ? AND state = ?";
  } else {
    return base::InvalidArgument("a questionnaire cannot be moved to state '" + to + "'");
  }
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(sql));
  stmt.Bind(1, to).Bind(2, by).Bind(3, base::ToUnixMillis(at)).Bind(4, id).Bind(5, from);
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("questionnaire " + id));
  const bool changed = db_.Changes() > 0;
  OVS_ASSIGN_OR_RETURN(std::optional<SurveyRecord> now, FindSurvey(id));
  if (!now) return base::NotFound("no questionnaire '" + id + "'");
  if (!changed) {
    return base::FailedPrecondition("questionnaire '" + id + "' is " + now->state + ", not " +
                                    from);
  }
  return *now;
}

base::Result<std::vector<CompletedCase>> SqliteSurveys::InvitationCandidates(
    const std::string& survey_id, const CompletedCaseQuery& query) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  return QueryCompletedCases(db_, query, &survey_id);
}

base::Status SqliteSurveys::AddInvitations(std::span<const InvitationRecord> invitations) {
  if (invitations.empty()) return base::Status::Ok();
  return InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(
        Statement exists,
        db_.Prepare("SELECT 1 FROM survey_invitations WHERE survey_id = ? AND case_id = ?"));
    OVS_ASSIGN_OR_RETURN(
        Statement insert,
        db_.Prepare("INSERT INTO survey_invitations (survey_id, case_id, dept_code, "
                    "item_code, token_hash, issued_by, issued_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const InvitationRecord& i : invitations) {
      exists.Bind(1, i.survey_id).Bind(2, i.case_id);
      OVS_ASSIGN_OR_RETURN(bool found, exists.Step());
      exists.Reset();
      if (found)
        return base::AlreadyExists("case '" + i.case_id + "' is already invited to '" +
                                   i.survey_id + "'");
      insert.Bind(1, i.survey_id).Bind(2, i.case_id).Bind(3, i.dept_code).Bind(4, i.item_code);
      insert.Bind(5, i.token_hash).Bind(6, i.issued_by).Bind(7, base::ToUnixMillis(i.issued_at));
      OVS_RETURN_IF_ERROR(insert.Run().WithContext("add invitation"));
      insert.Reset();
    }
    return base::Status::Ok();
  });
}

base::Result<std::optional<InvitationRecord>> SqliteSurveys::FindInvitation(
    const std::string& token_hash) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT id, survey_id, case_id, dept_code, item_code, token_hash, "
                  "issued_by, issued_ms FROM survey_invitations WHERE token_hash = ?"));
  stmt.Bind(1, token_hash);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<InvitationRecord>();
  return std::optional<InvitationRecord>(ReadInvitation(stmt));
}

base::Result<std::vector<SurveyDeptCount>> SqliteSurveys::CountInvitations(
    const std::string& survey_id, const Scope& scope) {
  SqlFilter where;
  where.Add("i.survey_id = ?", {survey_id});
  where.AddScope(scope, "i.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT i.dept_code, COUNT(*) FROM survey_invitations i" +
                                   where.Sql() + " GROUP BY i.dept_code ORDER BY i.dept_code"));
  where.Bind(stmt);
  std::vector<SurveyDeptCount> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Int(1)});
  }
  return out;
}

base::Result<std::optional<CompletedCase>> SqliteSurveys::FindCompletedCase(
    const std::string& case_id) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(
          "SELECT c.case_id, c.dept_code, c.item_code, MIN(e.at_ms) FROM cases c JOIN events e "
          "ON e.case_no = c.case_no WHERE c.case_id = ? AND c.kind = ? AND e.type = ? "
          "GROUP BY c.case_no"));
  stmt.Bind(1, case_id)
      .Bind(2, std::int64_t(model::CaseKind::kApproval))
      .Bind(3, std::int64_t(model::EventType::kComplete));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<CompletedCase>();
  return std::optional<CompletedCase>(
      CompletedCase{stmt.Text(0), stmt.Text(1), stmt.Text(2), base::FromUnixMillis(stmt.Int(3))});
}

base::Result<bool> SqliteSurveys::HasResponse(const std::string& survey_id,
                                              const std::string& case_id) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT 1 FROM survey_responses WHERE survey_id = ? AND case_id = ?"));
  stmt.Bind(1, survey_id).Bind(2, case_id);
  return stmt.Step();
}

base::Result<std::int64_t> SqliteSurveys::AddResponse(const ResponseRecord& r) {
  std::int64_t id = 0;
  OVS_RETURN_IF_ERROR(
      InTransaction(db_, [&]() -> base::Status {
        OVS_ASSIGN_OR_RETURN(bool duplicate, HasResponse(r.survey_id, r.case_id));
        if (duplicate) {
          return base::AlreadyExists("case '" + r.case_id + "' has already answered '" +
                                     r.survey_id + "'");
        }
        OVS_ASSIGN_OR_RETURN(
            Statement insert,
            db_.Prepare(
                "INSERT INTO survey_responses (survey_id, version, case_id, dept_code, item_code, "
                "invitation_id, received_ms, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.Bind(1, r.survey_id).Bind(2, r.version).Bind(3, r.case_id).Bind(4, r.dept_code);
        insert.Bind(5, r.item_code)
            .Bind(6, r.invitation_id)
            .Bind(7, base::ToUnixMillis(r.received_at));
        insert.Bind(8, r.answers_json);
        OVS_RETURN_IF_ERROR(insert.Run());
        id = db_.LastInsertRowid();
        OVS_ASSIGN_OR_RETURN(
            Statement counted,
            db_.Prepare(
                "INSERT INTO survey_submissions (survey_id, version, received_ms, dept_code, "
                "outcome, field, response_id) VALUES (?, ?, ?, ?, 'valid', '', ?)"));
        counted.Bind(1, r.survey_id).Bind(2, r.version).Bind(3, base::ToUnixMillis(r.received_at));
        counted.Bind(4, r.dept_code).Bind(5, id);
        return counted.Run();
      }).WithContext("store response"));
  return id;
}

base::Status SqliteSurveys::AddRefusedSubmission(const SubmissionRecord& s) {
  if (s.outcome.empty() || s.outcome == "valid") {
    return base::InvalidArgument("a refused submission needs its refusal code");
  }
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO survey_submissions (survey_id, version, received_ms, "
                  "dept_code, outcome, field) VALUES (?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, s.survey_id).Bind(2, s.version).Bind(3, base::ToUnixMillis(s.received_at));
  stmt.Bind(4, s.dept_code).Bind(5, s.outcome).Bind(6, s.field);
  return stmt.Run().WithContext("count submission");
}

base::Result<std::vector<ResponseRecord>> SqliteSurveys::SurveyResponses(
    const std::string& survey_id, const Scope& scope) {
  SqlFilter where;
  where.Add("r.survey_id = ?", {survey_id});
  where.AddScope(scope, "r.dept_code");
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT r.id, r.survey_id, r.version, r.case_id, r.dept_code, "
                                   "r.item_code, r.invitation_id, r.received_ms, r.answers FROM "
                                   "survey_responses r" +
                                   where.Sql() + " ORDER BY r.id"));
  where.Bind(stmt);
  std::vector<ResponseRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ResponseRecord r;
    r.id = stmt.Int(0);
    r.survey_id = stmt.Text(1);
    r.version = stmt.Int(2);
    r.case_id = stmt.Text(3);
    r.dept_code = stmt.Text(4);
    r.item_code = stmt.Text(5);
    if (!stmt.IsNull(6)) r.invitation_id = stmt.Int(6);
    r.received_at = base::FromUnixMillis(stmt.Int(7));
    r.answers_json = stmt.Text(8);
    out.push_back(std::move(r));
  }
  return out;
}

base::Result<std::vector<SurveyOutcomeCount>> SqliteSurveys::CountSubmissions(
    const std::string& survey_id, const Scope& scope) {
  SqlFilter where;
  where.Add("s.survey_id = ?", {survey_id});
  where.AddScope(scope, "s.dept_code");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT s.dept_code, s.outcome, COUNT(*) FROM survey_submissions s" +
                  where.Sql() + " GROUP BY s.dept_code, s.outcome ORDER BY 1, 2"));
  where.Bind(stmt);
  std::vector<SurveyOutcomeCount> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Int(2)});
  }
  return out;
}

}  // namespace oversight::store::sqlite
