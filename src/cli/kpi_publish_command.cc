// oversight kpi publish | publications.

#include <ostream>

#include "base/strings.h"
#include "cli/calendar_source.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "scoring/model_yaml.h"
#include "scoring/publish.h"

namespace oversight::cli {

int RunKpiPublish(const KpiPublishArgs& args, const Environment& env, std::ostream& out) {
  base::Result<scoring::Period> period = scoring::Period::Parse(args.period);
  if (!period.ok()) return Fail(period.status().WithContext("--period"));
  base::Result<scoring::ScoringModel> model = scoring::LoadScoringModelFile(args.model_file);
  if (!model.ok()) return Fail(model.status());
  base::Result<calendar::Calendar> calendar = OpenCalendar(args.calendar);
  if (!calendar.ok()) return Fail(calendar.status());
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  scoring::PublishRequest request;
  request.actor = store::OpsActor{args.by, "cli", "local"};
  request.now = env.clock();
  request.supersedes = args.supersedes;
  request.reason = args.reason;
  base::Result<store::PublicationRecord> published =
      scoring::PublishPeriod(**store, *model, *period, *calendar, request);
  if (!published.ok()) return Fail(published.status());
  if (args.json) {
    out << "{\"id\":" << published->id << ",\"period\":\"" << published->period << "\",\"model\":\""
        << base::JsonEscape(published->model_id) << "\",\"model_version\":" << published->model_version
        << ",\"algorithm\":\"" << published->algorithm << "\",\"digest\":\"" << published->digest
        << "\",\"ops_seq\":" << published->ops_seq << "}\n";
  } else {
    out << "published " << published->period << " as publication " << published->id << " (model "
        << published->model_id << " v" << published->model_version << ")\n"
        << published->algorithm << " " << published->digest << " (audit record " << published->ops_seq
        << ")\n";
    if (published->supersedes) {
      out << "supersedes publication " << *published->supersedes << ": " << published->reason << "\n";
    }
  }
  return kExitOk;
}

int RunKpiPublications(const KpiPublishArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  std::optional<std::string> period;
  if (!args.period.empty()) period = args.period;
  base::Result<std::vector<store::PublicationRecord>> list = (*store)->publications().ListPublications(period);
  if (!list.ok()) return Fail(list.status());
  bool all_intact = true;
  if (args.json) out << "[";
  for (std::size_t i = 0; i < list->size(); ++i) {
    // The list leaves snapshots out; fetch each to check its digest.
    base::Result<std::optional<store::PublicationRecord>> full =
        (*store)->publications().FindPublication((*list)[i].id);
    if (!full.ok()) return Fail(full.status());
    const bool intact = *full && scoring::SnapshotIntact(**full);
    all_intact = all_intact && intact;
    const store::PublicationRecord& p = (*list)[i];
    if (args.json) {
      out << (i ? ",\n" : "") << "{\"id\":" << p.id << ",\"period\":\"" << p.period
          << "\",\"model\":\"" << base::JsonEscape(p.model_id) << "\",\"model_version\":" << p.model_version
          << ",\"published_at\":\"" << base::FormatInstantUtc(p.published_at) << "\",\"by\":\""
          << base::JsonEscape(p.published_by) << "\",\"digest\":\"" << p.digest
          << "\",\"intact\":" << (intact ? "true" : "false") << ",\"current\":"
          << (p.superseded_by ? "false" : "true") << "}";
    } else {
      out << p.id << "  " << p.period << "  " << p.model_id << " v" << p.model_version << "  "
          << base::FormatInstantUtc(p.published_at) << "  by " << p.published_by << "  "
          << (intact ? "intact" : "DIGEST MISMATCH");
      if (p.supersedes) out << "  supersedes " << *p.supersedes << " (" << p.reason << ")";
      if (p.superseded_by) out << "  superseded by " << *p.superseded_by;
      out << "\n";
    }
  }
  if (args.json) out << "]\n";
  return all_intact ? kExitOk : kExitNo;
}

}  // namespace oversight::cli
