#pragma once

// What the complaint and rating commands share (docs/COMPLAINTS.md): the store,
// the command's "now", the sink through which the desks' events take the ingest
// path (validated, appended; with --rules also judged by the engine, as `ingest
// --rules` does), and the audit record of each change.
//
//   OVS_ASSIGN_OR_RETURN(auto session, DeskSession::Open(args.store, args.calendar,
//                                                         args.rules_dir, args.now, env));
//   complaints::ComplaintDesk desk(session->store(), session->sink());

#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "complaints/event_sink.h"
#include "engine/engine.h"
#include "supervisor/live_judge.h"

namespace oversight::cli {

class DeskSession {
 public:
  // Opens the store (it must exist), reads `now` (RFC 3339; empty: the clock) and,
  // with a rule folder, sets the engine up.
  static base::Result<std::unique_ptr<DeskSession>> Open(const StoreArgs& store,
                                                         const CalendarArgs& calendar,
                                                         const std::string& rules_dir,
                                                         const std::string& now,
                                                         const Environment& env);

  store::Store& store() { return *store_; }
  base::Instant now() const { return now_; }
  // `at` (RFC 3339) or now; InvalidArgument naming --at.
  base::Result<base::Instant> At(const std::string& at) const;

  complaints::EventSink sink();
  // With --rules: ticks the cases judged to now and re-derives those with
  // earlier history, storing the alerts. Returns how many were raised.
  base::Result<std::int64_t> Finish();

  // Appends the change to the operations audit trail (as `by`, role cli).
  base::Status Record(const std::string& by, std::string_view action, const std::string& object,
                      std::string_view result, std::string_view detail = {});

 private:
  std::unique_ptr<store::Store> store_;
  base::Instant now_{};
  std::optional<engine::Engine> engine_;
  std::optional<supervisor::LiveJudge> judge_;  // uses engine_
};

}  // namespace oversight::cli
