#include "survey/internal/json_fields.h"

#include <algorithm>

#include "base/strings.h"

namespace oversight::survey::internal {

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool Fields::Check(std::initializer_list<std::string_view> allowed) {
  if (failed()) return false;
  if (!object_.is_object()) {
    Fail(path_.empty() ? "body" : path_, "must be an object");
    return false;
  }
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Fail(Path(it.key()), "unknown field (expected one of: " + list + ")");
      return false;
    }
  }
  return true;
}

const nlohmann::json* Fields::Find(std::string_view key) const {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(std::string(key));
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string Fields::String(std::string_view key, bool required, std::size_t max_bytes) {
  if (failed()) return {};
  const nlohmann::json* v = Find(key);
  if (!v) {
    if (required) Fail(Path(key), "is required");
    return {};
  }
  if (!v->is_string()) {
    Fail(Path(key), "must be a string");
    return {};
  }
  const std::string& s = v->get_ref<const std::string&>();
  if (!base::IsValidUtf8(s)) {
    Fail(Path(key), "is not valid UTF-8");
    return {};
  }
  if (s.size() > max_bytes) {
    Fail(Path(key), "is longer than " + std::to_string(max_bytes) + " bytes");
    return {};
  }
  if (required && base::Trim(s).empty()) {
    Fail(Path(key), "must not be blank");
    return {};
  }
  return s;
}

std::optional<std::int64_t> Fields::Int(std::string_view key, std::int64_t min, std::int64_t max) {
  if (failed()) return std::nullopt;
  const nlohmann::json* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    Fail(Path(key), "must be an integer");
    return std::nullopt;
  }
  // Unsigned values beyond int64 read as negative here and fail the range check.
  const std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max ||
      (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(max))) {
    Fail(Path(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

bool Fields::Bool(std::string_view key, bool fallback) {
  if (failed()) return fallback;
  const nlohmann::json* v = Find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) {
    Fail(Path(key), "must be true or false");
    return fallback;
  }
  return v->get<bool>();
}

void Fields::Fail(const std::string& field, const std::string& message) {
  if (!error_) error_ = base::InvalidArgument(field + ": " + message);
}

base::Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view what) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return base::InvalidArgument(std::string(what) + ": not valid JSON");
  return doc;
}

}  // namespace oversight::survey::internal
