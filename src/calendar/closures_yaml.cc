// Reads local closures (config/closures.example.yaml):
//   closures:
//     - {date: 2025-07-15, name: 台风停工, working: false}
// A closure overrides whatever the State Council lists say for its date; one with
// `working: true` makes a day a working day. yaml-cpp throws; its exceptions stop here.

#include <yaml-cpp/yaml.h>

#include <exception>
#include <map>
#include <string>

#include "calendar/calendar.h"

namespace oversight::calendar {
namespace {

std::string At(const YAML::Node& node) { return "line " + std::to_string(node.Mark().line + 1); }

base::Result<std::string> ReadString(const YAML::Node& entry, const char* key,
                                     const std::string& where) {
  YAML::Node node = entry[key];
  if (!node || !node.IsScalar() || node.Scalar().empty()) {
    return base::InvalidArgument(where + ": '" + key + "' is missing or empty");
  }
  return node.Scalar();
}

base::Result<bool> ReadWorking(const YAML::Node& entry, const std::string& where) {
  YAML::Node node = entry["working"];
  if (!node) return false;  // a closure is a day off unless it says otherwise
  bool working = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, working)) {
    return base::InvalidArgument(where + ": 'working' must be true or false");
  }
  return working;
}

base::Status ReadClosure(const YAML::Node& entry, std::size_t index,
                         std::map<Date, ListedDay>& closures) {
  std::string where = "closures[" + std::to_string(index) + "] (" + At(entry) + ")";
  if (!entry.IsMap()) return base::InvalidArgument(where + ": expected date, name, working");
  for (const auto& field : entry) {
    std::string key = field.first.Scalar();
    if (key != "date" && key != "name" && key != "working") {
      return base::InvalidArgument(where + ": unknown key '" + key +
                                   "' (allowed: date, name, working)");
    }
  }
  OVS_ASSIGN_OR_RETURN(std::string date_text, ReadString(entry, "date", where));
  OVS_ASSIGN_OR_RETURN(std::string name, ReadString(entry, "name", where));
  OVS_ASSIGN_OR_RETURN(bool working, ReadWorking(entry, where));
  base::Result<Date> date = base::ParseDate(date_text);
  if (!date.ok()) return date.status().WithContext(where + ": date");
  if (!closures.emplace(*date, ListedDay{.is_off = !working, .name = name}).second) {
    return base::InvalidArgument(where + ": " + date_text + " is given twice");
  }
  return base::Status::Ok();
}

base::Status AddParsed(HolidayTable& table, const YAML::Node& root) {
  if (!root || root.IsNull()) return base::Status::Ok();  // an empty file: no closures
  if (!root.IsMap()) return base::InvalidArgument("expected a mapping with a 'closures' list");
  for (const auto& field : root) {
    if (field.first.Scalar() != "closures") {
      return base::InvalidArgument("unknown key '" + field.first.Scalar() + "' (" +
                                   At(field.first) + "; allowed: closures)");
    }
  }
  YAML::Node list = root["closures"];
  if (!list || list.IsNull()) return base::Status::Ok();
  if (!list.IsSequence()) return base::InvalidArgument("'closures' must be a list");
  // Stage into a copy so that a bad entry leaves the table as it was.
  std::map<Date, ListedDay> staged = table.closures;
  for (std::size_t i = 0; i < list.size(); ++i) {
    OVS_RETURN_IF_ERROR(ReadClosure(list[i], i, staged));
  }
  table.closures = std::move(staged);
  return base::Status::Ok();
}

}  // namespace

base::Status HolidayTable::AddClosuresYaml(std::string_view yaml_text) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    return AddParsed(*this, root);
  } catch (const YAML::Exception& e) {
    std::string line = e.mark.is_null() ? "" : " (line " + std::to_string(e.mark.line + 1) + ")";
    return base::InvalidArgument("not valid YAML: " + e.msg + line);
  } catch (const std::exception& e) {
    return base::InvalidArgument(std::string("reading closures: ") + e.what());
  }
}

}  // namespace oversight::calendar
