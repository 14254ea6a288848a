// oversight rating add | list | appeal | decide | step: satisfaction ratings
// (好差评) on the command line (docs/COMPLAINTS.md), through the same desk as the
// API (complaints/rating_desk.h). Levels keep the GB/T 39046 code: 1 非常满意
// (very satisfied) … 5 非常不满意 (very dissatisfied); the average printed is of
// the codes as coded, so lower is better.

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/desk_session.h"
#include "cli/exit_code.h"
#include "complaints/rating_desk.h"
#include "store/rating_store.h"

namespace oversight::cli {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json RatingJson(const store::RatingRecord& r) {
  json appeal = nullptr;
  if (r.appeal) {
    appeal = {{"state", r.appeal->decision.empty() ? std::string("pending") : r.appeal->decision},
              {"reason", r.appeal->reason},
              {"decision_reason", r.appeal->decision_reason}};
  }
  return {{"id", r.id},
          {"case_id", r.case_id.empty() ? json(nullptr) : json(r.case_id)},
          {"item_code", r.item_code},
          {"dept_code", r.dept_code},
          {"level", r.level},
          {"level_name", std::string(complaints::LevelName(r.level))},
          {"channel", r.channel},
          {"rated_at", base::FormatInstantUtc(r.rated_at)},
          {"is_default", r.is_default},
          {"rectification_case", r.rectification_case.empty() ? json(nullptr) : json(r.rectification_case)},
          {"excluded", r.excluded_at.has_value()},
          {"excluded_reason", r.excluded_reason},
          {"appeal", appeal}};
}

// Records the outcome; a change that cannot be audited is reported as failed.
int Finish(DeskSession& session, const RatingArgs& args, std::string_view action,
           const std::string& object, const base::Status& status, std::string_view detail = {}) {
  base::Status recorded = session.Record(args.by, action, object, status.ok() ? "ok" : "failed",
                                         status.ok() ? detail : std::string_view(status.message()));
  if (!status.ok()) return Fail(status);
  if (!recorded.ok()) return Fail(recorded.WithContext("recording " + std::string(action)));
  base::Result<std::int64_t> raised = session.Finish();
  if (!raised.ok()) return Fail(raised.status().WithContext("judging"));
  return kExitOk;
}

void PrintRating(const store::RatingRecord& r, bool as_json, std::ostream& out) {
  if (as_json) {
    out << Dump(RatingJson(r)) << "\n";
    return;
  }
  out << "rating " << r.id << "  level " << r.level << " (" << complaints::LevelName(r.level) << ")  "
      << (r.case_id.empty() ? "item " + r.item_code : "case " + r.case_id) << "  dept " << r.dept_code;
  if (!r.rectification_case.empty()) out << "  rectification case " << r.rectification_case;
  if (r.excluded_at) out << "  excluded: " << r.excluded_reason;
  if (r.appeal) out << "  appeal " << (r.appeal->decision.empty() ? "pending" : r.appeal->decision);
  out << "\n";
}

}  // namespace

int RunRatingAdd(const RatingArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  complaints::NewRating rating;
  rating.case_id = args.case_id;
  rating.item_code = args.item;
  rating.level = args.level;
  rating.channel = args.channel;
  rating.comment = args.comment;
  if (!args.at.empty()) {
    base::Result<base::Instant> at = (*session)->At(args.at);
    if (!at.ok()) return Fail(at.status());
    rating.rated_at = *at;
  }
  complaints::RatingDesk desk((*session)->store(), (*session)->sink());
  base::Result<store::RatingRecord> added = desk.Add(rating, args.by, (*session)->now(), nullptr);
  const std::string object = added.ok() ? "rating:" + std::to_string(added->id) : "rating:";
  if (int code = Finish(**session, args, "rating.add", object, added.status(),
                        added.ok() ? "level " + std::to_string(added->level) : "");
      code != kExitOk) {
    return code;
  }
  PrintRating(*added, args.json, out);
  return kExitOk;
}

