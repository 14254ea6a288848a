#pragma once

// Strict reading of a JSON object for the survey parsers: known keys only, typed
// getters, and the first problem kept with the path of the field it concerns
// ("questions[1].options"). Internal to survey/ (.cc files only: it names nlohmann).

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::survey::internal {

// Characters (code points) of well-formed UTF-8.
std::size_t CodePoints(std::string_view text);

class Fields {
 public:
  // `path` names the object itself ("" for the root).
  Fields(const nlohmann::json& object, std::string path, std::optional<base::Status>& error)
      : object_(object), path_(std::move(path)), error_(error) {}

  // Fails unless the value is an object with only these keys.
  bool Check(std::initializer_list<std::string_view> allowed);

  std::string Path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  const nlohmann::json* Find(std::string_view key) const;

  // A string of at most `max_bytes` bytes of valid UTF-8; "" when absent.
  std::string String(std::string_view key, bool required, std::size_t max_bytes);
  std::optional<std::int64_t> Int(std::string_view key, std::int64_t min, std::int64_t max);
  bool Bool(std::string_view key, bool fallback);

  void Fail(const std::string& field, const std::string& message);
  bool failed() const { return error_.has_value(); }
  // The shared first problem, for nested readers.
  std::optional<base::Status>& error() { return error_; }

 private:
  const nlohmann::json& object_;
  std::string path_;
  std::optional<base::Status>& error_;
};

// Parses JSON text; InvalidArgument naming `what` when it is not JSON.
base::Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view what);

}  // namespace oversight::survey::internal
