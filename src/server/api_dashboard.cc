// The dashboard (首页驾驶舱): today's and this month's cases by stage, open alerts
// by department and level, the on-time trend, the items with the most overdue
// cases, this month's complaint handling and the satisfaction trend — one
// request, scoped like every read (a department officer sees their department).
// Counted by the store from the cases summary (store/dashboard_store.h); days
// and months are local to the service's zone.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "calendar/zone.h"
#include "server/routes.h"
#include "store/dashboard_store.h"

namespace oversight::server {
namespace {

using nlohmann::json;

constexpr int kTrendMonths = 12;
constexpr int kTopItems = 10;

std::string Time(base::Instant at) { return base::FormatInstantUtc(at); }

std::string MonthName(std::chrono::year_month ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()),
                static_cast<unsigned>(ym.month()));
  return buf;
}

json Stages(const std::vector<store::StageCount>& counts, base::Instant from, base::Instant to) {
  json by_stage = json::array();
  std::int64_t total = 0;
  for (const store::StageCount& c : counts) {
    by_stage.push_back({{"stage", std::string(model::EventTypeName(c.stage))}, {"count", c.count}});
    total += c.count;
  }
  return {{"from", Time(from)}, {"to", Time(to)}, {"total", total}, {"by_stage", by_stage}};
}

json Rate(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Reply Dashboard(Service& svc, Call& call) {
  using namespace std::chrono;
  base::Result<calendar::Zone> zone = calendar::Zone::Locate(svc.options().zone);
  if (!zone.ok()) return Reply::FromStatus(zone.status());
  const base::Date today = zone->LocalDate(call.now);
  const year_month_day ymd{today};
  const year_month this_month{ymd.year(), ymd.month()};
  auto start_of = [&](year_month m) { return zone->StartOfLocalDay(sys_days{m / 1}); };

  store::DashboardQuery q;
  q.now = call.now;
  q.day_from = zone->StartOfLocalDay(today);
  q.day_to = zone->StartOfLocalDay(today + days{1});
  q.month_from = start_of(this_month);
  q.month_to = start_of(this_month + months{1});
  std::vector<year_month> trend;
  for (int i = kTrendMonths - 1; i >= 0; --i) trend.push_back(this_month - months{i});
  for (year_month m : trend) q.month_bounds.push_back(start_of(m));
  q.month_bounds.push_back(q.month_to);
  q.top_items = kTopItems;

  auto lock = svc.Lock();
  base::Result<store::DashboardFigures> f = svc.store().dashboard().Figures(q, call.who().scope());
  lock.unlock();
  if (!f.ok()) return Reply::FromStatus(f.status());

  // Open alerts, one row per department with a count per level.
  json alerts = json::array();
  for (const store::OpenAlertCount& a : f->alerts_open) {
    if (alerts.empty() || alerts.back()["dept_code"] != a.dept_code) {
      alerts.push_back({{"dept_code", a.dept_code},
                        {"dept_name", a.dept_name},
                        {"notice", 0},
                        {"yellow", 0},
                        {"red", 0},
                        {"total", 0}});
    }
    json& row = alerts.back();
    if (a.level == "notice" || a.level == "yellow" || a.level == "red") {
      row[a.level] = row[a.level].get<std::int64_t>() + a.count;
    }
    row["total"] = row["total"].get<std::int64_t>() + a.count;
  }
  json on_time = json::array();
  json satisfaction = json::array();
  for (std::size_t i = 0; i < trend.size(); ++i) {
    const store::OnTimeMonth& m = f->on_time[i];
    on_time.push_back({{"month", MonthName(trend[i])},
                       {"concluded", m.concluded},
                       {"on_time", m.on_time},
                       {"rate", Rate(m.on_time, m.concluded)}});
    const store::RatingsMonth& r = f->ratings[i];
    satisfaction.push_back({{"month", MonthName(trend[i])},
                            {"ratings", r.count},
                            {"average_level", r.average_level ? json(*r.average_level) : json(nullptr)}});
  }
  json items = json::array();
  for (const store::OverdueItem& i : f->top_overdue_items) {
    items.push_back({{"item_code", i.item_code}, {"item_name", i.item_name}, {"overdue", i.count}});
  }
  json cases_month = Stages(f->cases_month, q.month_from, q.month_to);
  cases_month["month"] = MonthName(this_month);
  json body = {
      {"as_of", Time(call.now)},
      {"zone", svc.options().zone},
      {"cases_today", Stages(f->cases_today, q.day_from, q.day_to)},
      {"cases_month", cases_month},
      {"alerts_open", alerts},
      {"on_time_trend", on_time},
      {"top_overdue_items", items},
      {"complaint_sla",
       {{"month", MonthName(this_month)},
        {"registered", f->complaints.registered},
        {"fed_back_within_24h", f->complaints.fed_back_within_24h},
        {"feedback_rate", Rate(f->complaints.fed_back_within_24h, f->complaints.registered)},
        {"overdue_open", f->complaints.overdue_open}}},
      {"satisfaction_trend", satisfaction}};
  return Reply::Json(body.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

void AddDashboardRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/dashboard", Access::kSignedIn, auth::Permission::kReadCases,
                    [&svc](Call& call) { return Dashboard(svc, call); }});
}

}  // namespace oversight::server
