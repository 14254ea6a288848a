#pragma once

// Masking (脱敏) of personal data for display, export and logs. No national format
// exists (research notes, DOMAIN §4.3); these are the common conventions, fixed here so
// every screen and file masks the same way. Masking never fails: input that does not
// look like what it should be is masked entirely (one '*' per character), so a bad
// value never leaks through. Masked characters become ASCII '*'.

#include <string>
#include <string_view>

namespace oversight::codes {

// An identity number with its birth date hidden:
//   18 characters: first 6 (address code) + 8 '*' + last 4  → 445202********1234
//   15 characters (pre-1999 numbers): first 6 + 6 '*' + last 3
// Anything else (other lengths, non-ASCII) is all '*'. Leading and trailing blanks are
// dropped. The characters kept are not validated: masking is not validation.
std::string MaskIdNumber(std::string_view id);

// A phone number keeping the parts that identify the network, not the person:
//   mobile, 11 digits starting with 1, optionally after "+86", "86" or "0086" and a
//   separator ('-' or ' '):          13812345678 → 138****5678, +86 13812345678 → +86 138****5678
//   landline with an area code:     0663-8888888 → 0663-***8888 (the area code and the
//                                    last 4 digits kept; an extension "-123" is masked)
//   anything else of 7+ characters: all but the last 4 masked; shorter: all masked.
std::string MaskPhone(std::string_view phone);

// A personal name keeping its first character (the surname in most Chinese names),
// one '*' per further character, counted in UTF-8 code points:
//   张三 → 张*, 欧阳娜娜 → 欧***, Alice → A****; a one-character name → *.
// Input that is not valid UTF-8 becomes one '*' per byte.
std::string MaskName(std::string_view name);

}  // namespace oversight::codes
