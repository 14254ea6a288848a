#pragma once

// Roles and what each may do (DESIGN §1, §12). The three administrators are
// separated (三员分立, GB/T 22239-2019 level 3): the system administrator runs
// accounts and configuration, the security administrator assigns roles, the
// audit administrator reads the audit log, and none of them sees business data.
//
//   if (!HasPermission(Role::kDeptOfficer, Permission::kRespondAlert)) ...
//
// The matrix (S supervisor 监察局, A assessor 考核, D department officer 部门,
// C complaint desk 投诉受理, Y system admin, E security admin, U auditor):
//
//   permission            S  A  D  C  Y  E  U
//   read_cases            x  x  x  x
//   read_alerts           x  x  x
//   respond_alert               x
//   judge_alert           x
//   propose_rule          x     x
//   approve_rule          x
//   backtest_rule         x     x
//   read_rules            x  x  x
//   read_quarantine       x  x
//   retry_quarantine      x  x
//   manage_catalog           x           x
//   manage_users                         x
//   manage_roles                            x
//   manage_tokens                        x
//   read_audit                                 x
//   verify_audit                               x
//   unmask_personal       x        x
//   ingest                (API tokens only, see Principal)
//   read_scores           x  x  x
//   publish_scores           x
//   manage_complaints     x        x
//   read_all_departments  x  x     x
//   manage_surveys        x  x
//   inspect               x
//
// A department officer's reads are limited to their department by the scope
// (auth/principal.h), not by this table.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace oversight::auth {

enum class Role : std::uint8_t {
  kSupervisor,     // 监察局 / 效能办: sees everything, judges alerts, approves rules
  kAssessor,       // 编办 / 政管办: catalog, scoring model, rankings
  kDeptOfficer,    // a department's officer: own department only
  kComplaintDesk,  // 投诉受理: complaints and their deadlines
  kSysAdmin,       // 系统管理员: accounts and configuration
  kSecAdmin,       // 安全管理员: roles and permissions
  kAuditor,        // 审计管理员: the audit log, read only
};

enum class Permission : std::uint8_t {
  kReadCases,
  kReadAlerts,
  kRespondAlert,  // a department answers an alert (explain or correct)
  kJudgeAlert,    // accept or reject a response, escalate, accountability, withdraw
  kProposeRule,
  kApproveRule,  // approve and retire rules
  kBacktestRule,
  kReadRules,
  kReadQuarantine,
  kRetryQuarantine,
  kManageCatalog,  // departments, items, calendar closures
  kManageUsers,    // create, lock, unlock, reset passwords
  kManageRoles,    // assign roles and departments
  kManageTokens,   // API tokens for ingest clients
  kReadAudit,
  kVerifyAudit,
  kUnmaskPersonal,  // see identity and phone numbers in clear (audited)
  kIngest,          // push case events
  kReadScores,
  kPublishScores,
  kManageComplaints,
  kReadAllDepartments,
  kManageSurveys,  // design, publish and close questionnaires; issue invitations
  kInspect,        // draw spot checks (线下抽查) and record their findings
};

// Stable names ("supervisor", "dept_officer", ...), stored and sent over the API.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::span<const Role> AllRoles();

// Stable names ("read_cases", "judge_alert", ...).
std::string_view PermissionName(Permission permission);
std::optional<Permission> ParsePermission(std::string_view name);
std::span<const Permission> AllPermissions();

bool HasPermission(Role role, Permission permission);

}  // namespace oversight::auth
