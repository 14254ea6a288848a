// oversight user add | passwd | lock | unlock | list and token create | revoke |
// list: accounts and API tokens made on the command line work for signing in
// (checked with auth::Authenticator on the same store file), secrets are shown
// once and stored only hashed, and every change is in the operations audit trail.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "auth/authenticator.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

constexpr char kGoodPassword[] = "Tr0ub4dor&3";

class IdentityCliTest : public CliTest {
 protected:
  // The value after "password: " in the output, or "".
  static std::string PrintedPassword(const std::string& out) {
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.starts_with("password: ")) return line.substr(10);
    }
    return "";
  }

  // The first line of the output (the token of `token create`).
  static std::string FirstLine(const std::string& out) { return out.substr(0, out.find('\n')); }

  nlohmann::json Users() {
    CommandResult r = Run({"user", "list", "--json", "--db", kDb});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJson(r.out);
  }

  nlohmann::json UserNamed(const std::string& name) {
    for (const auto& user : Users()) {
      if (user["name"] == name) return user;
    }
    ADD_FAILURE() << "no user " << name;
    return nullptr;
  }

  // Signs in against the store file as the server would.
  auth::SignInResult SignIn(const std::string& name, const std::string& password) {
    auto store = store::sqlite::OpenSqliteStore({Path(kDb), std::nullopt});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
    auto result = auth.SignIn(name, password, *base::ParseInstant(kNow));
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : auth::SignInResult{};
  }

  std::optional<auth::Principal> Bearer(const std::string& token) {
    auto store = store::sqlite::OpenSqliteStore({Path(kDb), std::nullopt});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
    auto principal = auth.AuthenticateToken(token, *base::ParseInstant(kNow));
    EXPECT_TRUE(principal.ok()) << principal.status().ToString();
    return principal.ok() ? *principal : std::nullopt;
  }

  // The store file's bytes (with its WAL), to show a secret is nowhere in it.
  std::string StoreBytes() const {
    std::string bytes;
    for (const std::string& name : {std::string(kDb), std::string(kDb) + "-wal"}) {
      std::ifstream in(Path(name), std::ios::binary);
      bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return bytes;
  }

  // (action, object, result) of every operations record, oldest first.
  std::vector<std::vector<std::string>> Operations() {
    return Query("SELECT action, object, result FROM ops_log ORDER BY seq");
  }
};

TEST_F(IdentityCliTest, AddPrintsAGeneratedPasswordOnceThatSignsIn) {
  CommandResult r =
      Run({"user", "add", "li.na", "--role", "supervisor", "--display-name", "李娜", "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("added user 1 li.na (supervisor)\n")) << r.out;
  EXPECT_NE(r.out.find("shown only this once"), std::string::npos) << r.out;
  const std::string password = PrintedPassword(r.out);
  ASSERT_EQ(password.size(), 20u) << r.out;

  EXPECT_EQ(StoreBytes().find(password), std::string::npos);
  auto rows = Query("SELECT password_hash, must_change_password FROM users WHERE name = 'li.na'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0][0].starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << rows[0][0];
  EXPECT_EQ(rows[0][1], "1");

  auth::SignInResult signed_in = SignIn("li.na", password);
  ASSERT_TRUE(signed_in.ok()) << signed_in.Message();
  EXPECT_TRUE(signed_in.must_change_password);
  EXPECT_EQ(signed_in.principal.role, auth::Role::kSupervisor);

  nlohmann::json user = UserNamed("li.na");
  EXPECT_EQ(user["display_name"], "李娜");
  EXPECT_EQ(user["state"], "active");
  EXPECT_EQ(user["must_change_password"], true);
  EXPECT_FALSE(user.contains("password_hash"));
}

TEST_F(IdentityCliTest, PasswordFromStdinIsCheckedAgainstThePolicy) {
  CommandResult weak = Run(
      {"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb}, "password\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_EQ(weak.ErrLines(),
            std::vector<std::string>{
                "oversight: password needs an upper-case letter, a digit, a symbol"});

  CommandResult named =
      Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb},
          "Li.Na#2025x\n");
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("must not contain the user name"), std::string::npos) << named.err;

  CommandResult empty =
      Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb}, "");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("--password-stdin"), std::string::npos) << empty.err;

  CommandResult good =
      Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb},
          std::string(kGoodPassword) + "\r\n");
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_EQ(PrintedPassword(good.out), "");  // the operator chose it: nothing to show
  EXPECT_TRUE(SignIn("li.na", kGoodPassword).ok());
  EXPECT_EQ(StoreBytes().find(kGoodPassword), std::string::npos);
}

