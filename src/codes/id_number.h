#pragma once

// The 18-character resident identity number (公民身份号码, GB 11643-1999):
// 6-digit address code (GB/T 2260) + birth date YYYYMMDD + 3-digit sequence (odd for
// men) + a check character over the first 17 (ISO 7064 MOD 11-2, '0'-'9' or 'X').
// The check 'X' must be upper case: lower-case 'x' is rejected with a message saying
// so, so stored numbers have one spelling. Messages never repeat the number or its
// birth date (the number is personal data and messages end up in logs); they name
// the position at fault.
//
//   base::Status s = ValidateIdNumber("11010519491231002X", base::Date{...});  // ok
//   char c = ComputeIdCheckDigit("11010519491231002");                       // 'X'

#include <optional>
#include <string_view>

#include "base/status.h"
#include "base/time.h"

namespace oversight::codes {

inline constexpr std::size_t kIdNumberLength = 18;

// OK for a well-formed number; otherwise kInvalidArgument for: wrong length, an
// illegal character (named with its 1-based position), a birth date that is not a
// real date, before 1900-01-01 or after `today` (checked only when given: this code
// never reads the clock), or a wrong check character (expected vs found).
base::Status ValidateIdNumber(std::string_view id, std::optional<base::Date> today = {});

// The check character for 17 digits: "10X98765432"[Σ a_i·W_i mod 11] with
// W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. Returns '\0' when `first17` is not 17 digits.
char ComputeIdCheckDigit(std::string_view first17);

}  // namespace oversight::codes
