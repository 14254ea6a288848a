#pragma once

// The one place that maps outcomes to process exit codes:
//   0  success (and "yes": valid, working day, chain intact)
//   1  a negative answer or a failed operation (invalid code, broken chain, I/O)
//   2  a usage error: bad arguments, unparseable values on the command line

#include <iostream>
#include <string_view>

#include "base/status.h"

namespace oversight::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNo = 1;
inline constexpr int kExitUsage = 2;

// Prints one line "oversight: <message>" to stderr and returns the exit code
// for `status`: kInvalidArgument (a bad value given on the command line) is a
// usage error, anything else a failed operation.
inline int Fail(const base::Status& status) {
  std::cerr << "oversight: " << status.message() << "\n";
  return status.code() == base::StatusCode::kInvalidArgument ? kExitUsage : kExitNo;
}

}  // namespace oversight::cli
