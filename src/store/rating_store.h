#pragma once

// Satisfaction ratings (好差评, docs/COMPLAINTS.md): every rating of a case or a
// service, good or bad, with its channel and comment, and the appeals against
// mistaken or malicious ones (申诉复核). Levels keep the code of GB/T 39046 A.8:
// 1 非常满意 (very satisfied) … 5 非常不满意 (very dissatisfied); lower is better
// and averages are taken over the codes as they are, never inverted.
//
// Nothing is deleted: a rating the bureau excludes after an upheld appeal stays,
// marked excluded with the reason, and leaves the averages. The only changes the
// backend allows are excluding a rating once and deciding an appeal once.
//
//   RatingRecord r{.case_id = "445200-2025-000123", .level = 5, ...};
//   OVS_ASSIGN_OR_RETURN(RatingRecord stored, store.ratings().AddRating(r));
//   // stored.rectification_case == "PJ-<id>": open it with a rating_received event

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "store/scope.h"

namespace oversight::store {

// Rectification case ids of bad ratings: "PJ-" followed by the rating's id.
inline constexpr std::string_view kRatingCasePrefix = "PJ-";
inline constexpr int kWorstLevel = 5;
// 4 不满意 and 5 非常不满意 are bad ratings (差评).
inline constexpr int kFirstBadLevel = 4;

struct RatingAppeal {
  std::int64_t id = 0;
  std::int64_t rating_id = 0;
  std::string reason;      // why the department thinks the rating is mistaken or malicious
  std::string filed_by;
  base::Instant filed_at{};
  std::string decision;    // "" while pending, then "upheld" or "rejected"
  std::string decision_reason;
  std::string decided_by;
  std::optional<base::Instant> decided_at;
};

struct RatingRecord {
  std::int64_t id = 0;      // assigned by the store
  std::string case_id;      // the rated case; "" for a rating of a service (item) alone
  std::string item_code;
  std::string dept_code;
  int level = 0;            // 1..5, GB/T 39046 A.8
  std::string channel;      // pc, mobile, qr_code, hall_tablet, hall_terminal, phone, sms, default
  std::string comment;
  std::string rater;        // who entered it: a user, "token:<source>", "public" or "system"
  base::Instant rated_at{};
  bool is_default = false;  // given by the default-rating job, not by a person
  std::string rectification_case;  // set by the store for a bad rating: kRatingCasePrefix + id
  std::optional<base::Instant> excluded_at;
  std::string excluded_reason;
  std::optional<RatingAppeal> appeal;  // read with the rating
};

// Ratings, newest first (descending id). Filters are exact; [from, to) over rated_at.
struct RatingQuery {
  std::optional<std::string> case_id;
  std::optional<std::string> dept_code;
  std::optional<std::string> item_code;
  std::optional<int> level;
  bool bad_only = false;
  bool include_excluded = true;
  std::optional<std::string> appeal;  // pending | upheld | rejected | none
  std::optional<base::Instant> from;
  std::optional<base::Instant> to;
  std::optional<std::int64_t> after_id;  // the previous page's next_cursor
  std::int64_t limit = 100;              // 1 .. 500
};

struct RatingPage {
  std::vector<RatingRecord> ratings;
  std::optional<std::int64_t> next_cursor;
};

// Over the ratings a query selects, excluded ones left out.
struct RatingSummary {
  std::int64_t count = 0;
  std::int64_t bad = 0;       // levels 4 and 5
  std::int64_t excluded = 0;  // selected but left out of the figures
  std::array<std::int64_t, 5> per_level{};  // per_level[0] counts level 1
  std::optional<double> average_level;      // mean of the codes; lower is better
};

// A completed case still without a rating (for the default-rating job).
struct UnratedCase {
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  base::Instant completed_at{};  // the case's last event
};

class RatingStore {
 public:
  virtual ~RatingStore() = default;

  // Stores a rating, assigning id (and the rectification case of a bad one).
  // InvalidArgument naming the field for a level outside 1..5 or an empty
  // department or channel; AlreadyExists when the case has a rating already
  // (one rating per case and handling).
  virtual base::Result<RatingRecord> AddRating(const RatingRecord& rating) = 0;
  // nullopt when missing or outside `scope` (applied to the rating's department).
  virtual base::Result<std::optional<RatingRecord>> FindRating(std::int64_t id,
                                                               const Scope& scope) = 0;
  // The rating a rectification case ("PJ-<id>") belongs to, within `scope`.
  virtual base::Result<std::optional<RatingRecord>> FindByRectificationCase(
      const std::string& case_id, const Scope& scope) = 0;
  // InvalidArgument naming the field for a bad limit or appeal state.
  virtual base::Result<RatingPage> SearchRatings(const RatingQuery& query, const Scope& scope) = 0;
  // The same selection as SearchRatings (cursor and limit ignored), summarised.
  virtual base::Result<RatingSummary> Summarise(const RatingQuery& query, const Scope& scope) = 0;

  // Files the one appeal a rating may have: NotFound when the rating is missing
  // or outside `scope`, AlreadyExists when it has been appealed before.
  virtual base::Result<RatingAppeal> FileAppeal(const RatingAppeal& appeal, const Scope& scope) = 0;
  // Decides the pending appeal of `rating_id` ("upheld" or "rejected"); an upheld
  // appeal excludes the rating with `decision_reason`, in the same transaction.
  // NotFound without an appeal, FailedPrecondition when it is decided already.
  virtual base::Result<RatingRecord> DecideAppeal(std::int64_t rating_id,
                                                  const RatingAppeal& decision) = 0;

  // Approval cases whose latest step is complete or deliver, dated before
  // `completed_before`, that have no rating; oldest first, at most `limit`.
  virtual base::Result<std::vector<UnratedCase>> UnratedCompletedCases(
      base::Instant completed_before, std::int64_t limit) = 0;

  // Failed proofs of identity on the public rating route, per case: recorded,
  // and counted since an instant, so that guessing is cut off.
  virtual base::Status RecordProofFailure(const std::string& case_id, base::Instant at) = 0;
  virtual base::Result<std::int64_t> CountProofFailures(const std::string& case_id,
                                                        base::Instant since) = 0;
};

}  // namespace oversight::store
