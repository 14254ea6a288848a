#pragma once

// Signing in and staying signed in (DESIGN §12; GB/T 22239-2019 身份鉴别):
// passwords checked against Argon2id hashes, lockout after repeated failures,
// sessions that end after an idle and an absolute timeout, a CSRF token per
// session, and API tokens for ingest clients. "Now" is always a parameter.
//
//   Authenticator auth(store.identity(), AuthPolicy{});
//   OVS_ASSIGN_OR_RETURN(SignInResult r, auth.SignIn(name, password, now));
//   if (!r.ok()) return Refuse(r);                 // 401, or 423 when locked
//   SetCookie(r.session_token); SendCsrf(r.csrf_token);
//   ... later, per request:
//   OVS_ASSIGN_OR_RETURN(std::optional<Principal> who, auth.AuthenticateSession(cookie, now));
//
// Errors (the Status of a Result) mean the store failed or a stored record is
// damaged; a refused sign-in is a SignInResult, not an error. Not thread-safe:
// the caller serialises access, as it does for the store.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password.h"
#include "auth/principal.h"
#include "auth/random.h"
#include "auth/role.h"
#include "base/status.h"
#include "base/time.h"
#include "store/identity_store.h"

namespace oversight::auth {

struct AuthPolicy {
  int max_failures = 5;  // failed sign-ins in a row before the account locks
  base::Milliseconds lockout = std::chrono::minutes(15);
  base::Milliseconds idle_timeout = std::chrono::minutes(30);    // since the session's last use
  base::Milliseconds absolute_timeout = std::chrono::hours(12);  // since sign-in
  PasswordPolicy password;
  Argon2Params argon2;
};

enum class SignInOutcome : std::uint8_t {
  kSignedIn,
  kBadCredentials,  // unknown name or wrong password: the caller cannot tell which
  kLocked,          // too many failures; try again after locked_until
  kDisabled,        // locked by an administrator (reported only with the right password)
};

// "signed_in", "bad_credentials", "locked", "disabled": the reason in audit records.
std::string_view SignInOutcomeName(SignInOutcome outcome);

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::kBadCredentials;

  // Set when signed in. The session token is the clear secret for the cookie:
  // the store keeps only its hash; never log it.
  std::string session_token;
  std::string csrf_token;
  Principal principal;
  bool must_change_password = false;  // the UI allows nothing but a change first

  // For audit records of every attempt: the account concerned (0 when the name
  // is unknown), when a lockout ends, and whether this attempt started it.
  std::int64_t user_id = 0;
  std::optional<base::Instant> locked_until;
  bool locked_now = false;

  bool ok() const { return outcome == SignInOutcome::kSignedIn; }
  // What to tell the person at the sign-in form; the same words for an unknown
  // name and a wrong password.
  std::string Message() const;
};

struct NewUser {
  std::string name;          // the login: 2-64 of a-z 0-9 . _ -, starting with a letter or digit
  std::string display_name;  // empty: the name
  Role role = Role::kDeptOfficer;
  std::string dept_code;  // required for a department officer, refused for other roles
  std::optional<std::string> password;  // empty: generate a strong one
  bool must_change_password = true;     // someone else chose it
};

struct CreatedUser {
  store::UserRecord record;  // as stored
  std::string password;      // in clear, to hand over once
  bool generated = false;
};

struct NewToken {
  std::string name;                     // what it is for
  std::string source;                   // events it sends are stored under this source
  std::vector<std::string> dept_codes;  // departments it may send for; empty: any
  std::string created_by;
};

struct CreatedToken {
  std::string token;          // in clear: shown once, never stored
  store::TokenRecord record;  // as stored
};

// The principal of a stored user; kDataLoss when its role is unknown.
base::Result<Principal> PrincipalForUser(const store::UserRecord& user);
Principal PrincipalForToken(const store::TokenRecord& token);

class Authenticator {
 public:
  // `store` must outlive the authenticator.
  Authenticator(store::IdentityStore& store, AuthPolicy policy, RandomSource random = RandomBytes);

