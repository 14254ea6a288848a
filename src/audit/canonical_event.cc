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

void CanonicalEventBytes(const model::Event& event, std::string& out) {
  out.clear();
  out += static_cast<char>(kCanonicalVersion);
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

Digest ContentDigest(ChainHasher& hasher, const model::Event& event, std::string& scratch) {
  CanonicalEventBytes(event, scratch);
  return hasher.Plain(scratch);
}

std::vector<Digest> ContentDigests(HashAlgorithm algorithm, std::span<const model::Event> events) {
  ChainHasher hasher(algorithm);
  std::string scratch;
  std::vector<Digest> out;
  out.reserve(events.size());
  for (const model::Event& event : events) out.push_back(ContentDigest(hasher, event, scratch));
  return out;
}

}  // namespace oversight::audit
