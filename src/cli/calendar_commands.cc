// oversight calendar is-working | due | between.

#include <ostream>

#include "base/strings.h"
#include "calendar/calendar.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/calendar_source.h"

namespace oversight::cli {
namespace {

// An instant with offset, or a bare local date meaning its 00:00 local.
base::Result<base::Instant> ParseInstantOrDate(const calendar::Calendar& cal, std::string_view text,
                                               std::string_view what) {
  base::Result<base::Timestamp> ts = base::ParseTimestamp(text);
  if (!ts.ok()) return ts.status().WithContext(what);
  if (ts->has_offset()) return ts->ToInstant();
  return cal.FromLocal(ts->wall);
}

base::Result<std::vector<calendar::Suspension>> ParseSuspensions(
    const calendar::Calendar& cal, const std::vector<std::string>& specs) {
  std::vector<calendar::Suspension> out;
  for (const std::string& spec : specs) {
    auto parts = base::Split(spec, ',');
    if (parts.size() != 2) {
      return base::InvalidArgument("--suspend '" + spec + "': want FROM,TO");
    }
    OVS_ASSIGN_OR_RETURN(base::Instant from, ParseInstantOrDate(cal, parts[0], "--suspend FROM"));
    OVS_ASSIGN_OR_RETURN(base::Instant to, ParseInstantOrDate(cal, parts[1], "--suspend TO"));
    if (to < from) return base::InvalidArgument("--suspend '" + spec + "': TO is before FROM");
    out.push_back({from, to});
  }
  return out;
}

}  // namespace

int RunIsWorking(const IsWorkingArgs& args, std::ostream& out) {
  base::Result<base::Date> date = base::ParseDate(args.date);
  if (!date.ok()) return Fail(date.status().WithContext("DATE"));
  base::Result<calendar::Calendar> cal = OpenCalendar(args.calendar);
  if (!cal.ok()) return Fail(cal.status());
  base::Result<calendar::DayInfo> day = cal->Describe(*date);
  if (!day.ok()) return Fail(day.status());
  if (args.calendar.json) {
    out << "{\"date\":\"" << base::FormatDate(*date) << "\",\"working\":"
        << (day->is_working ? "true" : "false") << ",\"name\":\"" << base::JsonEscape(day->name)
        << "\"" << (day->from_fallback ? ",\"fallback\":true" : "") << "}\n";
  } else {
    out << (day->is_working ? "working" : "off") << "\n";
  }
  return kExitOk;
}

int RunDue(const DueArgs& args, std::ostream& out) {
  base::Result<base::Instant> start = base::ParseInstant(args.start);
  if (!start.ok()) return Fail(start.status().WithContext("--start"));
  std::optional<model::LimitUnit> unit = model::ParseLimitUnit(args.unit);
  if (!unit) return Fail(base::InvalidArgument("--unit: '" + args.unit + "' is not a unit"));
  base::Result<calendar::Calendar> cal = OpenCalendar(args.calendar);
  if (!cal.ok()) return Fail(cal.status());
  base::Result<std::vector<calendar::Suspension>> suspensions = ParseSuspensions(*cal, args.suspensions);
  if (!suspensions.ok()) return Fail(suspensions.status());
  base::Result<calendar::Deadline> due =
      cal->Due(*start, model::TimeLimit{args.limit, *unit}, *suspensions);
  if (!due.ok()) return Fail(due.status());
  if (args.calendar.json) {
    out << "{\"start\":\"" << cal->FormatLocal(*start) << "\",\"limit\":" << args.limit
        << ",\"unit\":\"" << model::LimitUnitName(*unit) << "\",\"due\":\""
        << cal->FormatLocal(due->due) << "\",\"due_utc\":\"" << base::FormatInstantUtc(due->due)
        << "\",\"last_day\":\"" << base::FormatDate(due->last_day)
        << "\",\"days_counted\":" << due->days_counted
        << ",\"suspended_days\":" << due->suspended_days << "}\n";
  } else {
    out << cal->FormatLocal(due->due) << "\n";
  }
  return kExitOk;
}

int RunBetween(const BetweenArgs& args, std::ostream& out) {
  base::Result<calendar::Calendar> cal = OpenCalendar(args.calendar);
  if (!cal.ok()) return Fail(cal.status());
  base::Result<base::Instant> from = ParseInstantOrDate(*cal, args.from, "FROM");
  if (!from.ok()) return Fail(from.status());
  base::Result<base::Instant> to = ParseInstantOrDate(*cal, args.to, "TO");
  if (!to.ok()) return Fail(to.status());
  base::Result<std::int64_t> days = cal->WorkingDaysBetween(*from, *to);
  if (!days.ok()) return Fail(days.status());
  if (args.calendar.json) {
    out << "{\"from\":\"" << cal->FormatLocal(*from) << "\",\"to\":\"" << cal->FormatLocal(*to)
        << "\",\"working_days\":" << *days << "}\n";
  } else {
    out << *days << "\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
