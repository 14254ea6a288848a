#pragma once

// The identity part of the SQLite store: users, sessions and API tokens in the
// tables of the identity migration. Shares the store's connection; like the
// store, not thread-safe. Not for use outside store/sqlite.

#include "store/identity_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqliteIdentityStore final : public IdentityStore {
 public:
  explicit SqliteIdentityStore(Database& db) : db_(db) {}

  base::Result<std::int64_t> AddUser(const UserRecord& user) override;
  base::Result<std::optional<UserRecord>> FindUserByName(const std::string& name) override;
  base::Result<std::optional<UserRecord>> FindUserById(std::int64_t id) override;
  base::Result<std::vector<UserRecord>> ListUsers() override;
  base::Status UpdateUser(const UserRecord& user) override;
  base::Result<std::int64_t> CountUsers() override;

  base::Status CreateSession(const SessionRecord& session) override;
  base::Result<std::optional<SessionRecord>> FindSession(const std::string& id_hash) override;
  base::Status TouchSession(const std::string& id_hash, base::Instant at) override;
  base::Status DeleteSession(const std::string& id_hash) override;
  base::Result<std::int64_t> DeleteSessionsOfUser(std::int64_t user_id) override;
  base::Result<std::int64_t> DeleteExpiredSessions(base::Instant idle_before,
                                                   base::Instant created_before) override;

  base::Result<std::int64_t> AddToken(const TokenRecord& token) override;
  base::Result<std::optional<TokenRecord>> FindTokenByHash(const std::string& hash) override;
  base::Result<std::vector<TokenRecord>> ListTokens() override;
  base::Status RevokeToken(std::int64_t id, base::Instant at) override;
  base::Status TouchToken(std::int64_t id, base::Instant at) override;

 private:
  Database& db_;
};

}  // namespace oversight::store::sqlite
