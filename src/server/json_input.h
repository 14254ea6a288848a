#pragma once

// Reading a JSON request body strictly: the body must be one JSON object, every
// field must be known to the route (unknown fields are refused on writes, so a
// misspelt field is an error rather than silently ignored), and every value has
// a type and a size limit. The first problem is kept with the field it concerns;
// handlers read all their fields, then check failed() once.
//
//   JsonInput in = JsonInput::Parse(body, {"text", "kind"});
//   std::string text = in.String("text", {true, 4000});
//   if (in.failed()) return Reply::Error(in.error());

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/reply.h"

namespace oversight::server {

struct StringRule {
  bool required = false;
  std::size_t max = 1000;  // bytes
};

class JsonInput {
 public:
  // `allowed` lists the fields the route knows; any other is an error.
  static JsonInput Parse(std::string_view body, std::vector<std::string_view> allowed);
  ~JsonInput();
  JsonInput(JsonInput&&) noexcept;
  JsonInput& operator=(JsonInput&&) noexcept;

  bool failed() const { return error_.has_value(); }
  const ApiError& error() const { return *error_; }
  bool Has(std::string_view field) const;

  std::string String(std::string_view field, StringRule rule = {});
  std::optional<std::int64_t> Int(std::string_view field, bool required, std::int64_t min,
                                  std::int64_t max);
  bool Bool(std::string_view field, bool fallback);
  std::vector<std::string> StringList(std::string_view field, std::size_t max_items,
                                      StringRule each = {});
  // One of `choices`; "" when absent and not required.
  std::string Choice(std::string_view field, std::vector<std::string_view> choices,
                     bool required);

  // Records a problem found by the handler itself.
  void Fail(std::string field, std::string message, std::string code = "invalid_field");

 private:
  struct Doc;
  JsonInput();
  std::unique_ptr<Doc> doc_;
  std::optional<ApiError> error_;
};

}  // namespace oversight::server
