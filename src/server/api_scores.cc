// Department scores (DESIGN §8): a period computed live with drill-down to the
// cases behind each figure, publication (frozen, digested, recorded in the audit
// trail), and the public rankings that published periods feed.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/random.h"
#include "auth/token.h"
#include "base/strings.h"
#include "report/report_files.h"
#include "report/report_tables.h"
#include "scoring/compute.h"
#include "scoring/model_yaml.h"
#include "scoring/publish.h"
#include "scoring/scores_json.h"
#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

base::Result<scoring::ScoringModel> Model(Service& svc) {
  return scoring::LoadScoringModelFile(svc.options().scoring_model_file);
}

Reply LiveScores(Service& svc, Call& call) {
  base::Result<scoring::Period> period = scoring::Period::Parse(call.Query("period"));
  if (!period.ok()) return Reply::Error(400, "invalid_field", "'period' must be YYYY-MM or YYYY", "period");
  base::Result<scoring::ScoringModel> model = Model(svc);
  if (!model.ok()) return Reply::FromStatus(model.status());
  scoring::ComputeOptions options;
  options.calendar = &svc.calendar();
  const std::string dept = call.Query("dept");
  const std::string figure = call.Query("figure");
  if (!dept.empty() || !figure.empty()) {
    // A drill-down lists cases: only within the caller's departments.
    if (dept.empty() || figure.empty()) {
      return Reply::Error(400, "invalid_field", "a drill-down needs both 'dept' and 'figure'", dept.empty() ? "dept" : "figure");
    }
    if (!call.who().scope().Allows(dept)) {
      return Reply::Error(404, "not_found", "no department '" + dept + "' that you may see", "dept");
    }
    options.drill.push_back({dept, figure});
  }
  auto lock = svc.Lock();
  base::Result<scoring::PeriodScores> scores = scoring::ComputePeriod(svc.store(), *model, *period, options);
  if (!scores.ok()) return Reply::FromStatus(scores.status(), dept.empty() ? "period" : "figure");
  if (!options.drill.empty()) {
    for (const scoring::Drill& d : scores->drills) return Reply::Json(scoring::DrillToJson(*scores, d));
    return Reply::Error(404, "not_found", "no such figure for that department", "figure");
  }
  return Reply::Json(scoring::ScoresToJson(*scores));
}

std::string PublicationJson(const store::PublicationRecord& p) {
  return "{\"id\":" + std::to_string(p.id) + ",\"period\":\"" + base::JsonEscape(p.period) +
         "\",\"model_id\":\"" + base::JsonEscape(p.model_id) + "\",\"model_version\":" +
         std::to_string(p.model_version) + ",\"algorithm\":\"" + p.algorithm + "\",\"digest\":\"" +
         p.digest + "\",\"published_at\":\"" + base::FormatInstantUtc(p.published_at) +
         "\",\"published_by\":\"" + base::JsonEscape(p.published_by) + "\",\"supersedes\":" +
         (p.supersedes ? std::to_string(*p.supersedes) : "null") + ",\"superseded_by\":" +
         (p.superseded_by ? std::to_string(*p.superseded_by) : "null") + ",\"reason\":\"" +
         base::JsonEscape(p.reason) + "\",\"audit_seq\":" + std::to_string(p.ops_seq) + "}";
}

Reply Publish(Service& svc, Call& call) {
  JsonInput in = JsonInput::Parse(call.body, {"period", "supersedes", "reason"});
  const std::string period_text = in.String("period", {true, 7});
  std::optional<std::int64_t> supersedes = in.Int("supersedes", false, 1, INT64_MAX);
  const std::string reason = in.String("reason", {false, 2000});
  if (in.failed()) return Reply::Error(in.error());
  base::Result<scoring::Period> period = scoring::Period::Parse(period_text);
  if (!period.ok()) return Reply::Error(400, "invalid_field", "'period' must be YYYY-MM or YYYY", "period");
  base::Result<scoring::ScoringModel> model = Model(svc);
  if (!model.ok()) return Reply::FromStatus(model.status());
  scoring::PublishRequest request;
  request.actor = store::OpsActor{call.who().name,
                                  call.who().role ? std::string(auth::RoleName(*call.who().role)) : "",
                                  call.client};
  request.now = call.now;
  request.supersedes = supersedes;
  request.reason = reason;
  auto lock = svc.Lock();
  base::Result<store::PublicationRecord> published =
      scoring::PublishPeriod(svc.store(), *model, *period, svc.calendar(), request);
  if (!published.ok()) {
    ApiError e = ErrorFromStatus(published.status(), supersedes ? "supersedes" : "period");
    if (published.status().message().rfind("reason", 0) == 0) e.field = "reason";
    return Reply::Error(e);
  }
  return Reply::Json(PublicationJson(*published), 201);
}

