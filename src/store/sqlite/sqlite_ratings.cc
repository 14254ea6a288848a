// Ratings (好差评) in SQLite: every rating kept as given, its one appeal, and the
// figures over them. Levels are GB/T 39046 codes (1 best … 5 worst) and are
// summed and averaged as they are.

#include "store/sqlite/internal/sqlite_ratings.h"

#include "model/event_type.h"
#include "store/sqlite/internal/sqlite_alert_workflow.h"

namespace oversight::store::sqlite {
namespace {

constexpr std::int64_t kMaxPage = 500;

constexpr const char* kSelectRatings =
    "SELECT r.id, r.case_id, r.item_code, r.dept_code, r.level, r.channel, r.comment, r.rater, "
    "r.rated_ms, r.is_default, r.rectification_case, r.excluded_ms, r.excluded_reason, "
    "a.id, a.reason, a.filed_by, a.filed_ms, a.decision, a.decision_reason, a.decided_by, "
    "a.decided_ms FROM ratings r LEFT JOIN rating_appeals a ON a.rating_id = r.id";

RatingRecord ReadRating(const Statement& stmt) {
  RatingRecord r;
  r.id = stmt.Int(0);
  r.case_id = stmt.Text(1);
  r.item_code = stmt.Text(2);
  r.dept_code = stmt.Text(3);
  r.level = static_cast<int>(stmt.Int(4));
  r.channel = stmt.Text(5);
  r.comment = stmt.Text(6);
  r.rater = stmt.Text(7);
  r.rated_at = base::FromUnixMillis(stmt.Int(8));
  r.is_default = stmt.Int(9) != 0;
  r.rectification_case = stmt.Text(10);
  if (!stmt.IsNull(11)) r.excluded_at = base::FromUnixMillis(stmt.Int(11));
  r.excluded_reason = stmt.Text(12);
  if (!stmt.IsNull(13)) {
    RatingAppeal a;
    a.id = stmt.Int(13);
    a.rating_id = r.id;
    a.reason = stmt.Text(14);
    a.filed_by = stmt.Text(15);
    a.filed_at = base::FromUnixMillis(stmt.Int(16));
    a.decision = stmt.Text(17);
    a.decision_reason = stmt.Text(18);
    a.decided_by = stmt.Text(19);
    if (!stmt.IsNull(20)) a.decided_at = base::FromUnixMillis(stmt.Int(20));
    r.appeal = std::move(a);
  }
  return r;
}

base::Result<SqlFilter> RatingFilter(const RatingQuery& q, const Scope& scope) {
  SqlFilter where;
  if (q.case_id) where.Add("r.case_id = ?", {*q.case_id});
  if (q.dept_code) where.Add("r.dept_code = ?", {*q.dept_code});
  if (q.item_code) where.Add("r.item_code = ?", {*q.item_code});
  if (q.level) {
    if (*q.level < 1 || *q.level > kWorstLevel) return base::InvalidArgument("'level' must be 1..5");
    where.Add("r.level = ?", {std::int64_t{*q.level}});
  }
  if (q.bad_only) where.Add("r.level >= ?", {std::int64_t{kFirstBadLevel}});
  if (!q.include_excluded) where.Add("r.excluded_ms IS NULL");
  if (q.appeal) {
    if (*q.appeal == "pending") {
      where.Add("a.id IS NOT NULL AND a.decision = ''");
    } else if (*q.appeal == "upheld" || *q.appeal == "rejected") {
      where.Add("a.decision = ?", {*q.appeal});
    } else if (*q.appeal == "none") {
      where.Add("a.id IS NULL");
    } else {
      return base::InvalidArgument("'appeal' must be pending, upheld, rejected or none");
    }
  }
  if (q.from) where.Add("r.rated_ms >= ?", {base::ToUnixMillis(*q.from)});
  if (q.to) where.Add("r.rated_ms < ?", {base::ToUnixMillis(*q.to)});
  where.AddScope(scope, "r.dept_code");
  return where;
}

base::Result<std::optional<RatingRecord>> FindWhere(Database& db, SqlFilter& where) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(std::string(kSelectRatings) + where.Sql()));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<RatingRecord>();
  return std::optional<RatingRecord>(ReadRating(stmt));
}

}  // namespace

