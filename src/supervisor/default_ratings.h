#pragma once

// The default rating (默认评价) of 好差评: a case completed `after_days` days ago
// that nobody has rated gets `level` (Guangdong: 基本满意, 3, after 7 natural days;
// docs/COMPLAINTS.md). Off unless configured (serve --config: ratings). The level
// is never a bad one (1..3), so no rectification case follows from it.
//
//   OVS_ASSIGN_OR_RETURN(std::int64_t rated, DefaultRatings(store, now, 7, 3));

#include <cstdint>

#include "base/status.h"
#include "base/time.h"
#include "store/store.h"

namespace oversight::supervisor {

// Most cases rated per call, so that a first run over a long history does not
// hold the store for long; later calls continue.
inline constexpr std::int64_t kDefaultRatingsPerRun = 500;

// Rates the approval cases completed (latest step complete or deliver) before
// now - after_days × 24 h that have no rating: channel "default", rater
// "system", dated when the window closed. Returns how many were rated. InvalidArgument for after_days < 1 or
// a level outside 1..3.
base::Result<std::int64_t> DefaultRatings(store::Store& store, base::Instant now, int after_days,
                                          int level);

}  // namespace oversight::supervisor
