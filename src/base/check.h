#pragma once

// OVS_CHECK(cond): an invariant that holds whatever the input. Stays on in every
// build and aborts with the location. Never use it on input (files, HTTP, the
// database): bad input is a Status, not a crash.

#include <cstdio>
#include <cstdlib>

#define OVS_CHECK(cond)                                                         \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                             \
    }                                                                           \
  } while (false)
