#include "server/json_out.h"

#include <nlohmann/json.hpp>

#include "audit/hash_chain.h"
#include "base/strings.h"
#include "codes/mask.h"
#include "workflow/alert_workflow.h"

namespace oversight::server {
namespace {

using nlohmann::json;

std::string Time(base::Instant at) { return base::FormatInstantUtc(at); }

json OptTime(const std::optional<base::Instant>& at) {
  return at ? json(Time(*at)) : json(nullptr);
}

json Limit(const std::optional<model::TimeLimit>& limit) {
  if (!limit) return nullptr;
  return {{"amount", limit->amount}, {"unit", std::string(model::LimitUnitName(limit->unit))}};
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool IsPhoneKey(std::string_view key) {
  return key.find("phone") != std::string_view::npos || key.find("mobile") != std::string_view::npos ||
         key.find("contact") != std::string_view::npos;
}
bool IsNameKey(std::string_view key) {
  return key == "applicant_name" || key == "complainant_name" || key == "contact_name";
}
bool IsIdKey(std::string_view key) {
  return key.find("id_number") != std::string_view::npos || key == "applicant_id" ||
         key == "complainant_id";
}

// Keeps the surname (the first character, UTF-8 aware) and stars the rest.
std::string MaskName(const std::string& name) {
  if (name.empty()) return name;
  std::size_t first = 1;
  const auto lead = static_cast<unsigned char>(name[0]);
  if (lead >= 0xF0) first = 4;
  else if (lead >= 0xE0) first = 3;
  else if (lead >= 0xC0) first = 2;
  first = std::min(first, name.size());
  return name.substr(0, first) + "**";
}

}  // namespace

std::string MaskAttrs(const std::string& attrs_json, bool* changed) {
  if (changed) *changed = false;
  json attrs = json::parse(attrs_json, nullptr, /*allow_exceptions=*/false);
  if (!attrs.is_object()) return attrs_json;
  bool any = false;
  for (auto& [key, value] : attrs.items()) {
    if (!value.is_string()) continue;
    const std::string clear = value.get<std::string>();
    std::string masked = clear;
    if (IsPhoneKey(key)) masked = codes::MaskPhone(clear);
    else if (IsIdKey(key)) masked = codes::MaskIdNumber(clear);
    else if (IsNameKey(key)) masked = MaskName(clear);
    if (masked != clear) {
      value = masked;
      any = true;
    }
  }
  if (changed) *changed = any;
  return any ? Dump(attrs) : attrs_json;
}

std::string CaseJson(const model::Case& c) {
  return Dump({{"id", c.id},
               {"kind", std::string(model::CaseKindName(c.kind))},
               {"item_code", c.item_code},
               {"dept_code", c.dept_code},
               {"applicant_type", c.applicant_type},
               {"applicant", c.applicant_masked},
               {"channel", std::string(model::ChannelName(c.channel))},
               {"source", c.source},
               {"stage", std::string(model::EventTypeName(c.stage))},
               {"first_at", Time(c.first_at)},
               {"last_at", Time(c.last_at)},
               {"event_count", c.event_count}});
}

std::string EventJson(const store::StoredEvent& s, bool unmask) {
  const model::Event& e = s.event;
  json attrs = json::parse(unmask ? e.attrs_json : MaskAttrs(e.attrs_json), nullptr, false);
  if (attrs.is_discarded()) attrs = json::object();
  return Dump({{"seq", s.seq},
               {"source", e.source},
               {"source_event_id", e.source_event_id},
               {"case_id", e.case_id},
               {"type", std::string(model::EventTypeName(e.type))},
               {"step", e.step_name},
               {"at", Time(e.at)},
               {"dept_code", e.dept_code},
               {"item_code", e.item_code},
               {"actor", e.actor},
               {"channel", std::string(model::ChannelName(e.channel))},
               {"attrs", attrs},
               {"ingested_at", Time(s.ingested_at)},
               {"hash", audit::ToHex(s.hash)}});
}

std::string AlertJson(const store::AlertRecord& a) {
  return Dump({{"id", a.id},
               {"rule_id", a.rule_id},
               {"rule_version", a.rule_version},
               {"case_id", a.case_id},
               {"occurrence", a.occurrence},
               {"level", a.level},
               {"state", a.state},
               {"dept_code", a.dept_code},
               {"raised_at", Time(a.raised_at)},
               {"due", OptTime(a.due)},
               {"reason", a.reason},
               {"withdrawn_at", OptTime(a.withdrawn_at)},
               {"withdraw_reason", a.withdraw_reason},
               {"reopened_at", OptTime(a.reopened_at)},
               // When it was stored on the service's clock (null on older alerts):
               // the escalation clock starts at the later of raised_at and this.
               {"noticed_at", OptTime(a.noticed_at)},
               // A red card's yellow (or a yellow's notice) on the same rule, case and occurrence.
               {"linked_alert_id", a.linked_alert_id ? json(*a.linked_alert_id) : json(nullptr)}});
}

std::string AlertActionJson(const store::AlertActionRecord& a) {
  return Dump({{"id", a.id},
               {"alert_id", a.alert_id},
               {"action", std::string(workflow::ActionName(a.action))},
               {"from_state", std::string(workflow::AlertStateName(a.from_state))},
               {"to_state", std::string(workflow::AlertStateName(a.to_state))},
               {"actor", a.actor},
               {"actor_role", a.actor_role},
               {"at", Time(a.at)},
               {"text", a.text},
               {"response_kind", a.response_kind
                                     ? json(std::string(workflow::ResponseKindName(*a.response_kind)))
                                     : json(nullptr)},
               {"findings", a.findings},
               {"outcome", a.outcome}});
}

std::string DeadlineJson(const engine::DeadlineView& d) {
  json stages = json::array();
  for (const engine::StageView& s : d.stages) {
    stages.push_back({{"level", std::string(rules::AlertLevelName(s.level))},
                      {"limit", Limit(s.limit)},
                      {"due", OptTime(s.due)},
                      {"state", s.state}});
  }
  return Dump({{"rule_id", d.rule_id},
               {"title", d.title},
               {"start", Time(d.start)},
               {"stopped_at", OptTime(d.stopped_at)},
               {"stopped_by", d.stopped_by},
               {"paused_ms", d.paused.count()},
               {"stages", stages}});
}

std::string DepartmentJson(const model::Department& d) {
  return Dump({{"code", d.code}, {"name", d.name}, {"parent_code", d.parent_code}, {"region", d.region}});
}

std::string ItemJson(const model::Item& i) {
  return Dump({{"code", i.code},
               {"name", i.name},
               {"dept_code", i.dept_code},
               {"category", i.category},
               {"statutory_limit", Limit(i.statutory_limit)},
               {"promised_limit", Limit(i.promised_limit)},
               {"fee_fen", i.fee_fen ? json(*i.fee_fen) : json(nullptr)},
               {"online_depth", i.online_depth}});
}

std::string QuarantineJson(const store::QuarantineRecord& q) {
  return Dump({{"id", q.id},
               {"source", q.source},
               {"input", q.input},
               {"line", q.line},
               {"reason", q.reason},
               {"message", q.message},
               {"original_text", q.original_text},
               {"received_at", Time(q.received_at)},
               {"resolved", q.resolved},
               {"resolved_seq", q.resolved_seq}});
}

std::string OpsRecordJson(const audit::OpsRecord& r) {
  return Dump({{"seq", r.seq},
               {"at", Time(r.at)},
               {"actor", r.actor},
               {"actor_role", r.actor_role},
               {"action", r.action},
               {"object", r.object},
               {"result", r.result},
               {"detail", r.detail},
               {"client", r.client},
               {"hash", audit::ToHex(r.hash)}});
}

std::string UserJson(const store::UserRecord& u) {
  return Dump({{"id", u.id},
               {"name", u.name},
               {"display_name", u.display_name},
               {"role", u.role},
               {"dept_code", u.dept_code},
               {"locked_until", OptTime(u.locked_until)},
               {"disabled", u.disabled},
               {"must_change_password", u.must_change_password},
               {"created_at", Time(u.created_at)}});
}

std::string TokenJson(const store::TokenRecord& t) {
  return Dump({{"id", t.id},
               {"name", t.name},
               {"source", t.source},
               {"dept_codes", t.dept_codes},
               {"created_by", t.created_by},
               {"created_at", Time(t.created_at)},
               {"revoked_at", OptTime(t.revoked_at)},
               {"last_used_at", OptTime(t.last_used_at)}});
}

std::string ChainReportJson(const store::ChainReport& r) {
  return Dump({{"ok", r.ok},
               {"checked", r.events_checked},
               {"broken_seq", r.broken_seq},
               {"problem", r.problem},
               {"algorithm", r.algorithm},
               {"head", r.head_hash_hex}});
}

std::string JsonArray(const std::vector<std::string>& elements) {
  std::string out = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i) out += ',';
    out += elements[i];
  }
  return out + "]";
}

std::string PageJson(const std::vector<std::string>& elements, std::optional<std::int64_t> next) {
  return "{\"items\":" + JsonArray(elements) +
         ",\"next_cursor\":" + (next ? std::to_string(*next) : std::string("null")) + "}";
}

}  // namespace oversight::server
