#pragma once

// Which departments' data a caller may see or change. A department officer's
// scope is their department; a token's is the departments it was issued for;
// the bureau sees all. Queries take a Scope and apply it in SQL, so that scoping
// never depends on a caller remembering to filter afterwards (DESIGN §12).

#include <algorithm>
#include <string>
#include <vector>

namespace oversight::store {

class Scope {
 public:
  static Scope All() { return Scope(true, {}); }
  static Scope Departments(std::vector<std::string> codes) {
    return Scope(false, std::move(codes));
  }

  bool all() const { return all_; }
  // The departments allowed when !all(); empty means nothing is visible.
  const std::vector<std::string>& departments() const { return departments_; }

  bool Allows(const std::string& dept_code) const {
    return all_ || std::find(departments_.begin(), departments_.end(), dept_code) !=
                       departments_.end();
  }

 private:
  Scope(bool all, std::vector<std::string> departments)
      : all_(all), departments_(std::move(departments)) {}

  bool all_;
  std::vector<std::string> departments_;
};

}  // namespace oversight::store
