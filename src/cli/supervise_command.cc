// oversight run and oversight rules backtest: the engine over stored history.

#include <ostream>
#include <unordered_map>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "engine/engine.h"
#include "runtime/calendar_files.h"
#include "runtime/rule_files.h"
#include "supervisor/supervisor.h"

namespace oversight::cli {
namespace {

// The catalog the engine looks items and departments up in, owned here.
struct Catalog {
  std::unordered_map<std::string, model::Item> items;
  std::unordered_map<std::string, model::Department> departments;
};

base::Result<Catalog> LoadCatalog(store::Store& store) {
  Catalog catalog;
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store.ListItems());
  for (model::Item& item : items) catalog.items.emplace(item.code, std::move(item));
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> depts, store.ListDepartments());
  for (model::Department& dept : depts) catalog.departments.emplace(dept.code, std::move(dept));
  return catalog;
}

base::Result<engine::Engine> MakeEngine(const SuperviseArgs& args, const Catalog& catalog,
                                        bool active_only) {
  OVS_ASSIGN_OR_RETURN(rules::RuleSet rule_set, runtime::LoadRuleDir(args.rules_dir));
  if (active_only) {
    std::erase_if(rule_set.rules,
                  [](const rules::Rule& r) { return r.status != rules::RuleStatus::kActive; });
  }
  std::filesystem::path data_dir = args.calendar.data_dir.empty()
                                       ? runtime::DefaultDataDir()
                                       : std::filesystem::path(args.calendar.data_dir);
  calendar::CalendarOptions calendar_options;
  calendar_options.zone = args.calendar.zone;
  if (args.calendar.weekends_fallback) calendar_options.out_of_range = calendar::OutOfRange::kWeekendsOnly;
  std::optional<std::filesystem::path> closures;
  if (!args.calendar.closures_file.empty()) closures = args.calendar.closures_file;
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal,
                       runtime::LoadCalendar(data_dir / "holidays", closures, calendar_options));
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

base::Result<std::optional<base::Instant>> OptionalInstant(const std::string& text,
                                                           std::string_view what) {
  if (text.empty()) return std::optional<base::Instant>();
  base::Result<base::Instant> at = base::ParseInstant(text);
  if (!at.ok()) return at.status().WithContext(what);
  return std::optional<base::Instant>(*at);
}

int Supervise(const SuperviseArgs& args, const Environment& env, bool write, std::ostream& out) {
  auto until = OptionalInstant(args.until, "--until");
  if (!until.ok()) return Fail(until.status());
  auto from = OptionalInstant(args.from, "--from");
  if (!from.ok()) return Fail(from.status());
  auto to = OptionalInstant(args.to, "--to");
  if (!to.ok()) return Fail(to.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<Catalog> catalog = LoadCatalog(**store);
  if (!catalog.ok()) return Fail(catalog.status());
  // A live run uses the active rules; a backtest also tries drafts and pending ones.
  base::Result<engine::Engine> engine = MakeEngine(args, *catalog, /*active_only=*/write);
  if (!engine.ok()) return Fail(engine.status());
  supervisor::SuperviseOptions options;
  options.now = until->value_or(env.clock());
  options.write = write;
  options.from = *from;
  options.to = *to;
  auto summary = supervisor::Supervise(**store, *engine, options);
  if (!summary.ok()) return Fail(summary.status());
  out << (args.json ? summary->ToJson() + "\n" : summary->ToText());
  return kExitOk;
}

}  // namespace

int RunSupervise(const SuperviseArgs& args, const Environment& env, std::ostream& out) {
  return Supervise(args, env, /*write=*/true, out);
}

int RunBacktest(const SuperviseArgs& args, const Environment& env, std::ostream& out) {
  return Supervise(args, env, /*write=*/false, out);
}

}  // namespace oversight::cli
