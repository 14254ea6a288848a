#pragma once

// UTF-8 well-formedness (Unicode 15, table 3-7): what the readers check every
// line and row against, and how quarantine text is kept printable.

#include <cstddef>
#include <string>
#include <string_view>

namespace oversight::ingest {

// The length (1–4) of the well-formed sequence at s[0..n), 0 when none starts
// there (overlongs, surrogates and code points above U+10FFFF are not
// well-formed), or -1 when the n bytes are a well-formed but incomplete start.
int Utf8SequenceLength(const unsigned char* s, std::size_t n);  // n >= 1

// The offset of the first byte that is not part of well-formed UTF-8, or npos
// when all are.
std::size_t FindInvalidUtf8(std::string_view text);
// A well-formed copy of `text`: each byte that starts no well-formed sequence
// becomes U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text);
// The largest n ≤ max_bytes such that text.substr(0, n) does not end inside a
// UTF-8 sequence (for capping text without splitting a character).
std::size_t Utf8PrefixLength(std::string_view text, std::size_t max_bytes);

}  // namespace oversight::ingest
