#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "auth/token.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::auth {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr char kPassword[] = "Tr0ub4dor&3";
constexpr char kDept[] = "11445200MB2C123484";

RandomSource Seeded(std::uint32_t seed) {
  auto engine = std::make_shared<std::mt19937>(seed);
  return [engine](std::size_t n) {
    std::string bytes(n, '\0');
    for (char& c : bytes) c = static_cast<char>((*engine)() & 0xFF);
    return bytes;
  };
}

AuthPolicy CheapPolicy() {
  AuthPolicy policy;
  policy.argon2 = {.time_cost = 1, .memory_kib = 64, .parallelism = 1, .hash_bytes = 32};
  return policy;
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::OpenSqliteStore({dir_.File("o.db"), std::nullopt});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    auth_ = std::make_unique<Authenticator>(ids(), CheapPolicy(), Seeded(42));
    user_id_ = Add("zhang.wei", Role::kDeptOfficer, kDept, kPassword).record.id;
  }

  store::IdentityStore& ids() { return store_->identity(); }

  CreatedUser Add(const std::string& name, Role role, const std::string& dept,
                  std::optional<std::string> password) {
    auto added = auth_->AddUser({name, "", role, dept, std::move(password), false}, now_);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : CreatedUser{};
  }

  SignInResult SignIn(const std::string& password, base::Instant at,
                      const std::string& name = "zhang.wei") {
    auto result = auth_->SignIn(name, password, at);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : SignInResult{};
  }

  std::optional<Principal> Session(const std::string& token, base::Instant at) {
    auto principal = auth_->AuthenticateSession(token, at);
    EXPECT_TRUE(principal.ok()) << principal.status().ToString();
    return principal.ok() ? *principal : std::nullopt;
  }

  store::UserRecord Stored(std::int64_t id) { return **ids().FindUserById(id); }

  base::Instant now_ = *base::ParseInstant("2025-06-02T01:00:00Z");
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Authenticator> auth_;
  std::int64_t user_id_ = 0;
};

TEST_F(AuthenticatorTest, SignsInAndAuthenticatesTheSession) {
  SignInResult r = SignIn(kPassword, now_);
  ASSERT_TRUE(r.ok()) << r.Message();
  EXPECT_EQ(SignInOutcomeName(r.outcome), "signed_in");
  EXPECT_EQ(r.user_id, user_id_);
  EXPECT_EQ(r.principal.name, "zhang.wei");
  EXPECT_EQ(r.principal.role, Role::kDeptOfficer);
  EXPECT_EQ(r.principal.dept_code, kDept);
  EXPECT_FALSE(r.session_token.empty());
  EXPECT_FALSE(r.csrf_token.empty());
  EXPECT_NE(r.session_token, r.csrf_token);

  std::optional<Principal> who = Session(r.session_token, now_ + minutes(1));
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->user_id, user_id_);
  EXPECT_EQ(who->scope().departments(), std::vector<std::string>{kDept});
  EXPECT_FALSE(Session("not-a-session", now_).has_value());
  EXPECT_FALSE(Session("", now_).has_value());
}

