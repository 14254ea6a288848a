// Reference data (departments, items) and the working-day calendar: is a day a
// working day, and when is a time limit due.

#include "base/strings.h"
#include <charconv>

#include "server/json_input.h"
#include "server/json_out.h"
#include "server/routes.h"

namespace oversight::server {

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