base::Result<RatingRecord> SqliteRatingStore::AddRating(const RatingRecord& rating) {
  if (rating.level < 1 || rating.level > kWorstLevel) {
    return base::InvalidArgument("'level' must be 1 (very satisfied) to 5 (very dissatisfied), got " +
                                 std::to_string(rating.level));
  }
  if (rating.dept_code.empty()) return base::InvalidArgument("'dept': the department is required");
  if (rating.channel.empty()) return base::InvalidArgument("'channel': the channel is required");
  RatingRecord stored = rating;
  stored.excluded_at.reset();
  stored.excluded_reason.clear();
  stored.appeal.reset();
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&]() -> base::Status {
    if (!stored.case_id.empty()) {
      OVS_ASSIGN_OR_RETURN(Statement held, db_.Prepare("SELECT id FROM ratings WHERE case_id = ?"));
      held.Bind(1, stored.case_id);
      OVS_ASSIGN_OR_RETURN(bool row, held.Step());
      if (row) {
        return base::AlreadyExists("'case_id': case " + stored.case_id +
                                   " has a rating already (rating " + std::to_string(held.Int(0)) + ")");
      }
    }
    // The id is chosen inside the write transaction so that the rectification
    // case id is written with the row (rows are never updated but to exclude).
    OVS_ASSIGN_OR_RETURN(Statement next, db_.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM ratings"));
    OVS_ASSIGN_OR_RETURN(bool row, next.Step());
    stored.id = row ? next.Int(0) : 1;
    stored.rectification_case =
        stored.level >= kFirstBadLevel ? std::string(kRatingCasePrefix) + std::to_string(stored.id) : "";
    OVS_ASSIGN_OR_RETURN(
        Statement insert,
        db_.Prepare("INSERT INTO ratings (id, case_id, item_code, dept_code, level, channel, comment, "
                    "rater, rated_ms, is_default, rectification_case) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?)"));
    insert.Bind(1, stored.id);
    if (stored.case_id.empty()) {
      insert.BindNull(2);
    } else {
      insert.Bind(2, stored.case_id);
    }
    insert.Bind(3, stored.item_code)
        .Bind(4, stored.dept_code)
        .Bind(5, std::int64_t{stored.level})
        .Bind(6, stored.channel)
        .Bind(7, stored.comment)
        .Bind(8, stored.rater)
        .Bind(9, base::ToUnixMillis(stored.rated_at))
        .Bind(10, std::int64_t{stored.is_default ? 1 : 0})
        .Bind(11, stored.rectification_case);
    return insert.Run();
  }));
  return stored;
}

base::Result<std::optional<RatingRecord>> SqliteRatingStore::FindRating(std::int64_t id,
                                                                        const Scope& scope) {
  SqlFilter where;
  where.Add("r.id = ?", {id}).AddScope(scope, "r.dept_code");
  return FindWhere(db_, where);
}

base::Result<std::optional<RatingRecord>> SqliteRatingStore::FindByRectificationCase(
    const std::string& case_id, const Scope& scope) {
  if (case_id.empty()) return std::optional<RatingRecord>();
  SqlFilter where;
  where.Add("r.rectification_case = ?", {case_id}).AddScope(scope, "r.dept_code");
  return FindWhere(db_, where);
}

