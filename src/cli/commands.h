#pragma once

// The commands behind `oversight`: plain argument structs and one function per
// command, so that cli.cc (the only file that knows CLI11) stays a table of
// options. Each command writes its answer to `out`, problems to stderr, and
// returns the process exit code (see exit_code.h).

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/hash_chain.h"
#include "base/status.h"
#include "base/time.h"
#include "store/store.h"

namespace oversight::cli {

// What the composition root (app/) hands the commands: how to open a store and
// how to read the clock. Commands never name a backend or call now() themselves.
struct Environment {
  std::function<base::Result<std::unique_ptr<store::Store>>(
      const std::string& path, std::optional<audit::HashAlgorithm> algorithm)>
      open_store;
  std::function<base::Instant()> clock;
};

struct CalendarArgs {
  std::string data_dir;       // holds holidays/; empty: the default data dir
  std::string closures_file;  // optional local closures (YAML)
  std::string zone = "Asia/Shanghai";
  bool weekends_fallback = false;  // outside covered years: weekends-only, with a warning
  bool json = false;
};

struct IsWorkingArgs {
  CalendarArgs calendar;
  std::string date;
};
struct DueArgs {
  CalendarArgs calendar;
  std::string start;
  std::int64_t limit = 0;
  std::string unit;
  std::vector<std::string> suspensions;  // "FROM,TO" pairs of RFC 3339 instants
};
struct BetweenArgs {
  CalendarArgs calendar;
  std::string from;
  std::string to;
};

int RunIsWorking(const IsWorkingArgs& args, std::ostream& out);
int RunDue(const DueArgs& args, std::ostream& out);
int RunBetween(const BetweenArgs& args, std::ostream& out);

struct ValidateArgs {
  std::string value;
  std::string today;  // for identity numbers: birth dates after it are invalid
  bool json = false;
};
int RunValidateUscc(const ValidateArgs& args, std::ostream& out);
int RunValidateId(const ValidateArgs& args, const Environment& env, std::ostream& out);

struct StoreArgs {
  std::string db = "oversight.db";
  std::string hash;  // "sm3" | "sha256" for a new store
};

struct IngestArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::vector<std::string> inputs;
  std::string source;
  std::string format;   // jsonl | csv | xes; empty: from the file name
  std::string mapping;  // mapping file; empty: the canonical format
  std::string now;      // injected ingest time; empty: the clock
  std::int64_t future_tolerance_minutes = 10;
  std::int64_t batch_size = 20'000;
  bool auto_register = false;
  bool json = false;
  bool progress = true;  // on a terminal only
  std::string rules_dir;  // when set, the engine judges the cases this ingest touched
};
int RunIngest(const IngestArgs& args, const Environment& env, std::ostream& out);

struct QuarantineArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string source;
  std::string mapping;  // retry: a corrected mapping; empty: the source's last one
  std::string now;
  std::int64_t limit = 100;
  bool all = false;  // include resolved records
  bool auto_register = false;
  bool json = false;
};
int RunQuarantineList(const QuarantineArgs& args, const Environment& env, std::ostream& out);
int RunQuarantineRetry(const QuarantineArgs& args, const Environment& env, std::ostream& out);

struct AuditArgs {
  StoreArgs store;
  bool json = false;
};
int RunAuditVerify(const AuditArgs& args, const Environment& env, std::ostream& out);
int RunStatus(const AuditArgs& args, const Environment& env, std::ostream& out);

// oversight audit log and oversight audit export: the operations audit trail
// (store/ops_log.h). Times are RFC 3339 instants with an offset; from is
// inclusive, to exclusive.
struct AuditLogArgs {
  StoreArgs store;
  std::string from;
  std::string to;
  std::string actor;
  std::string action;  // a dotted prefix: "alert" matches alert.respond, alert.accept
  std::string object;
  std::string result;  // ok | denied | failed
  std::int64_t after = 0;  // cursor: only records after this seq
  std::int64_t limit = 100;
  bool json = false;
};
int RunAuditLog(const AuditLogArgs& args, const Environment& env, std::ostream& out);

