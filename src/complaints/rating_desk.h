#pragma once

// Satisfaction ratings (好差评, 国办发〔2019〕51号; docs/COMPLAINTS.md). Every rating
// is stored (store/rating_store.h); a bad one (4 不满意 or 5 非常不满意) also opens
// a rectification case of kind rating, "PJ-<rating id>", with a rating_received
// event, so its deadline runs through rules/common/rating-rectification.yaml in
// the engine. The department then verifies (核实), rectifies (整改) and revisits
// (回访) the rater; each step is an event. A department may appeal a mistaken or
// malicious rating once; the bureau upholds or rejects the appeal. An upheld
// appeal excludes the rating (kept, never deleted), ends the rectification case
// and withdraws its alerts with the reason.
//
//   RatingDesk desk(store, sink);
//   OVS_ASSIGN_OR_RETURN(store::RatingRecord r, desk.Add(rating, "token:hall", now, nullptr));
//   if (!r.rectification_case.empty()) ... // a bad rating: "PJ-17"
//
// Refusals name their field ('level': …), see FieldOf. Not thread-safe: the store's.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "complaints/event_sink.h"
#include "complaints/feedback_terms.h"
#include "store/alert_workflow_store.h"
#include "store/rating_store.h"
#include "store/store.h"

namespace oversight::complaints {

struct NewRating {
  std::string case_id;    // the rated case; or
  std::string item_code;  // the rated service (item) when no case is named
  int level = 0;          // 1..5, GB/T 39046 A.8
  std::string channel;    // RatingChannels()
  std::string comment;
  std::optional<base::Instant> rated_at;  // default: now; never in the future
};

// May the caller rate for this department? OK, or a Status to refuse with.
using DepartmentCheck = std::function<base::Status(const std::string& dept_code)>;

// What the public route's proof (the last 4 characters of the applicant's
// identity number or phone, as the rated case's events record them) came to.
enum class Proof : std::uint8_t {
  kMatches,
  kWrong,        // recorded as a failure
  kNoRecord,     // the case's events carry no identity to check against
  kTooManyTries  // 5 failures for the case in the last 24 hours
};

struct AppealOutcome {
  store::RatingRecord rating;
  std::vector<store::AlertRecord> withdrawn;  // the rectification case's alerts, when upheld
};

class RatingDesk {
 public:
  RatingDesk(store::Store& store, EventSink sink) : store_(store), sink_(std::move(sink)) {}

  // Checks and stores a rating (InvalidArgument or NotFound naming the field,
  // AlreadyExists when the case is rated), then opens the rectification case of
  // a bad one. `rater` is recorded; `may_rate` (may be null) vets the department.
  base::Result<store::RatingRecord> Add(const NewRating& rating, const std::string& rater,
                                        base::Instant now, const DepartmentCheck& may_rate);

  // Checks the public route's proof for `case_id`; counts a wrong one.
  base::Result<Proof> CheckProof(const std::string& case_id, const std::string& last4,
                                 base::Instant now);

  // Takes a step on the rectification case `case_id` (kind rating) within
  // `scope`. NotFound when missing or out of scope; FailedPrecondition out of
  // order, or when the rating's appeal was upheld. Returns the new state name.
  base::Result<std::string> Step(const std::string& case_id, RatingStep step,
                                 const std::string& text, const Actor& by, base::Instant at,
                                 const store::Scope& scope);

  // The department's appeal against a bad rating in its scope (one per rating).
  base::Result<store::RatingAppeal> Appeal(std::int64_t rating_id, const std::string& reason,
                                           const Actor& by, base::Instant at,
                                           const store::Scope& scope);

  // The bureau's decision, "upheld" or "rejected", with its reason. Upheld: the
  // rating is excluded, its rectification case ended (an event the deadline rule
  // stops on) and the case's open alerts withdrawn with the reason.
  base::Result<AppealOutcome> Decide(std::int64_t rating_id, const std::string& decision,
                                     const std::string& reason, const Actor& by, base::Instant at);

 private:
  base::Status SendReceived(const store::RatingRecord& rating, model::Channel channel);

  store::Store& store_;
  EventSink sink_;
};

}  // namespace oversight::complaints
