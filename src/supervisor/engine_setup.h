#pragma once

// Building an engine from what is on disk and in the store: the rule folder, the
// working-day calendar, and the store's catalog (the items and departments the
// engine looks limits and scopes up in).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "calendar/calendar.h"
#include "engine/engine.h"
#include "rules/approval.h"
#include "store/store.h"

namespace oversight::supervisor {

struct EngineCatalog {
  std::unordered_map<std::string, model::Item> items;
  std::unordered_map<std::string, model::Department> departments;
};

base::Result<EngineCatalog> LoadEngineCatalog(store::Store& store);

struct EngineSetup {
  std::filesystem::path rules_dir = "rules";
  std::filesystem::path holidays_dir;               // data/holidays
  std::optional<std::filesystem::path> closures_file;
  // Closures recorded in the store (LoadStoredClosures), over the file's.
  std::map<base::Date, calendar::ListedDay> stored_closures;
  calendar::CalendarOptions calendar;
  bool active_only = true;  // drop draft, pending and retired rules (a backtest keeps them)
  // Statuses from the store's approval history (LoadStatusOverrides), over the files'.
  rules::StatusOverrides status_overrides;
};

// The latest status of every rule version in the store's approval history.
base::Result<rules::StatusOverrides> LoadStatusOverrides(store::Store& store);

// The engine keeps its own copy of `catalog` (a city's catalog is small).
base::Result<engine::Engine> MakeEngine(const EngineSetup& setup, EngineCatalog catalog);

// An engine over exactly `rule_set` (a draft under backtest), with the setup's calendar.
base::Result<engine::Engine> MakeEngineWithRules(rules::RuleSet rule_set, const EngineSetup& setup,
                                                 EngineCatalog catalog);

// The working-day calendar the setup names (the shipped holidays by default).
base::Result<calendar::Calendar> LoadSetupCalendar(const EngineSetup& setup);

// The local closures the store holds (added through the API), as calendar days off.
base::Result<std::map<base::Date, calendar::ListedDay>> LoadStoredClosures(store::Store& store);

// The setup's calendar with the store's closures: what an engine over `store` counts.
base::Result<calendar::Calendar> LoadStoreCalendar(store::Store& store, EngineSetup setup);

// The same over a store: its catalog, and its approval history over the files' statuses.
base::Result<engine::Engine> MakeEngineForStore(store::Store& store, EngineSetup setup);

}  // namespace oversight::supervisor