base::Result<RatingPage> SqliteRatingStore::SearchRatings(const RatingQuery& q, const Scope& scope) {
  if (q.limit < 1) {
    return base::InvalidArgument("'limit' must be at least 1, got " + std::to_string(q.limit));
  }
  const std::int64_t limit = std::min(q.limit, kMaxPage);
  OVS_ASSIGN_OR_RETURN(SqlFilter where, RatingFilter(q, scope));
  if (q.after_id) where.Add("r.id < ?", {*q.after_id});
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string(kSelectRatings) + where.Sql() +
                                                   " ORDER BY r.id DESC LIMIT ?"));
  stmt.Bind(where.Bind(stmt), limit + 1);
  RatingPage page;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (static_cast<std::int64_t>(page.ratings.size()) == limit) {
      page.next_cursor = page.ratings.back().id;
      break;
    }
    page.ratings.push_back(ReadRating(stmt));
  }
  return page;
}

base::Result<RatingSummary> SqliteRatingStore::Summarise(const RatingQuery& q, const Scope& scope) {
  RatingQuery all = q;
  all.include_excluded = true;  // counted apart below
  OVS_ASSIGN_OR_RETURN(SqlFilter where, RatingFilter(all, scope));
  // Integer sums only: the average is computed once, below, from exact counts.
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT COALESCE(SUM(r.excluded_ms IS NULL), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level >= 4), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NOT NULL), 0), "
                  "COALESCE(SUM(CASE WHEN r.excluded_ms IS NULL THEN r.level ELSE 0 END), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level = 1), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level = 2), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level = 3), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level = 4), 0), "
                  "COALESCE(SUM(r.excluded_ms IS NULL AND r.level = 5), 0) "
                  "FROM ratings r LEFT JOIN rating_appeals a ON a.rating_id = r.id" + where.Sql()));
  where.Bind(stmt);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  RatingSummary s;
  if (!row) return s;
  s.count = stmt.Int(0);
  s.bad = stmt.Int(1);
  s.excluded = stmt.Int(2);
  const std::int64_t level_sum = stmt.Int(3);
  for (int i = 0; i < kWorstLevel; ++i) s.per_level[static_cast<std::size_t>(i)] = stmt.Int(4 + i);
  if (s.count > 0) s.average_level = static_cast<double>(level_sum) / static_cast<double>(s.count);
  return s;
}

base::Result<RatingAppeal> SqliteRatingStore::FileAppeal(const RatingAppeal& appeal,
                                                         const Scope& scope) {
  if (appeal.reason.empty()) return base::InvalidArgument("'reason' is required to appeal a rating");
  RatingAppeal stored = appeal;
  stored.decision.clear();
  stored.decision_reason.clear();
  stored.decided_by.clear();
  stored.decided_at.reset();
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(std::optional<RatingRecord> rating, FindRating(appeal.rating_id, scope));
    if (!rating) return base::NotFound("no rating " + std::to_string(appeal.rating_id) + " that you may see");
    if (rating->appeal) {
      return base::AlreadyExists("rating " + std::to_string(appeal.rating_id) +
                                 " has been appealed already (a rating has one appeal)");
    }
    OVS_ASSIGN_OR_RETURN(Statement insert,
                         db_.Prepare("INSERT INTO rating_appeals (rating_id, reason, filed_by, "
                                     "filed_ms) VALUES (?, ?, ?, ?)"));
    insert.Bind(1, appeal.rating_id)
        .Bind(2, appeal.reason)
        .Bind(3, appeal.filed_by)
        .Bind(4, base::ToUnixMillis(appeal.filed_at));
    OVS_RETURN_IF_ERROR(insert.Run());
    stored.id = db_.LastInsertRowid();
    return base::Status::Ok();
  }));
  return stored;
}

