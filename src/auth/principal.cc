#include "auth/principal.h"

#include <algorithm>

namespace oversight::auth {

bool Principal::Can(Permission permission) const {
  if (is_token) return permission == Permission::kIngest;
  return role.has_value() && HasPermission(*role, permission);
}

store::Scope Principal::scope() const {
  if (is_token) return store::Scope::Departments(token_departments);
  if (!role) return store::Scope::Departments({});
  if (HasPermission(*role, Permission::kReadAllDepartments)) return store::Scope::All();
  // An officer without a department (a data error) sees nothing rather than everything.
  if (*role == Role::kDeptOfficer && !dept_code.empty()) {
    return store::Scope::Departments({dept_code});
  }
  return store::Scope::Departments({});
}

bool Principal::MayIngestFor(const std::string& dept_code) const {
  if (!is_token) return false;
  return token_departments.empty() || std::find(token_departments.begin(), token_departments.end(),
                                                dept_code) != token_departments.end();
}

}  // namespace oversight::auth
