#include "engine/internal/stage_due.h"

#include <algorithm>

namespace oversight::engine::internal {

std::optional<model::TimeLimit> StageLimit(const rules::DeadlineStage& stage,
                                           const model::Item* item) {
  std::optional<model::TimeLimit> limit;
  switch (stage.source) {
    case rules::LimitSource::kFixed:
      limit = stage.limit;
      break;
    case rules::LimitSource::kItemPromised:
      if (item != nullptr) limit = item->promised_limit;
      break;
    case rules::LimitSource::kItemStatutory:
      if (item != nullptr) limit = item->statutory_limit;
      break;
  }
  if (!limit) return std::nullopt;
  if (stage.source != rules::LimitSource::kFixed && !stage.unit_from_item) {
    limit->unit = stage.limit.unit;
  }
  // A notice `before` units ahead is the due of the shorter period: it fires as
  // the last `before` units begin (never before the start itself).
  limit->amount = std::max<std::int64_t>(0, limit->amount - stage.before);
  return limit;
}

base::Result<base::Instant> StageDue(const calendar::Calendar& calendar, base::Instant start,
                                     model::TimeLimit limit, rules::Counting counting,
                                     std::span<const calendar::Suspension> pauses) {
  OVS_ASSIGN_OR_RETURN(calendar::Deadline deadline, calendar.Due(start, limit, pauses));
  if (counting == rules::Counting::kEndOfDay || limit.unit == model::LimitUnit::kHours) {
    return deadline.due;
  }
  base::Instant start_of_start_day = calendar.StartOfLocalDay(calendar.LocalDate(start));
  base::Milliseconds time_of_day = start - start_of_start_day;
  return calendar.StartOfLocalDay(deadline.last_day) + time_of_day;
}

}  // namespace oversight::engine::internal
