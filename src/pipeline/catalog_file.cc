#include "pipeline/catalog_file.h"

#include <nlohmann/json.hpp>

#include "codes/uscc.h"

namespace oversight::pipeline {
namespace {

using nlohmann::json;

base::Result<std::string> RequiredString(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
    return base::InvalidArgument(std::string("field '") + name + "' is missing or not a string");
  }
  return it->get<std::string>();
}

std::string OptionalString(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

base::Result<std::optional<model::TimeLimit>> ReadLimit(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::optional<model::TimeLimit>();
  auto amount = it->find("amount");
  auto unit = it->find("unit");
  if (!it->is_object() || amount == it->end() || !amount->is_number_integer() || *amount < 0 ||
      unit == it->end() || !unit->is_string()) {
    return base::InvalidArgument(std::string("field '") + name +
                                 "' must be {\"amount\": N ≥ 0, \"unit\": \"working_days\"|...}");
  }
  auto parsed_unit = model::ParseLimitUnit(unit->get<std::string>());
  if (!parsed_unit) {
    return base::InvalidArgument(std::string("field '") + name + ".unit': '" +
                                 unit->get<std::string>() + "' is not a unit");
  }
  return std::optional<model::TimeLimit>(model::TimeLimit{amount->get<std::int64_t>(), *parsed_unit});
}

base::Result<CatalogRecord> ReadDepartment(const json& object) {
  model::Department dept;
  OVS_ASSIGN_OR_RETURN(dept.code, RequiredString(object, "code"));
  OVS_RETURN_IF_ERROR(codes::ValidateUscc(dept.code).WithContext("field 'code'"));
  OVS_ASSIGN_OR_RETURN(dept.name, RequiredString(object, "name"));
  dept.parent_code = OptionalString(object, "parent");
  dept.region = OptionalString(object, "region");
  return CatalogRecord(std::move(dept));
}

base::Result<CatalogRecord> ReadItem(const json& object) {
  model::Item item;
  OVS_ASSIGN_OR_RETURN(item.code, RequiredString(object, "code"));
  OVS_ASSIGN_OR_RETURN(item.name, RequiredString(object, "name"));
  OVS_ASSIGN_OR_RETURN(item.dept_code, RequiredString(object, "dept"));
  OVS_RETURN_IF_ERROR(codes::ValidateUscc(item.dept_code).WithContext("field 'dept'"));
  item.category = OptionalString(object, "category");
  OVS_ASSIGN_OR_RETURN(item.statutory_limit, ReadLimit(object, "statutory_limit"));
  OVS_ASSIGN_OR_RETURN(item.promised_limit, ReadLimit(object, "promised_limit"));
  if (auto fee = object.find("fee_fen"); fee != object.end() && !fee->is_null()) {
    if (!fee->is_number_integer() || *fee < 0) {
      return base::InvalidArgument("field 'fee_fen' must be a whole number of fen ≥ 0");
    }
    item.fee_fen = fee->get<std::int64_t>();
  }
  if (auto depth = object.find("online_depth"); depth != object.end()) {
    if (!depth->is_number_integer() || *depth < 0 || *depth > 4) {
      return base::InvalidArgument("field 'online_depth' must be 0 to 4");
    }
    item.online_depth = depth->get<int>();
  }
  return CatalogRecord(std::move(item));
}

void PutLimit(json& object, const char* name, const std::optional<model::TimeLimit>& limit) {
  if (!limit) return;
  object[name] = {{"amount", limit->amount}, {"unit", model::LimitUnitName(limit->unit)}};
}

}  // namespace

base::Result<CatalogRecord> ParseCatalogLine(std::string_view line) {
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return base::InvalidArgument("not a JSON object");
  std::string record = OptionalString(object, "record");
  if (record == "department") return ReadDepartment(object);
  if (record == "item") return ReadItem(object);
  return base::InvalidArgument("field 'record' must be \"department\" or \"item\"");
}

std::string DepartmentToJsonLine(const model::Department& dept) {
  json object = {{"record", "department"}, {"code", dept.code}, {"name", dept.name},
                 {"parent", dept.parent_code}, {"region", dept.region}};
  return object.dump();
}

std::string ItemToJsonLine(const model::Item& item) {
  json object = {{"record", "item"}, {"code", item.code}, {"name", item.name},
                 {"dept", item.dept_code}, {"category", item.category},
                 {"online_depth", item.online_depth}};
  PutLimit(object, "statutory_limit", item.statutory_limit);
  PutLimit(object, "promised_limit", item.promised_limit);
  if (item.fee_fen) object["fee_fen"] = *item.fee_fen;
  return object.dump();
}

}  // namespace oversight::pipeline
