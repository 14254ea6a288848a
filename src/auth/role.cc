#include "auth/role.h"

#include <array>

namespace oversight::auth {
namespace {

constexpr std::uint8_t Bit(Role role) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(role));
}

// Role masks, named as in the matrix in role.h.
constexpr std::uint8_t S = Bit(Role::kSupervisor);
constexpr std::uint8_t A = Bit(Role::kAssessor);
constexpr std::uint8_t D = Bit(Role::kDeptOfficer);
constexpr std::uint8_t C = Bit(Role::kComplaintDesk);
constexpr std::uint8_t Y = Bit(Role::kSysAdmin);
constexpr std::uint8_t E = Bit(Role::kSecAdmin);
constexpr std::uint8_t U = Bit(Role::kAuditor);
constexpr std::uint8_t kNoRole = 0;

struct RoleEntry {
  Role role;
  std::string_view name;
};

constexpr std::array<RoleEntry, 7> kRoles = {{
    {Role::kSupervisor, "supervisor"},
    {Role::kAssessor, "assessor"},
    {Role::kDeptOfficer, "dept_officer"},
    {Role::kComplaintDesk, "complaint_desk"},
    {Role::kSysAdmin, "sysadmin"},
    {Role::kSecAdmin, "secadmin"},
    {Role::kAuditor, "auditor"},
}};

struct PermissionEntry {
  Permission permission;
  std::string_view name;
  std::uint8_t roles;  // who holds it
};

// The matrix of role.h, one row per permission, in enum order. No row gives an
// administrator (Y, E, U) business data, and only U reads the audit log.
constexpr std::array<PermissionEntry, 24> kPermissions = {{
    {Permission::kReadCases, "read_cases", S | A | D | C},
    {Permission::kReadAlerts, "read_alerts", S | A | D},
    {Permission::kRespondAlert, "respond_alert", D},
    {Permission::kJudgeAlert, "judge_alert", S},
    {Permission::kProposeRule, "propose_rule", S | D},
    {Permission::kApproveRule, "approve_rule", S},
    {Permission::kBacktestRule, "backtest_rule", S | D},
    {Permission::kReadRules, "read_rules", S | A | D},
    {Permission::kReadQuarantine, "read_quarantine", S | A},
    {Permission::kRetryQuarantine, "retry_quarantine", S | A},
    {Permission::kManageCatalog, "manage_catalog", A | Y},
    {Permission::kManageUsers, "manage_users", Y},
    {Permission::kManageRoles, "manage_roles", E},
    {Permission::kManageTokens, "manage_tokens", Y},
    {Permission::kReadAudit, "read_audit", U},
    {Permission::kVerifyAudit, "verify_audit", U},
    {Permission::kUnmaskPersonal, "unmask_personal", S | C},
    {Permission::kIngest, "ingest", kNoRole},  // API tokens only
    {Permission::kReadScores, "read_scores", S | A | D},
    {Permission::kPublishScores, "publish_scores", A},
    {Permission::kManageComplaints, "manage_complaints", S | C},
    {Permission::kReadAllDepartments, "read_all_departments", S | A | C},
    {Permission::kManageSurveys, "manage_surveys", S | A},
    {Permission::kInspect, "inspect", S},
}};

constexpr bool TablesFollowEnumOrder() {
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (static_cast<std::size_t>(kRoles[i].role) != i) return false;
  }
  for (std::size_t i = 0; i < kPermissions.size(); ++i) {
    if (static_cast<std::size_t>(kPermissions[i].permission) != i) return false;
  }
  return true;
}
static_assert(TablesFollowEnumOrder(), "kRoles and kPermissions are indexed by their enums");

constexpr std::array<Role, kRoles.size()> kAllRoles = [] {
  std::array<Role, kRoles.size()> roles{};
  for (std::size_t i = 0; i < kRoles.size(); ++i) roles[i] = kRoles[i].role;
  return roles;
}();

constexpr std::array<Permission, kPermissions.size()> kAllPermissions = [] {
  std::array<Permission, kPermissions.size()> permissions{};
  for (std::size_t i = 0; i < kPermissions.size(); ++i) permissions[i] = kPermissions[i].permission;
  return permissions;
}();

}  // namespace

std::string_view RoleName(Role role) { return kRoles[static_cast<std::size_t>(role)].name; }

std::optional<Role> ParseRole(std::string_view name) {
  for (const RoleEntry& entry : kRoles) {
    if (entry.name == name) return entry.role;
  }
  return std::nullopt;
}

std::span<const Role> AllRoles() { return kAllRoles; }

std::string_view PermissionName(Permission permission) {
  return kPermissions[static_cast<std::size_t>(permission)].name;
}

std::optional<Permission> ParsePermission(std::string_view name) {
  for (const PermissionEntry& entry : kPermissions) {
    if (entry.name == name) return entry.permission;
  }
  return std::nullopt;
}

std::span<const Permission> AllPermissions() { return kAllPermissions; }

bool HasPermission(Role role, Permission permission) {
  return (kPermissions[static_cast<std::size_t>(permission)].roles & Bit(role)) != 0;
}

}  // namespace oversight::auth