TEST_F(AuthenticatorTest, StoresOnlyTheHashOfTheSession) {
  SignInResult r = SignIn(kPassword, now_);
  EXPECT_FALSE(ids().FindSession(r.session_token)->has_value());
  auto session = ids().FindSession(TokenHash(r.session_token));
  ASSERT_TRUE(session.ok() && session->has_value());
  EXPECT_EQ((*session)->user_id, user_id_);
  EXPECT_NE((*session)->id_hash, r.session_token);
  EXPECT_EQ((*session)->csrf_token, r.csrf_token);
  EXPECT_TRUE(Stored(user_id_).password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(Stored(user_id_).password_hash.find(kPassword), std::string::npos);
}

TEST_F(AuthenticatorTest, UnknownUserAndWrongPasswordLookTheSame) {
  SignInResult unknown = SignIn(kPassword, now_, "nobody");
  SignInResult wrong = SignIn("Wr0ng&pass", now_);
  EXPECT_EQ(unknown.outcome, SignInOutcome::kBadCredentials);
  EXPECT_EQ(wrong.outcome, SignInOutcome::kBadCredentials);
  EXPECT_EQ(unknown.Message(), wrong.Message());
  EXPECT_EQ(SignInOutcomeName(wrong.outcome), "bad_credentials");
  EXPECT_EQ(unknown.user_id, 0);
  EXPECT_EQ(wrong.user_id, user_id_);  // for the audit record
  EXPECT_TRUE(wrong.session_token.empty());
  EXPECT_EQ(Stored(user_id_).failed_attempts, 1);
  EXPECT_EQ(SignIn(kPassword, now_, "").outcome, SignInOutcome::kBadCredentials);
}

TEST_F(AuthenticatorTest, LocksAfterFiveFailuresUntilFifteenMinutesPass) {
  for (int i = 1; i <= 4; ++i) {
    SignInResult r = SignIn("Wr0ng&pass", now_ + minutes(i));
    EXPECT_EQ(r.outcome, SignInOutcome::kBadCredentials) << i;
    EXPECT_FALSE(r.locked_now);
  }
  const base::Instant fifth = now_ + minutes(5);
  SignInResult locked = SignIn("Wr0ng&pass", fifth);
  EXPECT_EQ(locked.outcome, SignInOutcome::kLocked);
  EXPECT_TRUE(locked.locked_now);
  EXPECT_EQ(locked.locked_until, fifth + minutes(15));
  EXPECT_NE(locked.Message().find("locked"), std::string::npos);

  // While locked even the right password is refused, and that does not extend the lock.
  SignInResult still = SignIn(kPassword, fifth + minutes(14));
  EXPECT_EQ(still.outcome, SignInOutcome::kLocked);
  EXPECT_FALSE(still.locked_now);
  EXPECT_EQ(still.locked_until, fifth + minutes(15));
  EXPECT_EQ(SignIn("Wr0ng&pass", fifth + minutes(14)).locked_until, fifth + minutes(15));

  SignInResult after = SignIn(kPassword, fifth + minutes(15));
  EXPECT_TRUE(after.ok()) << after.Message();
  EXPECT_FALSE(Stored(user_id_).locked_until.has_value());
  EXPECT_EQ(Stored(user_id_).failed_attempts, 0);
}

TEST_F(AuthenticatorTest, AfterALockoutExpiresFailuresCountAfresh) {
  for (int i = 0; i < 5; ++i) (void)SignIn("Wr0ng&pass", now_);
  const base::Instant later = now_ + minutes(15);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(SignIn("Wr0ng&pass", later).outcome, SignInOutcome::kBadCredentials);
  EXPECT_EQ(SignIn("Wr0ng&pass", later).outcome, SignInOutcome::kLocked);
}

TEST_F(AuthenticatorTest, SuccessResetsTheFailureCount) {
  for (int i = 0; i < 4; ++i) (void)SignIn("Wr0ng&pass", now_);
  ASSERT_TRUE(SignIn(kPassword, now_).ok());
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(SignIn("Wr0ng&pass", now_).outcome, SignInOutcome::kBadCredentials) << i;
  }
}

TEST_F(AuthenticatorTest, LockedAccountIsDisabledAndItsSessionsEnd) {
  SignInResult r = SignIn(kPassword, now_);
  ASSERT_TRUE(auth_->Lock(user_id_).ok());
  EXPECT_FALSE(Session(r.session_token, now_).has_value());
  // Disabled is told only to someone who knows the password.
  EXPECT_EQ(SignIn(kPassword, now_).outcome, SignInOutcome::kDisabled);
  EXPECT_EQ(SignIn("Wr0ng&pass", now_).outcome, SignInOutcome::kBadCredentials);
  ASSERT_TRUE(auth_->Unlock(user_id_).ok());
  EXPECT_TRUE(SignIn(kPassword, now_).ok());
  EXPECT_EQ(auth_->Lock(999).code(), base::StatusCode::kNotFound);
}

TEST_F(AuthenticatorTest, UnlockClearsALockout) {
  for (int i = 0; i < 5; ++i) (void)SignIn("Wr0ng&pass", now_);
  ASSERT_EQ(SignIn(kPassword, now_).outcome, SignInOutcome::kLocked);
  ASSERT_TRUE(auth_->Unlock(user_id_).ok());
  EXPECT_TRUE(SignIn(kPassword, now_).ok());
}

