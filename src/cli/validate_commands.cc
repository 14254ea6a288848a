// oversight validate uscc|id: the code checkers of src/codes on the command line.

#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "codes/id_number.h"
#include "codes/uscc.h"

namespace oversight::cli {
namespace {

int Report(const base::Status& verdict, const ValidateArgs& args, std::ostream& out) {
  if (args.json) {
    out << "{\"value\":\"" << base::JsonEscape(args.value) << "\",\"valid\":"
        << (verdict.ok() ? "true" : "false");
    if (!verdict.ok()) out << ",\"reason\":\"" << base::JsonEscape(verdict.message()) << "\"";
    out << "}\n";
  } else {
    out << (verdict.ok() ? "valid" : verdict.message()) << "\n";
  }
  return verdict.ok() ? kExitOk : kExitNo;
}

}  // namespace

int RunValidateUscc(const ValidateArgs& args, std::ostream& out) {
  return Report(codes::ValidateUscc(args.value), args, out);
}

int RunValidateId(const ValidateArgs& args, const Environment& env, std::ostream& out) {
  base::Date today;
  if (args.today.empty()) {
    today = std::chrono::floor<std::chrono::days>(env.clock() + std::chrono::hours(8));
  } else {
    base::Result<base::Date> parsed = base::ParseDate(args.today);
    if (!parsed.ok()) return Fail(parsed.status().WithContext("--today"));
    today = *parsed;
  }
  return Report(codes::ValidateIdNumber(args.value, today), args, out);
}

}  // namespace oversight::cli