struct AuditExportArgs {
  StoreArgs store;
  std::string out_file;  // JSON Lines; must not exist yet
  std::string from;
  std::string to;
  std::string by = "cli";  // who exports (recorded as the actor of audit.export)
  bool json = false;
};
int RunAuditExport(const AuditExportArgs& args, const Environment& env, std::ostream& out);

struct CatalogArgs {
  StoreArgs store;
  std::string file;
};
int RunCatalogImport(const CatalogArgs& args, const Environment& env, std::ostream& out);
int RunCatalogExport(const CatalogArgs& args, const Environment& env, std::ostream& out);

struct DemoArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string start = "2025-01-01";
  int months = 12;
  std::uint64_t seed = 1;
  double scale = 1.0;
  std::string until;  // RFC 3339 or "now" (the injected clock): cut the history there
  std::string truth_file;  // ground truth of injected violations (JSON Lines)
  std::string jsonl_file;  // also (or only, with no --db) write the events as JSON Lines
  std::string catalog_file;  // write the city's departments and items (catalog JSON Lines)
  bool no_db = false;
  bool json = false;
};
int RunDemo(const DemoArgs& args, const Environment& env, std::ostream& out);

// `rules check DIR`: "ok: N rules (department a, common b, accountability c)" and
// exit 0, or every error as "FILE:LINE:COL: message", one per line, and exit 1.
struct RulesCheckArgs {
  std::string dir;
  bool json = false;
};
int RunRulesCheck(const RulesCheckArgs& args, std::ostream& out);

struct CaseShowArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string case_id;
  std::string rules_dir = "rules";  // the deadlines shown are these rules'; skipped when absent
  std::string until;                // judge running deadlines at this instant; default: now
  bool json = false;
};
int RunCaseShow(const CaseShowArgs& args, const Environment& env, std::ostream& out);

struct AlertsListArgs {
  StoreArgs store;
  std::string level;  // notice | yellow | red
  std::string rule;
  std::string dept;
  std::string state;  // open | withdrawn
  std::int64_t limit = 1000;
  bool json = false;
};
int RunAlertsList(const AlertsListArgs& args, const Environment& env, std::ostream& out);

// oversight run (writes alerts) and oversight rules backtest (writes nothing).
struct SuperviseArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string rules_dir = "rules";
  std::string until;  // judge deadlines at this instant; default: the clock
  std::string from;   // backtest window over the instants alerts became true
  std::string to;
  bool json = false;
};
int RunSupervise(const SuperviseArgs& args, const Environment& env, std::ostream& out);
int RunBacktest(const SuperviseArgs& args, const Environment& env, std::ostream& out);

// oversight rules submit|approve|reject|retire ID, and oversight rules status.
struct RuleStepArgs {
  StoreArgs store;
  std::string rules_dir = "rules";
  std::string action;  // submit | approve | reject | retire
  std::string rule_id;
  std::string by;      // who takes the step (recorded)
  std::string note;
  std::string now;     // when; default: the clock
  bool json = false;
};
int RunRuleStep(const RuleStepArgs& args, const Environment& env, std::ostream& out);
int RunRuleStatusList(const RuleStepArgs& args, const Environment& env, std::ostream& out);

// oversight serve
struct ServeArgs {
  StoreArgs store;
  std::string rules_dir = "rules";
  CalendarArgs calendar;
  std::string listen = "127.0.0.1:8080";
  std::string config;  // optional YAML (config/serve.example.yaml)
  std::string assets;  // the web app's built files
};
int RunServe(const ServeArgs& args, const Environment& env, std::ostream& out);

// oversight user add | passwd | lock | unlock | list: accounts (auth/). Passwords
// are generated and shown once unless --password-stdin gives one.
struct UserArgs {
  StoreArgs store;
  std::string name;
  std::string role;          // auth::RoleName
  std::string dept;          // a department officer's department (catalog code)
  std::string display_name;
  bool password_stdin = false;
  std::string by = "cli";    // who makes the change (recorded in the audit trail)
  bool json = false;
};
int RunUserAdd(const UserArgs& args, const Environment& env, std::ostream& out);
int RunUserPasswd(const UserArgs& args, const Environment& env, std::ostream& out);
int RunUserLock(const UserArgs& args, const Environment& env, std::ostream& out);
int RunUserUnlock(const UserArgs& args, const Environment& env, std::ostream& out);
int RunUserList(const UserArgs& args, const Environment& env, std::ostream& out);

