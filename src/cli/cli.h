#pragma once

#include "cli/commands.h"

namespace oversight::cli {

// Parses the command line and runs the chosen command; returns the exit code.
int RunCli(int argc, char** argv, const Environment& env);

}  // namespace oversight::cli
