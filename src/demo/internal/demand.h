#pragma once

// How busy each day is, relative to an ordinary working Wednesday: fewer cases on
// Fridays, a trickle online at weekends and almost none on public holidays, a rush in
// the two weeks before the Spring Festival and on the first working days after a long
// holiday, and a seasonal swing by month. Plain multiplications of table values, so
// the numbers are the same on every platform.

#include <vector>

#include "demo/internal/work_clock.h"

namespace oversight::demo {

// One factor per day of the clock's span.
std::vector<double> DailyDemand(const WorkClock& clock);

}  // namespace oversight::demo
