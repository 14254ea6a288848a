#include "audit/canonical_event.h"

namespace oversight::audit {
namespace {

void PutU64(std::uint64_t value, std::string& out) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void PutString(std::string_view text, std::string& out) {
  PutU64(text.size(), out);
  out.append(text);
}

}  // namespace

void CanonicalEventBytes(std::int64_t seq, const model::Event& event, std::string& out) {
  out.clear();
  out += static_cast<char>(kCanonicalVersion);
  PutU64(static_cast<std::uint64_t>(seq), out);
  PutString(event.source, out);
  PutString(event.source_event_id, out);
  PutString(event.case_id, out);
  out += static_cast<char>(event.kind);
  out += static_cast<char>(event.type);
  PutString(event.step_name, out);
  PutU64(static_cast<std::uint64_t>(base::ToUnixMillis(event.at)), out);
  PutString(event.dept_code, out);
  PutString(event.item_code, out);
  PutString(event.actor, out);
  out += static_cast<char>(event.channel);
  PutString(event.attrs_json, out);
}

}  // namespace oversight::audit
