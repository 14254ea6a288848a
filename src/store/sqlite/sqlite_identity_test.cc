#include "store/sqlite/internal/sqlite_identity.h"

#include <gtest/gtest.h>

#include "store/identity_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using std::chrono::minutes;

class SqliteIdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenSqliteStore({dir_.File("o.db"), std::nullopt});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  IdentityStore& ids() { return store_->identity(); }

  UserRecord User(const std::string& name) const {
    UserRecord user;
    user.name = name;
    user.display_name = "张伟";
    user.role = "dept_officer";
    user.dept_code = "11445200MB2C123484";
    user.password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA";
    user.created_at = now_;
    user.password_changed_at = now_;
    return user;
  }

  base::Instant now_ = *base::ParseInstant("2025-06-01T00:00:00Z");
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteIdentityTest, AddsAndFindsUsersByNameAndId) {
  auto id = ids().AddUser(User("zhang.wei"));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_GT(*id, 0);
  EXPECT_EQ(*ids().CountUsers(), 1);

  auto by_name = ids().FindUserByName("zhang.wei");
  ASSERT_TRUE(by_name.ok() && by_name->has_value());
  const UserRecord& user = **by_name;
  EXPECT_EQ(user.id, *id);
  EXPECT_EQ(user.display_name, "张伟");
  EXPECT_EQ(user.role, "dept_officer");
  EXPECT_EQ(user.dept_code, "11445200MB2C123484");
  EXPECT_EQ(user.created_at, now_);
  EXPECT_FALSE(user.locked_until.has_value());
  EXPECT_FALSE(user.disabled);

  auto by_id = ids().FindUserById(*id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ((*by_id)->name, "zhang.wei");
  EXPECT_FALSE(ids().FindUserById(*id + 1)->has_value());
  EXPECT_FALSE(ids().FindUserByName("li.na")->has_value());
}

TEST_F(SqliteIdentityTest, NamesAreUniqueRegardlessOfCase) {
  ASSERT_TRUE(ids().AddUser(User("zhang.wei")).ok());
  auto again = ids().AddUser(User("Zhang.Wei"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), base::StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("Zhang.Wei"), std::string::npos);
  EXPECT_TRUE(ids().FindUserByName("ZHANG.WEI")->has_value());
  EXPECT_EQ(*ids().CountUsers(), 1);
}

TEST_F(SqliteIdentityTest, UpdateWritesEveryMutableColumn) {
  std::int64_t id = *ids().AddUser(User("zhang.wei"));
  UserRecord user = **ids().FindUserById(id);
  user.display_name = "Zhang Wei";
  user.role = "supervisor";
  user.dept_code = "";
  user.password_hash = "$argon2id$new";
  user.failed_attempts = 3;
  user.locked_until = now_ + minutes(15);
  user.disabled = true;
  user.must_change_password = true;
  user.password_changed_at = now_ + minutes(1);
  ASSERT_TRUE(ids().UpdateUser(user).ok());

  UserRecord read = **ids().FindUserById(id);
  EXPECT_EQ(read.display_name, "Zhang Wei");
  EXPECT_EQ(read.role, "supervisor");
  EXPECT_EQ(read.dept_code, "");
  EXPECT_EQ(read.password_hash, "$argon2id$new");
  EXPECT_EQ(read.failed_attempts, 3);
  EXPECT_EQ(read.locked_until, now_ + minutes(15));
  EXPECT_TRUE(read.disabled);
  EXPECT_TRUE(read.must_change_password);
  EXPECT_EQ(read.password_changed_at, now_ + minutes(1));

  user.locked_until.reset();
  ASSERT_TRUE(ids().UpdateUser(user).ok());
  EXPECT_FALSE((*ids().FindUserById(id))->locked_until.has_value());

  user.id = 999;
  EXPECT_EQ(ids().UpdateUser(user).code(), base::StatusCode::kNotFound);
}

TEST_F(SqliteIdentityTest, ListsUsersInIdOrder) {
  ASSERT_TRUE(ids().AddUser(User("b")).ok());
  ASSERT_TRUE(ids().AddUser(User("a")).ok());
  auto users = ids().ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].name, "b");
  EXPECT_EQ((*users)[1].name, "a");
}

