// oversight complaint register | feedback | resolve | reopen | satisfaction | list:
// the complaint desk on the command line (docs/COMPLAINTS.md). The same desk as
// the API's (complaints/complaint_desk.h): each step is an event through the
// ingest path, judged by the engine with --rules (or later by `oversight run`
// or a server). The complainant's name and contact never appear in the output.

#include <nlohmann/json.hpp>
#include <ostream>

#include "auth/random.h"
#include "auth/token.h"
#include "cli/commands.h"
#include "cli/desk_session.h"
#include "cli/exit_code.h"
#include "complaints/complaint_desk.h"
#include "store/complaint_store.h"

namespace oversight::cli {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

complaints::Actor ActorOf(const ComplaintArgs& args) { return {args.by, "cli"}; }

std::string StateOf(const model::Case& c) {
  std::optional<complaints::ComplaintState> state = complaints::ComplaintStateOf(c.stage);
  return state ? std::string(complaints::ComplaintStateName(*state)) : "";
}

// Records the outcome; a change that cannot be audited is reported as failed.
int Finish(DeskSession& session, const ComplaintArgs& args, std::string_view action,
           const std::string& object, const base::Status& status, std::string_view detail = {}) {
  base::Status recorded = session.Record(args.by, action, object, status.ok() ? "ok" : "failed",
                                         status.ok() ? detail : std::string_view(status.message()));
  if (!status.ok()) return Fail(status);
  if (!recorded.ok()) return Fail(recorded.WithContext("recording " + std::string(action)));
  base::Result<std::int64_t> raised = session.Finish();
  if (!raised.ok()) return Fail(raised.status().WithContext("judging"));
  return kExitOk;
}

int Step(const ComplaintArgs& args, const Environment& env, std::ostream& out,
         complaints::ComplaintStep step) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  base::Result<base::Instant> at = (*session)->At(args.at);
  if (!at.ok()) return Fail(at.status());
  complaints::ComplaintDesk desk((*session)->store(), (*session)->sink());
  base::Result<complaints::ComplaintState> state =
      desk.Step(args.id, step, args.text, ActorOf(args), *at, store::Scope::All());
  const std::string action = "complaint." + std::string(complaints::ComplaintStepName(step));
  if (int code = Finish(**session, args, action, "complaint:" + args.id, state.status(),
                        state.ok() ? "-> " + std::string(complaints::ComplaintStateName(*state)) : "");
      code != kExitOk) {
    return code;
  }
  const std::string name(complaints::ComplaintStateName(*state));
  if (args.json) {
    out << Dump({{"id", args.id}, {"state", name}}) << "\n";
  } else {
    out << args.id << " " << name << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunComplaintRegister(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  complaints::NewComplaint c;
  c.channel = args.channel;
  c.dept_code = args.dept;
  c.item_code = args.item;
  c.about_case = args.about_case;
  c.category = args.category;
  c.content = args.content;
  c.complainant_name = args.name;
  c.complainant_contact = args.contact;
  if (!args.at.empty()) {
    base::Result<base::Instant> at = (*session)->At(args.at);
    if (!at.ok()) return Fail(at.status());
    c.received_at = *at;
  }
  const std::string code = complaints::LookupCodeFrom(auth::RandomBytes(complaints::kLookupCodeLength));
  c.lookup_hash = auth::TokenHash(code);
  complaints::ComplaintDesk desk((*session)->store(), (*session)->sink());
  base::Result<store::ComplaintRecord> added = desk.Register(c, ActorOf(args), (*session)->now());
  const std::string object = added.ok() ? "complaint:" + added->case_id : "complaint:";
  if (int exit = Finish(**session, args, "complaint.register", object, added.status(),
                        added.ok() ? "dept " + added->dept_code + ", channel " + added->channel : "");
      exit != kExitOk) {
    return exit;
  }
  if (args.json) {
    out << Dump({{"id", added->case_id},
                 {"state", "received"},
                 {"dept_code", added->dept_code},
                 {"item_code", added->item_code},
                 {"received_at", base::FormatInstantUtc(added->received_at)},
                 {"lookup_code", code}})
        << "\n";
  } else {
    out << added->case_id << "\n"
        << "received " << base::FormatInstantWithOffset(added->received_at, std::chrono::hours(8))
        << " about department " << added->dept_code << "; first feedback is due within 24 hours\n"
        << "lookup code for the complainant (shown once): " << code << "\n";
  }
  return kExitOk;
}

int RunComplaintFeedback(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  return Step(args, env, out, complaints::ComplaintStep::kFeedback);
}

int RunComplaintResolve(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  return Step(args, env, out, complaints::ComplaintStep::kResolve);
}

int RunComplaintReopen(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  return Step(args, env, out, complaints::ComplaintStep::kReopen);
}

int RunComplaintSatisfaction(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, args.rules_dir, args.now, env);
  if (!session.ok()) return Fail(session.status());
  base::Result<base::Instant> at = (*session)->At(args.at);
  if (!at.ok()) return Fail(at.status());
  complaints::ComplaintDesk desk((*session)->store(), (*session)->sink());
  base::Result<store::ComplaintSatisfaction> s =
      desk.RecordSatisfaction(args.id, args.level, args.comment, ActorOf(args), *at, store::Scope::All());
  if (int code = Finish(**session, args, "complaint.satisfaction", "complaint:" + args.id, s.status(),
                        s.ok() ? "level " + std::to_string(s->level) : "");
      code != kExitOk) {
    return code;
  }
  if (args.json) {
    out << Dump({{"id", args.id}, {"level", s->level}, {"level_name", std::string(complaints::LevelName(s->level))}})
        << "\n";
  } else {
    out << args.id << " satisfaction " << s->level << " (" << complaints::LevelName(s->level) << ")\n";
  }
  return kExitOk;
}

int RunComplaintList(const ComplaintArgs& args, const Environment& env, std::ostream& out) {
  auto session = DeskSession::Open(args.store, args.calendar, "", args.now, env);
  if (!session.ok()) return Fail(session.status());
  store::ComplaintQuery q;
  if (!args.dept.empty()) q.dept_code = args.dept;
  if (!args.state.empty()) {
    std::optional<complaints::ComplaintState> state = complaints::ParseComplaintState(args.state);
    if (!state) return Fail(base::InvalidArgument("--state must be received, fed_back, resolved or reopened"));
    q.stage = complaints::StageOf(*state);
  }
  if (args.limit < 1) return Fail(base::InvalidArgument("--limit must be at least 1"));
  json rows = json::array();
  std::int64_t left = args.limit;
  do {
    q.limit = std::min<std::int64_t>(left, 500);
    base::Result<store::ComplaintPage> page =
        (*session)->store().complaints().SearchComplaints(q, store::Scope::All());
    if (!page.ok()) return Fail(page.status());
    for (const store::ComplaintView& v : page->complaints) {
      json row = {{"id", v.kase.id},
                  {"state", StateOf(v.kase)},
                  {"dept_code", v.kase.dept_code},
                  {"item_code", v.kase.item_code},
                  {"received_at", base::FormatInstantUtc(v.kase.first_at)},
                  {"last_step_at", base::FormatInstantUtc(v.kase.last_at)},
                  {"registered", v.record.has_value()},
                  {"channel", v.record ? json(v.record->channel) : json(std::string(model::ChannelName(v.kase.channel)))},
                  {"satisfaction", v.satisfaction ? json(v.satisfaction->level) : json(nullptr)}};
      rows.push_back(std::move(row));
    }
    left -= static_cast<std::int64_t>(page->complaints.size());
    q.after = page->next_cursor;
  } while (q.after && left > 0);
  if (args.json) {
    out << Dump(rows) << "\n";
    return kExitOk;
  }
  for (const json& r : rows) {
    const base::Instant received = *base::ParseInstant(r["received_at"].get<std::string>());
    out << r["id"].get<std::string>() << "  " << r["state"].get<std::string>() << "  "
        << r["dept_code"].get<std::string>() << "  received "
        << base::FormatInstantWithOffset(received, std::chrono::hours(8));
    if (!r["satisfaction"].is_null()) out << "  satisfaction " << r["satisfaction"].get<int>();
    out << "\n";
  }
  out << rows.size() << " complaints\n";
  return kExitOk;
}

}  // namespace oversight::cli
