// Account and token management: the administrators' side of the Authenticator,
// and the first administrators of a new installation.

#include <algorithm>
#include <utility>

#include "auth/authenticator.h"
#include "auth/token.h"
#include "base/strings.h"

namespace oversight::auth {
namespace {

constexpr std::size_t kMaxNameLength = 64;
constexpr std::size_t kMaxTextLength = 100;
// Generated passwords are long enough to be strong with any policy we ship.
constexpr int kGeneratedPasswordLength = 20;

bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool IsNameChar(char c) { return IsLowerOrDigit(c) || c == '.' || c == '_' || c == '-'; }

base::Status ValidateUserName(std::string_view name) {
  if (name.size() < 2 || name.size() > kMaxNameLength) {
    return base::InvalidArgument("user name must have 2 to 64 characters");
  }
  if (!IsLowerOrDigit(name[0]) || !std::all_of(name.begin(), name.end(), IsNameChar)) {
    return base::InvalidArgument("user name '" + std::string(name) +
                                 "' may hold only a-z, 0-9, '.', '_' and '-', and must start "
                                 "with a letter or digit");
  }
  return base::Status::Ok();
}

// Free text shown to people (display names, token names): printable UTF-8 of
// bounded length.
base::Status ValidateText(std::string_view text, std::string_view field, bool required) {
  const std::string name(field);
  if (required && base::Trim(text).empty()) return base::InvalidArgument(name + " is empty");
  if (!base::IsValidUtf8(text)) return base::InvalidArgument(name + " is not valid UTF-8");
  std::size_t characters = 0;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return base::InvalidArgument(name + " holds a control character");
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  }
  if (characters > kMaxTextLength) {
    return base::InvalidArgument(name + " is longer than " + std::to_string(kMaxTextLength) +
                                 " characters");
  }
  return base::Status::Ok();
}

// Department codes are catalog keys (mostly USCCs): no spaces, no commas.
base::Status ValidateDeptCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxNameLength) {
    return base::InvalidArgument("department code must have 1 to 64 characters");
  }
  for (char c : code) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == ',') {
      return base::InvalidArgument("department code '" + std::string(code) +
                                   "' holds a space, comma or control character");
    }
  }
  return base::Status::Ok();
}

