#include "demo/demo_options.h"

#include <string>
#include <utility>

namespace oversight::demo {
namespace {

base::Status CheckRate(std::string_view name, double rate) {
  // Written so that NaN fails too.
  if (rate >= 0.0 && rate <= 1.0) return base::Status::Ok();
  return base::InvalidArgument("demo: violation rate " + std::string(name) + " = " +
                               std::to_string(rate) + " is outside 0–1");
}

}  // namespace

base::Status ValidateDemoOptions(const DemoOptions& options) {
  if (options.months < 1 || options.months > 120) {
    return base::InvalidArgument("demo: months = " + std::to_string(options.months) +
                                 " is outside 1–120");
  }
  if (!(options.scale > 0.0 && options.scale <= 1000.0)) {
    return base::InvalidArgument("demo: scale = " + std::to_string(options.scale) +
                                 " is outside (0, 1000]");
  }
  const ViolationRates& r = options.rates;
  const std::pair<std::string_view, double> approval[] = {
      {"acceptance_overdue", r.acceptance_overdue},
      {"completion_overdue", r.completion_overdue},
      {"second_supplement", r.second_supplement},
      {"decide_without_accept", r.decide_without_accept},
      {"too_fast", r.too_fast},
      {"fee_mismatch", r.fee_mismatch}};
  double sum = 0.0;
  for (const auto& [name, rate] : approval) {
    OVS_RETURN_IF_ERROR(CheckRate(name, rate));
    sum += rate;
  }
  OVS_RETURN_IF_ERROR(CheckRate("complaint_feedback_late", r.complaint_feedback_late));
  if (sum > 1.0) {
    return base::InvalidArgument("demo: approval violation rates add up to " + std::to_string(sum) +
                                 "; a case carries at most one, so at most 1");
  }
  return base::Status::Ok();
}

base::Date DemoEnd(const DemoOptions& options) {
  std::chrono::year_month_day ymd(options.start);
  std::chrono::year_month_day end = ymd + std::chrono::months(options.months);
  if (!end.ok()) end = end.year() / end.month() / std::chrono::last;
  return base::Date(end);
}

}  // namespace oversight::demo