int RunRatingList(const RatingArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, "", args.now, env);
  if (!session.ok()) return Fail(session.status());
  store::RatingQuery q;
  if (!args.case_id.empty()) q.case_id = args.case_id;
  if (!args.dept.empty()) q.dept_code = args.dept;
  if (!args.item.empty()) q.item_code = args.item;
  if (args.level != 0) q.level = args.level;
  if (!args.appeal.empty()) q.appeal = args.appeal;
  q.bad_only = args.bad_only;
  q.limit = args.limit;
  store::RatingStore& ratings = (*session)->store().ratings();
  base::Result<store::RatingPage> page = ratings.SearchRatings(q, store::Scope::All());
  if (!page.ok()) return Fail(page.status());
  base::Result<store::RatingSummary> summary = ratings.Summarise(q, store::Scope::All());
  if (!summary.ok()) return Fail(summary.status());
  if (args.json) {
    json items = json::array();
    for (const store::RatingRecord& r : page->ratings) items.push_back(RatingJson(r));
    out << Dump({{"items", items},
                 {"summary",
                  {{"count", summary->count},
                   {"bad", summary->bad},
                   {"excluded", summary->excluded},
                   {"average_level", summary->average_level ? json(*summary->average_level) : json(nullptr)}}}})
        << "\n";
    return kExitOk;
  }
  for (const store::RatingRecord& r : page->ratings) PrintRating(r, false, out);
  out << summary->count << " ratings counted, " << summary->bad << " bad, " << summary->excluded
      << " excluded on appeal";
  if (summary->average_level) {
    char average[16];
    std::snprintf(average, sizeof average, "%.2f", *summary->average_level);
    out << "; average level " << average << " (1 very satisfied … 5 very dissatisfied)";
  }
  out << "\n";
  return kExitOk;
}

int RunRatingAppeal(const RatingArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  complaints::RatingDesk desk((*session)->store(), (*session)->sink());
  base::Result<store::RatingAppeal> appeal =
      desk.Appeal(args.id, args.reason, {args.by, "cli"}, (*session)->now(), store::Scope::All());
  if (int code = Finish(**session, args, "rating.appeal", "rating:" + std::to_string(args.id), appeal.status());
      code != kExitOk) {
    return code;
  }
  auto rating = (*session)->store().ratings().FindRating(args.id, store::Scope::All());
  if (!rating.ok() || !*rating) return Fail(rating.ok() ? base::Internal("rating vanished") : rating.status());
  PrintRating(**rating, args.json, out);
  return kExitOk;
}

int RunRatingDecide(const RatingArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  complaints::RatingDesk desk((*session)->store(), (*session)->sink());
  base::Result<complaints::AppealOutcome> outcome =
      desk.Decide(args.id, args.decision, args.reason, {args.by, "cli"}, (*session)->now());
  std::string detail = args.decision;
  if (outcome.ok()) {
    for (const store::AlertRecord& a : outcome->withdrawn) detail += ", withdrew alert " + std::to_string(a.id);
  }
  if (int code = Finish(**session, args, "rating.appeal_decide", "rating:" + std::to_string(args.id),
                        outcome.status(), detail);
      code != kExitOk) {
    return code;
  }
  if (args.json) {
    json out_json = RatingJson(outcome->rating);
    json withdrawn = json::array();
    for (const store::AlertRecord& a : outcome->withdrawn) withdrawn.push_back(a.id);
    out_json["withdrawn_alerts"] = withdrawn;
    out << Dump(out_json) << "\n";
  } else {
    PrintRating(outcome->rating, false, out);
    out << outcome->withdrawn.size() << " alerts withdrawn\n";
  }
  return kExitOk;
}

int RunRatingStep(const RatingArgs& args, const Environment& env, std::ostream& out) {
  std::optional<complaints::RatingStep> step = complaints::ParseRatingStep(args.step);
  if (!step) return Fail(base::InvalidArgument("--step must be verify, rectify or revisit"));
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  base::Result<base::Instant> at = (*session)->At(args.at);
  if (!at.ok()) return Fail(at.status());
  complaints::RatingDesk desk((*session)->store(), (*session)->sink());
  base::Result<std::string> state =
      desk.Step(args.case_id, *step, args.text, {args.by, "cli"}, *at, store::Scope::All());
  if (int code = Finish(**session, args, "rating." + args.step, "case:" + args.case_id, state.status(),
                        state.ok() ? "-> " + *state : "");
      code != kExitOk) {
    return code;
  }
  if (args.json) {
    out << Dump({{"case_id", args.case_id}, {"state", *state}}) << "\n";
  } else {
    out << args.case_id << " " << *state << "\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
