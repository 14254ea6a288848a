#pragma once

// The API's route table, built from one function per resource (api_*.cc).

#include "server/route.h"
#include "server/service.h"

namespace oversight::server {

RouteTable BuildRoutes(Service& service);

// Per resource; each appends its routes.
void AddSystemRoutes(RouteTable& routes, Service& service);
void AddSessionRoutes(RouteTable& routes, Service& service);
void AddEventRoutes(RouteTable& routes, Service& service);
void AddCaseRoutes(RouteTable& routes, Service& service);
void AddAlertRoutes(RouteTable& routes, Service& service);
void AddRuleRoutes(RouteTable& routes, Service& service);
void AddQuarantineRoutes(RouteTable& routes, Service& service);
void AddCatalogRoutes(RouteTable& routes, Service& service);
void AddAuditRoutes(RouteTable& routes, Service& service);
void AddAdminRoutes(RouteTable& routes, Service& service);
void AddComplaintRoutes(RouteTable& routes, Service& service);
void AddRatingRoutes(RouteTable& routes, Service& service);
void AddSurveyRoutes(RouteTable& routes, Service& service);
void AddSpotCheckRoutes(RouteTable& routes, Service& service);
void AddScoreRoutes(RouteTable& routes, Service& service);
void AddDashboardRoutes(RouteTable& routes, Service& service);

// Small helpers the handlers share.
std::optional<std::int64_t> PathId(const Call& call, const std::string& name = "id");
// Parses an optional RFC 3339 instant from the query; records the problem in `error`.
std::optional<base::Instant> QueryInstant(const Call& call, const std::string& name,
                                          std::optional<ApiError>& error);
// ?name=, or nullopt when absent or empty.
std::optional<std::string> QueryText(const Call& call, const std::string& name);
// ?cursor= (a previous page's next_cursor); records the problem in `error`.
std::optional<std::int64_t> QueryCursor(const Call& call, std::optional<ApiError>& error);
// A limit from ?limit=, within [1, max], default `fallback`.
std::int64_t QueryLimit(const Call& call, std::int64_t fallback, std::int64_t max,
                        std::optional<ApiError>& error);

}  // namespace oversight::server
