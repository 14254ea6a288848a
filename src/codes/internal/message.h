#pragma once

// Helpers that put untrusted input into operator-readable messages without letting
// control bytes or megabytes of junk through. Internal to codes/.

#include <string>
#include <string_view>

namespace oversight::codes {

// 'c' for a printable ASCII character, otherwise "byte 0xNN".
std::string DescribeChar(char c);

// The text in single quotes, cut to 40 bytes ("..." appended), with control and
// non-ASCII bytes shown as '?'. Codes are ASCII, so nothing useful is lost.
std::string QuoteForMessage(std::string_view text);

}  // namespace oversight::codes