TEST_F(IdentityCliTest, RefusesBadRolesNamesAndDepartments) {
  CommandResult role = Run({"user", "add", "li.na", "--role", "admin", "--db", kDb});
  EXPECT_EQ(role.exit_code, 2);
  EXPECT_NE(
      role.err.find("--role: unknown role 'admin' (one of supervisor, assessor, dept_officer"),
      std::string::npos)
      << role.err;

  CommandResult name = Run({"user", "add", "Li Na", "--role", "auditor", "--db", kDb});
  EXPECT_EQ(name.exit_code, 2);
  EXPECT_NE(name.err.find("user name 'Li Na' may hold only"), std::string::npos) << name.err;

  CommandResult no_dept = Run({"user", "add", "li.na", "--role", "dept_officer", "--db", kDb});
  EXPECT_EQ(no_dept.exit_code, 2);
  EXPECT_NE(no_dept.err.find("department code is required for role dept_officer"),
            std::string::npos);

  CommandResult dept_for_admin =
      Run({"user", "add", "li.na", "--role", "sysadmin", "--dept", kDept, "--db", kDb});
  EXPECT_EQ(dept_for_admin.exit_code, 2);

  CommandResult unknown_dept = Run(
      {"user", "add", "li.na", "--role", "dept_officer", "--dept", kUnregisteredDept, "--db", kDb});
  EXPECT_EQ(unknown_dept.exit_code, 1);
  EXPECT_NE(unknown_dept.err.find("no department '" + std::string(kUnregisteredDept) +
                                  "' in the catalog"),
            std::string::npos)
      << unknown_dept.err;

  ImportCatalog();
  CommandResult officer =
      Run({"user", "add", "li.na", "--role", "dept_officer", "--dept", kDept, "--db", kDb});
  ASSERT_EQ(officer.exit_code, 0) << officer.err;
  EXPECT_EQ(UserNamed("li.na")["dept_code"], kDept);

  CommandResult again = Run({"user", "add", "LI.NA", "--role", "auditor", "--db", kDb});
  EXPECT_EQ(again.exit_code, 2);  // upper case is not a login
  CommandResult taken = Run({"user", "add", "li.na", "--role", "auditor", "--db", kDb});
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_NE(taken.err.find("a user named 'li.na' exists"), std::string::npos) << taken.err;
  EXPECT_EQ(Users().size(), 1u);
}

TEST_F(IdentityCliTest, LockRefusesSignInUntilUnlock) {
  ASSERT_EQ(Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb},
                kGoodPassword)
                .exit_code,
            0);
  CommandResult lock = Run({"user", "lock", "li.na", "--by", "wang.admin", "--db", kDb});
  ASSERT_EQ(lock.exit_code, 0) << lock.err;
  EXPECT_EQ(UserNamed("li.na")["state"], "locked");
  EXPECT_EQ(SignIn("li.na", kGoodPassword).outcome, auth::SignInOutcome::kDisabled);

  ASSERT_EQ(Run({"user", "unlock", "li.na", "--db", kDb}).exit_code, 0);
  EXPECT_EQ(UserNamed("li.na")["state"], "active");
  EXPECT_TRUE(SignIn("li.na", kGoodPassword).ok());

  CommandResult missing = Run({"user", "lock", "nobody", "--db", kDb});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.ErrLines(), std::vector<std::string>{"oversight: no user named 'nobody'"});

  auto ops = Query(
      "SELECT actor, actor_role, action, object, result FROM ops_log WHERE action = 'user.lock'");
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0],
            (std::vector<std::string>{"wang.admin", "cli", "user.lock", "user:li.na", "ok"}));
}

