#include "supervisor/engine_setup.h"

#include "runtime/calendar_files.h"
#include "runtime/rule_files.h"

namespace oversight::supervisor {

base::Result<EngineCatalog> LoadEngineCatalog(store::Store& store) {
  EngineCatalog catalog;
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store.ListItems());
  for (model::Item& item : items) catalog.items.emplace(item.code, std::move(item));
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> depts, store.ListDepartments());
  for (model::Department& dept : depts) catalog.departments.emplace(dept.code, std::move(dept));
  return catalog;
}

base::Result<rules::StatusOverrides> LoadStatusOverrides(store::Store& store) {
  OVS_ASSIGN_OR_RETURN(std::vector<store::RuleStatusRecord> history, store.RuleStatusHistory());
  rules::StatusOverrides overrides;
  for (const store::RuleStatusRecord& step : history) {  // oldest first: the last one wins
    if (auto status = rules::ParseRuleStatus(step.status)) {
      overrides[{step.rule_id, step.version}] = *status;
    }
  }
  return overrides;
}

base::Result<engine::Engine> MakeEngine(const EngineSetup& setup, EngineCatalog catalog) {
  OVS_ASSIGN_OR_RETURN(rules::RuleSet rule_set, runtime::LoadRuleDir(setup.rules_dir));
  for (rules::Rule& rule : rule_set.rules) {
    rule.status = rules::EffectiveStatus(rule, setup.status_overrides);
  }
  if (setup.active_only) {
    std::erase_if(rule_set.rules,
                  [](const rules::Rule& r) { return r.status != rules::RuleStatus::kActive; });
  } else {
    // A backtest tries every rule that is or may become active; retired ones are gone.
    std::erase_if(rule_set.rules,
                  [](const rules::Rule& r) { return r.status == rules::RuleStatus::kRetired; });
  }
  return MakeEngineWithRules(std::move(rule_set), setup, std::move(catalog));
}

base::Result<calendar::Calendar> LoadSetupCalendar(const EngineSetup& setup) {
  std::filesystem::path holidays =
      setup.holidays_dir.empty() ? runtime::DefaultDataDir() / "holidays" : setup.holidays_dir;
  return runtime::LoadCalendar(holidays, setup.closures_file, setup.stored_closures, setup.calendar);
}

base::Result<std::map<base::Date, calendar::ListedDay>> LoadStoredClosures(store::Store& store) {
  OVS_ASSIGN_OR_RETURN(std::vector<store::ClosureRecord> rows, store.ListClosures());
  std::map<base::Date, calendar::ListedDay> out;
  for (store::ClosureRecord& row : rows) {
    out[row.date] = calendar::ListedDay{true, std::move(row.name)};
  }
  return out;
}

base::Result<calendar::Calendar> LoadStoreCalendar(store::Store& store, EngineSetup setup) {
  OVS_ASSIGN_OR_RETURN(setup.stored_closures, LoadStoredClosures(store));
  return LoadSetupCalendar(setup);
}

base::Result<engine::Engine> MakeEngineWithRules(rules::RuleSet rule_set, const EngineSetup& setup,
                                                 EngineCatalog catalog) {
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal, LoadSetupCalendar(setup));
  auto owned = std::make_shared<const EngineCatalog>(std::move(catalog));
  return engine::Engine::Create(
      std::move(rule_set), std::move(cal),
      [owned](std::string_view code) -> const model::Item* {
        auto it = owned->items.find(std::string(code));
        return it == owned->items.end() ? nullptr : &it->second;
      },
      [owned](std::string_view code) -> const model::Department* {
        auto it = owned->departments.find(std::string(code));
        return it == owned->departments.end() ? nullptr : &it->second;
      });
}

base::Result<engine::Engine> MakeEngineForStore(store::Store& store, EngineSetup setup) {
  OVS_ASSIGN_OR_RETURN(EngineCatalog catalog, LoadEngineCatalog(store));
  OVS_ASSIGN_OR_RETURN(setup.status_overrides, LoadStatusOverrides(store));
  OVS_ASSIGN_OR_RETURN(setup.stored_closures, LoadStoredClosures(store));
  return MakeEngine(setup, std::move(catalog));
}

}  // namespace oversight::supervisor
