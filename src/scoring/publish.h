#pragma once

// Publishing a period's scores (DESIGN §8): compute, freeze the exact JSON bytes,
// digest them with the store's chain algorithm (SM3 by default), write the digest
// into the operations audit trail, and store the snapshot. A published period is
// never edited: a correction is a new publication that supersedes it and says why.
//
//   OVS_ASSIGN_OR_RETURN(store::PublicationRecord p,
//                        PublishPeriod(store, model, period, calendar, request));

#include <optional>
#include <string>

#include "calendar/calendar.h"
#include "scoring/period.h"
#include "scoring/scoring_model.h"
#include "store/ops_log.h"
#include "store/publication_store.h"
#include "store/store.h"

namespace oversight::scoring {

struct PublishRequest {
  store::OpsActor actor;                   // who publishes (recorded)
  base::Instant now{};
  std::optional<std::int64_t> supersedes;  // the publication this one replaces
  std::string reason;                      // required with supersedes
};

base::Result<store::PublicationRecord> PublishPeriod(store::Store& store, const ScoringModel& model,
                                                     const Period& period,
                                                     const calendar::Calendar& calendar,
                                                     const PublishRequest& request);

// Recomputes a publication's digest from its stored snapshot: true when they match.
bool SnapshotIntact(const store::PublicationRecord& publication);

}  // namespace oversight::scoring
