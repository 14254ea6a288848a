// Ingest over HTTP: POST /events takes a batch (JSON Lines, or {"events":[...]})
// and answers per record; POST /events:import takes a whole file's content.
// The answer comes only after the batch is committed, so a 200 means durable.
// The engine judges the stored events before the answer, too.

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "ingest/open_reader.h"
#include "pipeline/batch_ingest.h"
#include "server/event_intake.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

// {"events":[{...},{...}]} → the same events as JSON Lines, so one reader serves both.
base::Result<std::string> EventsAsLines(std::string_view body) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::parse_error& e) {
    return base::InvalidArgument("the body is not valid JSON or not valid UTF-8 (at byte " +
                                 std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception&) {
    return base::InvalidArgument("the body is not valid JSON");
  }
  if (!doc.is_object() || !doc.contains("events") || !doc["events"].is_array() || doc.size() != 1) {
    return base::InvalidArgument("the body must be {\"events\": [ ... ]} (or JSON Lines)");
  }
  std::string lines;
  for (const nlohmann::json& e : doc["events"]) {
    lines += e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    lines += '\n';
  }
  return lines;
}

Reply Ingest(Service& svc, Call& call, std::string text, ingest::InputFormat format,
             bool per_record) {
  const auth::Principal& who = call.who();
  std::string source = who.is_token ? who.token_source : call.Query("source");
  if (source.empty()) {
    return Reply::Error(400, "invalid_field", "'source' is required (a query parameter)", "source");
  }
  if (source.size() > 64) return Reply::Error(400, "invalid_field", "'source' is too long", "source");
  auto lock = svc.Lock();
  if (!svc.ready()) return Reply::Error(503, "not_ready", "the engine is still loading");
  IntakeRequest request;
  request.source = source;
  request.text = std::move(text);
  request.format = format;
  request.per_record = per_record;
  request.admit = [&who](const model::Event& e) -> std::optional<pipeline::Rejection> {
    if (who.MayIngestFor(e.dept_code)) return std::nullopt;
    return pipeline::Rejection{"department_not_permitted",
                               "dept_code: this token may not send events for department " + e.dept_code};
  };
  base::Result<pipeline::BatchOutcome> outcome = IngestAndJudge(svc, std::move(request), call.now);
  if (!outcome.ok()) return Reply::FromStatus(outcome.status());
  (void)svc.Record(call, per_record ? "events.ingest" : "events.import", "source:" + source, "ok",
                   "stored " + std::to_string(outcome->stored) + ", duplicates " +
                       std::to_string(outcome->duplicates) + ", quarantined " +
                       std::to_string(outcome->quarantined));
  std::string body = "{\"source\":\"" + base::JsonEscape(source) +
                     "\",\"received\":" + std::to_string(outcome->records.size()) +
                     ",\"stored\":" + std::to_string(outcome->stored) +
                     ",\"duplicates\":" + std::to_string(outcome->duplicates) +
                     ",\"quarantined\":" + std::to_string(outcome->quarantined);
  // Per record: all of them for a batch; for a file import, only the refused ones.
  body += ",\"results\":[";
  bool first = true;
  for (const pipeline::RecordOutcome& r : outcome->records) {
    if (!per_record && r.status != "quarantined") continue;
    body += first ? "" : ",";
    first = false;
    body += "{\"line\":" + std::to_string(r.line) + ",\"status\":\"" + r.status + "\"";
    if (r.seq != 0) body += ",\"seq\":" + std::to_string(r.seq);
    if (!r.case_id.empty()) body += ",\"case_id\":\"" + base::JsonEscape(r.case_id) + "\"";
    if (!r.reason.empty()) {
      body += ",\"reason\":\"" + base::JsonEscape(r.reason) + "\",\"message\":\"" +
              base::JsonEscape(r.message) + "\"";
    }
    body += "}";
  }
  body += "]}";
  return Reply::Json(std::move(body));
}

}  // namespace

void AddEventRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"POST", "/api/v1/events", Access::kIngest, auth::Permission::kIngest,
                    [&svc](Call& call) {
    std::string text;
    if (call.content_type.rfind("application/json", 0) == 0) {
      base::Result<std::string> lines = EventsAsLines(call.body);
      if (!lines.ok()) return Reply::Error(400, "malformed_json", lines.status().message(), "events");
      text = std::move(*lines);
    } else {
      text = std::string(call.body);
    }
    return Ingest(svc, call, std::move(text), ingest::InputFormat::kJsonl, /*per_record=*/true);
  }});
  routes.push_back({"POST", "/api/v1/events:import", Access::kIngest, auth::Permission::kIngest,
                    [&svc](Call& call) {
    const std::string format_name = call.Query("format", "jsonl");
    base::Result<ingest::InputFormat> format = ingest::ParseInputFormat(format_name);
    if (!format.ok()) return Reply::Error(400, "invalid_field", format.status().message(), "format");
    return Ingest(svc, call, std::string(call.body), *format, /*per_record=*/false);
  }});
}

}  // namespace oversight::server
