#include "auth/principal.h"

#include <gtest/gtest.h>

namespace oversight::auth {
namespace {

Principal User(Role role, std::string dept = "") {
  Principal p;
  p.user_id = 7;
  p.name = "someone";
  p.role = role;
  p.dept_code = std::move(dept);
  return p;
}

Principal Token(std::vector<std::string> departments) {
  Principal p;
  p.is_token = true;
  p.token_id = 3;
  p.token_source = "hall";
  p.token_departments = std::move(departments);
  return p;
}

TEST(PrincipalTest, UsersCanWhatTheirRoleAllows) {
  EXPECT_TRUE(User(Role::kDeptOfficer, "D1").Can(Permission::kRespondAlert));
  EXPECT_FALSE(User(Role::kDeptOfficer, "D1").Can(Permission::kJudgeAlert));
  EXPECT_TRUE(User(Role::kAuditor).Can(Permission::kReadAudit));
  EXPECT_FALSE(User(Role::kAuditor).Can(Permission::kIngest));
}

TEST(PrincipalTest, PrincipalWithoutRoleCanNothing) {
  Principal nobody;
  for (Permission p : AllPermissions()) EXPECT_FALSE(nobody.Can(p)) << PermissionName(p);
  EXPECT_FALSE(nobody.scope().all());
  EXPECT_TRUE(nobody.scope().departments().empty());
}

TEST(PrincipalTest, TokensCanOnlyIngest) {
  Principal token = Token({});
  for (Permission p : AllPermissions()) {
    EXPECT_EQ(token.Can(p), p == Permission::kIngest) << PermissionName(p);
  }
  // Even a token that somehow carries a role gets nothing more.
  token.role = Role::kSupervisor;
  EXPECT_FALSE(token.Can(Permission::kReadCases));
}

TEST(PrincipalTest, ReadAllRolesHaveTheWholeScope) {
  for (Role role : {Role::kSupervisor, Role::kAssessor, Role::kComplaintDesk}) {
    EXPECT_TRUE(User(role).scope().all()) << RoleName(role);
  }
}

TEST(PrincipalTest, DepartmentOfficerSeesOnlyTheirDepartment) {
  store::Scope scope = User(Role::kDeptOfficer, "D1").scope();
  EXPECT_FALSE(scope.all());
  EXPECT_EQ(scope.departments(), std::vector<std::string>{"D1"});
  EXPECT_TRUE(scope.Allows("D1"));
  EXPECT_FALSE(scope.Allows("D2"));
}

TEST(PrincipalTest, OfficerWithoutDepartmentSeesNothing) {
  store::Scope scope = User(Role::kDeptOfficer, "").scope();
  EXPECT_FALSE(scope.all());
  EXPECT_TRUE(scope.departments().empty());
  EXPECT_FALSE(scope.Allows(""));
}

TEST(PrincipalTest, AdministratorsHaveAnEmptyScope) {
  for (Role role : {Role::kSysAdmin, Role::kSecAdmin, Role::kAuditor}) {
    store::Scope scope = User(role).scope();
    EXPECT_FALSE(scope.all()) << RoleName(role);
    EXPECT_TRUE(scope.departments().empty()) << RoleName(role);
  }
}

TEST(PrincipalTest, TokenScopeAndIngestAreItsDepartments) {
  Principal token = Token({"D1", "D2"});
  EXPECT_EQ(token.scope().departments(), (std::vector<std::string>{"D1", "D2"}));
  EXPECT_TRUE(token.MayIngestFor("D2"));
  EXPECT_FALSE(token.MayIngestFor("D3"));
  EXPECT_TRUE(Token({}).MayIngestFor("D3"));  // a token for the whole source
  EXPECT_FALSE(User(Role::kSupervisor).MayIngestFor("D1"));
}

}  // namespace
}  // namespace oversight::auth
