#include "demo/event_jsonl.h"

#include "base/strings.h"

namespace oversight::demo {
namespace {

void AppendDigits(std::int64_t value, int width, std::string& out) {
  char buf[24];
  int n = 0;
  auto v = static_cast<std::uint64_t>(value < 0 ? -value : value);
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0 || n < width);
  if (value < 0) out += '-';
  while (n > 0) out += buf[--n];
}

// "key":"value" with a comma before it unless it opens the object.
void AppendString(std::string_view key, std::string_view value, std::string& out) {
  if (out.back() != '{') out += ',';
  out += '"';
  out += key;
  out += "\":\"";
  base::AppendJsonEscaped(out, value);
  out += '"';
}

}  // namespace

void AppendTimestamp(base::Instant at, std::chrono::minutes offset, std::string& out) {
  base::Instant local = at + offset;
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd(day);
  std::int64_t ms = (local - day).count();
  AppendDigits(static_cast<int>(ymd.year()), 4, out);
  out += '-';
  AppendDigits(static_cast<unsigned>(ymd.month()), 2, out);
  out += '-';
  AppendDigits(static_cast<unsigned>(ymd.day()), 2, out);
  out += 'T';
  AppendDigits(ms / 3600000, 2, out);
  out += ':';
  AppendDigits(ms / 60000 % 60, 2, out);
  out += ':';
  AppendDigits(ms / 1000 % 60, 2, out);
  if (ms % 1000 != 0) {
    out += '.';
    AppendDigits(ms % 1000, 3, out);
  }
  std::int64_t off = offset.count();
  out += off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  AppendDigits(off / 60, 2, out);
  out += ':';
  AppendDigits(off % 60, 2, out);
}

void AppendEventJsonLine(const model::Event& event, std::chrono::minutes offset, std::string& out) {
  out += '{';
  AppendString("source_event_id", event.source_event_id, out);
  AppendString("case_id", event.case_id, out);
  AppendString("kind", model::CaseKindName(event.kind), out);
  AppendString("type", model::EventTypeName(event.type), out);
  AppendString("step", event.step_name, out);
  out += ",\"at\":\"";
  AppendTimestamp(event.at, offset, out);
  out += '"';
  AppendString("dept", event.dept_code, out);
  AppendString("item", event.item_code, out);
  AppendString("actor", event.actor, out);
  AppendString("channel", model::ChannelName(event.channel), out);
  out += ",\"attrs\":";
  out += event.attrs_json.empty() ? std::string_view("{}") : std::string_view(event.attrs_json);
  out += '}';
}

std::string EventToJsonLine(const model::Event& event, std::chrono::minutes offset) {
  std::string out;
  out.reserve(256 + event.attrs_json.size());
  AppendEventJsonLine(event, offset, out);
  return out;
}

std::string TruthToJsonLine(const TruthRecord& truth, std::chrono::minutes offset) {
  std::string out = "{";
  AppendString("case_id", truth.case_id, out);
  AppendString("violation", truth.violation, out);
  if (truth.expected_due) {
    out += ",\"expected_due\":\"";
    AppendTimestamp(*truth.expected_due, offset, out);
    out += '"';
  } else {
    out += ",\"expected_due\":null";
  }
  AppendString("detail", truth.detail, out);
  out += '}';
  return out;
}

}  // namespace oversight::demo
