#pragma once

// The canonical wire format (docs/EVENTS.md): one JSON object per line, keys in this
// order: source_event_id, case_id, kind, type, step, at, dept, item, actor, channel,
// attrs. `at` is RFC 3339 in local time with its offset (+08:00 for Asia/Shanghai);
// `attrs` is the event's attrs_json copied as is ("{}" when empty). Written by hand:
// these run once per event when a demo year is exported.
//
//   out << EventToJsonLine(event) << '\n';

#include <chrono>
#include <string>

#include "demo/truth.h"
#include "model/event.h"

namespace oversight::demo {

inline constexpr std::chrono::minutes kChinaStandardOffset{8 * 60};

// The line without its newline.
std::string EventToJsonLine(const model::Event& event,
                            std::chrono::minutes offset = kChinaStandardOffset);
// Appends the line (without newline) to `out`, for writers that batch lines.
void AppendEventJsonLine(const model::Event& event, std::chrono::minutes offset, std::string& out);

// {"case_id":…,"violation":…,"expected_due":"…+08:00" or null,"detail":…}
std::string TruthToJsonLine(const TruthRecord& truth,
                            std::chrono::minutes offset = kChinaStandardOffset);

// RFC 3339 with the given offset, milliseconds only when non-zero:
// "2025-03-03T09:12:33+08:00". The same text as base::FormatInstantWithOffset, faster.
void AppendTimestamp(base::Instant at, std::chrono::minutes offset, std::string& out);

}  // namespace oversight::demo
