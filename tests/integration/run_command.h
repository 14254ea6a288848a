#pragma once

// Runs a program as a child process and captures what it says: the end-to-end
// tests drive the `oversight` binary exactly as an operator's shell would.
//
//   CommandResult r = RunCommand({OVS_BINARY, "validate", "uscc", code});
//   EXPECT_EQ(r.exit_code, 0) << r.err;

#include <string>
#include <vector>

namespace oversight::testing {

struct CommandResult {
  int exit_code = -1;  // the exit status; 128 + N when killed by signal N
  std::string out;     // everything written to stdout
  std::string err;     // everything written to stderr
  long max_rss_kb = 0;  // the child's peak resident memory

  // stderr split into lines (without their ends), for "exactly one line" checks.
  std::vector<std::string> ErrLines() const;
};

struct RunOptions {
  std::string stdin_text;  // fed to the child's stdin, which is then closed
  std::string cwd;         // working directory of the child; empty: the current one
};

// Runs argv[0] (a path, not looked up in PATH) with argv. The child's
// sanitizers, when built with them, exit with kSanitizerExitCode on a finding so
// that a memory error can never pass for the program's own exit code 1.
CommandResult RunCommand(const std::vector<std::string>& argv, const RunOptions& options = {});

inline constexpr int kSanitizerExitCode = 86;

}  // namespace oversight::testing
