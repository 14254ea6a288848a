#pragma once

// Questionnaires (调查问卷) in the store (docs/SURVEYS.md): each questionnaire's
// versions (append-only: editing makes a new version), its state (draft,
// published, closed), the invitations issued to completed cases, the responses
// (one per case, each keeping the version it answered and its case's
// department) and every submission received, valid or refused, from which the
// valid response rate (有效调查率) is counted. Validation and aggregation are
// survey/ (pure); this is storage, with department scope applied in SQL.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "store/scope.h"
#include "store/spot_check_store.h"

namespace oversight::store {

struct SurveyVersionRecord {
  std::string survey_id;
  std::int64_t version = 0;     // assigned by the store
  std::string definition_json;  // survey::QuestionnaireJson
  base::Instant opens_at{};
  base::Instant closes_at{};
  std::string created_by;
  base::Instant created_at{};
};

struct SurveyRecord {
  std::string id;
  std::string state;            // survey::SurveyStateName: draft | published | closed
  SurveyVersionRecord current;  // the latest version
  std::string created_by;
  base::Instant created_at{};
  std::string published_by;
  std::optional<base::Instant> published_at;
  std::string closed_by;
  std::optional<base::Instant> closed_at;
};

struct InvitationRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string survey_id;
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  std::string token_hash;  // SHA-256 (hex) of the token; the token itself is never stored
  std::string issued_by;
  base::Instant issued_at{};
};

struct ResponseRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string survey_id;
  std::int64_t version = 0;
  std::string case_id;
  std::string dept_code;
  std::string item_code;
  std::optional<std::int64_t> invitation_id;  // set when answered with an invitation token
  base::Instant received_at{};
  std::string answers_json;  // survey::AnswersJson
};

// A submission that was refused (a valid one is recorded with its response).
struct SubmissionRecord {
  std::string survey_id;
  std::int64_t version = 0;  // the current version when it arrived
  base::Instant received_at{};
  std::string dept_code;  // of the case it named, when known; "" otherwise
  std::string outcome;    // the refusal's code: invalid, duplicate, unknown_token, ...
  std::string field;      // the field the refusal named
};

struct SurveyOutcomeCount {
  std::string dept_code;
  std::string outcome;  // "valid" or a refusal code
  std::int64_t count = 0;
};

struct SurveyDeptCount {
  std::string dept_code;
  std::int64_t count = 0;
};

class SurveyStore {
 public:
  virtual ~SurveyStore() = default;

  // A new questionnaire in state draft with its version 1; AlreadyExists when
  // the id is taken.
  virtual base::Status CreateSurvey(const SurveyVersionRecord& first) = 0;
  // Appends the next version and returns its number; NotFound for an unknown id.
  virtual base::Result<std::int64_t> AddSurveyVersion(const SurveyVersionRecord& next) = 0;
  virtual base::Result<std::optional<SurveyRecord>> FindSurvey(const std::string& id) = 0;
  // Every questionnaire, newest first.
  virtual base::Result<std::vector<SurveyRecord>> ListSurveys() = 0;
  // Its versions, oldest first.
  virtual base::Result<std::vector<SurveyVersionRecord>> SurveyVersions(const std::string& id) = 0;
  // Moves the state from `from` to `to` (publish: published_*, close: closed_*
  // are set); FailedPrecondition when it is no longer in `from`.
  virtual base::Result<SurveyRecord> SetSurveyState(const std::string& id, const std::string& from,
                                                    const std::string& to, const std::string& by,
                                                    base::Instant at) = 0;

  // Completed cases of the query not yet invited to `survey_id`, by case id.
  virtual base::Result<std::vector<CompletedCase>> InvitationCandidates(
      const std::string& survey_id, const CompletedCaseQuery& query) = 0;
  // In one transaction; AlreadyExists when a case is invited twice.
  virtual base::Status AddInvitations(std::span<const InvitationRecord> invitations) = 0;
  virtual base::Result<std::optional<InvitationRecord>> FindInvitation(
      const std::string& token_hash) = 0;
  virtual base::Result<std::vector<SurveyDeptCount>> CountInvitations(const std::string& survey_id,
                                                                      const Scope& scope) = 0;

  // The case if it is an approval case with a `complete` event (at any time).
  virtual base::Result<std::optional<CompletedCase>> FindCompletedCase(
      const std::string& case_id) = 0;
  virtual base::Result<bool> HasResponse(const std::string& survey_id,
                                         const std::string& case_id) = 0;
  // Stores a valid response and counts it as a valid submission, in one
  // transaction; AlreadyExists when the case has answered this questionnaire.
  virtual base::Result<std::int64_t> AddResponse(const ResponseRecord& response) = 0;
  virtual base::Status AddRefusedSubmission(const SubmissionRecord& submission) = 0;

  // The responses within `scope`, by id.
  virtual base::Result<std::vector<ResponseRecord>> SurveyResponses(const std::string& survey_id,
                                                                    const Scope& scope) = 0;
  // Submissions by department and outcome within `scope` (those with no
  // department only for a scope of all departments).
  virtual base::Result<std::vector<SurveyOutcomeCount>> CountSubmissions(
      const std::string& survey_id, const Scope& scope) = 0;
};

}  // namespace oversight::store
