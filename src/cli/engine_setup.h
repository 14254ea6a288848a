#pragma once

// Building an engine for a command: the rule folder, the calendar and the
// store's catalog (items and departments the engine looks limits and scopes up in).

#include <string>
#include <unordered_map>

#include "cli/commands.h"
#include "engine/engine.h"

namespace oversight::cli {

struct EngineCatalog {
  std::unordered_map<std::string, model::Item> items;
  std::unordered_map<std::string, model::Department> departments;
};

base::Result<EngineCatalog> LoadEngineCatalog(store::Store& store);

// `catalog` must outlive the engine (it looks into it). `active_only` drops
// rules that are draft, pending approval or retired.
base::Result<engine::Engine> MakeEngine(const std::string& rules_dir, const CalendarArgs& calendar,
                                        const EngineCatalog& catalog, bool active_only);

}  // namespace oversight::cli
