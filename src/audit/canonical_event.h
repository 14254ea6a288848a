#pragma once

// The canonical bytes of a stored event: what the hash chain covers. Every stored
// field is included, length-prefixed so that no two different events share the
// same bytes, in a fixed order and with fixed-width integers (little-endian).
// Changing this layout breaks every existing chain: bump kCanonicalVersion and
// keep the old layout readable.

#include <cstdint>
#include <string>

#include "model/event.h"

namespace oversight::audit {

inline constexpr std::uint8_t kCanonicalVersion = 1;

// Appends the canonical bytes of (seq, event) to `out` (cleared first).
void CanonicalEventBytes(std::int64_t seq, const model::Event& event, std::string& out);

}  // namespace oversight::audit
