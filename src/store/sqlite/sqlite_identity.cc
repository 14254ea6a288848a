// Users, sessions and API tokens in SQLite (tables from the identity migration).
// Statements are prepared per call: these run once per request, not per event.

#include "store/sqlite/internal/sqlite_identity.h"

#include <string_view>

#include "base/strings.h"

namespace oversight::store::sqlite {
namespace {

constexpr const char* kUserColumns =
    "id, name, display_name, role, dept_code, password_hash, failed_attempts, locked_until_ms, "
    "disabled, must_change_password, created_ms, password_changed_ms";

constexpr const char* kTokenColumns =
    "id, name, hash, source, dept_codes, created_by, created_ms, revoked_ms, last_used_ms";

// Department codes of a token are kept as one comma-separated column: a token
// names a handful, and nothing queries by them.
constexpr char kCodeSeparator = ',';

std::optional<base::Instant> OptionalInstant(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return base::FromUnixMillis(stmt.Int(column));
}

std::optional<std::int64_t> OptionalMillis(const std::optional<base::Instant>& at) {
  if (!at) return std::nullopt;
  return base::ToUnixMillis(*at);
}

UserRecord ReadUser(const Statement& stmt) {
  UserRecord user;
  user.id = stmt.Int(0);
  user.name = stmt.Text(1);
  user.display_name = stmt.Text(2);
  user.role = stmt.Text(3);
  user.dept_code = stmt.Text(4);
  user.password_hash = stmt.Text(5);
  user.failed_attempts = stmt.Int(6);
  user.locked_until = OptionalInstant(stmt, 7);
  user.disabled = stmt.Int(8) != 0;
  user.must_change_password = stmt.Int(9) != 0;
  user.created_at = base::FromUnixMillis(stmt.Int(10));
  user.password_changed_at = base::FromUnixMillis(stmt.Int(11));
  return user;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) {
    if (!joined.empty()) joined += kCodeSeparator;
    joined += code;
  }
  return joined;
}

std::vector<std::string> SplitCodes(std::string_view joined) {
  std::vector<std::string> codes;
  if (joined.empty()) return codes;
  for (std::string_view code : base::Split(joined, kCodeSeparator)) codes.emplace_back(code);
  return codes;
}

TokenRecord ReadToken(const Statement& stmt) {
  TokenRecord token;
  token.id = stmt.Int(0);
  token.name = stmt.Text(1);
  token.hash = stmt.Text(2);
  token.source = stmt.Text(3);
  token.dept_codes = SplitCodes(stmt.TextView(4));
  token.created_by = stmt.Text(5);
  token.created_at = base::FromUnixMillis(stmt.Int(6));
  token.revoked_at = OptionalInstant(stmt, 7);
  token.last_used_at = OptionalInstant(stmt, 8);
  return token;
}

// Runs a query expected to return at most one user.
base::Result<std::optional<UserRecord>> OneUser(Statement& stmt) {
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(ReadUser(stmt));
}

}  // namespace

base::Result<std::int64_t> SqliteIdentityStore::AddUser(const UserRecord& user) {
  if (user.name.empty()) return base::InvalidArgument("user name is empty");
  OVS_ASSIGN_OR_RETURN(std::optional<UserRecord> existing, FindUserByName(user.name));
  if (existing) return base::AlreadyExists("a user named '" + user.name + "' exists");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO users (name, display_name, role, dept_code, password_hash, "
                  "failed_attempts, locked_until_ms, disabled, must_change_password, created_ms, "
                  "password_changed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, user.name).Bind(2, user.display_name).Bind(3, user.role).Bind(4, user.dept_code);
  stmt.Bind(5, user.password_hash)
      .Bind(6, user.failed_attempts)
      .Bind(7, OptionalMillis(user.locked_until));
  stmt.Bind(8, std::int64_t{user.disabled}).Bind(9, std::int64_t{user.must_change_password});
  stmt.Bind(10, base::ToUnixMillis(user.created_at))
      .Bind(11, base::ToUnixMillis(user.password_changed_at));
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("add user"));
  return db_.LastInsertRowid();
}

