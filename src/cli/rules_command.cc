// `oversight rules check DIR`: validate a rule folder (docs/RULES.md) and list
// every problem, one located error per line.

#include <array>
#include <ostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "runtime/rule_files.h"

namespace oversight::cli {

int RunRulesCheck(const RulesCheckArgs& args, std::ostream& out) {
  runtime::RuleDirContents contents = runtime::ReadRuleDir(args.dir);
  std::array<int, 3> per_level = {0, 0, 0};  // in RuleLevel order
  for (const rules::ParsedRule& r : contents.rules) ++per_level[static_cast<int>(r.rule.level)];
  const bool ok = contents.errors.empty();
  if (args.json) {
    out << "{\"ok\":" << (ok ? "true" : "false") << ",\"rules\":" << contents.rules.size()
        << ",\"department\":" << per_level[0] << ",\"common\":" << per_level[1]
        << ",\"accountability\":" << per_level[2] << ",\"errors\":[";
    for (std::size_t i = 0; i < contents.errors.size(); ++i) {
      const rules::RuleError& e = contents.errors[i];
      out << (i ? "," : "") << "{\"file\":\"" << base::JsonEscape(e.where.file)
          << "\",\"line\":" << e.where.line << ",\"column\":" << e.where.column << ",\"message\":\""
          << base::JsonEscape(e.message) << "\"}";
    }
    out << "]}\n";
  } else if (ok) {
    out << "ok: " << contents.rules.size() << " rules (department " << per_level[0] << ", common "
        << per_level[1] << ", accountability " << per_level[2] << ")\n";
  } else {
    for (const rules::RuleError& e : contents.errors) out << e.ToString() << "\n";
  }
  return ok ? kExitOk : kExitNo;
}

}  // namespace oversight::cli