TEST_F(AuthenticatorTest, SessionEndsAfterThirtyIdleMinutes) {
  SignInResult r = SignIn(kPassword, now_);
  // Each use restarts the idle clock.
  EXPECT_TRUE(Session(r.session_token, now_ + minutes(29)).has_value());
  EXPECT_TRUE(Session(r.session_token, now_ + minutes(58)).has_value());
  EXPECT_FALSE(Session(r.session_token, now_ + minutes(88)).has_value());
  // Expired sessions are deleted, not merely refused.
  EXPECT_FALSE(ids().FindSession(TokenHash(r.session_token))->has_value());
  EXPECT_FALSE(Session(r.session_token, now_ + minutes(60)).has_value());
}

TEST_F(AuthenticatorTest, SessionEndsTwelveHoursAfterSignInHoweverBusy) {
  SignInResult r = SignIn(kPassword, now_);
  base::Instant at = now_;
  while (at + minutes(20) < now_ + hours(12)) {
    at += minutes(20);
    ASSERT_TRUE(Session(r.session_token, at).has_value());
  }
  EXPECT_FALSE(Session(r.session_token, now_ + hours(12)).has_value());
}

TEST_F(AuthenticatorTest, ChecksTheCsrfTokenOfTheSession) {
  SignInResult a = SignIn(kPassword, now_);
  SignInResult b = SignIn(kPassword, now_);
  EXPECT_TRUE(auth_->CheckCsrf(a.session_token, a.csrf_token));
  EXPECT_FALSE(auth_->CheckCsrf(a.session_token, b.csrf_token));
  EXPECT_FALSE(auth_->CheckCsrf(a.session_token, ""));
  EXPECT_FALSE(auth_->CheckCsrf(a.session_token, a.csrf_token + "x"));
  EXPECT_FALSE(auth_->CheckCsrf("unknown", a.csrf_token));
  ASSERT_TRUE(auth_->SignOut(a.session_token).ok());
  EXPECT_FALSE(auth_->CheckCsrf(a.session_token, a.csrf_token));
  EXPECT_FALSE(Session(a.session_token, now_).has_value());
  EXPECT_TRUE(Session(b.session_token, now_).has_value());  // the other session lives on
  EXPECT_TRUE(auth_->SignOut("unknown").ok());
}

TEST_F(AuthenticatorTest, TokensAuthenticateUntilRevoked) {
  auto created = auth_->CreateToken({"hall push", "hall", {"D1", "D2", "D1"}, "sysadmin"}, now_);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const std::string token = created->token;
  EXPECT_TRUE(LooksLikeApiToken(token));
  EXPECT_EQ(created->record.hash, TokenHash(token));
  EXPECT_EQ(created->record.dept_codes, (std::vector<std::string>{"D1", "D2"}));  // deduplicated

  auto who = auth_->AuthenticateToken(token, now_ + minutes(1));
  ASSERT_TRUE(who.ok() && who->has_value());
  const Principal& p = **who;
  EXPECT_TRUE(p.is_token);
  EXPECT_EQ(p.token_id, created->record.id);
  EXPECT_EQ(p.token_source, "hall");
  EXPECT_TRUE(p.Can(Permission::kIngest));
  EXPECT_FALSE(p.Can(Permission::kReadCases));
  EXPECT_TRUE(p.MayIngestFor("D2"));
  EXPECT_FALSE(p.MayIngestFor("D3"));

  auto tokens = ids().ListTokens();
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].last_used_at, now_ + minutes(1));
  EXPECT_NE((*tokens)[0].hash, token);

  ASSERT_TRUE(auth_->RevokeToken(created->record.id, now_ + minutes(2)).ok());
  EXPECT_FALSE(auth_->AuthenticateToken(token, now_ + minutes(3))->has_value());
  EXPECT_EQ(auth_->RevokeToken(created->record.id, now_).code(),
            base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(auth_->RevokeToken(999, now_).code(), base::StatusCode::kNotFound);
}

TEST_F(AuthenticatorTest, RefusesMalformedAndUnknownBearers) {
  EXPECT_FALSE(auth_->AuthenticateToken("", now_)->has_value());
  EXPECT_FALSE(auth_->AuthenticateToken("Bearer ovs_x", now_)->has_value());
  EXPECT_FALSE(auth_->AuthenticateToken(MakeApiToken(std::string(32, 'x')), now_)->has_value());
}