TEST_F(SqliteIdentityTest, SessionsAreCreatedTouchedAndDeleted) {
  std::int64_t id = *ids().AddUser(User("zhang.wei"));
  SessionRecord session{"hash-1", id, "csrf-1", now_, now_};
  ASSERT_TRUE(ids().CreateSession(session).ok());
  EXPECT_EQ(ids().CreateSession(session).code(), base::StatusCode::kAlreadyExists);
  ASSERT_TRUE(ids().CreateSession({"hash-2", id, "csrf-2", now_, now_}).ok());

  ASSERT_TRUE(ids().TouchSession("hash-1", now_ + minutes(5)).ok());
  auto found = ids().FindSession("hash-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user_id, id);
  EXPECT_EQ((*found)->csrf_token, "csrf-1");
  EXPECT_EQ((*found)->created_at, now_);
  EXPECT_EQ((*found)->last_seen_at, now_ + minutes(5));
  EXPECT_EQ(ids().TouchSession("missing", now_).code(), base::StatusCode::kNotFound);

  ASSERT_TRUE(ids().DeleteSession("hash-1").ok());
  EXPECT_FALSE(ids().FindSession("hash-1")->has_value());
  EXPECT_TRUE(ids().DeleteSession("hash-1").ok());  // gone already: not an error
  EXPECT_EQ(*ids().DeleteSessionsOfUser(id), 1);
  EXPECT_FALSE(ids().FindSession("hash-2")->has_value());
}

TEST_F(SqliteIdentityTest, DeletesExpiredSessions) {
  std::int64_t id = *ids().AddUser(User("zhang.wei"));
  ASSERT_TRUE(ids().CreateSession({"idle", id, "c", now_, now_}).ok());
  ASSERT_TRUE(ids().CreateSession({"old", id, "c", now_ - minutes(600), now_ + minutes(40)}).ok());
  ASSERT_TRUE(ids().CreateSession({"fresh", id, "c", now_ + minutes(10), now_ + minutes(40)}).ok());
  auto deleted = ids().DeleteExpiredSessions(now_ + minutes(10), now_ - minutes(60));
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 2);
  EXPECT_TRUE(ids().FindSession("fresh")->has_value());
}

TEST_F(SqliteIdentityTest, TokensKeepTheirDepartmentsAndAreRevokedOnce) {
  TokenRecord token{0, "hall push", "abc123", "hall", {"D1", "D2"}, "sysadmin", now_, {}, {}};
  auto id = ids().AddToken(token);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(ids().AddToken(token).status().code(), base::StatusCode::kAlreadyExists);

  auto found = ids().FindTokenByHash("abc123");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, *id);
  EXPECT_EQ((*found)->name, "hall push");
  EXPECT_EQ((*found)->source, "hall");
  EXPECT_EQ((*found)->dept_codes, (std::vector<std::string>{"D1", "D2"}));
  EXPECT_EQ((*found)->created_by, "sysadmin");
  EXPECT_FALSE((*found)->revoked_at.has_value());
  EXPECT_FALSE((*found)->last_used_at.has_value());
  EXPECT_FALSE(ids().FindTokenByHash("other")->has_value());

  ASSERT_TRUE(ids().TouchToken(*id, now_ + minutes(1)).ok());
  ASSERT_TRUE(ids().RevokeToken(*id, now_ + minutes(2)).ok());
  base::Status twice = ids().RevokeToken(*id, now_ + minutes(3));
  EXPECT_EQ(twice.code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ids().RevokeToken(*id + 1, now_).code(), base::StatusCode::kNotFound);

  auto tokens = ids().ListTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].revoked_at, now_ + minutes(2));
  EXPECT_EQ((*tokens)[0].last_used_at, now_ + minutes(1));
}

TEST_F(SqliteIdentityTest, TokenWithoutDepartmentsReadsBackEmpty) {
  ASSERT_TRUE(ids().AddToken({0, "any", "h", "hall", {}, "x", now_, {}, {}}).ok());
  EXPECT_TRUE((*ids().FindTokenByHash("h"))->dept_codes.empty());
}

TEST_F(SqliteIdentityTest, RefusesDepartmentCodesThatWouldNotReadBack) {
  auto added = ids().AddToken({0, "bad", "h", "hall", {"D1,D2"}, "x", now_, {}, {}});
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(added.status().message().find("D1,D2"), std::string::npos);
  EXPECT_FALSE(ids().AddToken({0, "bad", "h", "hall", {""}, "x", now_, {}, {}}).ok());
}

TEST_F(SqliteIdentityTest, SurvivesReopening) {
  ASSERT_TRUE(ids().AddUser(User("zhang.wei")).ok());
  store_.reset();
  auto reopened = OpenSqliteStore({dir_.File("o.db"), std::nullopt});
  ASSERT_TRUE(reopened.ok());
  EXPECT_TRUE((*reopened)->identity().FindUserByName("zhang.wei")->has_value());
}

}  // namespace
}  // namespace oversight::store::sqlite