  // Every failure with a known name counts toward the lockout; a success resets
  // the count. While locked, the password is not even checked (so the lock also
  // stops guessing), and attempts do not extend the lock.
  base::Result<SignInResult> SignIn(std::string_view name, std::string_view password,
                                    base::Instant now);

  // The principal of a live session, touching its last use. An expired session
  // (idle or absolute timeout), or one whose user is gone or disabled, is
  // deleted and gives nullopt, as does an unknown token.
  base::Result<std::optional<Principal>> AuthenticateSession(std::string_view session_token,
                                                             base::Instant now);
  // Whether `csrf_header` is the CSRF token of the session (false for unknown
  // sessions, an empty header, and when the store fails).
  bool CheckCsrf(std::string_view session_token, std::string_view csrf_header);
  base::Status SignOut(std::string_view session_token);

  // The principal of an API token; nullopt for unknown, malformed or revoked ones.
  base::Result<std::optional<Principal>> AuthenticateToken(std::string_view bearer,
                                                           base::Instant now);

  // kInvalidArgument naming the field for a bad name, role/department
  // combination or weak password; kAlreadyExists for a taken name.
  base::Result<CreatedUser> AddUser(const NewUser& user, base::Instant now);
  // The user changes their own password: `current` must match, `next` must pass
  // the policy and differ from it. Clears must_change_password.
  base::Status ChangePassword(std::int64_t user_id, std::string_view current, std::string_view next,
                              base::Instant now);
  // An administrator sets `password` (or a generated one, when empty): ends the
  // user's sessions, clears a lockout, and asks for a change at the next
  // sign-in. Returns the password in clear, to hand over once.
  base::Result<std::string> ResetPassword(std::int64_t user_id,
                                          const std::optional<std::string>& password,
                                          base::Instant now);
  // Lock disables the account until Unlock and ends its sessions; Unlock also
  // clears a lockout after failures.
  base::Status Lock(std::int64_t user_id);
  base::Status Unlock(std::int64_t user_id);
  // Gives the user another role (and department); ends the user's sessions so
  // the new rights apply at the next sign-in.
  base::Status AssignRole(std::int64_t user_id, Role role, const std::string& dept_code);

  // kInvalidArgument naming the field for an empty name, source or creator, or a
  // bad department code.
  base::Result<CreatedToken> CreateToken(const NewToken& token, base::Instant now);
  // kNotFound for an unknown id, kFailedPrecondition when already revoked.
  base::Status RevokeToken(std::int64_t id, base::Instant now);

  const AuthPolicy& policy() const { return policy_; }

 private:
  base::Result<store::UserRecord> UserById(std::int64_t user_id);
  base::Result<std::string> HashNew(std::string_view password);
  base::Result<std::string> ChoosePassword(const std::optional<std::string>& given,
                                           std::string_view user_name);
  base::Result<SignInResult> Refuse(store::UserRecord& user, base::Instant now);
  base::Result<SignInResult> StartSession(store::UserRecord& user, std::string_view password,
                                          base::Instant now);
  // Spends the time of one verification, so that an unknown name cannot be told
  // from a wrong password by the answer's delay.
  base::Status VerifyDummy(std::string_view password);

  store::IdentityStore& store_;
  AuthPolicy policy_;
  RandomSource random_;
  std::string dummy_hash_;  // made on first use
};

// At the first start of a new installation (no users at all): creates the
// three separated administrators and a bureau supervisor — users "sysadmin",
// "secadmin", "auditor" and "supervisor" — with generated passwords that must
// be changed at the first sign-in, and returns them so that the caller shows
// them once (they go to three different people). Returns nothing when any user
// exists.
base::Result<std::vector<CreatedUser>> EnsureFirstAdministrators(store::IdentityStore& store,
                                                                 const AuthPolicy& policy,
                                                                 base::Instant now,
                                                                 RandomSource random = RandomBytes);

}  // namespace oversight::auth
