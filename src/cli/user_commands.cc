// oversight user add | passwd | lock | unlock | list: accounts, for whoever runs
// the program on the server (the web app's administration pages do the same for
// signed-in administrators). Every change is an operations audit record.

#include <iostream>
#include <ostream>

#include "auth/authenticator.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "store/identity_store.h"
#include "store/ops_log.h"

namespace oversight::cli {
namespace {

// The command line acts for whoever runs it on this machine; it has no sign-in.
constexpr char kCliRole[] = "cli";
constexpr char kCliClient[] = "local";

std::string RoleList() {
  std::string names;
  for (auth::Role role : auth::AllRoles())
    names += (names.empty() ? "" : ", ") + std::string(auth::RoleName(role));
  return names;
}

// One line from stdin, without its line end: scripts pipe a password in so that
// it never appears in the process list or the shell history.
base::Result<std::string> ReadPasswordFromStdin() {
  std::string line;
  if (!std::getline(std::cin, line))
    return base::InvalidArgument("--password-stdin: no password on stdin");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) return base::InvalidArgument("--password-stdin: the password is empty");
  return line;
}

base::Result<std::optional<std::string>> GivenPassword(const UserArgs& args) {
  if (!args.password_stdin) return std::optional<std::string>();
  OVS_ASSIGN_OR_RETURN(std::string password, ReadPasswordFromStdin());
  return std::optional<std::string>(std::move(password));
}

base::Result<store::UserRecord> UserNamed(store::IdentityStore& ids, const std::string& name) {
  OVS_ASSIGN_OR_RETURN(std::optional<store::UserRecord> user, ids.FindUserByName(name));
  if (!user) return base::NotFound("no user named '" + name + "'");
  return std::move(*user);
}

// An officer's department must be in the catalog: a mistyped code would give
// an account that silently sees nothing.
base::Status CheckDepartmentKnown(store::Store& store, const std::string& code) {
  if (code.empty()) return base::Status::Ok();
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> depts, store.ListDepartments());
  for (const model::Department& dept : depts) {
    if (dept.code == code) return base::Status::Ok();
  }
  return base::NotFound("--dept: no department '" + code +
                        "' in the catalog (oversight catalog import registers departments)");
}

// Records the operation; a change that cannot be audited is reported as failed.
int Finish(store::Store& store, const Environment& env, const UserArgs& args,
           std::string_view action, const std::string& user_name, const base::Status& status,
           std::string_view detail = {}) {
  const store::OpsActor who{args.by, kCliRole, kCliClient};
  std::string result = status.ok() ? "ok" : "failed";
  std::string text(detail);
  if (!status.ok()) text = "{\"error\":\"" + base::JsonEscape(status.message()) + "\"}";
  base::Result<std::int64_t> seq =
      store::RecordOp(store.ops_log(), env.clock(), who, action, "user:" + user_name, result, text);
  if (!status.ok()) return Fail(status);
  if (!seq.ok()) return Fail(seq.status().WithContext("recording " + std::string(action)));
  return kExitOk;
}

void PrintPasswordOnce(const std::string& password, std::ostream& out) {
  out << "password: " << password << "\n"
      << "This password is shown only this once; the store keeps only its hash.\n";
}

std::string UserState(const store::UserRecord& user, base::Instant now) {
  if (user.disabled) return "locked";
  if (user.locked_until && *user.locked_until > now) {
    return "locked until " + base::FormatInstantUtc(*user.locked_until);
  }
  return "active";
}

void PrintUserJson(const store::UserRecord& user, base::Instant now, std::ostream& out) {
  out << "{\"id\":" << user.id << ",\"name\":\"" << base::JsonEscape(user.name)
      << "\",\"display_name\":\"" << base::JsonEscape(user.display_name) << "\",\"role\":\""
      << base::JsonEscape(user.role) << "\",\"dept_code\":\"" << base::JsonEscape(user.dept_code)
      << "\",\"state\":\"" << base::JsonEscape(UserState(user, now))
      << "\",\"disabled\":" << (user.disabled ? "true" : "false") << ",\"locked_until\":";
  if (user.locked_until) {
    out << "\"" << base::FormatInstantUtc(*user.locked_until) << "\"";
  } else {
    out << "null";
  }
  out << ",\"failed_attempts\":" << user.failed_attempts
      << ",\"must_change_password\":" << (user.must_change_password ? "true" : "false")
      << ",\"created_at\":\"" << base::FormatInstantUtc(user.created_at)
      << "\",\"password_changed_at\":\"" << base::FormatInstantUtc(user.password_changed_at)
      << "\"}";
}

}  // namespace

