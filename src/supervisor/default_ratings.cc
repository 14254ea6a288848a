#include "supervisor/default_ratings.h"

#include <chrono>
#include <string>

#include "store/rating_store.h"

namespace oversight::supervisor {

base::Result<std::int64_t> DefaultRatings(store::Store& store, base::Instant now, int after_days,
                                          int level) {
  if (after_days < 1) return base::InvalidArgument("'default_after_days' must be at least 1");
  if (level < 1 || level > 3) {
    return base::InvalidArgument("'default_level' must be 1..3: a default rating is never a bad one");
  }
  const auto window = std::chrono::hours(24) * after_days;
  const base::Instant completed_before = now - window;
  OVS_ASSIGN_OR_RETURN(std::vector<store::UnratedCase> cases,
                       store.ratings().UnratedCompletedCases(completed_before, kDefaultRatingsPerRun));
  std::int64_t rated = 0;
  for (const store::UnratedCase& c : cases) {
    store::RatingRecord r;
    r.case_id = c.case_id;
    r.item_code = c.item_code;
    r.dept_code = c.dept_code;
    r.level = level;
    r.channel = "default";
    r.comment = "default rating: none given within " + std::to_string(after_days) +
                " days of completion";
    r.rater = "system";
    r.rated_at = c.completed_at + window;  // when the window closed, whenever this runs
    r.is_default = true;
    base::Result<store::RatingRecord> added = store.ratings().AddRating(r);
    // A rating that arrived meanwhile wins; the default is skipped.
    if (!added.ok() && added.status().code() != base::StatusCode::kAlreadyExists) return added.status();
    if (added.ok()) ++rated;
  }
  return rated;
}

}  // namespace oversight::supervisor