base::Result<std::optional<UserRecord>> SqliteIdentityStore::FindUserByName(
    const std::string& name) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kUserColumns +
                                                   " FROM users WHERE name = ?"));
  stmt.Bind(1, name);
  return OneUser(stmt);
}

base::Result<std::optional<UserRecord>> SqliteIdentityStore::FindUserById(std::int64_t id) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kUserColumns +
                                                   " FROM users WHERE id = ?"));
  stmt.Bind(1, id);
  return OneUser(stmt);
}

base::Result<std::vector<UserRecord>> SqliteIdentityStore::ListUsers() {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kUserColumns +
                                                   " FROM users ORDER BY id"));
  std::vector<UserRecord> users;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    users.push_back(ReadUser(stmt));
  }
  return users;
}

base::Status SqliteIdentityStore::UpdateUser(const UserRecord& user) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare(
          "UPDATE users SET display_name = ?, role = ?, dept_code = ?, password_hash = ?, "
          "failed_attempts = ?, locked_until_ms = ?, disabled = ?, must_change_password = ?, "
          "password_changed_ms = ? WHERE id = ?"));
  stmt.Bind(1, user.display_name)
      .Bind(2, user.role)
      .Bind(3, user.dept_code)
      .Bind(4, user.password_hash);
  stmt.Bind(5, user.failed_attempts).Bind(6, OptionalMillis(user.locked_until));
  stmt.Bind(7, std::int64_t{user.disabled}).Bind(8, std::int64_t{user.must_change_password});
  stmt.Bind(9, base::ToUnixMillis(user.password_changed_at)).Bind(10, user.id);
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("update user"));
  if (db_.Changes() == 0) return base::NotFound("no user with id " + std::to_string(user.id));
  return base::Status::Ok();
}

base::Result<std::int64_t> SqliteIdentityStore::CountUsers() {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("SELECT COUNT(*) FROM users"));
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : 0;
}

base::Status SqliteIdentityStore::CreateSession(const SessionRecord& session) {
  OVS_ASSIGN_OR_RETURN(std::optional<SessionRecord> existing, FindSession(session.id_hash));
  if (existing) return base::AlreadyExists("the session exists");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO sessions (id_hash, user_id, csrf_token, created_ms, last_seen_ms) "
                  "VALUES (?, ?, ?, ?, ?)"));
  stmt.Bind(1, session.id_hash).Bind(2, session.user_id).Bind(3, session.csrf_token);
  stmt.Bind(4, base::ToUnixMillis(session.created_at))
      .Bind(5, base::ToUnixMillis(session.last_seen_at));
  return stmt.Run().WithContext("create session");
}

base::Result<std::optional<SessionRecord>> SqliteIdentityStore::FindSession(
    const std::string& id_hash) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("SELECT id_hash, user_id, csrf_token, created_ms, last_seen_ms "
                                   "FROM sessions WHERE id_hash = ?"));
  stmt.Bind(1, id_hash);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(SessionRecord{stmt.Text(0), stmt.Int(1), stmt.Text(2),
                                                    base::FromUnixMillis(stmt.Int(3)),
                                                    base::FromUnixMillis(stmt.Int(4))});
}

base::Status SqliteIdentityStore::TouchSession(const std::string& id_hash, base::Instant at) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?"));
  stmt.Bind(1, base::ToUnixMillis(at)).Bind(2, id_hash);
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("touch session"));
  if (db_.Changes() == 0) return base::NotFound("no such session");
  return base::Status::Ok();
}

base::Status SqliteIdentityStore::DeleteSession(const std::string& id_hash) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("DELETE FROM sessions WHERE id_hash = ?"));
  stmt.Bind(1, id_hash);
  return stmt.Run().WithContext("delete session");
}

base::Result<std::int64_t> SqliteIdentityStore::DeleteSessionsOfUser(std::int64_t user_id) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare("DELETE FROM sessions WHERE user_id = ?"));
  stmt.Bind(1, user_id);
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("delete sessions"));
  return std::int64_t{db_.Changes()};
}

