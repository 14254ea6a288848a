#pragma once

// Spot checks (线下抽查) in the store (docs/SURVEYS.md): the completed cases a
// draw chooses from, each draw with its seed, configuration and sample, and the
// inspectors' findings. Draws, samples and findings are append-only: a draw is
// a record of what was chosen and why, and a finding is corrected by a later
// one, never edited. The draw itself is spotcheck/draw.h (pure).
//
//   OVS_ASSIGN_OR_RETURN(auto cases, store.spot_checks().CompletedCases({from, to}));
//   OVS_ASSIGN_OR_RETURN(std::int64_t id, store.spot_checks().SaveSpotCheck(record, sample));

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "store/scope.h"
#include "store/store.h"

namespace oversight::store {

// An approval case completed (办结) in a period: its first `complete` event
// falls in [from, to).
struct CompletedCase {
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  base::Instant completed_at{};
};

struct CompletedCaseQuery {
  base::Instant from{};
  base::Instant to{};
  std::vector<std::string> items;  // only these items; empty: every item
  std::vector<std::string> depts;  // only these departments; empty: every department
};

struct SpotCheckRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string period;   // "2025-03"
  base::Instant from{};
  base::Instant to{};
  std::int64_t seed = 0;    // 0 .. 2^53-1 (spotcheck::kMaxSeed)
  std::string config_json;  // spotcheck::ConfigJson, plus any department or item filter
  std::int64_t population = 0;
  std::string created_by;
  base::Instant created_at{};
  std::string note;
  // Read only (counted by the store):
  std::int64_t sample_size = 0;
  std::int64_t cases_checked = 0;  // sampled cases with at least one finding
  std::int64_t problems = 0;       // sampled cases whose latest finding is a problem
};

struct SampleRecord {
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  std::string reason;  // spotcheck::ReasonName: "stratum" | "minimum"
};

struct FindingRecord {
  std::int64_t id = 0;  // assigned by the store
  std::int64_t check_id = 0;
  std::string case_id;
  std::string dept_code;  // filled by the store from the sample
  std::string inspector;
  base::Instant at{};
  std::string outcome;   // spotcheck::OutcomeName
  std::string category;  // spotcheck::CategoryName, "" for a conformity
  std::string text;
  bool confirmed = true;
  std::optional<std::int64_t> alert_id;  // the alert the problem raised (or an earlier finding did)
};

struct RecordedFinding {
  FindingRecord finding;
  std::optional<AlertRecord> alert;  // the alert linked to the finding, as stored
  bool alert_raised = false;         // this call raised it (it did not exist before)
};

class SpotCheckStore {
 public:
  virtual ~SpotCheckStore() = default;

  // Completed approval cases, by case id. Brings the cases summary up to date first.
  virtual base::Result<std::vector<CompletedCase>> CompletedCases(
      const CompletedCaseQuery& query) = 0;

  // Stores a draw and its sample in one transaction; returns the draw's id.
  virtual base::Result<std::int64_t> SaveSpotCheck(const SpotCheckRecord& check,
                                                   std::span<const SampleRecord> sample) = 0;
  // Newest first, at most `limit`.
  virtual base::Result<std::vector<SpotCheckRecord>> ListSpotChecks(std::int64_t limit) = 0;
  virtual base::Result<std::optional<SpotCheckRecord>> FindSpotCheck(std::int64_t id) = 0;
  // The sampled cases within `scope`, by department, item and case id.
  virtual base::Result<std::vector<SampleRecord>> SpotCheckSample(std::int64_t id,
                                                                  const Scope& scope) = 0;
  // The findings on sampled cases within `scope`, oldest first.
  virtual base::Result<std::vector<FindingRecord>> SpotCheckFindings(std::int64_t id,
                                                                     const Scope& scope) = 0;

  // Records a finding on a sampled case: NotFound when the draw does not exist
  // or the case is not in its sample within `scope`. When `alert` is given (a
  // confirmed problem) and no earlier finding of this draw and case raised one,
  // it is raised through Store::RaiseAlerts with the case's department; either
  // way the finding keeps the alert's id.
  virtual base::Result<RecordedFinding> RecordFinding(const FindingRecord& finding,
                                                      const std::optional<AlertRecord>& alert,
                                                      const Scope& scope) = 0;
};

}  // namespace oversight::store
