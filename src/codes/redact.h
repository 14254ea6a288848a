#pragma once

// Redaction of identity numbers inside free text (a quarantined record's original
// line, say): every 18-character run that is a valid resident identity number
// (GB 11643: check digit and birth date) and stands alone (no digit or letter
// right before or after it) is replaced by its masked form (mask.h). Text that
// merely looks like a number but fails the check is left alone, so ids of other
// kinds are not mangled.

#include <string>
#include <string_view>

namespace oversight::codes {

std::string RedactIdNumbers(std::string_view text);

}  // namespace oversight::codes