// The public page of a publication: the ranking and each figure, without the
// drill-down lists (they name cases) — built once per publication.
base::Result<std::string> PublicPage(const store::PublicationRecord& p) {
  nlohmann::json snapshot = nlohmann::json::parse(p.snapshot, nullptr, false);
  if (snapshot.is_discarded()) return base::DataLoss("publication " + std::to_string(p.id) + " is unreadable");
  snapshot.erase("drills");
  nlohmann::json page = {{"publication", nlohmann::json::parse(PublicationJson(p))},
                         {"intact", scoring::SnapshotIntact(p)},
                         {"scores", std::move(snapshot)}};
  return page.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The monthly report as XLSX (ranking plus one sheet per figure with its cases)
// or CSV (the ranking, UTF-8 with BOM); a department officer gets their own.
Reply Report(Service& svc, Call& call) {
  base::Result<scoring::Period> period = scoring::Period::Parse(call.Query("period"));
  if (!period.ok()) return Reply::Error(400, "invalid_field", "'period' must be YYYY-MM or YYYY", "period");
  const std::string format = call.Query("format", "xlsx");
  if (format != "xlsx" && format != "csv") {
    return Reply::Error(400, "invalid_field", "'format' must be xlsx or csv", "format");
  }
  std::string dept = call.Query("dept");
  const store::Scope scope = call.who().scope();
  if (!scope.all()) {
    // Only a department's own report for those who see one department.
    if (dept.empty() && scope.departments().size() == 1) dept = scope.departments().front();
    if (!scope.Allows(dept)) return Reply::Error(404, "not_found", "no department '" + dept + "' that you may see", "dept");
  }
  base::Result<scoring::ScoringModel> model = Model(svc);
  if (!model.ok()) return Reply::FromStatus(model.status());
  scoring::ComputeOptions options;
  options.calendar = &svc.calendar();
  options.drill_all = format == "xlsx" && dept.empty();
  if (format == "xlsx") options.drill_dept = dept;
  auto lock = svc.Lock();
  base::Result<scoring::PeriodScores> scores = scoring::ComputePeriod(svc.store(), *model, *period, options);
  if (!scores.ok()) return Reply::FromStatus(scores.status(), "period");
  report::ReportOptions report_options;
  report_options.dept_code = dept;
  base::Result<std::vector<report::Table>> tables = report::BuildTables(*scores, report_options);
  if (!tables.ok()) return Reply::FromStatus(tables.status(), "dept");
  // libxlsxwriter writes files: a private temporary one, read back and removed.
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("oversight-report-" + auth::HexEncode(auth::RandomBytes(8)) + "." + format);
  base::Status written = format == "xlsx" ? report::WriteXlsx(*tables, file.string())
                                          : report::WriteCsv(*tables, file.string());
  std::ostringstream bytes;
  if (written.ok()) {
    std::ifstream in(file, std::ios::binary);
    bytes << in.rdbuf();
  }
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
  if (!written.ok()) return Reply::FromStatus(written);
  (void)svc.Record(call, "report.download", "period:" + period->ToString(), "ok", dept.empty() ? format : format + " " + dept);
  Reply r;
  r.body = bytes.str();
  r.content_type = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    : "text/csv; charset=utf-8";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"oversight-" + period->ToString() +
                                                    (dept.empty() ? "" : "-" + dept) + "." + format + "\"");
  return r;
}

}  // namespace

void AddScoreRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/scores", Access::kSignedIn, auth::Permission::kReadScores,
                    [&svc](Call& call) { return LiveScores(svc, call); }});
  routes.push_back({"GET", "/api/v1/reports", Access::kSignedIn, auth::Permission::kReadScores,
                    [&svc](Call& call) { return Report(svc, call); }});
  routes.push_back({"GET", "/api/v1/publications", Access::kSignedIn, auth::Permission::kReadScores,
                    [&svc](Call& call) {
    std::optional<std::string> period;
    if (std::string p = call.Query("period"); !p.empty()) period = p;
    auto lock = svc.Lock();
    base::Result<std::vector<store::PublicationRecord>> list = svc.store().publications().ListPublications(period);
    if (!list.ok()) return Reply::FromStatus(list.status());
    std::vector<std::string> items;
    for (const store::PublicationRecord& p : *list) items.push_back(PublicationJson(p));
    return Reply::Json(JsonArray(items));
  }});
  routes.push_back({"POST", "/api/v1/publications", Access::kSignedIn, auth::Permission::kPublishScores,
                    [&svc](Call& call) { return Publish(svc, call); }});
  routes.push_back({"GET", "/api/v1/public/rankings", Access::kPublic, std::nullopt, [&svc](Call&) {
    auto lock = svc.Lock();
    base::Result<std::vector<store::PublicationRecord>> list =
        svc.store().publications().ListPublications(std::nullopt);
    if (!list.ok()) return Reply::FromStatus(list.status());
    std::vector<std::string> items;
    for (const store::PublicationRecord& p : *list) {
      if (!p.superseded_by) items.push_back(PublicationJson(p));
    }
    return Reply::Json(JsonArray(items));
  }});
  routes.push_back({"GET", "/api/v1/public/rankings/{period}", Access::kPublic, std::nullopt,
                    [&svc](Call& call) {
    const std::string period = call.params["period"];
    if (!scoring::Period::Parse(period).ok()) {
      return Reply::Error(400, "invalid_field", "the period must be YYYY-MM or YYYY", "period");
    }
    auto lock = svc.Lock();
    base::Result<std::optional<store::PublicationRecord>> current =
        svc.store().publications().CurrentPublication(period);
    if (!current.ok()) return Reply::FromStatus(current.status());
    if (!*current) return Reply::Error(404, "not_found", "period " + period + " is not published", "period");
    auto& cache = svc.public_rankings_cache();
    auto it = cache.find((*current)->id);
    if (it == cache.end()) {
      base::Result<std::string> page = PublicPage(**current);
      if (!page.ok()) return Reply::FromStatus(page.status());
      it = cache.emplace((*current)->id, std::move(*page)).first;
    }
    Reply r = Reply::Json(it->second);
    r.headers.emplace_back("Cache-Control", "public, max-age=60");
    return r;
  }});
}

}  // namespace oversight::server
