#pragma once

// The per-case state the engine keeps between events (DESIGN §6): a plain,
// copyable value with no pointers into the engine, so the runtime can keep it in
// memory, persist it, or throw it away and rebuild it with Engine::Rederive.
// Its layout belongs to the engine that filled it: the slots follow that
// engine's rule set, so a state is only meaningful with the same rule set.

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "model/event.h"

namespace oversight::engine {

// A pause of one deadline rule: [from, to) in Unix milliseconds; to_ms is
// CaseState::kUnset while the pause is open.
struct PauseRecord {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::uint32_t slot = 0;  // the deadline's first word in CaseState::words
};

struct CaseState {
  static constexpr std::int64_t kUnset = std::numeric_limits<std::int64_t>::min();

  std::string case_id;
  // The case's item (from its first event that names one): deadline limits come
  // from it when a tick arrives, which carries no event.
  std::string item_code;
  // The latest event time seen; an event before it is late (Rederive).
  base::Instant last_at{};
  // The latest due instant a tick raised a stage at; an event before it could
  // have changed that stage, so it is late too.
  base::Instant fired_through{};
  // Identities of the events seen at `last_at` (duplicate detection).
  std::array<std::uint64_t, 2> ids_at_last{};
  std::uint8_t ids_at_last_count = 0;
  bool opened = false;  // has seen its first event
  model::CaseKind kind = model::CaseKind::kApproval;
  model::Channel channel = model::Channel::kUnknown;
  // One bit per rule of the case's kind, by its position in the engine's plan.
  std::uint32_t applies = 0;  // case kind matches and the scope held on the first event
  std::uint32_t raised = 0;   // non-deadline rules whose single alert is out
  std::uint32_t seen = 0;     // sequence: requirement met; min_duration: end seen
  // Per-rule slots of the rules that apply, in plan order: a deadline takes two
  // words (start; stage, stopped and open-pause bits), other kinds one (a count
  // or an instant). Rules a scope excluded take none.
  std::vector<std::int64_t> words;
  std::vector<PauseRecord> pauses;  // pauses of every deadline, in time order

  // Bytes held beyond `case_id` (the struct itself and its heap buffers).
  std::size_t Footprint() const;

  friend bool operator==(const CaseState&, const CaseState&);
};

// A compact binary form for the runtime's store (fixed-width little-endian
// fields after a version byte). `layout` is Engine::layout_fingerprint(): a state
// written under another rule set does not decode (FailedPrecondition), and the
// runtime rebuilds that case with Engine::Rederive instead. Prefer
// Engine::EncodeState / DecodeState, which also check the slots fit the rules.
std::string EncodeCaseState(const CaseState& state, std::uint64_t layout);
base::Result<CaseState> DecodeCaseState(std::string_view bytes, std::uint64_t layout);

}  // namespace oversight::engine