base::Result<RatingRecord> SqliteRatingStore::DecideAppeal(std::int64_t rating_id,
                                                           const RatingAppeal& decision) {
  if (decision.decision != "upheld" && decision.decision != "rejected") {
    return base::InvalidArgument("'decision' must be upheld or rejected");
  }
  if (decision.decision_reason.empty()) return base::InvalidArgument("'reason' is required to decide an appeal");
  OVS_RETURN_IF_ERROR(InTransaction(db_, [&]() -> base::Status {
    OVS_ASSIGN_OR_RETURN(std::optional<RatingRecord> rating, FindRating(rating_id, Scope::All()));
    if (!rating) return base::NotFound("no rating " + std::to_string(rating_id));
    if (!rating->appeal) return base::NotFound("rating " + std::to_string(rating_id) + " has no appeal");
    if (!rating->appeal->decision.empty()) {
      return base::FailedPrecondition("the appeal of rating " + std::to_string(rating_id) +
                                      " was decided already (" + rating->appeal->decision + ")");
    }
    const std::int64_t at = base::ToUnixMillis(decision.decided_at.value_or(base::Instant{}));
    OVS_ASSIGN_OR_RETURN(Statement decide,
                         db_.Prepare("UPDATE rating_appeals SET decision = ?, decision_reason = ?, "
                                     "decided_by = ?, decided_ms = ? WHERE id = ?"));
    decide.Bind(1, decision.decision)
        .Bind(2, decision.decision_reason)
        .Bind(3, decision.decided_by)
        .Bind(4, at)
        .Bind(5, rating->appeal->id);
    OVS_RETURN_IF_ERROR(decide.Run());
    if (decision.decision != "upheld") return base::Status::Ok();
    OVS_ASSIGN_OR_RETURN(Statement exclude, db_.Prepare("UPDATE ratings SET excluded_ms = ?, "
                                                        "excluded_reason = ? WHERE id = ?"));
    exclude.Bind(1, at).Bind(2, decision.decision_reason).Bind(3, rating_id);
    return exclude.Run();
  }));
  OVS_ASSIGN_OR_RETURN(std::optional<RatingRecord> updated, FindRating(rating_id, Scope::All()));
  if (!updated) return base::Internal("rating " + std::to_string(rating_id) + " vanished");
  return std::move(*updated);
}

base::Result<std::vector<UnratedCase>> SqliteRatingStore::UnratedCompletedCases(
    base::Instant completed_before, std::int64_t limit) {
  OVS_RETURN_IF_ERROR(flush_cases_());
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT c.case_id, c.dept_code, c.item_code, c.last_ms FROM cases c "
                  "WHERE c.kind = ? AND c.stage IN (?, ?) AND c.last_ms < ? AND NOT EXISTS "
                  "(SELECT 1 FROM ratings r WHERE r.case_id = c.case_id) "
                  "ORDER BY c.last_ms, c.case_no LIMIT ?"));
  stmt.Bind(1, static_cast<std::int64_t>(model::CaseKind::kApproval))
      .Bind(2, static_cast<std::int64_t>(model::EventType::kComplete))
      .Bind(3, static_cast<std::int64_t>(model::EventType::kDeliver))
      .Bind(4, base::ToUnixMillis(completed_before))
      .Bind(5, std::max<std::int64_t>(limit, 1));
  std::vector<UnratedCase> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), base::FromUnixMillis(stmt.Int(3))});
  }
  return out;
}

base::Status SqliteRatingStore::RecordProofFailure(const std::string& case_id, base::Instant at) {
  OVS_ASSIGN_OR_RETURN(Statement insert, db_.Prepare("INSERT INTO rating_proof_failures (case_id, "
                                                     "at_ms) VALUES (?, ?)"));
  insert.Bind(1, case_id).Bind(2, base::ToUnixMillis(at));
  return insert.Run();
}

base::Result<std::int64_t> SqliteRatingStore::CountProofFailures(const std::string& case_id,
                                                                 base::Instant since) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("SELECT COUNT(*) FROM rating_proof_failures "
                                                   "WHERE case_id = ? AND at_ms >= ?"));
  stmt.Bind(1, case_id).Bind(2, base::ToUnixMillis(since));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : 0;
}

}  // namespace oversight::store::sqlite
