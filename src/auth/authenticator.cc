// Signing in, sessions and bearer tokens. Account management is in accounts.cc.

#include "auth/authenticator.h"

#include <utility>

#include "auth/token.h"

namespace oversight::auth {
namespace {

// Longer names and secrets than any we issue are refused before any lookup.
constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxSecretBytes = 128;
// How stale a session's last use may be before a request writes it again.
constexpr base::Milliseconds kTouchInterval = std::chrono::minutes(1);

}  // namespace

std::string_view SignInOutcomeName(SignInOutcome outcome) {
  switch (outcome) {
    case SignInOutcome::kSignedIn: return "signed_in";
    case SignInOutcome::kBadCredentials: return "bad_credentials";
    case SignInOutcome::kLocked: return "locked";
    case SignInOutcome::kDisabled: return "disabled";
  }
  return "bad_credentials";
}

std::string SignInResult::Message() const {
  switch (outcome) {
    case SignInOutcome::kSignedIn: return "signed in";
    case SignInOutcome::kBadCredentials: return "wrong user name or password";
    case SignInOutcome::kLocked:
      return "the account is locked after repeated failed sign-ins until " +
             (locked_until ? base::FormatInstantUtc(*locked_until) : std::string("later"));
    case SignInOutcome::kDisabled: return "the account is disabled; ask the system administrator";
  }
  return "wrong user name or password";
}

base::Result<Principal> PrincipalForUser(const store::UserRecord& user) {
  std::optional<Role> role = ParseRole(user.role);
  if (!role)
    return base::DataLoss("user '" + user.name + "' has an unknown role '" + user.role + "'");
  Principal principal;
  principal.user_id = user.id;
  principal.name = user.name;
  principal.role = role;
  principal.dept_code = user.dept_code;
  principal.must_change_password = user.must_change_password;
  return principal;
}

Principal PrincipalForToken(const store::TokenRecord& token) {
  Principal principal;
  principal.name = token.name;
  principal.is_token = true;
  principal.token_id = token.id;
  principal.token_source = token.source;
  principal.token_departments = token.dept_codes;
  return principal;
}

Authenticator::Authenticator(store::IdentityStore& store, AuthPolicy policy, RandomSource random)
    : store_(store), policy_(std::move(policy)), random_(std::move(random)) {}

base::Result<SignInResult> Authenticator::SignIn(std::string_view name, std::string_view password,
                                                 base::Instant now) {
  SignInResult result;
  std::optional<store::UserRecord> user;
  if (!name.empty() && name.size() <= kMaxNameBytes) {
    OVS_ASSIGN_OR_RETURN(user, store_.FindUserByName(std::string(name)));
  }
  if (!user) {
    OVS_RETURN_IF_ERROR(VerifyDummy(password));
    return result;
  }
  result.user_id = user->id;
  if (user->locked_until && *user->locked_until > now) {
    result.outcome = SignInOutcome::kLocked;
    result.locked_until = user->locked_until;
    return result;
  }
  OVS_ASSIGN_OR_RETURN(bool matches, VerifyPassword(password, user->password_hash));
  if (!matches) return Refuse(*user, now);
  if (user->disabled) {
    result.outcome = SignInOutcome::kDisabled;
    return result;
  }
  return StartSession(*user, password, now);
}

// Counts a failure; the one that reaches max_failures locks the account and
// starts the count afresh, so that after the lockout the full number of tries
// is available again.
base::Result<SignInResult> Authenticator::Refuse(store::UserRecord& user, base::Instant now) {
  SignInResult result;
  result.user_id = user.id;
  if (user.locked_until && *user.locked_until <= now) user.locked_until.reset();
  user.failed_attempts += 1;
  if (user.failed_attempts >= policy_.max_failures) {
    user.failed_attempts = 0;
    user.locked_until = now + policy_.lockout;
    result.outcome = SignInOutcome::kLocked;
    result.locked_until = user.locked_until;
    result.locked_now = true;
  }
  OVS_RETURN_IF_ERROR(store_.UpdateUser(user));
  return result;
}

base::Result<SignInResult> Authenticator::StartSession(store::UserRecord& user,
                                                       std::string_view password,
                                                       base::Instant now) {
  OVS_ASSIGN_OR_RETURN(Principal principal, PrincipalForUser(user));
  user.failed_attempts = 0;
  user.locked_until.reset();
  if (NeedsRehash(user.password_hash, policy_.argon2)) {
    // The cost was raised since this hash was made: the clear password is at
    // hand only now.
    OVS_ASSIGN_OR_RETURN(user.password_hash, HashNew(password));
  }
  OVS_RETURN_IF_ERROR(store_.UpdateUser(user));

  SignInResult result;
  result.outcome = SignInOutcome::kSignedIn;
  result.user_id = user.id;
  result.session_token = MakeSecret(random_(kSecretBytes));
  result.csrf_token = MakeSecret(random_(kSecretBytes));
  result.principal = std::move(principal);
  result.must_change_password = user.must_change_password;
  OVS_RETURN_IF_ERROR(store_.CreateSession(
      {TokenHash(result.session_token), user.id, result.csrf_token, now, now}));
  return result;
}

base::Status Authenticator::VerifyDummy(std::string_view password) {
  if (dummy_hash_.empty()) {
    OVS_ASSIGN_OR_RETURN(dummy_hash_, HashNew(MakeSecret(random_(kSecretBytes))));
  }
  OVS_ASSIGN_OR_RETURN(bool matches, VerifyPassword(password, dummy_hash_));
  (void)matches;  // only the time spent matters
  return base::Status::Ok();
}

base::Result<std::optional<Principal>> Authenticator::AuthenticateSession(
    std::string_view session_token, base::Instant now) {
  if (session_token.empty() || session_token.size() > kMaxSecretBytes) {
    return std::optional<Principal>();
  }
  const std::string id_hash = TokenHash(session_token);
  OVS_ASSIGN_OR_RETURN(std::optional<store::SessionRecord> session, store_.FindSession(id_hash));
  if (!session) return std::optional<Principal>();
  const bool expired = now - session->last_seen_at >= policy_.idle_timeout ||
                       now - session->created_at >= policy_.absolute_timeout;
  std::optional<store::UserRecord> user;
  if (!expired) {
    OVS_ASSIGN_OR_RETURN(user, store_.FindUserById(session->user_id));
  }
  if (!user || user->disabled) {
    OVS_RETURN_IF_ERROR(store_.DeleteSession(id_hash));
    return std::optional<Principal>();
  }
  OVS_ASSIGN_OR_RETURN(Principal principal, PrincipalForUser(*user));
  // Touching is a write per request; once a minute keeps the idle clock within
  // a minute of the truth at a fraction of the cost (every page view of a busy
  // browser would otherwise commit a transaction).
  if (now - session->last_seen_at >= kTouchInterval) {
    OVS_RETURN_IF_ERROR(store_.TouchSession(id_hash, now));
  }
  return std::optional<Principal>(std::move(principal));
}

bool Authenticator::CheckCsrf(std::string_view session_token, std::string_view csrf_header) {
  if (session_token.empty() || csrf_header.empty() || session_token.size() > kMaxSecretBytes) {
    return false;
  }
  base::Result<std::optional<store::SessionRecord>> session =
      store_.FindSession(TokenHash(session_token));
  if (!session.ok() || !session->has_value()) return false;
  return ConstantTimeEquals((*session)->csrf_token, csrf_header);
}

base::Status Authenticator::SignOut(std::string_view session_token) {
  if (session_token.empty() || session_token.size() > kMaxSecretBytes) return base::Status::Ok();
  return store_.DeleteSession(TokenHash(session_token));
}

base::Result<std::optional<Principal>> Authenticator::AuthenticateToken(std::string_view bearer,
                                                                        base::Instant now) {
  if (!LooksLikeApiToken(bearer)) return std::optional<Principal>();
  OVS_ASSIGN_OR_RETURN(std::optional<store::TokenRecord> token,
                       store_.FindTokenByHash(TokenHash(bearer)));
  if (!token || token->revoked_at) return std::optional<Principal>();
  OVS_RETURN_IF_ERROR(store_.TouchToken(token->id, now));
  return std::optional<Principal>(PrincipalForToken(*token));
}

base::Result<std::string> Authenticator::HashNew(std::string_view password) {
  return HashPassword(password, policy_.argon2, random_(kSaltBytes));
}

}  // namespace oversight::auth
