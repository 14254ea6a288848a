// Health, readiness, metrics, the OpenAPI document and the alert stream.

#include "server/openapi_document.h"
#include "server/routes.h"
#include "store/alert_workflow_store.h"

namespace oversight::server {

void AddSystemRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/healthz", Access::kPublic, std::nullopt, [](Call&) {
                      return Reply::Json("{\"status\":\"ok\"}");
                    }});
  routes.push_back({"GET", "/readyz", Access::kPublic, std::nullopt, [&svc](Call&) {
                      if (!svc.ready()) {
                        return Reply::Error(503, "not_ready", "the engine is still loading");
                      }
                      auto lock = svc.Lock();
                      base::Result<store::StoreStats> stats = svc.store().Stats();
                      if (!stats.ok()) return Reply::Error(503, "not_ready", "the store does not answer");
                      return Reply::Json("{\"status\":\"ready\"}");
                    }});
  routes.push_back({"GET", "/metrics", Access::kPublic, std::nullopt, [&svc](Call&) {
                      Metrics::StoreGauges g;
                      {
                        auto lock = svc.Lock();
                        base::Result<store::StoreStats> stats = svc.store().Stats();
                        if (stats.ok()) {
                          g.events_stored = stats->events;
                          g.quarantine_open = stats->quarantined_open;
                          g.cases = stats->cases;
                        }
                        base::Result<std::vector<store::AlertCount>> counts =
                            svc.store().workflow().CountAlerts(store::Scope::All());
                        if (counts.ok()) {
                          for (const store::AlertCount& c : *counts) {
                            if (c.state == "open" || c.state == "escalated") {
                              g.alerts_open_by_level[c.level] += c.count;
                            }
                          }
                        }
                        if (svc.ready()) {
                          g.live_cases = static_cast<std::int64_t>(svc.live().cases());
                          g.live_timers = static_cast<std::int64_t>(svc.live().timers());
                        }
                      }
                      Reply r;
                      r.body = svc.metrics().Render(g);
                      r.content_type = "text/plain; version=0.0.4";
                      return r;
                    }});
  routes.push_back({"GET", "/api/openapi.json", Access::kPublic, std::nullopt, [](Call&) {
                      return Reply::Json(std::string(OpenApiDocument()));
                    }});
  // The alert changes the caller may see (their departments), as server-sent events.
  routes.push_back({"GET", "/api/v1/stream", Access::kSignedIn, auth::Permission::kReadAlerts,
                    [&svc](Call& call) {
                      Reply r;
                      r.stream = svc.hub().Subscribe(call.who().scope());
                      r.content_type = "text/event-stream";
                      return r;
                    }});
}

}  // namespace oversight::server
