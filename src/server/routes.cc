#include "server/routes.h"

#include <charconv>

namespace oversight::server {

RouteTable BuildRoutes(Service& service) {
  RouteTable routes;
  AddSystemRoutes(routes, service);
  AddSessionRoutes(routes, service);
  AddEventRoutes(routes, service);
  AddCaseRoutes(routes, service);
  AddAlertRoutes(routes, service);
  AddRuleRoutes(routes, service);
  AddQuarantineRoutes(routes, service);
  AddCatalogRoutes(routes, service);
  AddAuditRoutes(routes, service);
  AddAdminRoutes(routes, service);
  AddComplaintRoutes(routes, service);
  AddRatingRoutes(routes, service);
  AddSurveyRoutes(routes, service);
  AddSpotCheckRoutes(routes, service);
  AddScoreRoutes(routes, service);
  AddDashboardRoutes(routes, service);
  return routes;
}

namespace {

std::optional<std::int64_t> PositiveInt(const std::string& text) {
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> PathId(const Call& call, const std::string& name) {
  auto it = call.params.find(name);
  if (it == call.params.end()) return std::nullopt;
  return PositiveInt(it->second);
}

std::optional<std::string> QueryText(const Call& call, const std::string& name) {
  std::string value = call.Query(name);
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> QueryCursor(const Call& call, std::optional<ApiError>& error) {
  const std::string text = call.Query("cursor");
  if (text.empty()) return std::nullopt;
  std::optional<std::int64_t> cursor = PositiveInt(text);
  if (!cursor && !error) {
    error = ApiError{400, "invalid_field", "'cursor' must be a cursor from a previous page", "cursor"};
  }
  return cursor;
}

std::optional<base::Instant> QueryInstant(const Call& call, const std::string& name,
                                          std::optional<ApiError>& error) {
  const std::string text = call.Query(name);
  if (text.empty()) return std::nullopt;
  base::Result<base::Instant> at = base::ParseInstant(text);
  if (!at.ok()) {
    if (!error) error = ApiError{400, "invalid_field", "'" + name + "' must be an RFC 3339 instant with offset", name};
    return std::nullopt;
  }
  return *at;
}

std::int64_t QueryLimit(const Call& call, std::int64_t fallback, std::int64_t max,
                        std::optional<ApiError>& error) {
  const std::string text = call.Query("limit");
  if (text.empty()) return fallback;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 1 || value > max) {
    if (!error) error = ApiError{400, "invalid_field", "'limit' must be between 1 and " + std::to_string(max), "limit"};
    return fallback;
  }
  return value;
}

}  // namespace oversight::server
