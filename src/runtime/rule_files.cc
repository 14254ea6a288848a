#include "runtime/rule_files.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "rules/rule_checker.h"

namespace oversight::runtime {
namespace {

namespace fs = std::filesystem;

constexpr rules::RuleLevel kLevels[] = {rules::RuleLevel::kDepartment, rules::RuleLevel::kCommon,
                                        rules::RuleLevel::kAccountability};

bool IsYaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

void Fail(RuleDirContents& out, const fs::path& where, std::string message) {
  out.errors.push_back(rules::RuleError{rules::Location{where.generic_string(), 0, 0}, std::move(message)});
}

// Every YAML file under `dir`, sorted; errors for unreadable entries.
std::vector<fs::path> YamlFiles(const fs::path& dir, RuleDirContents& out) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  if (ec) {
    Fail(out, dir, "cannot list the folder: " + ec.message());
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      Fail(out, dir, "cannot list the folder: " + ec.message());
      break;
    }
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsYaml(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Rule files are short documents; a bound keeps a stray large file (and
// yaml-cpp's recursion on deep nesting) away from the parser.
constexpr std::uintmax_t kMaxRuleFileBytes = 1 << 20;

bool ReadText(const fs::path& file, std::string& text) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  text = buffer.str();
  return true;
}

}  // namespace

RuleDirContents ReadRuleDir(const fs::path& dir) {
  RuleDirContents out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    Fail(out, dir, "not a folder of rules (expected department/, common/, accountability/ inside)");
    return out;
  }
  const fs::path settings_file = dir / "ruleset.yaml";
  if (fs::is_regular_file(settings_file, ec)) {
    std::string text;
    if (!ReadText(settings_file, text)) {
      Fail(out, settings_file, "cannot read the file");
    } else {
      out.settings = rules::ParseRuleSetSettings(text, settings_file.generic_string(), out.errors);
    }
  }
  // YAML files that would be ignored: directly in `dir` or in another folder.
  for (const fs::path& file : YamlFiles(dir, out)) {
    if (file == settings_file) continue;
    fs::path rel = file.lexically_relative(dir);
    std::string top = rel.begin() != rel.end() ? rel.begin()->string() : "";
    bool in_level = std::any_of(std::begin(kLevels), std::end(kLevels),
                                [&](rules::RuleLevel l) { return rules::RuleLevelName(l) == top; });
    if (!in_level || std::distance(rel.begin(), rel.end()) < 2) {
      Fail(out, file, "not in a level folder (department/, common/, accountability/), so never loaded");
    }
  }
  for (rules::RuleLevel level : kLevels) {
    const fs::path folder = dir / std::string(rules::RuleLevelName(level));
    if (!fs::exists(folder, ec)) continue;  // a level may have no rules yet
    if (!fs::is_directory(folder, ec)) {
      Fail(out, folder, "expected a folder");
      continue;
    }
    for (const fs::path& file : YamlFiles(folder, out)) {
      if (fs::file_size(file, ec) > kMaxRuleFileBytes && !ec) {
        Fail(out, file, "larger than 1 MiB; a rule file holds a few short documents");
        continue;
      }
      std::string text;
      if (!ReadText(file, text)) {
        Fail(out, file, "cannot read the file");
        continue;
      }
      rules::ParseResult parsed =
          rules::ParseRuleDocuments(text, file.generic_string(), out.settings);
      for (rules::ParsedRule& r : parsed.rules) {
        r.folder = level;
        out.rules.push_back(std::move(r));
      }
      out.errors.insert(out.errors.end(), parsed.errors.begin(), parsed.errors.end());
    }
  }
  std::vector<rules::RuleError> set_errors = rules::CheckRuleSet(out.rules);
  out.errors.insert(out.errors.end(), set_errors.begin(), set_errors.end());
  return out;
}

base::Result<rules::RuleSet> LoadRuleDir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return base::NotFound("rule folder " + dir.generic_string() + " does not exist or is not a folder");
  }
  RuleDirContents contents = ReadRuleDir(dir);
  if (!contents.errors.empty()) {
    std::string message;
    for (const rules::RuleError& e : contents.errors) {
      if (!message.empty()) message += '\n';
      message += e.ToString();
    }
    return base::InvalidArgument(std::move(message));
  }
  rules::RuleSet set;
  set.settings = contents.settings;
  for (rules::ParsedRule& r : contents.rules) set.rules.push_back(std::move(r.rule));
  return set;
}

}  // namespace oversight::runtime
