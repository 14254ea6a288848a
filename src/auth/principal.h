#pragma once

// Who is calling: a signed-in user with a role, or an ingest client with an API
// token. The server asks the principal what it may do (Can) and which
// departments' data it may see (scope), and hands the scope to the store's
// queries so that scoping is enforced there (DESIGN §12).
//
//   if (!principal.Can(Permission::kReadAlerts)) return Forbidden();
//   store.ListAlerts(filter, principal.scope());

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/role.h"
#include "store/scope.h"

namespace oversight::auth {

struct Principal {
  std::int64_t user_id = 0;           // 0 for a token
  std::string name;                   // the user's login, or the token's name
  std::optional<Role> role;           // empty for tokens
  std::string dept_code;              // a department officer's department
  bool must_change_password = false;  // the UI allows nothing but a password change

  bool is_token = false;
  std::int64_t token_id = 0;
  std::string token_source;                    // events are stored under this source
  std::vector<std::string> token_departments;  // departments it may send for; empty: any

  // A token may only ingest; a user may do what the role allows (role.h).
  bool Can(Permission permission) const;

  // The departments whose business data this principal may read: all for roles
  // with kReadAllDepartments, the own department for an officer, the issued
  // departments for a token, and none for the administrators.
  store::Scope scope() const;

  // Whether a token may send events of `dept_code` (false for users).
  bool MayIngestFor(const std::string& dept_code) const;
};

}  // namespace oversight::auth