int RunUserAdd(const UserArgs& args, const Environment& env, std::ostream& out) {
  std::optional<auth::Role> role = auth::ParseRole(args.role);
  if (!role) {
    return Fail(base::InvalidArgument("--role: unknown role '" + args.role + "' (one of " +
                                      RoleList() + ")"));
  }
  base::Result<std::optional<std::string>> password = GivenPassword(args);
  if (!password.ok()) return Fail(password.status());
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  if (*role == auth::Role::kDeptOfficer) {
    if (base::Status known = CheckDepartmentKnown(**store, args.dept); !known.ok())
      return Fail(known);
  }

  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  auth::NewUser user{args.name, args.display_name, *role, args.dept, *password, true};
  base::Result<auth::CreatedUser> created = auth.AddUser(user, env.clock());
  const std::string detail =
      "{\"role\":\"" + args.role + "\",\"dept_code\":\"" + base::JsonEscape(args.dept) + "\"}";
  // A Result holds an OK status when it holds a value.
  if (int code = Finish(**store, env, args, "user.create", args.name, created.status(), detail);
      code != kExitOk) {
    return code;
  }
  const store::UserRecord& record = created->record;
  out << "added user " << record.id << " " << record.name << " (" << record.role;
  if (!record.dept_code.empty()) out << ", " << record.dept_code;
  out << ")\n";
  if (created->generated) PrintPasswordOnce(created->password, out);
  out << "The user must change the password at the first sign-in.\n";
  return kExitOk;
}

int RunUserPasswd(const UserArgs& args, const Environment& env, std::ostream& out) {
  base::Result<std::optional<std::string>> password = GivenPassword(args);
  if (!password.ok()) return Fail(password.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::UserRecord> user = UserNamed((*store)->identity(), args.name);
  if (!user.ok()) return Fail(user.status());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  base::Result<std::string> chosen = auth.ResetPassword(user->id, *password, env.clock());
  if (int code = Finish(**store, env, args, "user.password_reset", user->name, chosen.status());
      code != kExitOk) {
    return code;
  }
  out << "password of " << user->name << " reset; the user's sessions ended\n";
  if (!password->has_value()) PrintPasswordOnce(*chosen, out);
  out << "The user must change the password at the next sign-in.\n";
  return kExitOk;
}

int RunUserLock(const UserArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::UserRecord> user = UserNamed((*store)->identity(), args.name);
  if (!user.ok()) return Fail(user.status());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  if (int code = Finish(**store, env, args, "user.lock", user->name, auth.Lock(user->id));
      code != kExitOk) {
    return code;
  }
  out << "locked " << user->name
      << ": sign-in refused and sessions ended until `oversight user unlock`\n";
  return kExitOk;
}

int RunUserUnlock(const UserArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<store::UserRecord> user = UserNamed((*store)->identity(), args.name);
  if (!user.ok()) return Fail(user.status());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  if (int code = Finish(**store, env, args, "user.unlock", user->name, auth.Unlock(user->id));
      code != kExitOk) {
    return code;
  }
  out << "unlocked " << user->name << "\n";
  return kExitOk;
}

int RunUserList(const UserArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<std::vector<store::UserRecord>> users = (*store)->identity().ListUsers();
  if (!users.ok()) return Fail(users.status());
  const base::Instant now = env.clock();
  if (args.json) {
    out << "[";
    for (std::size_t i = 0; i < users->size(); ++i) {
      out << (i ? ",\n" : "");
      PrintUserJson((*users)[i], now, out);
    }
    out << "]\n";
    return kExitOk;
  }
  if (users->empty()) {
    out << "no users (oversight user add creates one; oversight serve creates the first "
           "administrators)\n";
    return kExitOk;
  }
  for (const store::UserRecord& user : *users) {
    out << user.id << "  " << user.name << "  " << user.role;
    if (!user.dept_code.empty()) out << " (" << user.dept_code << ")";
    out << "  " << UserState(user, now);
    if (user.must_change_password) out << ", must change password";
    if (user.display_name != user.name) out << "  " << user.display_name;
    out << "\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
