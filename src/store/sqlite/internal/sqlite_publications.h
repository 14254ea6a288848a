#pragma once

#include "store/publication_store.h"
#include "store/sqlite/db.h"

namespace oversight::store::sqlite {

class SqlitePublications final : public PublicationStore {
 public:
  explicit SqlitePublications(Database& db) : db_(db) {}

  base::Result<std::int64_t> AddPublication(const PublicationRecord& record) override;
  base::Result<std::optional<PublicationRecord>> CurrentPublication(const std::string& period) override;
  base::Result<std::optional<PublicationRecord>> FindPublication(std::int64_t id) override;
  base::Result<std::vector<PublicationRecord>> ListPublications(
      const std::optional<std::string>& period) override;

 private:
  base::Result<std::vector<PublicationRecord>> Select(const std::string& where, bool with_snapshot,
                                                      const std::optional<std::string>& text_arg,
                                                      std::optional<std::int64_t> int_arg);
  Database& db_;
};

}  // namespace oversight::store::sqlite
