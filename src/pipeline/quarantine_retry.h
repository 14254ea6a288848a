#pragma once

// Re-processes quarantined records of one source after the mapping or the
// reference data was fixed: records that now pass are stored and marked
// resolved; the rest keep their place with an updated reason.

#include <cstdint>
#include <map>
#include <string>

#include "base/status.h"
#include "ingest/mapping.h"
#include "pipeline/event_validator.h"
#include "store/store.h"

namespace oversight::pipeline {

struct RetrySummary {
  std::int64_t retried = 0;
  std::int64_t stored = 0;
  std::int64_t duplicate = 0;         // the event had meanwhile arrived another way
  std::int64_t still_quarantined = 0;
  std::map<std::string, std::int64_t> reasons;  // of those still quarantined

  std::string ToJson() const;
  std::string ToText() const;
};

base::Result<RetrySummary> RetryQuarantine(store::Store& store, const std::string& source,
                                           const ingest::Mapping& mapping,
                                           EventValidator& validator, base::Instant now);

}  // namespace oversight::pipeline