base::Result<std::int64_t> SqliteIdentityStore::DeleteExpiredSessions(
    base::Instant idle_before, base::Instant created_before) {
  OVS_ASSIGN_OR_RETURN(
      Statement stmt, db_.Prepare("DELETE FROM sessions WHERE last_seen_ms < ? OR created_ms < ?"));
  stmt.Bind(1, base::ToUnixMillis(idle_before)).Bind(2, base::ToUnixMillis(created_before));
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("delete expired sessions"));
  return std::int64_t{db_.Changes()};
}

base::Result<std::int64_t> SqliteIdentityStore::AddToken(const TokenRecord& token) {
  if (token.hash.empty()) return base::InvalidArgument("token hash is empty");
  for (const std::string& code : token.dept_codes) {
    if (code.empty() || code.find(kCodeSeparator) != std::string::npos) {
      return base::InvalidArgument("token department code '" + code +
                                   "' is empty or holds a comma");
    }
  }
  OVS_ASSIGN_OR_RETURN(std::optional<TokenRecord> existing, FindTokenByHash(token.hash));
  if (existing) return base::AlreadyExists("a token with this hash exists");
  OVS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO api_tokens (name, hash, source, dept_codes, created_by, created_ms, "
                  "revoked_ms, last_used_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, token.name)
      .Bind(2, token.hash)
      .Bind(3, token.source)
      .Bind(4, JoinCodes(token.dept_codes));
  stmt.Bind(5, token.created_by).Bind(6, base::ToUnixMillis(token.created_at));
  stmt.Bind(7, OptionalMillis(token.revoked_at)).Bind(8, OptionalMillis(token.last_used_at));
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("add token"));
  return db_.LastInsertRowid();
}

base::Result<std::optional<TokenRecord>> SqliteIdentityStore::FindTokenByHash(
    const std::string& hash) {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kTokenColumns +
                                                   " FROM api_tokens WHERE hash = ?"));
  stmt.Bind(1, hash);
  OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<TokenRecord>();
  return std::optional<TokenRecord>(ReadToken(stmt));
}

base::Result<std::vector<TokenRecord>> SqliteIdentityStore::ListTokens() {
  OVS_ASSIGN_OR_RETURN(Statement stmt, db_.Prepare(std::string("SELECT ") + kTokenColumns +
                                                   " FROM api_tokens ORDER BY id"));
  std::vector<TokenRecord> tokens;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    tokens.push_back(ReadToken(stmt));
  }
  return tokens;
}

base::Status SqliteIdentityStore::RevokeToken(std::int64_t id, base::Instant at) {
  OVS_ASSIGN_OR_RETURN(Statement find,
                       db_.Prepare("SELECT revoked_ms FROM api_tokens WHERE id = ?"));
  find.Bind(1, id);
  OVS_ASSIGN_OR_RETURN(bool row, find.Step());
  if (!row) return base::NotFound("no token with id " + std::to_string(id));
  if (!find.IsNull(0)) {
    return base::FailedPrecondition("token " + std::to_string(id) + " was revoked at " +
                                    base::FormatInstantUtc(base::FromUnixMillis(find.Int(0))));
  }
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("UPDATE api_tokens SET revoked_ms = ? WHERE id = ?"));
  stmt.Bind(1, base::ToUnixMillis(at)).Bind(2, id);
  return stmt.Run().WithContext("revoke token");
}

base::Status SqliteIdentityStore::TouchToken(std::int64_t id, base::Instant at) {
  OVS_ASSIGN_OR_RETURN(Statement stmt,
                       db_.Prepare("UPDATE api_tokens SET last_used_ms = ? WHERE id = ?"));
  stmt.Bind(1, base::ToUnixMillis(at)).Bind(2, id);
  OVS_RETURN_IF_ERROR(stmt.Run().WithContext("touch token"));
  if (db_.Changes() == 0) return base::NotFound("no token with id " + std::to_string(id));
  return base::Status::Ok();
}

}  // namespace oversight::store::sqlite