TEST_F(IdentityCliTest, PasswdResetsThePasswordAndAsksForAChange) {
  ASSERT_EQ(Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb},
                kGoodPassword)
                .exit_code,
            0);
  CommandResult reset = Run({"user", "passwd", "li.na", "--db", kDb});
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  const std::string password = PrintedPassword(reset.out);
  ASSERT_FALSE(password.empty()) << reset.out;
  EXPECT_EQ(SignIn("li.na", kGoodPassword).outcome, auth::SignInOutcome::kBadCredentials);
  auth::SignInResult signed_in = SignIn("li.na", password);
  ASSERT_TRUE(signed_in.ok());
  EXPECT_TRUE(signed_in.must_change_password);

  CommandResult given =
      Run({"user", "passwd", "li.na", "--password-stdin", "--db", kDb}, "N3w&Password\n");
  ASSERT_EQ(given.exit_code, 0) << given.err;
  EXPECT_TRUE(SignIn("li.na", "N3w&Password").ok());
  EXPECT_EQ(Run({"user", "passwd", "nobody", "--db", kDb}).exit_code, 1);
}

TEST_F(IdentityCliTest, ListSaysWhoIsLockedOutAfterFailures) {
  ASSERT_EQ(Run({"user", "add", "li.na", "--role", "auditor", "--password-stdin", "--db", kDb},
                kGoodPassword)
                .exit_code,
            0);
  // The CLI's clock is the real one; sign-in failures now lock the account for 15 minutes.
  auto store = store::sqlite::OpenSqliteStore({Path(kDb), std::nullopt});
  ASSERT_TRUE(store.ok());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  const base::Instant now =
      std::chrono::time_point_cast<base::Milliseconds>(std::chrono::system_clock::now());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(auth.SignIn("li.na", "Wr0ng&pass", now).ok());
  store->reset();

  CommandResult list = Run({"user", "list", "--db", kDb});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("1  li.na  auditor  locked until "), std::string::npos) << list.out;
  ASSERT_EQ(Run({"user", "unlock", "li.na", "--db", kDb}).exit_code, 0);
  EXPECT_EQ(UserNamed("li.na")["state"], "active");
}

TEST_F(IdentityCliTest, TokenIsShownOnceStoredHashedAndRevocable) {
  CommandResult created = Run({"token", "create", "hall push", "--source", "hall", "--dept", kDept,
                               "--dept", kOtherDept, "--db", kDb});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string token = FirstLine(created.out);
  EXPECT_TRUE(token.starts_with("ovs_")) << created.out;
  EXPECT_EQ(token.size(), 47u);
  EXPECT_NE(created.out.find("token 1 'hall push' for source hall, departments: " +
                             std::string(kDept) + "," + kOtherDept),
            std::string::npos)
      << created.out;
  EXPECT_NE(created.out.find("cannot be shown again"), std::string::npos);

  EXPECT_EQ(StoreBytes().find(token), std::string::npos);
  auto rows = Query("SELECT hash FROM api_tokens");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].size(), 64u);

  std::optional<auth::Principal> who = Bearer(token);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->token_source, "hall");
  EXPECT_TRUE(who->MayIngestFor(kOtherDept));
  EXPECT_FALSE(who->MayIngestFor(kUnregisteredDept));

  CommandResult list = Run({"token", "list", "--json", "--db", kDb});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json tokens = ParseJson(list.out);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0]["name"], "hall push");
  EXPECT_EQ(tokens[0]["dept_codes"], (nlohmann::json{kDept, kOtherDept}));
  EXPECT_EQ(tokens[0]["revoked_at"], nullptr);
  EXPECT_EQ(tokens[0]["last_used_at"], kNow);
  EXPECT_EQ(list.out.find(token), std::string::npos);

  ASSERT_EQ(Run({"token", "revoke", "1", "--db", kDb}).exit_code, 0);
  EXPECT_FALSE(Bearer(token).has_value());
  CommandResult twice = Run({"token", "revoke", "1", "--db", kDb});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("token 1 was revoked at"), std::string::npos) << twice.err;
  CommandResult unknown = Run({"token", "revoke", "9", "--db", kDb});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.ErrLines(), std::vector<std::string>{"oversight: no token with id 9"});
  CommandResult text = Run({"token", "list", "--db", kDb});
  EXPECT_NE(text.out.find("1  hall push  source hall"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("revoked "), std::string::npos) << text.out;
}

