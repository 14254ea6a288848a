#pragma once

// The canonical bytes of a stored event: what its content digest covers. Every stored
// field is included, length-prefixed so that no two different events share the
// same bytes, in a fixed order and with fixed-width integers (little-endian).
// Changing this layout breaks every existing chain: bump kCanonicalVersion and
// keep the old layout readable.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "audit/hash_chain.h"
#include "model/event.h"

namespace oversight::audit {

inline constexpr std::uint8_t kCanonicalVersion = 1;

// Writes the canonical bytes of `event` to `out` (cleared first). The sequence
// number is not part of them: the chain link binds it (hash_chain.h).
void CanonicalEventBytes(const model::Event& event, std::string& out);

// H(canonical bytes): what the chain link of an event binds (hash_chain.h).
Digest ContentDigest(ChainHasher& hasher, const model::Event& event, std::string& scratch);
std::vector<Digest> ContentDigests(HashAlgorithm algorithm, std::span<const model::Event> events);

}  // namespace oversight::audit
