// oversight run and oversight rules backtest: the engine over stored history.

#include <ostream>
#include <unordered_map>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "cli/engine_setup.h"
#include "scoring/case_progress.h"
#include "supervisor/engine_setup.h"
#include "supervisor/supervisor.h"

namespace oversight::cli {
namespace {

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
  // A live run uses the active rules; a backtest also tries drafts and pending ones.
  const supervisor::EngineSetup setup = EngineSetupFrom(args.rules_dir, args.calendar, /*active_only=*/write);
  base::Result<engine::Engine> engine = supervisor::MakeEngineForStore(**store, setup);
  if (!engine.ok()) return Fail(engine.status());
  supervisor::SuperviseOptions options;
  options.now = until->value_or(env.clock());
  // Judged as of --until, but stored now: unanswered alerts escalate counting from today.
  options.noticed_at = env.clock();
  options.write = write;
  options.from = *from;
  options.to = *to;
  auto summary = supervisor::Supervise(**store, *engine, options);
  if (!summary.ok()) return Fail(summary.status());
  if (write) {
    // Each case's conclusion and dues, which the dashboard counts (store/dashboard_store.h).
    base::Result<calendar::Calendar> cal = supervisor::LoadStoreCalendar(**store, setup);
    if (!cal.ok()) return Fail(cal.status());
    base::Result<std::int64_t> refreshed = scoring::RefreshCaseProgress(**store, *cal);
    if (!refreshed.ok()) return Fail(refreshed.status().WithContext("case progress"));
  }
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
