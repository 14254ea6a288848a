// Reads one year file of NateScarlet/holiday-cn (format in data/holidays/SOURCES.md):
//   {"year": 2025, "papers": [...], "days": [{"name": "春节", "date": "2025-01-28",
//    "isOffDay": true}, ...]}
// nlohmann::json throws; its exceptions stop here.

#include <cstdlib>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "calendar/calendar.h"

namespace oversight::calendar {
namespace {

using nlohmann::json;

// A file may list days of the neighbouring years (2008.json starts on
// 2007-12-29), never further away: anything else means a mislabelled file.
constexpr int kMaxYearDistance = 1;

base::Result<ListedDay> ReadDay(const json& entry, const std::string& where, Date* date) {
  if (!entry.is_object()) return base::InvalidArgument(where + ": expected an object");
  auto name = entry.find("name");
  auto date_text = entry.find("date");
  auto is_off = entry.find("isOffDay");
  if (name == entry.end() || !name->is_string() || name->get<std::string>().empty()) {
    return base::InvalidArgument(where + ".name: missing or not a non-empty string");
  }
  if (date_text == entry.end() || !date_text->is_string()) {
    return base::InvalidArgument(where + ".date: missing or not a string");
  }
  if (is_off == entry.end() || !is_off->is_boolean()) {
    return base::InvalidArgument(where + ".isOffDay: missing or not true/false");
  }
  base::Result<Date> parsed = base::ParseDate(date_text->get<std::string>());
  if (!parsed.ok()) return parsed.status().WithContext(where + ".date");
  *date = *parsed;
  return ListedDay{.is_off = is_off->get<bool>(), .name = name->get<std::string>()};
}

base::Result<int> ReadYear(const json& doc) {
  auto year = doc.find("year");
  if (year == doc.end() || !year->is_number_integer()) {
    return base::InvalidArgument("year: missing or not an integer");
  }
  std::int64_t value = year->get<std::int64_t>();
  if (value < 1900 || value > 2999) {
    return base::InvalidArgument("year: " + std::to_string(value) + " is outside 1900–2999");
  }
  return static_cast<int>(value);
}

// Adds `day` to `days`; the same date twice is fine only with the same meaning.
base::Status Merge(std::map<Date, ListedDay>& days, Date date, ListedDay day) {
  auto [it, inserted] = days.emplace(date, day);
  if (inserted || it->second.is_off == day.is_off) return base::Status::Ok();
  return base::InvalidArgument(base::FormatDate(date) +
                               " is listed both as a day off and as a working day");
}

base::Status AddParsed(HolidayTable& table, const json& doc) {
  if (!doc.is_object()) {
    return base::InvalidArgument("expected a JSON object with \"year\" and \"days\"");
  }
  OVS_ASSIGN_OR_RETURN(int year, ReadYear(doc));
  auto days = doc.find("days");
  if (days == doc.end() || !days->is_array()) {
    return base::InvalidArgument("days: missing or not an array");
  }
  if (table.covered_years.contains(year)) {
    return base::AlreadyExists("the notice for " + std::to_string(year) + " was added twice");
  }
  // Stage into a copy so that a bad entry leaves the table as it was.
  std::map<Date, ListedDay> staged = table.days;
  for (std::size_t i = 0; i < days->size(); ++i) {
    std::string where = "days[" + std::to_string(i) + "]";
    Date date;
    OVS_ASSIGN_OR_RETURN(ListedDay day, ReadDay((*days)[i], where, &date));
    int date_year = int(std::chrono::year_month_day(date).year());
    if (std::abs(date_year - year) > kMaxYearDistance) {
      return base::InvalidArgument(where + ".date: " + base::FormatDate(date) +
                                   " is too far from the file's year " + std::to_string(year));
    }
    OVS_RETURN_IF_ERROR(Merge(staged, date, std::move(day)).WithContext(where));
  }
  table.days = std::move(staged);
  // An empty list means the notice is not out yet: the year stays uncovered.
  if (days->empty()) return base::Status::Ok();
  table.covered_years.insert(year);
  table.first_year = *table.covered_years.begin();
  table.last_year = *table.covered_years.rbegin();
  return base::Status::Ok();
}

}  // namespace

base::Status HolidayTable::AddYearJson(std::string_view json_text) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    return base::InvalidArgument(std::string("not valid JSON: ") + e.what());
  }
  try {
    return AddParsed(*this, doc);
  } catch (const std::exception& e) {
    // Types are checked before every get<>(), so this is a bug, not bad data.
    return base::Internal(std::string("reading holiday JSON: ") + e.what());
  }
}

}  // namespace oversight::calendar
