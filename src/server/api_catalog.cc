// Reference data (departments, items) and the working-day calendar: is a day a
// working day, and when is a time limit due.

#include "base/strings.h"
#include <charconv>
#include <chrono>

#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

// ?year=YYYY: four digits, or nullopt.
std::optional<int> QueryYear(const Call& call) {
  const std::string text = call.Query("year");
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || ptr != text.data() + text.size() || year < 1000) return std::nullopt;
  return year;
}

// Every day of a covered year as the calendar describes it. Ordinary days carry
// no name; holidays, makeup days and closures carry theirs.
Reply CalendarYear(const calendar::Calendar& cal, int year) {
  std::string body = "{\"year\":" + std::to_string(year) + ",\"zone\":\"";
  base::AppendJsonEscaped(body, cal.zone_name());
  body += "\",\"days\":[";
  const base::Date first{std::chrono::year(year) / std::chrono::January / 1};
  const base::Date end{std::chrono::year(year + 1) / std::chrono::January / 1};
  for (base::Date d = first; d < end; d += std::chrono::days(1)) {
    base::Result<calendar::DayInfo> info = cal.Describe(d);
    if (!info.ok()) return Reply::FromStatus(info.status(), "year");
    const bool ordinary = info->kind == calendar::DayKind::kWorkday ||
                          info->kind == calendar::DayKind::kWeekend;
    if (d != first) body += ',';
    body += "{\"date\":\"" + base::FormatDate(d) + "\",\"working\":" +
            (info->is_working ? "true" : "false") + ",\"kind\":\"" +
            std::string(calendar::DayKindName(info->kind)) + "\",\"name\":\"";
    if (!ordinary) base::AppendJsonEscaped(body, info->name);
    body += "\"}";
  }
  body += "]}";
  return Reply::Json(std::move(body));
}

}  // namespace

