#pragma once

// Who may sign in, and with what: user accounts, browser sessions and API tokens
// (DESIGN §10, §12). The store keeps only what cannot reveal a credential: the
// Argon2id hash of a password, the SHA-256 of a session id or token. The rules
// (lockout, timeouts, password policy) live in auth/; this is storage only.
//
//   IdentityStore& ids = store->identity();
//   Result<std::optional<UserRecord>> user = ids.FindUserByName("zhang.wei");

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace oversight::store {

struct UserRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string name;     // the login, unique regardless of case
  std::string display_name;
  std::string role;                           // auth::RoleName, stored as text
  std::string dept_code;                      // a department officer's department; "" otherwise
  std::string password_hash;                  // Argon2id, encoded PHC string
  std::int64_t failed_attempts = 0;           // sign-in failures since the last success or lockout
  std::optional<base::Instant> locked_until;  // lockout after repeated failures
  bool disabled = false;                      // locked by an administrator until unlocked
  bool must_change_password = false;          // the password was set by someone else
  base::Instant created_at{};
  base::Instant password_changed_at{};
};

struct SessionRecord {
  std::string id_hash;  // SHA-256 (hex) of the session id in the cookie
  std::int64_t user_id = 0;
  std::string csrf_token;  // sent back in a header with every change
  base::Instant created_at{};
  base::Instant last_seen_at{};
};

struct TokenRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string name;     // what it is for, e.g. "hall push"
  std::string hash;     // SHA-256 (hex) of the token; the token itself is never stored
  std::string source;   // the source its events are stored under
  std::vector<std::string> dept_codes;  // departments it may send for; empty: any
  std::string created_by;
  base::Instant created_at{};
  std::optional<base::Instant> revoked_at;
  std::optional<base::Instant> last_used_at;
};

class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  // Adds a user and returns its id; kAlreadyExists when the name is taken
  // (names compare without regard to case).
  virtual base::Result<std::int64_t> AddUser(const UserRecord& user) = 0;
  virtual base::Result<std::optional<UserRecord>> FindUserByName(const std::string& name) = 0;
  virtual base::Result<std::optional<UserRecord>> FindUserById(std::int64_t id) = 0;
  // Every user, by id.
  virtual base::Result<std::vector<UserRecord>> ListUsers() = 0;
  // Writes every mutable column of the user with `user.id` (all but id, name and
  // created_at); kNotFound when there is none.
  virtual base::Status UpdateUser(const UserRecord& user) = 0;
  virtual base::Result<std::int64_t> CountUsers() = 0;

  // kAlreadyExists when a session with the same id hash exists.
  virtual base::Status CreateSession(const SessionRecord& session) = 0;
  virtual base::Result<std::optional<SessionRecord>> FindSession(const std::string& id_hash) = 0;
  // Records a use of the session (the idle timeout counts from it).
  virtual base::Status TouchSession(const std::string& id_hash, base::Instant at) = 0;
  // Deleting a session that is not there is not an error.
  virtual base::Status DeleteSession(const std::string& id_hash) = 0;
  // Returns how many sessions were deleted.
  virtual base::Result<std::int64_t> DeleteSessionsOfUser(std::int64_t user_id) = 0;
  // Deletes sessions last used before `idle_before` or created before
  // `created_before` (housekeeping); returns how many.
  virtual base::Result<std::int64_t> DeleteExpiredSessions(base::Instant idle_before,
                                                           base::Instant created_before) = 0;

  // Adds a token and returns its id; kAlreadyExists when the hash is held.
  // Department codes must be non-empty and free of commas (kInvalidArgument).
  virtual base::Result<std::int64_t> AddToken(const TokenRecord& token) = 0;
  virtual base::Result<std::optional<TokenRecord>> FindTokenByHash(const std::string& hash) = 0;
  // Every token (revoked ones too), by id.
  virtual base::Result<std::vector<TokenRecord>> ListTokens() = 0;
  // kNotFound for an unknown id, kFailedPrecondition when already revoked.
  virtual base::Status RevokeToken(std::int64_t id, base::Instant at) = 0;
  virtual base::Status TouchToken(std::int64_t id, base::Instant at) = 0;
};

}  // namespace oversight::store
