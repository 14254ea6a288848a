#include "cli/engine_setup.h"

#include "runtime/calendar_files.h"
#include "runtime/rule_files.h"

namespace oversight::cli {

base::Result<EngineCatalog> LoadEngineCatalog(store::Store& store) {
  EngineCatalog catalog;
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store.ListItems());
  for (model::Item& item : items) catalog.items.emplace(item.code, std::move(item));
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> depts, store.ListDepartments());
  for (model::Department& dept : depts) catalog.departments.emplace(dept.code, std::move(dept));
  return catalog;
}

base::Result<engine::Engine> MakeEngine(const std::string& rules_dir, const CalendarArgs& calendar,
                                        const EngineCatalog& catalog, bool active_only) {
  OVS_ASSIGN_OR_RETURN(rules::RuleSet rule_set, runtime::LoadRuleDir(rules_dir));
  if (active_only) {
    std::erase_if(rule_set.rules,
                  [](const rules::Rule& r) { return r.status != rules::RuleStatus::kActive; });
  }
  std::filesystem::path data_dir = calendar.data_dir.empty()
                                       ? runtime::DefaultDataDir()
                                       : std::filesystem::path(calendar.data_dir);
  calendar::CalendarOptions options;
  options.zone = calendar.zone;
  if (calendar.weekends_fallback) options.out_of_range = calendar::OutOfRange::kWeekendsOnly;
  std::optional<std::filesystem::path> closures;
  if (!calendar.closures_file.empty()) closures = calendar.closures_file;
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal,
                       runtime::LoadCalendar(data_dir / "holidays", closures, options));
  return engine::Engine::Create(
      std::move(rule_set), std::move(cal),
      [&catalog](std::string_view code) -> const model::Item* {
        auto it = catalog.items.find(std::string(code));
        return it == catalog.items.end() ? nullptr : &it->second;
      },
      [&catalog](std::string_view code) -> const model::Department* {
        auto it = catalog.departments.find(std::string(code));
        return it == catalog.departments.end() ? nullptr : &it->second;
      });
}

}  // namespace oversight::cli
