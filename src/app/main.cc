// The composition root: picks the store backend and the clock, then hands
// control to the command line. The only file that names a concrete store or
// reads the wall clock.

#include <chrono>
#include <exception>
#include <iostream>

#include "cli/cli.h"
#include "store/sqlite/sqlite_store.h"

int main(int argc, char** argv) {
  using namespace oversight;
  cli::Environment env;
  env.open_store = [](const std::string& path, std::optional<audit::HashAlgorithm> algorithm) {
    return store::sqlite::OpenSqliteStore({path, algorithm});
  };
  env.clock = [] {
    return std::chrono::time_point_cast<base::Milliseconds>(std::chrono::system_clock::now());
  };
  try {
    return cli::RunCli(argc, argv, env);
  } catch (const std::exception& e) {
    // Our code does not throw; a library that did is a bug to report, not a crash.
    std::cerr << "oversight: internal error: " << e.what() << "\n";
    return 70;
  }
}