TEST_F(AuthenticatorTest, TokenFieldsAreChecked) {
  auto no_source = auth_->CreateToken({"push", "", {}, "sysadmin"}, now_);
  EXPECT_EQ(no_source.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(no_source.status().message(), "source is empty");
  EXPECT_EQ(auth_->CreateToken({"", "hall", {}, "x"}, now_).status().message(),
            "token name is empty");
  auto comma = auth_->CreateToken({"push", "hall", {"D1,D2"}, "x"}, now_);
  EXPECT_NE(comma.status().message().find("D1,D2"), std::string::npos);
}

TEST_F(AuthenticatorTest, AddUserChecksEveryField) {
  auto message = [&](NewUser user) { return auth_->AddUser(user, now_).status().message(); };
  EXPECT_NE(message({"Zhang", "", Role::kSupervisor, "", kPassword}).find("may hold only"),
            std::string::npos);
  EXPECT_EQ(message({"z", "", Role::kSupervisor, "", kPassword}),
            "user name must have 2 to 64 characters");
  EXPECT_EQ(message({"li.na", "", Role::kDeptOfficer, "", kPassword}),
            "department code is required for role dept_officer");
  EXPECT_EQ(message({"li.na", "", Role::kAuditor, kDept, kPassword}),
            "department code is only for role dept_officer, not auditor");
  EXPECT_EQ(message({"li.na", "", Role::kAuditor, "", "weak"}),
            "password needs at least 8 characters, an upper-case letter, a digit, a symbol");
  EXPECT_EQ(message({"li.na", "a\tb", Role::kAuditor, "", kPassword}),
            "display name holds a control character");
  auto taken = auth_->AddUser({"Zhang.Wei", "", Role::kSupervisor, "", kPassword}, now_);
  EXPECT_FALSE(taken.ok());  // upper case is refused before the name is looked up
  auto duplicate = auth_->AddUser({"zhang.wei", "", Role::kSupervisor, "", kPassword}, now_);
  EXPECT_EQ(duplicate.status().code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(*ids().CountUsers(), 1);
}

TEST_F(AuthenticatorTest, GeneratedPasswordSignsInAndMustBeChanged) {
  auto added = auth_->AddUser({"li.na", "李娜", Role::kSupervisor, "", std::nullopt}, now_);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(added->generated);
  EXPECT_TRUE(CheckPasswordStrength(added->password, {}, "li.na").ok());
  EXPECT_EQ(added->record.display_name, "李娜");
  EXPECT_TRUE(added->record.must_change_password);

  SignInResult r = SignIn(added->password, now_, "li.na");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.must_change_password);
  EXPECT_TRUE(r.principal.must_change_password);
  EXPECT_TRUE(r.principal.scope().all());

  const std::int64_t id = added->record.id;
  EXPECT_EQ(auth_->ChangePassword(id, "Wr0ng&pass", "N3w&Password", now_).message(),
            "current password is wrong");
  EXPECT_EQ(auth_->ChangePassword(id, added->password, added->password, now_).message(),
            "new password is the same as the current one");
  EXPECT_EQ(auth_->ChangePassword(id, added->password, "weakweakweak", now_).code(),
            base::StatusCode::kInvalidArgument);
  ASSERT_TRUE(auth_->ChangePassword(id, added->password, "N3w&Password", now_ + minutes(1)).ok());
  EXPECT_FALSE(Stored(id).must_change_password);
  EXPECT_EQ(Stored(id).password_changed_at, now_ + minutes(1));
  EXPECT_EQ(SignIn(added->password, now_, "li.na").outcome, SignInOutcome::kBadCredentials);
  SignInResult again = SignIn("N3w&Password", now_, "li.na");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.must_change_password);
}

