#pragma once

// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement. Only store/sqlite includes sqlite3.h. Statements are prepared once
// and reset between uses; every value is bound, never spliced into SQL.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace oversight::store::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT) unless
  // BindTextStatic is used, which requires the text to outlive the step.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindTextStatic(int index, std::string_view text);
  Statement& BindBlob(int index, const void* data, size_t size);
  Statement& BindNull(int index);
  Statement& Bind(int index, const std::optional<std::int64_t>& value);

  // Returns true when a row is available, false when done.
  base::Result<bool> Step();
  // Steps to completion, expecting no rows.
  base::Status Run();
  void Reset();

  std::int64_t Int(int column) const;
  bool IsNull(int column) const;
  std::string Text(int column) const;
  std::string_view TextView(int column) const;  // valid until the next Step/Reset
  std::string Blob(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  base::Status Open(const std::string& path);
  base::Status Exec(std::string_view sql);
  base::Result<Statement> Prepare(std::string_view sql);
  std::int64_t LastInsertRowid() const;
  int Changes() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Maps the connection's last error to a Status, with `what` as context.
base::Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace oversight::store::sqlite
