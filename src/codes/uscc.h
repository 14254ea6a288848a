#pragma once

// The unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character
// identity of every department, company and organisation. Layout, 1-based:
//   1      registration authority (登记管理部门码: 1 机构编制, 5 民政, 9 工商, Y other)
//   2      organisation type (机构类别码)
//   3–8    administrative division of the registering authority (6 digits, GB/T 2260)
//   9–17   organisation code (主体标识码, GB 11714), whose own check character is at 17
//   18     check character over 1–17, modulo 31
// The alphabet is 0-9 and the capitals except I, O, Z, S, V. Codes are upper case:
// lower-case input is rejected (with a message saying so) rather than silently folded,
// so that stored codes have exactly one spelling; callers that accept user typing
// upper-case it first.
//
//   base::Status s = ValidateUscc("91350100M000100Y43");   // ok
//   char c = ComputeUsccCheckChar("91350100M000100Y4");     // '3'

#include <string_view>

#include "base/status.h"

namespace oversight::codes {

inline constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
inline constexpr std::size_t kUsccLength = 18;

// OK for a well-formed code; otherwise kInvalidArgument naming the fault: wrong length,
// the illegal (or lower-case) character and its 1-based position, a non-digit in the
// division, or the expected vs found check character (of the embedded organisation
// code at position 17, or of the whole code at 18).
base::Status ValidateUscc(std::string_view code);

// The check character (position 18) for the first 17 characters. Returns '\0' when
// `first17` is not 17 characters of the alphabet.
char ComputeUsccCheckChar(std::string_view first17);

// The GB 11714 check character (position 9 of an organisation code, position 17 of a
// USCC) for the 8 characters before it: weights 3 7 9 10 5 8 4 2, letters A=10 … Z=35,
// C = 11 − (S mod 11) with 10 written 'X' and 11 written '0'. Returns '\0' when
// `first8` is not 8 digits or capital letters.
char ComputeOrganizationCodeCheckChar(std::string_view first8);

}  // namespace oversight::codes