TEST_F(AuthenticatorTest, ResetPasswordEndsSessionsAndAsksForAChange) {
  SignInResult r = SignIn(kPassword, now_);
  auto reset = auth_->ResetPassword(user_id_, std::nullopt, now_);
  ASSERT_TRUE(reset.ok()) << reset.status().ToString();
  EXPECT_NE(*reset, kPassword);
  EXPECT_FALSE(Session(r.session_token, now_).has_value());
  EXPECT_EQ(SignIn(kPassword, now_).outcome, SignInOutcome::kBadCredentials);
  SignInResult with_new = SignIn(*reset, now_);
  ASSERT_TRUE(with_new.ok());
  EXPECT_TRUE(with_new.must_change_password);

  EXPECT_EQ(auth_->ResetPassword(user_id_, std::string("weak"), now_).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(*auth_->ResetPassword(user_id_, std::string("Given&Pass1"), now_), "Given&Pass1");
  EXPECT_EQ(auth_->ResetPassword(999, std::nullopt, now_).status().code(),
            base::StatusCode::kNotFound);
}

TEST_F(AuthenticatorTest, AssignRoleChangesRightsAtTheNextSignIn) {
  SignInResult r = SignIn(kPassword, now_);
  EXPECT_EQ(auth_->AssignRole(user_id_, Role::kAssessor, kDept).code(),
            base::StatusCode::kInvalidArgument);
  ASSERT_TRUE(auth_->AssignRole(user_id_, Role::kAssessor, "").ok());
  EXPECT_FALSE(Session(r.session_token, now_).has_value());
  SignInResult again = SignIn(kPassword, now_);
  EXPECT_EQ(again.principal.role, Role::kAssessor);
  EXPECT_TRUE(again.principal.Can(Permission::kPublishScores));
  EXPECT_EQ(Stored(user_id_).dept_code, "");
}

TEST_F(AuthenticatorTest, RehashesWhenTheCostWasRaised) {
  AuthPolicy stronger = CheapPolicy();
  stronger.argon2.memory_kib = 128;
  Authenticator auth(ids(), stronger, Seeded(7));
  ASSERT_TRUE(auth.SignIn("zhang.wei", kPassword, now_)->ok());
  EXPECT_TRUE(Stored(user_id_).password_hash.starts_with("$argon2id$v=19$m=128,t=1,p=1$"));
  EXPECT_TRUE(auth.SignIn("zhang.wei", kPassword, now_)->ok());
}

TEST_F(AuthenticatorTest, DamagedRoleIsAnErrorNotAPrincipal) {
  store::UserRecord user = Stored(user_id_);
  SignInResult r = SignIn(kPassword, now_);
  user.role = "emperor";
  ASSERT_TRUE(ids().UpdateUser(user).ok());
  auto session = auth_->AuthenticateSession(r.session_token, now_);
  EXPECT_EQ(session.status().code(), base::StatusCode::kDataLoss);
  auto sign_in = auth_->SignIn("zhang.wei", kPassword, now_);
  EXPECT_EQ(sign_in.status().code(), base::StatusCode::kDataLoss);
}

TEST_F(AuthenticatorTest, FirstStartCreatesTheSeparatedAdministratorsOnce) {
  testing::TempDir other;
  auto fresh = store::sqlite::OpenSqliteStore({other.File("fresh.db"), std::nullopt});
  ASSERT_TRUE(fresh.ok());
  store::IdentityStore& ids = (*fresh)->identity();
  auto created = EnsureFirstAdministrators(ids, CheapPolicy(), now_, Seeded(3));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_EQ(created->size(), 4u);
  const char* names[] = {"sysadmin", "secadmin", "auditor", "supervisor"};
  const Role roles[] = {Role::kSysAdmin, Role::kSecAdmin, Role::kAuditor, Role::kSupervisor};
  std::set<std::string> passwords;
  for (std::size_t i = 0; i < 4; ++i) {
    const CreatedUser& user = (*created)[i];
    EXPECT_EQ(user.record.name, names[i]);
    EXPECT_EQ(user.record.role, RoleName(roles[i]));
    EXPECT_TRUE(user.record.must_change_password);
    EXPECT_TRUE(user.generated);
    passwords.insert(user.password);
  }
  EXPECT_EQ(passwords.size(), 4u);

  Authenticator auth(ids, CheapPolicy(), Seeded(4));
  auto r = auth.SignIn("auditor", (*created)[2].password, now_);
  ASSERT_TRUE(r.ok() && r->ok());
  EXPECT_TRUE(r->must_change_password);
  EXPECT_TRUE(r->principal.Can(Permission::kReadAudit));

  auto again = EnsureFirstAdministrators(ids, CheapPolicy(), now_, Seeded(5));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(*ids.CountUsers(), 4);
}

TEST_F(AuthenticatorTest, FirstStartLeavesAnInstallationWithUsersAlone) {
  auto created = EnsureFirstAdministrators(ids(), CheapPolicy(), now_, Seeded(3));
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->empty());
  EXPECT_EQ(*ids().CountUsers(), 1);
}

}  // namespace
}  // namespace oversight::auth
