// The `oversight` command line: options and subcommands, nothing else. The only
// file that includes CLI11 (it is slow to compile).

#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/exit_code.h"

namespace oversight::cli {
namespace {

void AddCalendarOptions(CLI::App* cmd, CalendarArgs& args) {
  cmd->add_option("--data-dir", args.data_dir, "Folder holding holidays/ (default: the shipped data)");
  cmd->add_option("--closures", args.closures_file, "Local closures file (YAML)")->check(CLI::ExistingFile);
  cmd->add_option("--zone", args.zone, "Time zone for calendar arithmetic")->capture_default_str();
  cmd->add_flag("--weekends-fallback", args.weekends_fallback,
                "Outside the years the holiday data covers, count Mon-Fri as working (with a warning) "
                "instead of failing");
}

void AddStoreOptions(CLI::App* cmd, StoreArgs& args) {
  cmd->add_option("--db", args.db, "SQLite store file")->capture_default_str();
}

// Every command's arguments, alive for one RunCli call.
struct Args {
  IsWorkingArgs calendar_is_working;
  DueArgs calendar_due;
  BetweenArgs calendar_between;
  ValidateArgs validate_uscc;
  ValidateArgs validate_id;
  IngestArgs ingest_args;
  QuarantineArgs quarantine_list;
  QuarantineArgs quarantine_retry;
  AuditArgs audit_verify;
  AuditArgs audit_status;
  AuditLogArgs audit_log;
  AuditExportArgs audit_export;
  DemoArgs demo_args;
  CatalogArgs catalog_import;
  CatalogArgs catalog_export;
  RulesCheckArgs rules_check;
  SuperviseArgs rules_backtest;
  SuperviseArgs run;
  CaseShowArgs case_show;
  AlertsListArgs alerts_list;
  RuleStepArgs rule_step[4];
  RuleStepArgs rule_status;
  ServeArgs serve;
  UserArgs user_args[5];  // add, passwd, lock, unlock, list
  TokenArgs token_args[3];  // create, revoke, list
  KpiComputeArgs kpi_compute;
  KpiPublishArgs kpi_publish;
  KpiPublishArgs kpi_publications;
  ReportArgs report_args;
  SurveyArgs survey_args[6];  // create, update, list, publish, close, results
  SpotCheckArgs spotcheck_args[4];  // draw, list, show, finding
  ComplaintArgs complaint_args[6];  // register, feedback, resolve, reopen, satisfaction, list
  RatingArgs rating_args[5];  // add, list, appeal, decide, step
};

// Subcommand callbacks record the command to run; it runs after parsing succeeds.
using Action = std::function<int()>;

void AddCalendar(CLI::App& app, Action& action, Args& a, std::ostream& out) {
  auto* calendar = app.add_subcommand("calendar", "Working-day calendar (工作日历) and legal deadlines");
  calendar->require_subcommand(1);

  auto& is_working = a.calendar_is_working;
  auto* iw = calendar->add_subcommand("is-working", "Is DATE a working day? Prints working or off");
  iw->add_option("DATE", is_working.date, "Local date, YYYY-MM-DD")->required();
  iw->add_flag("--json", is_working.calendar.json, "Print JSON");
  AddCalendarOptions(iw, is_working.calendar);
  iw->callback([&] { action = [&] { return RunIsWorking(is_working, out); }; });

  auto& due = a.calendar_due;
  auto* d = calendar->add_subcommand("due", "The due instant of a time limit (exclusive: on time means before it)");
  d->add_option("--start", due.start, "Start instant, RFC 3339 with offset")->required();
  d->add_option("--limit", due.limit, "Amount of the limit")->required()->check(CLI::Range(0, 100000));
  d->add_option("--unit", due.unit, "working_days | natural_days | hours")
      ->required()
      ->check(CLI::IsMember({"working_days", "natural_days", "hours"}));
  d->add_option("--suspend", due.suspensions, "A suspension FROM,TO (repeatable)");
  d->add_flag("--json", due.calendar.json, "Print JSON with the days counted");
  AddCalendarOptions(d, due.calendar);
  d->callback([&] { action = [&] { return RunDue(due, out); }; });

  auto& between = a.calendar_between;
  auto* b = calendar->add_subcommand("between", "Working days elapsed from FROM to TO");
  b->add_option("FROM", between.from, "Instant (RFC 3339) or local date")->required();
  b->add_option("TO", between.to, "Instant (RFC 3339) or local date")->required();
  b->add_flag("--json", between.calendar.json, "Print JSON");
  AddCalendarOptions(b, between.calendar);
  b->callback([&] { action = [&] { return RunBetween(between, out); }; });
}

void AddValidate(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* validate = app.add_subcommand("validate", "Check a code's format and check character");
  validate->require_subcommand(1);
  auto& uscc = a.validate_uscc;
  auto* u = validate->add_subcommand("uscc", "Unified social credit code (统一社会信用代码, GB 32100-2015)");
  u->add_option("CODE", uscc.value, "18-character code")->required();
  u->add_flag("--json", uscc.json, "Print JSON");
  u->callback([&] { action = [&] { return RunValidateUscc(uscc, out); }; });
  auto& id = a.validate_id;
  auto* i = validate->add_subcommand("id", "Resident identity number (居民身份证号码, GB 11643-1999)");
  i->add_option("NUMBER", id.value, "18-character number")->required();
  i->add_option("--today", id.today, "Date birth dates may not be after (default: today)");
  i->add_flag("--json", id.json, "Print JSON");
  i->callback([&] { action = [&] { return RunValidateId(id, env, out); }; });
}

void AddIngest(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto& args = a.ingest_args;
  auto* cmd = app.add_subcommand("ingest", "Take in case events from files or stdin (-)");
  cmd->add_option("FILE", args.inputs, "Input files; - reads stdin")->required();
  cmd->add_option("--source", args.source, "Name of the sending system")->required();
  cmd->add_option("--format", args.format, "jsonl | csv | xes (default: from the file name)")
      ->check(CLI::IsMember({"jsonl", "csv", "xes"}));
  cmd->add_option("--mapping", args.mapping, "Mapping file (YAML) from the source's fields and steps")
      ->check(CLI::ExistingFile);
  cmd->add_option("--now", args.now, "Ingest time (RFC 3339); default: the clock");
  cmd->add_option("--future-tolerance", args.future_tolerance_minutes,
                  "Minutes an event time may lie ahead of now")->capture_default_str();
  cmd->add_option("--batch-size", args.batch_size, "Events per store transaction")
      ->check(CLI::Range(1, 1'000'000))->capture_default_str();
  cmd->add_flag("--auto-register", args.auto_register, "Register unknown departments and items");
  cmd->add_flag("--json", args.json, "Print the summary as one JSON object");
  cmd->add_flag("!--no-progress", args.progress, "No progress bar");
  cmd->add_option("--rules", args.rules_dir,
                  "Judge every stored event with these rules as it is written; store the alerts");
  AddStoreOptions(cmd, args.store);
  cmd->add_option("--hash", args.store.hash, "Chain hash for a new store")->check(CLI::IsMember({"sm3", "sha256"}));
  AddCalendarOptions(cmd, args.calendar);
  cmd->callback([&] { action = [&] { return RunIngest(args, env, out); }; });
}

void AddQuarantine(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* quarantine = app.add_subcommand("quarantine", "Records ingest rejected, kept with their reason");
  quarantine->require_subcommand(1);
  auto& list = a.quarantine_list;
  auto* l = quarantine->add_subcommand("list", "List quarantined records");
  l->add_option("--source", list.source, "Only this source");
  l->add_option("--limit", list.limit, "At most this many")->capture_default_str();
  l->add_flag("--all", list.all, "Include records already resolved");
  l->add_flag("--json", list.json, "Print JSON Lines");
  AddStoreOptions(l, list.store);
  l->callback([&] { action = [&] { return RunQuarantineList(list, env, out); }; });
  auto& retry = a.quarantine_retry;
  auto* r = quarantine->add_subcommand("retry", "Re-process quarantined records after a fix");
  r->add_option("--source", retry.source, "Only this source");
  r->add_option("--mapping", retry.mapping, "A corrected mapping file (default: the source's last)")
      ->check(CLI::ExistingFile);
  r->add_option("--now", retry.now, "Processing time (RFC 3339); default: the clock");
  r->add_flag("--auto-register", retry.auto_register, "Register unknown departments and items");
  r->add_flag("--json", retry.json, "Print JSON");
  AddStoreOptions(r, retry.store);
  AddCalendarOptions(r, retry.calendar);
  r->callback([&] { action = [&] { return RunQuarantineRetry(retry, env, out); }; });
}

void AddAudit(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* audit = app.add_subcommand("audit", "Prove the stored history is unchanged");
  audit->require_subcommand(1);
  auto& verify = a.audit_verify;
  auto* v = audit->add_subcommand("verify", "Walk both hash chains (events, operations); name the first broken link");
  v->add_flag("--json", verify.json, "Print JSON");
  AddStoreOptions(v, verify.store);
  v->callback([&] { action = [&] { return RunAuditVerify(verify, env, out); }; });

  auto& log = a.audit_log;
  auto* l = audit->add_subcommand("log", "List the operations audit trail (操作日志), oldest first");
  l->add_option("--from", log.from, "Only records at or after this instant (RFC 3339)");
  l->add_option("--to", log.to, "Only records before this instant (RFC 3339)");
  l->add_option("--actor", log.actor, "Only this actor");
  l->add_option("--action", log.action, "Only actions under this dotted prefix, e.g. alert or session.sign_in");
  l->add_option("--object", log.object, "Only this object, e.g. alert:42");
  l->add_option("--result", log.result, "Only this result")->check(CLI::IsMember({"ok", "denied", "failed"}));
  l->add_option("--after", log.after, "Only records after this seq (the cursor of the previous page)")
      ->check(CLI::NonNegativeNumber);
  l->add_option("--limit", log.limit, "At most this many")->check(CLI::Range(1, 1000))->capture_default_str();
  l->add_flag("--json", log.json, "Print JSON Lines");
  AddStoreOptions(l, log.store);
  l->callback([&] { action = [&] { return RunAuditLog(log, env, out); }; });

  auto& exp = a.audit_export;
  auto* e = audit->add_subcommand("export", "Write the operations audit trail as JSON Lines for archiving");
  e->add_option("--out", exp.out_file, "File to write (must not exist)")->required();
  e->add_option("--from", exp.from, "Only records at or after this instant (RFC 3339)");
  e->add_option("--to", exp.to, "Only records before this instant (RFC 3339)");
  e->add_option("--by", exp.by, "Who exports (recorded)")->capture_default_str();
  e->add_flag("--json", exp.json, "Print JSON");
  AddStoreOptions(e, exp.store);
  e->callback([&] { action = [&] { return RunAuditExport(exp, env, out); }; });

  auto& status = a.audit_status;
  auto* s = app.add_subcommand("status", "What the store holds");
  s->add_flag("--json", status.json, "Print JSON");
  AddStoreOptions(s, status.store);
  s->callback([&] { action = [&] { return RunStatus(status, env, out); }; });
}

void AddCatalog(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* catalog = app.add_subcommand("catalog", "Departments and items (事项目录) as JSON Lines");
  catalog->require_subcommand(1);
  auto& import = a.catalog_import;
  auto* i = catalog->add_subcommand("import", "Register or update departments and items from FILE");
  i->add_option("FILE", import.file, "Catalog JSON Lines (see docs/CATALOG.md)")->required()->check(CLI::ExistingFile);
  AddStoreOptions(i, import.store);
  i->add_option("--hash", import.store.hash, "Chain hash for a new store")->check(CLI::IsMember({"sm3", "sha256"}));
  i->callback([&] { action = [&] { return RunCatalogImport(import, env, out); }; });
  auto& exported = a.catalog_export;
  auto* e = catalog->add_subcommand("export", "Print the catalog as JSON Lines");
  AddStoreOptions(e, exported.store);
  e->callback([&] { action = [&] { return RunCatalogExport(exported, env, out); }; });
}

void AddDemo(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto& args = a.demo_args;
  auto* cmd = app.add_subcommand("demo", "Generate the demo city (揭阳) with known, injected violations");
  AddStoreOptions(cmd, args.store);
  cmd->add_option("--hash", args.store.hash, "Chain hash for a new store")->check(CLI::IsMember({"sm3", "sha256"}));
  cmd->add_option("--start", args.start, "First day (YYYY-MM-DD)")->capture_default_str();
  cmd->add_option("--months", args.months, "Months of history")->check(CLI::Range(1, 120))->capture_default_str();
  cmd->add_option("--seed", args.seed, "Random seed: the same seed gives the same city")->capture_default_str();
  cmd->add_option("--scale", args.scale, "Volume multiplier (1 = about a million events a year)")
      ->check(CLI::Range(0.0001, 100.0))->capture_default_str();
  cmd->add_option("--until", args.until,
                  "End the history at this instant (RFC 3339, or now): later events are left out, "
                  "open cases stay in flight, the truth lists what a judge sees then; within "
                  "(start, start + months]");
  cmd->add_option("--truth", args.truth_file, "Write the injected violations (JSON Lines)");
  cmd->add_option("--jsonl", args.jsonl_file, "Also write the events as canonical JSON Lines");
  cmd->add_option("--catalog", args.catalog_file, "Also write the city's catalog (JSON Lines)");
  cmd->add_flag("--no-db", args.no_db, "Do not write a store (with --jsonl)");
  cmd->add_flag("--json", args.json, "Print the summary as JSON");
  AddCalendarOptions(cmd, args.calendar);
  // The span ends at 00:00 of start + months, so "up to now" needs the 13th month.
  cmd->footer(
      "Example, the last 12 months up to now (judge it with `oversight run` at the same instant):\n"
      "  oversight demo --start \"$(date -d '12 months ago' +%F)\" --months 13 --until now\n"
      "Cases are planned to their end, up to 120 days on: when that reaches a year without holiday\n"
      "data yet, add --weekends-fallback.");
  cmd->callback([&] { action = [&] { return RunDemo(args, env, out); }; });
}

void AddSuperviseOptions(CLI::App* cmd, SuperviseArgs& args) {
  AddStoreOptions(cmd, args.store);
  cmd->add_option("--rules", args.rules_dir, "Rule folder")->capture_default_str();
  cmd->add_option("--until", args.until, "Judge deadlines at this instant (RFC 3339); default: now");
  cmd->add_flag("--json", args.json, "Print JSON");
  AddCalendarOptions(cmd, args.calendar);
}

void AddSupervision(CLI::App& app, Action& action, Args& a, const Environment& env,
                    std::ostream& out) {
  auto& run = a.run;
  auto* r = app.add_subcommand("run", "Run the active rules over the stored history; store the alerts");
  AddSuperviseOptions(r, run);
  r->callback([&] { action = [&] { return RunSupervise(run, env, out); }; });

  auto& show = a.case_show;
  auto* kase = app.add_subcommand("case", "One case (办件)");
  kase->require_subcommand(1);
  auto* s = kase->add_subcommand("show", "The case's full timeline and its alerts (全程留痕)");
  s->add_option("ID", show.case_id, "Case id")->required();
  s->add_flag("--json", show.json, "Print JSON");
  s->add_option("--rules", show.rules_dir, "Rule folder whose deadlines to show")->capture_default_str();
  s->add_option("--until", show.until, "Judge running deadlines at this instant; default: now");
  AddStoreOptions(s, show.store);
  AddCalendarOptions(s, show.calendar);
  s->callback([&] { action = [&] { return RunCaseShow(show, env, out); }; });

  auto& list = a.alerts_list;
  auto* alerts = app.add_subcommand("alerts", "Alerts (预警, 黄牌, 红牌)");
  alerts->require_subcommand(1);
  auto* l = alerts->add_subcommand("list", "List alerts");
  l->add_option("--level", list.level, "notice | yellow | red")->check(CLI::IsMember({"notice", "yellow", "red"}));
  l->add_option("--rule", list.rule, "Only this rule id");
  l->add_option("--dept", list.dept, "Only this department (code)");
  l->add_option("--state", list.state, "open | responded | accepted | escalated | accountability | closed | withdrawn")
      ->check(CLI::IsMember({"open", "responded", "accepted", "escalated", "accountability", "closed", "withdrawn"}));
  l->add_option("--limit", list.limit, "At most this many")->capture_default_str();
  l->add_flag("--json", list.json, "Print a JSON array");
  AddStoreOptions(l, list.store);
  l->callback([&] { action = [&] { return RunAlertsList(list, env, out); }; });
}

// `rules` is a group: `check` and `backtest`.
void AddRules(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* rules = app.add_subcommand("rules", "Supervision rule files (docs/RULES.md)");
  rules->require_subcommand(1);
  auto& check = a.rules_check;
  auto* c = rules->add_subcommand("check", "Validate a rule folder; list every error with its place");
  c->add_option("DIR", check.dir, "Folder with department/, common/, accountability/")->required();
  c->add_flag("--json", check.json, "Print JSON");
  c->callback([&] { action = [&] { return RunRulesCheck(check, out); }; });

  auto& backtest = a.rules_backtest;
  auto* b = rules->add_subcommand("backtest", "What a rule set would have raised over stored history (writes nothing)");
  AddSuperviseOptions(b, backtest);
  b->add_option("--from", backtest.from, "Count alerts that became true from this instant");
  b->add_option("--to", backtest.to, "... until this instant (exclusive)");
  b->callback([&] { action = [&] { return RunBacktest(backtest, env, out); }; });

  // The approval workflow: a department's rule takes effect once the bureau approves it.
  static const char* const kSteps[4][2] = {
      {"submit", "Submit a draft rule for the bureau's approval"},
      {"approve", "Approve a pending rule: it takes effect"},
      {"reject", "Send a pending rule back to draft"},
      {"retire", "Retire a rule: it no longer runs"}};
  for (int i = 0; i < 4; ++i) {
    auto& step = a.rule_step[i];
    step.action = kSteps[i][0];
    auto* cmd = rules->add_subcommand(kSteps[i][0], kSteps[i][1]);
    cmd->add_option("ID", step.rule_id, "Rule id")->required();
    cmd->add_option("--by", step.by, "Who takes this step (recorded)")->required();
    cmd->add_option("--note", step.note, "Why");
    cmd->add_option("--rules", step.rules_dir, "Rule folder")->capture_default_str();
    cmd->add_option("--now", step.now, "When (RFC 3339); default: now");
    AddStoreOptions(cmd, step.store);
    cmd->callback([&] { action = [&] { return RunRuleStep(step, env, out); }; });
  }
  auto& status = a.rule_status;
  auto* st = rules->add_subcommand("status", "Every rule with its status (files and approval history)");
  st->add_option("--rules", status.rules_dir, "Rule folder")->capture_default_str();
  st->add_flag("--json", status.json, "Print JSON");
  AddStoreOptions(st, status.store);
  st->callback([&] { action = [&] { return RunRuleStatusList(status, env, out); }; });
}

void AddServe(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto& args = a.serve;
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API, the live engine and the web app");
  AddStoreOptions(serve, args.store);
  serve->add_option("--rules", args.rules_dir, "Rule folder")->capture_default_str();
  serve->add_option("--listen", args.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--config", args.config, "Settings file (YAML)")->check(CLI::ExistingFile);
  serve->add_option("--assets", args.assets, "Folder with the built web app");
  AddCalendarOptions(serve, args.calendar);
  serve->callback([&] { action = [&] { return RunServe(args, env, out); }; });
}

// `user`: accounts. Each subcommand has its own arguments (user_args[i]).
void AddUser(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* user = app.add_subcommand("user", "User accounts and their roles (the three administrators are separate: 三员分立)");
  user->require_subcommand(1);
  auto& add = a.user_args[0];
  auto* ad = user->add_subcommand("add", "Add a user; prints a generated password once");
  ad->add_option("NAME", add.name, "Login: a-z 0-9 . _ -")->required();
  ad->add_option("--role", add.role,
                 "supervisor | assessor | dept_officer | complaint_desk | sysadmin | secadmin | auditor")
      ->required();
  ad->add_option("--dept", add.dept, "Department code (catalog), required for dept_officer");
  ad->add_option("--display-name", add.display_name, "Name shown in the web app");
  ad->add_flag("--password-stdin", add.password_stdin, "Read the password from stdin instead of generating one");
  ad->add_option("--by", add.by, "Who adds the user (recorded)")->capture_default_str();
  AddStoreOptions(ad, add.store);
  ad->callback([&] { action = [&] { return RunUserAdd(add, env, out); }; });

  auto& passwd = a.user_args[1];
  auto* pw = user->add_subcommand("passwd", "Reset a user's password (generated unless --password-stdin); ends their sessions");
  pw->add_option("NAME", passwd.name, "Login")->required();
  pw->add_flag("--password-stdin", passwd.password_stdin, "Read the password from stdin instead of generating one");
  pw->add_option("--by", passwd.by, "Who resets it (recorded)")->capture_default_str();
  AddStoreOptions(pw, passwd.store);
  pw->callback([&] { action = [&] { return RunUserPasswd(passwd, env, out); }; });

  auto& lock = a.user_args[2];
  auto* lo = user->add_subcommand("lock", "Refuse a user's sign-in until unlocked; ends their sessions");
  lo->add_option("NAME", lock.name, "Login")->required();
  lo->add_option("--by", lock.by, "Who locks (recorded)")->capture_default_str();
  AddStoreOptions(lo, lock.store);
  lo->callback([&] { action = [&] { return RunUserLock(lock, env, out); }; });

  auto& unlock = a.user_args[3];
  auto* un = user->add_subcommand("unlock", "Allow a locked user to sign in again (also ends a lockout after failures)");
  un->add_option("NAME", unlock.name, "Login")->required();
  un->add_option("--by", unlock.by, "Who unlocks (recorded)")->capture_default_str();
  AddStoreOptions(un, unlock.store);
  un->callback([&] { action = [&] { return RunUserUnlock(unlock, env, out); }; });

  auto& list = a.user_args[4];
  auto* li = user->add_subcommand("list", "List users with role, department and state");
  li->add_flag("--json", list.json, "Print a JSON array");
  AddStoreOptions(li, list.store);
  li->callback([&] { action = [&] { return RunUserList(list, env, out); }; });
}

// `token`: API tokens for ingest clients (token_args[i]).
void AddToken(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* token = app.add_subcommand("token", "API tokens with which departments' systems push events");
  token->require_subcommand(1);
  auto& create = a.token_args[0];
  auto* c = token->add_subcommand("create", "Issue a token; prints it once");
  c->add_option("NAME", create.name, "What the token is for")->required();
  c->add_option("--source", create.source, "Source its events are stored under")->required();
  c->add_option("--dept", create.depts, "A department it may send for (repeatable; none: any)");
  c->add_option("--by", create.by, "Who issues it (recorded)")->capture_default_str();
  AddStoreOptions(c, create.store);
  c->callback([&] { action = [&] { return RunTokenCreate(create, env, out); }; });

  auto& revoke = a.token_args[1];
  auto* r = token->add_subcommand("revoke", "Revoke a token: it no longer authenticates");
  r->add_option("ID", revoke.id, "Token id (token list shows it)")->required();
  r->add_option("--by", revoke.by, "Who revokes it (recorded)")->capture_default_str();
  AddStoreOptions(r, revoke.store);
  r->callback([&] { action = [&] { return RunTokenRevoke(revoke, env, out); }; });

  auto& list = a.token_args[2];
  auto* l = token->add_subcommand("list", "List tokens (never the tokens themselves)");
  l->add_flag("--json", list.json, "Print a JSON array");
  AddStoreOptions(l, list.store);
  l->callback([&] { action = [&] { return RunTokenList(list, env, out); }; });
}

// Department scores (kpi) and their reports.
void AddKpi(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* kpi = app.add_subcommand("kpi", "Department scores and rankings (考评, docs/SCORING.md)");
  kpi->require_subcommand(1);
  auto& compute = a.kpi_compute;
  auto* c = kpi->add_subcommand("compute", "Score every department for a month or a year");
  c->add_option("--period", compute.period, "A month YYYY-MM or a year YYYY (local time)")->required();
  c->add_option("--model", compute.model_file, "Scoring model file (YAML)")->capture_default_str();
  c->add_option("--drill", compute.drill,
                "List the cases, items or alerts behind a figure: DEPT:INDICATOR (repeatable)");
  c->add_flag("--json", compute.json, "Print JSON");
  AddStoreOptions(c, compute.store);
  AddCalendarOptions(c, compute.calendar);
  c->callback([&] { action = [&] { return RunKpiCompute(compute, env, out); }; });

  auto& publish = a.kpi_publish;
  auto* p = kpi->add_subcommand("publish", "Freeze a period's scores into an immutable, digested publication");
  p->add_option("--period", publish.period, "A month YYYY-MM or a year YYYY (local time)")->required();
  p->add_option("--model", publish.model_file, "Scoring model file (YAML)")->capture_default_str();
  p->add_option("--supersede", publish.supersedes, "The publication this one corrects (its id)");
  p->add_option("--reason", publish.reason, "Why a publication is superseded (required with --supersede)");
  p->add_option("--by", publish.by, "Who publishes (recorded)")->capture_default_str();
  p->add_flag("--json", publish.json, "Print JSON");
  AddStoreOptions(p, publish.store);
  AddCalendarOptions(p, publish.calendar);
  p->callback([&] { action = [&] { return RunKpiPublish(publish, env, out); }; });
  auto& publications = a.kpi_publications;
  auto* pl = kpi->add_subcommand("publications", "Every publication, newest first, with its digest checked");
  pl->add_option("--period", publications.period, "Only this period's");
  pl->add_flag("--json", publications.json, "Print JSON");
  AddStoreOptions(pl, publications.store);
  pl->callback([&] { action = [&] { return RunKpiPublications(publications, env, out); }; });

  auto& report = a.report_args;
  auto* r = app.add_subcommand("report", "A period's scores as an XLSX or CSV report (by --out's extension)");
  r->add_option("--period", report.period, "A month YYYY-MM or a year YYYY (local time)")->required();
  r->add_option("--out", report.out_file, "FILE.xlsx or FILE.csv")->required();
  r->add_option("--dept", report.dept, "One department's report (its code)");
  r->add_option("--model", report.model_file, "Scoring model file (YAML)")->capture_default_str();
  r->add_flag("--json", report.json, "Print what was written as JSON");
  AddStoreOptions(r, report.store);
  AddCalendarOptions(r, report.calendar);
  r->callback([&] { action = [&] { return RunReport(report, env, out); }; });
}

// `survey`: questionnaires (survey_args[i]).
void AddSurvey(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* survey = app.add_subcommand("survey", "Questionnaires (调查问卷) and their results (docs/SURVEYS.md)");
  survey->require_subcommand(1);
  auto common = [&](CLI::App* c, SurveyArgs& args, bool change) {
    if (change) c->add_option("--by", args.by, "Who makes the change (recorded)")->capture_default_str();
    c->add_option("--now", args.now, "The time (RFC 3339); default: the clock");
    c->add_flag("--json", args.json, "Print JSON");
    AddStoreOptions(c, args.store);
  };
  auto& create = a.survey_args[0];
  auto* c = survey->add_subcommand("create", "Design a questionnaire from FILE (YAML, or JSON if *.json): a draft");
  c->add_option("FILE", create.file, "Definition file (examples/surveys/)")->required()->check(CLI::ExistingFile);
  common(c, create, true);
  c->callback([&] { action = [&] { return RunSurveyCreate(create, env, out); }; });
  auto& update = a.survey_args[1];
  auto* u = survey->add_subcommand("update", "Edit a questionnaire from FILE: a new version (responses keep theirs)");
  u->add_option("FILE", update.file, "Definition file with the same id")->required()->check(CLI::ExistingFile);
  common(u, update, true);
  u->callback([&] { action = [&] { return RunSurveyUpdate(update, env, out); }; });
  auto& list = a.survey_args[2];
  auto* l = survey->add_subcommand("list", "Questionnaires with their status (draft, scheduled, open, closed)");
  common(l, list, false);
  l->callback([&] { action = [&] { return RunSurveyList(list, env, out); }; });
  auto& publish = a.survey_args[3];
  auto* p = survey->add_subcommand("publish", "Publish a draft: open from its opens_at until its closes_at");
  p->add_option("ID", publish.id, "Questionnaire id")->required();
  common(p, publish, true);
  p->callback([&] { action = [&] { return RunSurveyPublish(publish, env, out); }; });
  auto& close = a.survey_args[4];
  auto* cl = survey->add_subcommand("close", "Close a published questionnaire by hand");
  cl->add_option("ID", close.id, "Questionnaire id")->required();
  common(cl, close, true);
  cl->callback([&] { action = [&] { return RunSurveyClose(close, env, out); }; });
  auto& results = a.survey_args[5];
  auto* r = survey->add_subcommand("results", "Results per version, question and department, with the valid response rate");
  r->add_option("ID", results.id, "Questionnaire id")->required();
  r->add_option("--dept", results.dept, "Only this department's responses (its code)");
  common(r, results, false);
  r->callback([&] { action = [&] { return RunSurveyResults(results, env, out); }; });
}

// `spotcheck`: spot checks (spotcheck_args[i]).
void AddSpotCheck(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* spot = app.add_subcommand("spotcheck", "Spot checks (线下抽查): seeded samples of completed cases, findings");
  spot->require_subcommand(1);
  auto& draw = a.spotcheck_args[0];
  auto* d = spot->add_subcommand("draw", "Draw a reproducible sample of a period's completed cases, stratified by department and item");
  d->add_option("--period", draw.period, "A month YYYY-MM or a year YYYY (local time)")->required();
  d->add_option("--seed", draw.seed, "Seed, 0 to 2^53-1 (default: a random one, printed)");
  d->add_option("--per-stratum", draw.per_stratum, "Cases from each department and item (default 1)");
  d->add_option("--per-dept", draw.per_dept, "Cases per department, spread over its items in proportion");
  d->add_option("--rate", draw.rate, "Share of each department and item, 0 < R <= 1 (rounded half up)");
  d->add_option("--min-per-dept", draw.min_per_dept, "At least this many per department (all it has when fewer)");
  d->add_option("--dept", draw.depts, "Only this department (repeatable)");
  d->add_option("--item", draw.items, "Only this item (repeatable)");
  d->add_option("--note", draw.note, "Why the draw is made");
  d->add_option("--by", draw.by, "Who draws (recorded)")->capture_default_str();
  d->add_option("--now", draw.now, "The time (RFC 3339); default: the clock");
  d->add_flag("--json", draw.json, "Print JSON");
  AddStoreOptions(d, draw.store);
  d->add_option("--zone", draw.calendar.zone, "Time zone of the period")->capture_default_str();
  d->callback([&] { action = [&] { return RunSpotCheckDraw(draw, env, out); }; });
  auto& list = a.spotcheck_args[1];
  auto* l = spot->add_subcommand("list", "Spot checks, newest first");
  l->add_option("--limit", list.limit, "At most this many")->capture_default_str()->check(CLI::Range(1, 500));
  l->add_flag("--json", list.json, "Print JSON");
  AddStoreOptions(l, list.store);
  l->callback([&] { action = [&] { return RunSpotCheckList(list, env, out); }; });
  auto& show = a.spotcheck_args[2];
  auto* s = spot->add_subcommand("show", "A spot check: seed, configuration, sample and findings");
  s->add_option("ID", show.id, "Spot check id")->required();
  s->add_flag("--json", show.json, "Print JSON");
  AddStoreOptions(s, show.store);
  s->callback([&] { action = [&] { return RunSpotCheckShow(show, env, out); }; });
  auto& finding = a.spotcheck_args[3];
  auto* f = spot->add_subcommand("finding", "Record a finding on a sampled case; a confirmed problem raises an alert");
  f->add_option("ID", finding.id, "Spot check id")->required();
  f->add_option("--case", finding.case_id, "The sampled case")->required();
  f->add_option("--outcome", finding.outcome, "conforms | problem")->required()->check(CLI::IsMember({"conforms", "problem"}));
  f->add_option("--category", finding.category, "materials | time_limit | fee | attitude | procedure | other");
  f->add_option("--text", finding.text, "What was found (required for a problem)");
  f->add_flag("--unconfirmed", finding.unconfirmed, "A problem still to be confirmed: no alert yet");
  f->add_option("--by", finding.by, "The inspector (recorded)")->capture_default_str();
  f->add_option("--now", finding.now, "The time (RFC 3339); default: the clock");
  f->add_flag("--json", finding.json, "Print JSON");
  AddStoreOptions(f, finding.store);
  f->callback([&] { action = [&] { return RunSpotCheckFinding(finding, env, out); }; });
}

// `complaint`: the complaint desk (complaint_args[i]).
void AddComplaint(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* complaint = app.add_subcommand("complaint", "Complaints (投诉举报) and their deadlines (docs/COMPLAINTS.md)");
  complaint->require_subcommand(1);
  auto common = [&](CLI::App* c, ComplaintArgs& args, bool change) {
    if (change) {
      c->add_option("--by", args.by, "Who takes the step (recorded)")->capture_default_str();
      c->add_option("--at", args.at, "When it happened (RFC 3339); default: now");
      c->add_option("--rules", args.rules_dir, "Rule folder: judge the stored events at once (as ingest --rules)");
      AddCalendarOptions(c, args.calendar);
    }
    c->add_option("--now", args.now, "The time (RFC 3339); default: the clock");
    c->add_flag("--json", args.json, "Print JSON");
    AddStoreOptions(c, args.store);
  };
  auto& reg = a.complaint_args[0];
  auto* r = complaint->add_subcommand("register", "Register a complaint; prints its case id and the lookup code");
  r->add_option("--channel", reg.channel, "hotline | window | online | mobile | letter | email")->required();
  r->add_option("--dept", reg.dept, "The department complained about (its code)");
  r->add_option("--item", reg.item, "The item concerned (its code)");
  r->add_option("--about-case", reg.about_case, "The case complained about (gives department and item)");
  r->add_option("--category", reg.category, "A category");
  r->add_option("--content", reg.content, "What the complaint is about")->required();
  r->add_option("--name", reg.name, "The complainant's name (kept in the register only)");
  r->add_option("--contact", reg.contact, "The complainant's phone or e-mail (kept in the register only)");
  common(r, reg, true);
  r->callback([&] { action = [&] { return RunComplaintRegister(reg, env, out); }; });
  struct StepCommand {
    const char* name;
    const char* help;
    int (*run)(const ComplaintArgs&, const Environment&, std::ostream&);
  };
  const StepCommand steps[] = {
      {"feedback", "The first feedback to the complainant (due within 24 hours)", RunComplaintFeedback},
      {"resolve", "Resolve (办结) a complaint after its first feedback", RunComplaintResolve},
      {"reopen", "Reopen a resolved complaint", RunComplaintReopen}};
  for (int i = 0; i < 3; ++i) {
    auto& args = a.complaint_args[1 + i];
    auto* c = complaint->add_subcommand(steps[i].name, steps[i].help);
    c->add_option("ID", args.id, "The complaint's case id")->required();
    c->add_option("--text", args.text, "What was done or said")->required();
    common(c, args, true);
    auto run = steps[i].run;
    c->callback([&args, &action, &env, &out, run] { action = [&args, &env, &out, run] { return run(args, env, out); }; });
  }
  auto& sat = a.complaint_args[4];
  auto* s = complaint->add_subcommand("satisfaction", "The complainant's satisfaction with a resolved complaint");
  s->add_option("ID", sat.id, "The complaint's case id")->required();
  s->add_option("--level", sat.level, "1 very satisfied … 5 very dissatisfied (GB/T 39046)")->required();
  s->add_option("--comment", sat.comment, "The complainant's words");
  common(s, sat, true);
  s->callback([&] { action = [&] { return RunComplaintSatisfaction(sat, env, out); }; });
  auto& list = a.complaint_args[5];
  auto* l = complaint->add_subcommand("list", "Complaints with their state (no personal data)");
  l->add_option("--state", list.state, "received | fed_back | resolved | reopened");
  l->add_option("--dept", list.dept, "One department's");
  l->add_option("--limit", list.limit, "At most this many")->capture_default_str();
  common(l, list, false);
  l->callback([&] { action = [&] { return RunComplaintList(list, env, out); }; });
}

// `rating`: satisfaction ratings (rating_args[i]).
void AddRating(CLI::App& app, Action& action, Args& a, const Environment& env, std::ostream& out) {
  auto* rating = app.add_subcommand("rating", "Satisfaction ratings (好差评), rectification and appeals (docs/COMPLAINTS.md)");
  rating->require_subcommand(1);
  auto common = [&](CLI::App* c, RatingArgs& args, bool change) {
    if (change) {
      c->add_option("--by", args.by, "Who acts (recorded)")->capture_default_str();
      c->add_option("--rules", args.rules_dir, "Rule folder: judge the stored events at once (as ingest --rules)");
      AddCalendarOptions(c, args.calendar);
    }
    c->add_option("--now", args.now, "The time (RFC 3339); default: the clock");
    c->add_flag("--json", args.json, "Print JSON");
    AddStoreOptions(c, args.store);
  };
  auto& add = a.rating_args[0];
  auto* ad = rating->add_subcommand("add", "Add a rating of a case (or of a service); a bad one opens a rectification case");
  ad->add_option("--case", add.case_id, "The rated case");
  ad->add_option("--item", add.item, "The rated service, when no case is named");
  ad->add_option("--level", add.level, "1 very satisfied … 5 very dissatisfied (GB/T 39046)")->required();
  ad->add_option("--channel", add.channel, "pc | mobile | qr_code | hall_tablet | hall_terminal | phone | sms")->required();
  ad->add_option("--comment", add.comment, "The rater's words");
  ad->add_option("--at", add.at, "When it was given (RFC 3339); default: now");
  common(ad, add, true);
  ad->callback([&] { action = [&] { return RunRatingAdd(add, env, out); }; });
  auto& list = a.rating_args[1];
  auto* l = rating->add_subcommand("list", "Ratings, newest first, with the count, bad ones and the average level");
  l->add_option("--case", list.case_id, "One case's");
  l->add_option("--dept", list.dept, "One department's");
  l->add_option("--item", list.item, "One item's");
  l->add_option("--level", list.level, "Only this level");
  l->add_flag("--bad", list.bad_only, "Only bad ratings (4 and 5)");
  l->add_option("--appeal", list.appeal, "pending | upheld | rejected | none");
  l->add_option("--limit", list.limit, "At most this many (1..500)")->capture_default_str();
  common(l, list, false);
  l->callback([&] { action = [&] { return RunRatingList(list, env, out); }; });
  auto& appeal = a.rating_args[2];
  auto* ap = rating->add_subcommand("appeal", "The department appeals a mistaken or malicious bad rating (once)");
  ap->add_option("ID", appeal.id, "The rating's id")->required();
  ap->add_option("--reason", appeal.reason, "Why the rating is mistaken or malicious")->required();
  common(ap, appeal, true);
  ap->callback([&] { action = [&] { return RunRatingAppeal(appeal, env, out); }; });
  auto& decide = a.rating_args[3];
  auto* d = rating->add_subcommand("decide", "The bureau decides an appeal; upheld excludes the rating and withdraws its alerts");
  d->add_option("ID", decide.id, "The rating's id")->required();
  d->add_option("--decision", decide.decision, "upheld | rejected")->required();
  d->add_option("--reason", decide.reason, "The reason for the decision")->required();
  common(d, decide, true);
  d->callback([&] { action = [&] { return RunRatingDecide(decide, env, out); }; });
  auto& step = a.rating_args[4];
  auto* st = rating->add_subcommand("step", "A rectification step on a bad rating's case: verify, rectify, revisit");
  st->add_option("CASE", step.case_id, "The rectification case (PJ-n)")->required();
  st->add_option("--step", step.step, "verify | rectify | revisit")->required();
  st->add_option("--text", step.text, "What was found or done")->required();
  st->add_option("--at", step.at, "When it happened (RFC 3339); default: now");
  common(st, step, true);
  st->callback([&] { action = [&] { return RunRatingStep(step, env, out); }; });
}

}  // namespace

int RunCli(int argc, char** argv, const Environment& env) {
  CLI::App app{"oversight — supervision of government service cases (网上办事效能监督)", "oversight"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "oversight 0.1.0");
  Action action;
  Args args;
  std::ostream& out = std::cout;
  AddCalendar(app, action, args, out);
  AddValidate(app, action, args, env, out);
  AddIngest(app, action, args, env, out);
  AddQuarantine(app, action, args, env, out);
  AddAudit(app, action, args, env, out);
  AddCatalog(app, action, args, env, out);
  AddDemo(app, action, args, env, out);
  AddRules(app, action, args, env, out);
  AddSupervision(app, action, args, env, out);
  AddServe(app, action, args, env, out);
  AddUser(app, action, args, env, out);
  AddToken(app, action, args, env, out);
  AddKpi(app, action, args, env, out);
  AddSurvey(app, action, args, env, out);
  AddSpotCheck(app, action, args, env, out);
  AddComplaint(app, action, args, env, out);
  AddRating(app, action, args, env, out);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "oversight: " << e.what() << " (see --help)\n";
    return kExitUsage;
  }
  return action ? action() : kExitUsage;
}

}  // namespace oversight::cli