// oversight token create | revoke | list: API tokens for ingest clients, shown once.
struct TokenArgs {
  StoreArgs store;
  std::string name;
  std::string source;
  std::vector<std::string> depts;  // departments it may send for; none: any
  std::int64_t id = 0;             // revoke
  std::string by = "cli";          // who makes the change (recorded)
  bool json = false;
};
int RunTokenCreate(const TokenArgs& args, const Environment& env, std::ostream& out);
int RunTokenRevoke(const TokenArgs& args, const Environment& env, std::ostream& out);
int RunTokenList(const TokenArgs& args, const Environment& env, std::ostream& out);

// oversight kpi compute: a period's department scores (docs/SCORING.md), as a
// ranking table or JSON; --drill DEPT:INDICATOR lists the subjects behind a figure.
struct KpiComputeArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string period;                          // "2026-10" or "2026"
  std::string model_file = "scoring/default.yaml";
  std::vector<std::string> drill;              // DEPT:INDICATOR (or a deduction id)
  bool json = false;
};
int RunKpiCompute(const KpiComputeArgs& args, const Environment& env, std::ostream& out);

// oversight kpi publish | publications: frozen, digested rankings (docs/SCORING.md).
struct KpiPublishArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string period;
  std::string model_file = "scoring/default.yaml";
  std::optional<std::int64_t> supersedes;
  std::string reason;
  std::string by = "cli";
  bool json = false;
};
int RunKpiPublish(const KpiPublishArgs& args, const Environment& env, std::ostream& out);
int RunKpiPublications(const KpiPublishArgs& args, const Environment& env, std::ostream& out);

// oversight report: a period's scores as XLSX or CSV (by --out's extension), for
// the bureau or, with --dept, for one department.
struct ReportArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string period;
  std::string model_file = "scoring/default.yaml";
  std::string out_file;  // FILE.xlsx or FILE.csv
  std::string dept;      // a department's report
  bool json = false;
};
int RunReport(const ReportArgs& args, const Environment& env, std::ostream& out);

// oversight survey create | update | list | publish | close | results:
// questionnaires (docs/SURVEYS.md). The portal (oversight serve) takes responses.
struct SurveyArgs {
  StoreArgs store;
  std::string file;  // create, update: the definition, YAML or (*.json) JSON
  std::string id;    // publish, close, results
  std::string dept;  // results: one department's
  std::string by = "cli";  // who makes the change (recorded)
  std::string now;   // RFC 3339; default: the clock
  bool json = false;
};
int RunSurveyCreate(const SurveyArgs& args, const Environment& env, std::ostream& out);
int RunSurveyUpdate(const SurveyArgs& args, const Environment& env, std::ostream& out);
int RunSurveyList(const SurveyArgs& args, const Environment& env, std::ostream& out);
int RunSurveyPublish(const SurveyArgs& args, const Environment& env, std::ostream& out);
int RunSurveyClose(const SurveyArgs& args, const Environment& env, std::ostream& out);
int RunSurveyResults(const SurveyArgs& args, const Environment& env, std::ostream& out);

