#include "auth/role.h"

#include <gtest/gtest.h>

namespace oversight::auth {
namespace {

// The permissions a role holds, by name, for readable failures.
std::vector<std::string> PermissionsOf(Role role) {
  std::vector<std::string> names;
  for (Permission p : AllPermissions()) {
    if (HasPermission(role, p)) names.emplace_back(PermissionName(p));
  }
  return names;
}

using Names = std::vector<std::string>;

TEST(RoleTest, NamesRoundTrip) {
  EXPECT_EQ(AllRoles().size(), 7u);
  for (Role role : AllRoles()) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_EQ(RoleName(Role::kDeptOfficer), "dept_officer");
  EXPECT_EQ(RoleName(Role::kComplaintDesk), "complaint_desk");
  EXPECT_EQ(RoleName(Role::kSysAdmin), "sysadmin");
  EXPECT_EQ(ParseRole("Supervisor"), std::nullopt);  // names are exact
  EXPECT_EQ(ParseRole(""), std::nullopt);
  for (Permission p : AllPermissions()) EXPECT_EQ(ParsePermission(PermissionName(p)), p);
  EXPECT_EQ(ParsePermission("read_everything"), std::nullopt);
}

// 三员分立: the three administrators each hold exactly their own duty.
TEST(RoleTest, SystemAdministratorManagesAccountsButReadsNeitherDataNorAudit) {
  EXPECT_EQ(PermissionsOf(Role::kSysAdmin),
            (Names{"manage_catalog", "manage_users", "manage_tokens"}));
  EXPECT_FALSE(HasPermission(Role::kSysAdmin, Permission::kReadAudit));
  EXPECT_FALSE(HasPermission(Role::kSysAdmin, Permission::kReadCases));
  EXPECT_FALSE(HasPermission(Role::kSysAdmin, Permission::kManageRoles));
}

TEST(RoleTest, SecurityAdministratorAssignsRolesAndNothingElse) {
  EXPECT_EQ(PermissionsOf(Role::kSecAdmin), (Names{"manage_roles"}));
  EXPECT_FALSE(HasPermission(Role::kSecAdmin, Permission::kReadCases));
  EXPECT_FALSE(HasPermission(Role::kSecAdmin, Permission::kManageUsers));
}

TEST(RoleTest, AuditorOnlyReadsAndVerifiesTheAuditLog) {
  EXPECT_EQ(PermissionsOf(Role::kAuditor), (Names{"read_audit", "verify_audit"}));
}

TEST(RoleTest, OnlyTheAuditorReadsTheAuditLog) {
  for (Role role : AllRoles()) {
    EXPECT_EQ(HasPermission(role, Permission::kReadAudit), role == Role::kAuditor)
        << RoleName(role);
  }
}

TEST(RoleTest, NoAdministratorSeesBusinessData) {
  const Permission business[] = {Permission::kReadCases,          Permission::kReadAlerts,
                                 Permission::kReadQuarantine,     Permission::kUnmaskPersonal,
                                 Permission::kReadAllDepartments, Permission::kReadScores,
                                 Permission::kManageComplaints,   Permission::kManageSurveys,
                                 Permission::kInspect};
  for (Role admin : {Role::kSysAdmin, Role::kSecAdmin, Role::kAuditor}) {
    for (Permission p : business) {
      EXPECT_FALSE(HasPermission(admin, p)) << RoleName(admin) << " " << PermissionName(p);
    }
  }
}

TEST(RoleTest, NoRoleIngests) {
  for (Role role : AllRoles())
    EXPECT_FALSE(HasPermission(role, Permission::kIngest)) << RoleName(role);
}

TEST(RoleTest, BusinessRolesHoldTheirDuties) {
  EXPECT_TRUE(HasPermission(Role::kSupervisor, Permission::kJudgeAlert));
  EXPECT_TRUE(HasPermission(Role::kSupervisor, Permission::kApproveRule));
  EXPECT_TRUE(HasPermission(Role::kSupervisor, Permission::kReadAllDepartments));
  EXPECT_FALSE(HasPermission(Role::kSupervisor, Permission::kRespondAlert));

  EXPECT_TRUE(HasPermission(Role::kDeptOfficer, Permission::kRespondAlert));
  EXPECT_TRUE(HasPermission(Role::kDeptOfficer, Permission::kProposeRule));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kApproveRule));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kJudgeAlert));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kReadAllDepartments));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kUnmaskPersonal));

  EXPECT_TRUE(HasPermission(Role::kAssessor, Permission::kPublishScores));
  EXPECT_TRUE(HasPermission(Role::kAssessor, Permission::kManageCatalog));
  EXPECT_FALSE(HasPermission(Role::kAssessor, Permission::kJudgeAlert));

  EXPECT_TRUE(HasPermission(Role::kComplaintDesk, Permission::kManageComplaints));
  EXPECT_TRUE(HasPermission(Role::kComplaintDesk, Permission::kUnmaskPersonal));
  EXPECT_FALSE(HasPermission(Role::kComplaintDesk, Permission::kReadAlerts));

  // Questionnaires are the bureau's (监察局 and 考核); spot checks the supervisor's.
  EXPECT_TRUE(HasPermission(Role::kSupervisor, Permission::kManageSurveys));
  EXPECT_TRUE(HasPermission(Role::kAssessor, Permission::kManageSurveys));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kManageSurveys));
  EXPECT_TRUE(HasPermission(Role::kSupervisor, Permission::kInspect));
  EXPECT_FALSE(HasPermission(Role::kAssessor, Permission::kInspect));
  EXPECT_FALSE(HasPermission(Role::kDeptOfficer, Permission::kInspect));
}

}  // namespace
}  // namespace oversight::auth
