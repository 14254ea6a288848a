#include "audit/ops_record.h"

#include "base/strings.h"

namespace oversight::audit {
namespace {

void PutU64(std::uint64_t value, std::string& out) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void PutString(std::string_view text, std::string& out) {
  PutU64(text.size(), out);
  out.append(text);
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

base::Status CheckText(std::string_view field, std::string_view text, std::size_t max,
                       bool allow_line_breaks) {
  if (text.size() > max) {
    return base::InvalidArgument("operation record: " + std::string(field) + " is " +
                                 std::to_string(text.size()) + " bytes, more than " +
                                 std::to_string(max));
  }
  if (!base::IsValidUtf8(text)) {
    return base::InvalidArgument("operation record: " + std::string(field) + " is not valid UTF-8");
  }
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (!IsControl(c)) continue;
    if (allow_line_breaks && (c == '\n' || c == '\t' || c == '\r')) continue;
    return base::InvalidArgument("operation record: " + std::string(field) +
                                 " holds a control character");
  }
  return base::Status::Ok();
}

// "session.sign_in": non-empty segments of [a-z0-9_] joined by dots.
bool IsDottedCode(std::string_view code) {
  if (code.empty() || code.front() == '.' || code.back() == '.') return false;
  char previous = '\0';
  for (char c : code) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

void AppendField(std::string& out, std::string_view key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":\"";
  base::AppendJsonEscaped(out, value);
  out += '"';
}

}  // namespace

base::Status ValidateOpsRecord(const OpsRecord& record) {
  if (record.actor.empty()) return base::InvalidArgument("operation record: actor is empty");
  if (record.action.empty()) return base::InvalidArgument("operation record: action is empty");
  OVS_RETURN_IF_ERROR(CheckText("actor", record.actor, kOpsMaxField, false));
  OVS_RETURN_IF_ERROR(CheckText("actor_role", record.actor_role, kOpsMaxField, false));
  OVS_RETURN_IF_ERROR(CheckText("action", record.action, kOpsMaxField, false));
  if (!IsDottedCode(record.action)) {
    return base::InvalidArgument("operation record: action '" + record.action +
                                 "' is not a dotted code such as session.sign_in");
  }
  OVS_RETURN_IF_ERROR(CheckText("object", record.object, kOpsMaxField, false));
  if (record.result != "ok" && record.result != "denied" && record.result != "failed") {
    return base::InvalidArgument("operation record: result '" + base::JsonEscape(record.result) +
                                 "' is not ok, denied or failed");
  }
  OVS_RETURN_IF_ERROR(CheckText("detail", record.detail, kOpsMaxDetail, true));
  return CheckText("client", record.client, kOpsMaxField, false);
}

void CanonicalOpsBytes(const OpsRecord& record, std::string& out) {
  out.clear();
  out += "OPS";
  out += static_cast<char>(kOpsCanonicalVersion);
  PutU64(static_cast<std::uint64_t>(base::ToUnixMillis(record.at)), out);
  PutString(record.actor, out);
  PutString(record.actor_role, out);
  PutString(record.action, out);
  PutString(record.object, out);
  PutString(record.result, out);
  PutString(record.detail, out);
  PutString(record.client, out);
}

Digest OpsContentDigest(ChainHasher& hasher, const OpsRecord& record) {
  std::string bytes;
  CanonicalOpsBytes(record, bytes);
  return hasher.Plain(bytes);
}

Digest OpsLink(ChainHasher& hasher, const Digest& previous, std::int64_t seq,
               const OpsRecord& record) {
  return hasher.Link(previous, seq, OpsContentDigest(hasher, record));
}

std::string OpsRecordJson(const OpsRecord& record, const Digest* previous) {
  std::string out = "{\"seq\":" + std::to_string(record.seq);
  AppendField(out, "at", base::FormatInstantUtc(record.at));
  out += ",\"at_ms\":" + std::to_string(base::ToUnixMillis(record.at));
  AppendField(out, "actor", record.actor);
  AppendField(out, "actor_role", record.actor_role);
  AppendField(out, "action", record.action);
  AppendField(out, "object", record.object);
  AppendField(out, "result", record.result);
  AppendField(out, "detail", record.detail);
  AppendField(out, "client", record.client);
  if (previous != nullptr) AppendField(out, "prev_hash", ToHex(*previous));
  AppendField(out, "hash", ToHex(record.hash));
  out += '}';
  return out;
}

}  // namespace oversight::audit
