#include "complaints/event_sink.h"

#include <nlohmann/json.hpp>

namespace oversight::complaints {

std::string EventLine(const model::Event& event) {
  nlohmann::ordered_json line;
  line["source_event_id"] = event.source_event_id;
  line["case_id"] = event.case_id;
  line["kind"] = std::string(model::CaseKindName(event.kind));
  if (event.type != model::EventType::kStep) line["type"] = std::string(model::EventTypeName(event.type));
  line["step"] = event.step_name;
  line["at"] = base::FormatInstantUtc(event.at);
  line["dept"] = event.dept_code;
  line["item"] = event.item_code;
  line["actor"] = event.actor;
  line["channel"] = std::string(model::ChannelName(event.channel));
  nlohmann::json attrs = nlohmann::json::parse(event.attrs_json, nullptr, /*allow_exceptions=*/false);
  line["attrs"] = attrs.is_object() ? attrs : nlohmann::json::object();
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FieldOf(const base::Status& status) {
  const std::string& message = status.message();
  if (message.size() < 3 || message[0] != '\'') return "";
  const std::size_t close = message.find('\'', 1);
  if (close == std::string::npos || close == 1) return "";
  for (std::size_t i = 1; i < close; ++i) {
    const char c = message[i];
    if (!((c >= 'a' && c <= 'z') || c == '_')) return "";
  }
  return message.substr(1, close - 1);
}

}  // namespace oversight::complaints
