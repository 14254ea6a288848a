// The audit trail, for the audit administrator only (三员分立): query the
// operations log, verify both hash chains, export as JSON Lines. Reading the
// trail is itself recorded.

#include <sstream>

#include "server/json_out.h"
#include "server/routes.h"
#include "store/ops_log.h"

namespace oversight::server {

void AddAuditRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/audit", Access::kSignedIn, auth::Permission::kReadAudit,
                    [&svc](Call& call) {
    std::optional<ApiError> error;
    store::OpsQuery q;
    q.from = QueryInstant(call, "from", error);
    q.to = QueryInstant(call, "to", error);
    q.actor = QueryText(call, "actor");
    q.action_prefix = QueryText(call, "action");
    q.object = QueryText(call, "object");
    q.result = QueryText(call, "result");
    q.after_seq = QueryCursor(call, error).value_or(0);
    q.limit = QueryLimit(call, 100, store::kOpsQueryMaxLimit, error);
    if (error) return Reply::Error(*error);
    auto lock = svc.Lock();
    base::Result<std::vector<audit::OpsRecord>> rows = svc.store().ops_log().Query(q);
    if (!rows.ok()) return Reply::FromStatus(rows.status());
    (void)svc.Record(call, "audit.read", "ops_log", "ok");
    std::vector<std::string> items;
    for (const audit::OpsRecord& r : *rows) items.push_back(OpsRecordJson(r));
    std::optional<std::int64_t> next;
    if (static_cast<std::int64_t>(rows->size()) == q.limit && !rows->empty()) next = rows->back().seq;
    return Reply::Json(PageJson(items, next));
  }});
  routes.push_back({"GET", "/api/v1/audit/verify", Access::kSignedIn, auth::Permission::kVerifyAudit,
                    [&svc](Call& call) {
    auto lock = svc.Lock();
    base::Result<store::ChainReport> events = svc.store().VerifyChain();
    if (!events.ok()) return Reply::FromStatus(events.status());
    base::Result<store::ChainReport> ops = svc.store().ops_log().Verify();
    if (!ops.ok()) return Reply::FromStatus(ops.status());
    (void)svc.Record(call, "audit.verify", "chains", events->ok && ops->ok ? "ok" : "failed");
    return Reply::Json("{\"ok\":" + std::string(events->ok && ops->ok ? "true" : "false") +
                       ",\"events\":" + ChainReportJson(*events) +
                       ",\"operations\":" + ChainReportJson(*ops) + "}");
  }});
  routes.push_back({"GET", "/api/v1/audit/export", Access::kSignedIn, auth::Permission::kReadAudit,
                    [&svc](Call& call) {
    std::optional<ApiError> error;
    std::optional<base::Instant> from = QueryInstant(call, "from", error);
    std::optional<base::Instant> to = QueryInstant(call, "to", error);
    if (error) return Reply::Error(*error);
    auto lock = svc.Lock();
    (void)svc.Record(call, "audit.export", "ops_log", "ok");
    std::ostringstream out;
    base::Result<std::int64_t> n = svc.store().ops_log().Export(from, to, out);
    if (!n.ok()) return Reply::FromStatus(n.status());
    Reply r;
    r.body = out.str();
    r.content_type = "application/x-ndjson";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"audit-log.jsonl\"");
    return r;
  }});
}

}  // namespace oversight::server