TEST_F(IdentityCliTest, TokenNeedsASource) {
  CommandResult missing = Run({"token", "create", "push", "--db", kDb});
  EXPECT_EQ(missing.exit_code, 2);
  CommandResult empty = Run({"token", "create", "push", "--source", " ", "--db", kDb});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.ErrLines(), std::vector<std::string>{"oversight: source is empty"});
}

TEST_F(IdentityCliTest, EveryChangeIsAnAuditRecord) {
  ASSERT_EQ(Run({"user", "add", "li.na", "--role", "auditor", "--db", kDb}).exit_code, 0);
  ASSERT_EQ(Run({"user", "add", "li.na", "--role", "auditor", "--db", kDb}).exit_code, 1);
  ASSERT_EQ(Run({"user", "passwd", "li.na", "--db", kDb}).exit_code, 0);
  ASSERT_EQ(Run({"user", "lock", "li.na", "--db", kDb}).exit_code, 0);
  ASSERT_EQ(Run({"user", "unlock", "li.na", "--db", kDb}).exit_code, 0);
  ASSERT_EQ(Run({"token", "create", "push", "--source", "hall", "--db", kDb}).exit_code, 0);
  ASSERT_EQ(Run({"token", "revoke", "1", "--db", kDb}).exit_code, 0);
  using Row = std::vector<std::string>;
  EXPECT_EQ(Operations(), (std::vector<Row>{{"user.create", "user:li.na", "ok"},
                                            {"user.create", "user:li.na", "failed"},
                                            {"user.password_reset", "user:li.na", "ok"},
                                            {"user.lock", "user:li.na", "ok"},
                                            {"user.unlock", "user:li.na", "ok"},
                                            {"token.create", "token:1", "ok"},
                                            {"token.revoke", "token:1", "ok"}}));
  // No record holds a secret.
  for (const auto& row : Query("SELECT detail FROM ops_log")) {
    EXPECT_EQ(row[0].find("ovs_"), std::string::npos) << row[0];
    EXPECT_EQ(row[0].find("password\""), std::string::npos) << row[0];
  }
  EXPECT_EQ(Run({"audit", "verify", "--db", kDb}).exit_code, 0);
}

TEST_F(IdentityCliTest, ReadingCommandsNeedAnExistingStore) {
  CommandResult users = Run({"user", "list", "--db", "missing.db"});
  EXPECT_EQ(users.exit_code, 1);
  EXPECT_NE(users.err.find("no store at 'missing.db'"), std::string::npos);
  EXPECT_EQ(Run({"token", "list", "--db", "missing.db"}).exit_code, 1);
  EXPECT_EQ(Run({"user", "lock", "x", "--db", "missing.db"}).exit_code, 1);

  CommandResult empty = Run({"user", "list", "--db", kDb});  // kDb does not exist either
  EXPECT_EQ(empty.exit_code, 1);
}

}  // namespace
}  // namespace oversight::testing
