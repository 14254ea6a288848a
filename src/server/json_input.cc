#include "server/json_input.h"

#include <nlohmann/json.hpp>

namespace oversight::server {

struct JsonInput::Doc {
  nlohmann::json value;
};

JsonInput::JsonInput() : doc_(std::make_unique<Doc>()) {}
JsonInput::~JsonInput() = default;
JsonInput::JsonInput(JsonInput&&) noexcept = default;
JsonInput& JsonInput::operator=(JsonInput&&) noexcept = default;

JsonInput JsonInput::Parse(std::string_view body, std::vector<std::string_view> allowed) {
  JsonInput in;
  // The parser refuses malformed JSON and ill-formed UTF-8 inside strings; it
  // signals both by exception, which stops here.
  try {
    in.doc_->value = nlohmann::json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::parse_error& e) {
    // The library's own message may quote the offending bytes; name the place only.
    in.Fail("", "the body is not valid JSON or not valid UTF-8 (at byte " + std::to_string(e.byte) + ")",
            "malformed_json");
    return in;
  } catch (const nlohmann::json::exception&) {
    in.Fail("", "the body is not valid JSON", "malformed_json");
    return in;
  }
  if (!in.doc_->value.is_object()) {
    in.Fail("", "the body must be a JSON object", "malformed_json");
    return in;
  }
  for (const auto& [key, value] : in.doc_->value.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) {
      in.Fail(key, "unknown field '" + key + "'", "unknown_field");
      return in;
    }
  }
  return in;
}

void JsonInput::Fail(std::string field, std::string message, std::string code) {
  if (error_) return;  // keep the first
  error_ = ApiError{400, std::move(code), std::move(message), std::move(field)};
}

bool JsonInput::Has(std::string_view field) const {
  return !error_ && doc_->value.is_object() && doc_->value.contains(field) &&
         !doc_->value[std::string(field)].is_null();
}

std::string JsonInput::String(std::string_view field, StringRule rule) {
  if (error_) return {};
  const std::string name(field);
  if (!Has(field)) {
    if (rule.required) Fail(name, "'" + name + "' is required");
    return {};
  }
  const nlohmann::json& v = doc_->value[name];
  if (!v.is_string()) {
    Fail(name, "'" + name + "' must be a string");
    return {};
  }
  std::string text = v.get<std::string>();
  if (text.size() > rule.max) {
    Fail(name, "'" + name + "' is longer than " + std::to_string(rule.max) + " bytes");
    return {};
  }
  if (rule.required && text.empty()) {
    Fail(name, "'" + name + "' is too short");
    return {};
  }
  return text;
}

std::optional<std::int64_t> JsonInput::Int(std::string_view field, bool required,
                                           std::int64_t min, std::int64_t max) {
  if (error_) return std::nullopt;
  const std::string name(field);
  if (!Has(field)) {
    if (required) Fail(name, "'" + name + "' is required");
    return std::nullopt;
  }
  const nlohmann::json& v = doc_->value[name];
  if (!v.is_number_integer()) {
    Fail(name, "'" + name + "' must be an integer");
    return std::nullopt;
  }
  const auto value = v.get<std::int64_t>();
  if (value < min || value > max) {
    Fail(name, "'" + name + "' must be between " + std::to_string(min) + " and " +
                   std::to_string(max));
    return std::nullopt;
  }
  return value;
}

bool JsonInput::Bool(std::string_view field, bool fallback) {
  if (error_ || !Has(field)) return fallback;
  const std::string name(field);
  const nlohmann::json& v = doc_->value[name];
  if (!v.is_boolean()) {
    Fail(name, "'" + name + "' must be true or false");
    return fallback;
  }
  return v.get<bool>();
}

std::vector<std::string> JsonInput::StringList(std::string_view field, std::size_t max_items,
                                               StringRule each) {
  std::vector<std::string> out;
  if (error_ || !Has(field)) return out;
  const std::string name(field);
  const nlohmann::json& v = doc_->value[name];
  if (!v.is_array()) {
    Fail(name, "'" + name + "' must be a list of strings");
    return out;
  }
  if (v.size() > max_items) {
    Fail(name, "'" + name + "' has more than " + std::to_string(max_items) + " entries");
    return out;
  }
  for (const nlohmann::json& item : v) {
    if (!item.is_string() || item.get<std::string>().size() > each.max ||
        item.get<std::string>().empty()) {
      Fail(name, "each entry of '" + name + "' must be a non-empty string of at most " +
                     std::to_string(each.max) + " bytes");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::string JsonInput::Choice(std::string_view field, std::vector<std::string_view> choices,
                              bool required) {
  std::string value = String(field, {.required = required, .max = 64});
  if (error_ || value.empty()) return value;
  for (std::string_view c : choices) {
    if (c == value) return value;
  }
  std::string list;
  for (std::string_view c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  Fail(std::string(field), "'" + std::string(field) + "' must be one of: " + list);
  return {};
}

}  // namespace oversight::server
