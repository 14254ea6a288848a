#pragma once

// Small string helpers with no domain words in them.

#include <string>
#include <string_view>
#include <vector>

namespace oversight::base {

std::string_view Trim(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, char separator);
bool StartsWith(std::string_view text, std::string_view prefix);
std::string ToLowerAscii(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Escapes `text` as the body of a JSON string (no surrounding quotes): quote,
// backslash and control characters (and DEL) are escaped, everything else copied.
std::string JsonEscape(std::string_view text);
// The same, appended to `out` (for writers that build long strings).
void AppendJsonEscaped(std::string& out, std::string_view text);

}  // namespace oversight::base
