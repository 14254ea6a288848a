#include "scoring/case_progress.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "scoring/case_facts.h"
#include "store/dashboard_store.h"

namespace oversight::scoring {
namespace {

constexpr std::int64_t kChunk = 2000;  // cases read and written per transaction

}  // namespace

base::Result<std::int64_t> RefreshCaseProgress(store::Store& store,
                                               const calendar::Calendar& calendar,
                                               std::int64_t max_cases) {
  store::DashboardStore& dashboard = store.dashboard();
  std::map<std::string, model::Item, std::less<>> items;
  bool items_read = false;
  std::int64_t done = 0;
  while (done < max_cases) {
    OVS_ASSIGN_OR_RETURN(std::vector<store::ProgressInput> stale,
                         dashboard.StaleProgress(std::min(kChunk, max_cases - done)));
    if (stale.empty()) break;
    if (!items_read) {
      OVS_ASSIGN_OR_RETURN(std::vector<model::Item> listed, store.ListItems());
      for (model::Item& item : listed) items.emplace(item.code, std::move(item));
      items_read = true;
    }
    std::vector<store::CaseProgress> progress;
    progress.reserve(stale.size());
    std::vector<store::StoredEvent> events;
    for (store::ProgressInput& input : stale) {
      events.clear();
      for (std::size_t i = 0; i < input.events.size(); ++i) {
        store::StoredEvent stored;
        stored.seq = input.seqs[i];
        stored.event = std::move(input.events[i]);
        events.push_back(std::move(stored));
      }
      store::CaseProgress p;
      p.case_no = input.case_no;
      if (!events.empty()) {
        auto item = items.find(input.item_code);
        CaseFacts facts =
            SummariseCase(events, item == items.end() ? nullptr : &item->second, &calendar);
        p.concluded_at = facts.concluded_at;
        if (facts.concluded_at) {
          for (const store::StoredEvent& e : events) {
            if (e.event.at == *facts.concluded_at &&
                (e.event.type == model::EventType::kComplete ||
                 e.event.type == model::EventType::kReject ||
                 e.event.type == model::EventType::kWithdraw)) {
              p.concluded_by = e.event.type;
              break;
            }
          }
        }
        p.promised_due = facts.promised_due;
        p.statutory_due = facts.statutory_due;
      }
      progress.push_back(p);
    }
    OVS_RETURN_IF_ERROR(dashboard.SetProgress(progress));
    done += static_cast<std::int64_t>(stale.size());
  }
  return done;
}

}  // namespace oversight::scoring
