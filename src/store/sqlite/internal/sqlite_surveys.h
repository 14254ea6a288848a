#pragma once

// The questionnaire part of the SQLite store (store/survey_store.h). Not for
// use outside store/sqlite.

#include <functional>

#include "store/sqlite/db.h"
#include "store/survey_store.h"

namespace oversight::store::sqlite {

class SqliteSurveys final : public SurveyStore {
 public:
  // `flush_cases` brings the cases summary up to date (SqliteStore::Flush).
  SqliteSurveys(Database& db, std::function<base::Status()> flush_cases)
      : db_(db), flush_cases_(std::move(flush_cases)) {}

  base::Status CreateSurvey(const SurveyVersionRecord& first) override;
  base::Result<std::int64_t> AddSurveyVersion(const SurveyVersionRecord& next) override;
  base::Result<std::optional<SurveyRecord>> FindSurvey(const std::string& id) override;
  base::Result<std::vector<SurveyRecord>> ListSurveys() override;
  base::Result<std::vector<SurveyVersionRecord>> SurveyVersions(const std::string& id) override;
  base::Result<SurveyRecord> SetSurveyState(const std::string& id, const std::string& from,
                                            const std::string& to, const std::string& by,
                                            base::Instant at) override;
  base::Result<std::vector<CompletedCase>> InvitationCandidates(
      const std::string& survey_id, const CompletedCaseQuery& query) override;
  base::Status AddInvitations(std::span<const InvitationRecord> invitations) override;
  base::Result<std::optional<InvitationRecord>> FindInvitation(
      const std::string& token_hash) override;
  base::Result<std::vector<SurveyDeptCount>> CountInvitations(const std::string& survey_id,
                                                              const Scope& scope) override;
  base::Result<std::optional<CompletedCase>> FindCompletedCase(const std::string& case_id) override;
  base::Result<bool> HasResponse(const std::string& survey_id, const std::string& case_id) override;
  base::Result<std::int64_t> AddResponse(const ResponseRecord& response) override;
  base::Status AddRefusedSubmission(const SubmissionRecord& submission) override;
  base::Result<std::vector<ResponseRecord>> SurveyResponses(const std::string& survey_id,
                                                            const Scope& scope) override;
  base::Result<std::vector<SurveyOutcomeCount>> CountSubmissions(const std::string& survey_id,
                                                                 const Scope& scope) override;

 private:
  base::Result<std::vector<SurveyRecord>> Surveys(const std::string* id);
  base::Status InsertVersion(const SurveyVersionRecord& v);

  Database& db_;
  std::function<base::Status()> flush_cases_;
};

}  // namespace oversight::store::sqlite
