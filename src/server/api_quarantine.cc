// The quarantine: records ingest refused, with the reason and the original
// text, and a retry once the cause is fixed (reference data added, mapping fixed).

#include "calendar/zone.h"
#include "pipeline/quarantine_retry.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {

void AddQuarantineRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/quarantine", Access::kSignedIn, auth::Permission::kReadQuarantine,
                    [&svc](Call& call) {
    std::optional<ApiError> error;
    store::QuarantineFilter filter;
    if (std::string source = call.Query("source"); !source.empty()) filter.source = source;
    filter.include_resolved = call.Query("resolved") == "true";
    filter.limit = QueryLimit(call, 100, 1000, error);
    if (error) return Reply::Error(*error);
    auto lock = svc.Lock();
    base::Result<std::vector<store::QuarantineRecord>> rows = svc.store().ListQuarantine(filter);
    if (!rows.ok()) return Reply::FromStatus(rows.status());
    std::vector<std::string> items;
    for (const store::QuarantineRecord& q : *rows) items.push_back(QuarantineJson(q));
    return Reply::Json(PageJson(items, std::nullopt));
  }});
  routes.push_back({"POST", "/api/v1/quarantine/retry", Access::kSignedIn,
                    auth::Permission::kRetryQuarantine, [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"source"});
    const std::string source = in.String("source", {true, 64});
    if (in.failed()) return Reply::Error(in.error());
    auto lock = svc.Lock();
    base::Result<std::optional<store::SourceInfo>> known = svc.store().FindSource(source);
    if (!known.ok()) return Reply::FromStatus(known.status());
    ingest::Mapping mapping = ingest::Mapping::Identity();
    std::string zone_name = svc.options().zone;
    if (*known && !(*known)->mapping_yaml.empty()) {
      base::Result<ingest::Mapping> parsed = ingest::ParseMapping((*known)->mapping_yaml);
      if (!parsed.ok()) return Reply::FromStatus(parsed.status());
      mapping = std::move(*parsed);
      if (!mapping.zone().empty()) zone_name = mapping.zone();
    }
    base::Result<calendar::Zone> zone = calendar::Zone::Locate(zone_name);
    if (!zone.ok()) return Reply::FromStatus(zone.status());
    base::Result<std::vector<model::Department>> departments = svc.store().ListDepartments();
    base::Result<std::vector<model::Item>> items = svc.store().ListItems();
    if (!departments.ok() || !items.ok()) return Reply::Error(500, "internal", "cannot read the catalog");
    pipeline::ValidatorOptions vopts;
    vopts.source = source;
    vopts.now = call.now;
    vopts.from_local = [z = *zone](base::Instant wall) { return z.FromLocal(wall); };
    pipeline::EventValidator validator(vopts, *departments, *items);
    base::Result<pipeline::RetrySummary> summary =
        pipeline::RetryQuarantine(svc.store(), source, mapping, validator, call.now);
    if (!summary.ok()) return Reply::FromStatus(summary.status());
    (void)svc.Record(call, "quarantine.retry", "source:" + source, "ok", summary->ToText());
    // Retried events join their cases: judge those again from the store.
    if (base::Status s = svc.ReloadRules(call.now); !s.ok()) return Reply::FromStatus(s);
    return Reply::Json(summary->ToJson());
  }});
}

}  // namespace oversight::server
