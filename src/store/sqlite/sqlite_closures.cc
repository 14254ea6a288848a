// Local closures (临时闭馆) recorded through the API; the calendar reads them
// back on top of the holiday files (supervisor/engine_setup.h).

#include "store/sqlite/internal/sqlite_store_impl.h"

namespace oversight::store::sqlite {

base::Status SqliteStore::AddClosure(const ClosureRecord& c) {
  const std::string date = base::FormatDate(c.date);
  {
    OVS_ASSIGN_OR_RETURN(Statement find,
                         db_.Prepare("SELECT name FROM calendar_closures WHERE date = ?"));
    find.Bind(1, date);
    OVS_ASSIGN_OR_RETURN(bool held, find.Step());
    if (held) return base::AlreadyExists(date + " already has a closure: " + find.Text(0));
  }
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("INSERT INTO calendar_closures (date, name, created_by, "
                                   "created_ms) VALUES (?, ?, ?, ?)"));
  stmt.Bind(1, date).Bind(2, c.name).Bind(3, c.created_by).Bind(4, base::ToUnixMillis(c.created_at));
  return stmt.Run();
}

base::Result<std::vector<ClosureRecord>> SqliteStore::ListClosures() {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT date, name, created_by, created_ms FROM "
                                   "calendar_closures ORDER BY date"));
  std::vector<ClosureRecord> out;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    base::Result<base::Date> date = base::ParseDate(stmt.Text(0));
    if (!date.ok()) return base::DataLoss("calendar_closures: bad date '" + stmt.Text(0) + "'");
    out.push_back({*date, stmt.Text(1), stmt.Text(2), base::FromUnixMillis(stmt.Int(3))});
  }
  return out;
}

}  // namespace oversight::store::sqlite
