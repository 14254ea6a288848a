#include "scoring/publish.h"

#include "audit/hash_chain.h"
#include "scoring/compute.h"
#include "scoring/scores_json.h"

namespace oversight::scoring {
namespace {

std::string DigestOf(audit::HashAlgorithm algorithm, const std::string& bytes) {
  audit::ChainHasher hasher(algorithm);
  return audit::ToHex(hasher.Plain(bytes));
}

}  // namespace

base::Result<store::PublicationRecord> PublishPeriod(store::Store& store, const ScoringModel& model,
                                                     const Period& period,
                                                     const calendar::Calendar& calendar,
                                                     const PublishRequest& request) {
  const std::string period_text = period.ToString();
  // Refuse early what the store would refuse, so the audit trail records only
  // publications that happen.
  OVS_ASSIGN_OR_RETURN(std::optional<store::PublicationRecord> current,
                       store.publications().CurrentPublication(period_text));
  if (current && request.supersedes != current->id) {
    return base::FailedPrecondition("period " + period_text + " is already published (publication " +
                                    std::to_string(current->id) +
                                    "); supersede it with a reason to correct it");
  }
  if (!current && request.supersedes) {
    return base::FailedPrecondition("period " + period_text + " has no publication to supersede");
  }
  if (request.supersedes && request.reason.empty()) {
    return base::InvalidArgument("reason: superseding a publication needs a stated reason");
  }
  ComputeOptions options;
  options.calendar = &calendar;
  options.drill_all = true;  // the snapshot carries the cases behind every figure
  OVS_ASSIGN_OR_RETURN(PeriodScores scores, ComputePeriod(store, model, period, options));

  store::PublicationRecord record;
  record.period = period_text;
  record.model_id = model.model_id;
  record.model_version = model.version;
  record.snapshot = ScoresToJson(scores);
  record.algorithm = std::string(audit::HashAlgorithmName(store.hash_algorithm()));
  record.digest = DigestOf(store.hash_algorithm(), record.snapshot);
  record.published_at = request.now;
  record.published_by = request.actor.name;
  record.supersedes = request.supersedes;
  record.reason = request.reason;
  std::string detail = "period=" + period_text + " model=" + model.model_id + "@" +
                       std::to_string(model.version) + " " + record.algorithm + "=" + record.digest;
  if (request.supersedes) {
    detail += " supersedes=" + std::to_string(*request.supersedes) + " reason=" + request.reason;
  }
  if (detail.size() > audit::kOpsMaxDetail) detail.resize(audit::kOpsMaxDetail);
  OVS_ASSIGN_OR_RETURN(record.ops_seq,
                       store::RecordOp(store.ops_log(), request.now, request.actor, "kpi.publish",
                                       "period:" + period_text, "ok", detail));
  OVS_ASSIGN_OR_RETURN(record.id, store.publications().AddPublication(record));
  return record;
}

bool SnapshotIntact(const store::PublicationRecord& publication) {
  std::optional<audit::HashAlgorithm> algorithm = audit::ParseHashAlgorithm(publication.algorithm);
  return algorithm && DigestOf(*algorithm, publication.snapshot) == publication.digest;
}

}  // namespace oversight::scoring