void AddCatalogRoutes(RouteTable& routes, Service& svc) {
  routes.push_back({"GET", "/api/v1/departments", Access::kSignedIn, std::nullopt, [&svc](Call&) {
    auto lock = svc.Lock();
    base::Result<std::vector<model::Department>> rows = svc.store().ListDepartments();
    if (!rows.ok()) return Reply::FromStatus(rows.status());
    std::vector<std::string> items;
    for (const model::Department& d : *rows) items.push_back(DepartmentJson(d));
    return Reply::Json(JsonArray(items));
  }});
  routes.push_back({"GET", "/api/v1/items", Access::kSignedIn, std::nullopt, [&svc](Call& call) {
    const std::string dept = call.Query("dept");
    auto lock = svc.Lock();
    base::Result<std::vector<model::Item>> rows = svc.store().ListItems();
    if (!rows.ok()) return Reply::FromStatus(rows.status());
    std::vector<std::string> items;
    for (const model::Item& i : *rows) {
      if (dept.empty() || i.dept_code == dept) items.push_back(ItemJson(i));
    }
    return Reply::Json(JsonArray(items));
  }});
  // The service catalog is public (政务服务事项目录): the portal's complaint form
  // lets a citizen pick the department and item complained about.
  routes.push_back({"GET", "/api/v1/public/catalog", Access::kPublic, std::nullopt, [&svc](Call&) {
    auto lock = svc.Lock();
    base::Result<std::vector<model::Department>> depts = svc.store().ListDepartments();
    if (!depts.ok()) return Reply::FromStatus(depts.status());
    base::Result<std::vector<model::Item>> items = svc.store().ListItems();
    if (!items.ok()) return Reply::FromStatus(items.status());
    std::string body = "{\"departments\":[";
    for (std::size_t i = 0; i < depts->size(); ++i) {
      const model::Department& d = (*depts)[i];
      if (i) body += ',';
      body += "{\"code\":\"";
      base::AppendJsonEscaped(body, d.code);
      body += "\",\"name\":\"";
      base::AppendJsonEscaped(body, d.name);
      body += "\",\"items\":[";
      bool first = true;
      for (const model::Item& item : *items) {
        if (item.dept_code != d.code) continue;
        if (!first) body += ',';
        first = false;
        body += "{\"code\":\"";
        base::AppendJsonEscaped(body, item.code);
        body += "\",\"name\":\"";
        base::AppendJsonEscaped(body, item.name);
        body += "\"}";
      }
      body += "]}";
    }
    body += "]}";
    Reply r = Reply::Json(std::move(body));
    r.headers.emplace_back("Cache-Control", "public, max-age=300");
    return r;
  }});
  routes.push_back({"PUT", "/api/v1/departments/{code}", Access::kSignedIn,
                    auth::Permission::kManageCatalog, [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"name", "parent_code", "region"});
    model::Department d;
    d.code = call.params["code"];
    d.name = in.String("name", {true, 200});
    d.parent_code = in.String("parent_code", {false, 18});
    d.region = in.String("region", {false, 12});
    if (in.failed()) return Reply::Error(in.error());
    auto lock = svc.Lock();
    if (base::Status s = svc.store().UpsertDepartment(d, false); !s.ok()) return Reply::FromStatus(s, "code");
    (void)svc.Record(call, "catalog.department", "department:" + d.code, "ok");
    return Reply::Json(DepartmentJson(d));
  }});
  routes.push_back({"GET", "/api/v1/calendar/working-day", Access::kSignedIn, std::nullopt,
                    [&svc](Call& call) {
    const std::string text = call.Query("date");
    base::Result<base::Date> date = base::ParseDate(text);
    if (!date.ok()) return Reply::Error(400, "invalid_field", "'date' must be YYYY-MM-DD", "date");
    base::Result<bool> working = svc.calendar().IsWorkingDay(*date);
    if (!working.ok()) return Reply::FromStatus(working.status(), "date");
    return Reply::Json("{\"date\":\"" + base::FormatDate(*date) + "\",\"working\":" +
                       (*working ? "true" : "false") + "}");
  }});
  // Public (the portal counts deadlines on it too), rate-limited like every public route.
  routes.push_back({"GET", "/api/v1/calendar/year", Access::kPublic, std::nullopt, [&svc](Call& call) {
    std::optional<int> year = QueryYear(call);
    if (!year) return Reply::Error(400, "invalid_field", "'year' must be a year such as 2026", "year");
    const calendar::Calendar& cal = svc.calendar();
    if (*year < cal.first_year() || *year > cal.last_year()) {
      return Reply::Error(404, "not_found",
                          "the calendar does not cover " + std::to_string(*year) + " (covered: " +
                              std::to_string(cal.first_year()) + "–" +
                              std::to_string(cal.last_year()) + ")",
                          "year");
    }
    return CalendarYear(cal, *year);
  }});
  routes.push_back({"POST", "/api/v1/calendar/closures", Access::kSignedIn,
                    auth::Permission::kManageCatalog, [&svc](Call& call) {
    JsonInput in = JsonInput::Parse(call.body, {"date", "reason"});
    const std::string date_text = in.String("date", {true, 10});
    const std::string reason = in.String("reason", {true, 200});
    if (in.failed()) return Reply::Error(in.error());
    base::Result<base::Date> date = base::ParseDate(date_text);
    if (!date.ok()) return Reply::Error(400, "invalid_field", "'date' must be YYYY-MM-DD", "date");
    auto lock = svc.Lock();
    base::Result<calendar::DayInfo> day = svc.calendar().Describe(*date);
    if (!day.ok()) return Reply::Error(400, "invalid_field", day.status().message(), "date");
    if (day->kind == calendar::DayKind::kClosure) {
      return Reply::Error(409, "already_exists", date_text + " is already a closure: " + day->name, "date");
    }
    if (!day->is_working) {
      return Reply::Error(409, "conflict", date_text + " is already a rest day", "date");
    }
    store::ClosureRecord closure;
    closure.date = *date;
    closure.name = reason;
    closure.created_by = call.who().name;
    closure.created_at = call.now;
    if (base::Status s = svc.store().AddClosure(closure); !s.ok()) return Reply::FromStatus(s, "date");
    if (base::Status s = svc.Record(call, "calendar.closure", "date:" + date_text, "ok", reason); !s.ok()) {
      return Reply::FromStatus(s);
    }
    // Deadlines across the date move: the engine re-judges on the new calendar.
    if (base::Status s = svc.ReloadCalendar(call.now); !s.ok()) return Reply::FromStatus(s);
    std::string body = "{\"date\":\"" + base::FormatDate(*date) +
                       "\",\"working\":false,\"kind\":\"closure\",\"name\":\"";
    base::AppendJsonEscaped(body, reason);
    body += "\"}";
    return Reply::Json(std::move(body), 201);
  }});
  routes.push_back({"GET", "/api/v1/calendar/due", Access::kSignedIn, std::nullopt, [&svc](Call& call) {
    base::Result<base::Instant> start = base::ParseInstant(call.Query("start"));
    if (!start.ok()) return Reply::Error(400, "invalid_field", "'start' must be an RFC 3339 instant", "start");
    const std::string amount_text = call.Query("limit");
    std::int64_t amount = 0;
    auto [ptr, ec] = std::from_chars(amount_text.data(), amount_text.data() + amount_text.size(), amount);
    if (ec != std::errc() || ptr != amount_text.data() + amount_text.size() || amount < 0 || amount > 100000) {
      return Reply::Error(400, "invalid_field", "'limit' must be an integer 0..100000", "limit");
    }
    std::optional<model::LimitUnit> unit = model::ParseLimitUnit(call.Query("unit", "working_days"));
    if (!unit) return Reply::Error(400, "invalid_field", "'unit' must be working_days, natural_days or hours", "unit");
    base::Result<calendar::Deadline> due = svc.calendar().Due(*start, model::TimeLimit{amount, *unit}, {});
    if (!due.ok()) return Reply::FromStatus(due.status(), "start");
    return Reply::Json("{\"start\":\"" + base::FormatInstantUtc(*start) + "\",\"due\":\"" +
                       base::FormatInstantUtc(due->due) + "\",\"due_local\":\"" +
                       svc.calendar().FormatLocal(due->due) + "\",\"last_day\":\"" +
                       base::FormatDate(due->last_day) + "\",\"days_counted\":" +
                       std::to_string(due->days_counted) +
                       ",\"note\":\"on time means strictly before due\"}");
  }});
}

}  // namespace oversight::server