// A department officer belongs to one department; other roles to none, so that
// nobody reads as scoped who is not.
base::Status ValidateRoleDepartment(Role role, std::string_view dept_code) {
  if (role == Role::kDeptOfficer) {
    if (dept_code.empty())
      return base::InvalidArgument("department code is required for role dept_officer");
    return ValidateDeptCode(dept_code);
  }
  if (!dept_code.empty()) {
    return base::InvalidArgument("department code is only for role dept_officer, not " +
                                 std::string(RoleName(role)));
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<store::UserRecord> Authenticator::UserById(std::int64_t user_id) {
  OVS_ASSIGN_OR_RETURN(std::optional<store::UserRecord> user, store_.FindUserById(user_id));
  if (!user) return base::NotFound("no user with id " + std::to_string(user_id));
  return std::move(*user);
}

base::Result<std::string> Authenticator::ChoosePassword(const std::optional<std::string>& given,
                                                        std::string_view user_name) {
  if (given) {
    OVS_RETURN_IF_ERROR(CheckPasswordStrength(*given, policy_.password, user_name));
    return *given;
  }
  // A generated password always has the four kinds; retry in the unlikely case
  // that it contains the user name or a stricter policy refuses it.
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string password =
        GeneratePassword(random_, std::max(kGeneratedPasswordLength, policy_.password.min_length));
    if (CheckPasswordStrength(password, policy_.password, user_name).ok()) return password;
  }
  return base::Internal("could not generate a password the policy accepts");
}

base::Result<CreatedUser> Authenticator::AddUser(const NewUser& user, base::Instant now) {
  OVS_RETURN_IF_ERROR(ValidateUserName(user.name));
  OVS_RETURN_IF_ERROR(ValidateText(user.display_name, "display name", false));
  OVS_RETURN_IF_ERROR(ValidateRoleDepartment(user.role, user.dept_code));
  OVS_ASSIGN_OR_RETURN(std::optional<store::UserRecord> existing, store_.FindUserByName(user.name));
  if (existing) return base::AlreadyExists("a user named '" + existing->name + "' exists");

  CreatedUser created;
  OVS_ASSIGN_OR_RETURN(created.password, ChoosePassword(user.password, user.name));
  created.generated = !user.password.has_value();
  store::UserRecord& record = created.record;
  record.name = user.name;
  record.display_name = user.display_name.empty() ? user.name : user.display_name;
  record.role = std::string(RoleName(user.role));
  record.dept_code = user.dept_code;
  OVS_ASSIGN_OR_RETURN(record.password_hash, HashNew(created.password));
  record.must_change_password = user.must_change_password;
  record.created_at = now;
  record.password_changed_at = now;
  OVS_ASSIGN_OR_RETURN(record.id, store_.AddUser(record));
  return created;
}

base::Status Authenticator::ChangePassword(std::int64_t user_id, std::string_view current,
                                           std::string_view next, base::Instant now) {
  OVS_ASSIGN_OR_RETURN(store::UserRecord user, UserById(user_id));
  OVS_ASSIGN_OR_RETURN(bool matches, VerifyPassword(current, user.password_hash));
  if (!matches) return base::InvalidArgument("current password is wrong");
  if (current == next) return base::InvalidArgument("new password is the same as the current one");
  OVS_RETURN_IF_ERROR(CheckPasswordStrength(next, policy_.password, user.name));
  OVS_ASSIGN_OR_RETURN(user.password_hash, HashNew(next));
  user.must_change_password = false;
  user.password_changed_at = now;
  return store_.UpdateUser(user);
}

base::Result<std::string> Authenticator::ResetPassword(std::int64_t user_id,
                                                       const std::optional<std::string>& password,
                                                       base::Instant now) {
  OVS_ASSIGN_OR_RETURN(store::UserRecord user, UserById(user_id));
  OVS_ASSIGN_OR_RETURN(std::string chosen, ChoosePassword(password, user.name));
  OVS_ASSIGN_OR_RETURN(user.password_hash, HashNew(chosen));
  user.must_change_password = true;
  user.password_changed_at = now;
  user.failed_attempts = 0;
  user.locked_until.reset();
  OVS_RETURN_IF_ERROR(store_.UpdateUser(user));
  OVS_RETURN_IF_ERROR(store_.DeleteSessionsOfUser(user_id).status());
  return chosen;
}

base::Status Authenticator::Lock(std::int64_t user_id) {
  OVS_ASSIGN_OR_RETURN(store::UserRecord user, UserById(user_id));
  user.disabled = true;
  OVS_RETURN_IF_ERROR(store_.UpdateUser(user));
  return store_.DeleteSessionsOfUser(user_id).status();
}

base::Status Authenticator::Unlock(std::int64_t user_id) {
  OVS_ASSIGN_OR_RETURN(store::UserRecord user, UserById(user_id));
  user.disabled = false;
  user.failed_attempts = 0;
  user.locked_until.reset();
  return store_.UpdateUser(user);
}

base::Status Authenticator::AssignRole(std::int64_t user_id, Role role,
                                       const std::string& dept_code) {
  OVS_RETURN_IF_ERROR(ValidateRoleDepartment(role, dept_code));
  OVS_ASSIGN_OR_RETURN(store::UserRecord user, UserById(user_id));
  user.role = std::string(RoleName(role));
  user.dept_code = dept_code;
  OVS_RETURN_IF_ERROR(store_.UpdateUser(user));
  return store_.DeleteSessionsOfUser(user_id).status();
}

base::Result<CreatedToken> Authenticator::CreateToken(const NewToken& token, base::Instant now) {
  OVS_RETURN_IF_ERROR(ValidateText(token.name, "token name", true));
  OVS_RETURN_IF_ERROR(ValidateText(token.source, "source", true));
  OVS_RETURN_IF_ERROR(ValidateText(token.created_by, "token creator", true));
  CreatedToken created;
  store::TokenRecord& record = created.record;
  for (const std::string& code : token.dept_codes) {
    OVS_RETURN_IF_ERROR(ValidateDeptCode(code));
    if (std::find(record.dept_codes.begin(), record.dept_codes.end(), code) ==
        record.dept_codes.end()) {
      record.dept_codes.push_back(code);
    }
  }
  created.token = MakeApiToken(random_(kSecretBytes));
  record.name = token.name;
  record.hash = TokenHash(created.token);
  record.source = token.source;
  record.created_by = token.created_by;
  record.created_at = now;
  OVS_ASSIGN_OR_RETURN(record.id, store_.AddToken(record));
  return created;
}

base::Status Authenticator::RevokeToken(std::int64_t id, base::Instant now) {
  return store_.RevokeToken(id, now);
}

base::Result<std::vector<CreatedUser>> EnsureFirstAdministrators(store::IdentityStore& store,
                                                                 const AuthPolicy& policy,
                                                                 base::Instant now,
                                                                 RandomSource random) {
  std::vector<CreatedUser> created;
  OVS_ASSIGN_OR_RETURN(std::int64_t users, store.CountUsers());
  if (users > 0) return created;
  struct FirstUser {
    const char* name;
    const char* display_name;
    Role role;
  };
  static constexpr FirstUser kFirstUsers[] = {
      {"sysadmin", "System administrator (系统管理员)", Role::kSysAdmin},
      {"secadmin", "Security administrator (安全管理员)", Role::kSecAdmin},
      {"auditor", "Audit administrator (审计管理员)", Role::kAuditor},
      {"supervisor", "Bureau supervisor (监察局)", Role::kSupervisor},
  };
  Authenticator auth(store, policy, std::move(random));
  for (const FirstUser& first : kFirstUsers) {
    NewUser user{first.name, first.display_name, first.role, "", std::nullopt, true};
    OVS_ASSIGN_OR_RETURN(CreatedUser added, auth.AddUser(user, now));
    created.push_back(std::move(added));
  }
  return created;
}

}  // namespace oversight::auth