// oversight spotcheck draw | list | show | finding: spot checks (线下抽查, docs/SURVEYS.md).
struct SpotCheckArgs {
  StoreArgs store;
  CalendarArgs calendar;  // its zone turns the period into instants
  std::string period;     // draw: YYYY-MM or YYYY
  std::int64_t seed = -1;  // draw: 0 .. 2^53-1; -1: a random one (printed and stored)
  std::int64_t per_stratum = 0;  // draw: one of per_stratum (default 1), per_dept, rate
  std::int64_t per_dept = 0;
  double rate = 0;
  std::int64_t min_per_dept = 0;
  std::vector<std::string> depts;  // draw: only these departments
  std::vector<std::string> items;  // draw: only these items
  std::string note;
  std::int64_t id = 0;     // show, finding
  std::string case_id;     // finding
  std::string outcome;     // finding: conforms | problem
  std::string category;    // finding: materials | time_limit | fee | attitude | procedure | other
  std::string text;
  bool unconfirmed = false;
  std::int64_t limit = 50;  // list
  std::string by = "cli";   // who draws or inspects (recorded)
  std::string now;
  bool json = false;
};
int RunSpotCheckDraw(const SpotCheckArgs& args, const Environment& env, std::ostream& out);
int RunSpotCheckList(const SpotCheckArgs& args, const Environment& env, std::ostream& out);
int RunSpotCheckShow(const SpotCheckArgs& args, const Environment& env, std::ostream& out);
int RunSpotCheckFinding(const SpotCheckArgs& args, const Environment& env, std::ostream& out);

// oversight complaint register | feedback | resolve | reopen | satisfaction | list:
// complaints (投诉举报) at the desk; oversight rating add | list | appeal | decide |
// step: satisfaction ratings (好差评) and the rectification of bad ones
// (docs/COMPLAINTS.md). Every change is an operations audit record; with --rules
// the engine judges the events as `ingest --rules` does.
struct ComplaintArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string rules_dir;  // when set, the engine judges what was stored
  std::string id;         // the complaint case (feedback, resolve, reopen, satisfaction)
  std::string channel;    // register: hotline | window | online | mobile | letter | email
  std::string dept;
  std::string item;
  std::string about_case;
  std::string category;
  std::string content;
  std::string name;     // the complainant (kept in the register; masked in events)
  std::string contact;
  std::string text;     // feedback, resolve, reopen
  int level = 0;        // satisfaction: 1 very satisfied … 5 very dissatisfied
  std::string comment;
  std::string state;    // list: received | fed_back | resolved | reopened
  std::int64_t limit = 100;
  std::string at;       // when it happened (RFC 3339); default: now
  std::string now;      // default: the clock
  std::string by = "cli";
  bool json = false;
};
int RunComplaintRegister(const ComplaintArgs& args, const Environment& env, std::ostream& out);
int RunComplaintFeedback(const ComplaintArgs& args, const Environment& env, std::ostream& out);
int RunComplaintResolve(const ComplaintArgs& args, const Environment& env, std::ostream& out);
int RunComplaintReopen(const ComplaintArgs& args, const Environment& env, std::ostream& out);
int RunComplaintSatisfaction(const ComplaintArgs& args, const Environment& env, std::ostream& out);
int RunComplaintList(const ComplaintArgs& args, const Environment& env, std::ostream& out);

struct RatingArgs {
  StoreArgs store;
  CalendarArgs calendar;
  std::string rules_dir;  // when set, the engine judges what was stored
  std::string case_id;    // add: the rated case; step: the rectification case (PJ-n); list filter
  std::string item;       // add: the rated service when no case is named
  int level = 0;          // 1 very satisfied … 5 very dissatisfied (GB/T 39046 A.8)
  std::string channel;    // add: pc | mobile | qr_code | hall_tablet | hall_terminal | phone | sms
  std::string comment;
  std::int64_t id = 0;    // appeal, decide: the rating
  std::string reason;     // appeal, decide
  std::string decision;   // decide: upheld | rejected
  std::string step;       // step: verify | rectify | revisit
  std::string text;       // step
  std::string dept;       // list
  bool bad_only = false;  // list
  std::string appeal;     // list: pending | upheld | rejected | none
  std::int64_t limit = 100;
  std::string at;
  std::string now;
  std::string by = "cli";
  bool json = false;
};
int RunRatingAdd(const RatingArgs& args, const Environment& env, std::ostream& out);
int RunRatingList(const RatingArgs& args, const Environment& env, std::ostream& out);
int RunRatingAppeal(const RatingArgs& args, const Environment& env, std::ostream& out);
int RunRatingDecide(const RatingArgs& args, const Environment& env, std::ostream& out);
int RunRatingStep(const RatingArgs& args, const Environment& env, std::ostream& out);

}  // namespace oversight::cli
