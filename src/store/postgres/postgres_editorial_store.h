// The PostgreSQL backend of the EditorialStore: articles in every status, versioned saves,
// revisions and the scheduler's queries (migrations/0004).
#pragma once

#include "store/editorial_store.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresEditorialStore final : public store::EditorialStore {
 public:
  explicit PostgresEditorialStore(PostgresDatabase& database) : database_(database) {}

  NewsroomListing list_articles(const NewsroomFilter& filter) override;
  std::optional<EditableArticle> find_article(content::ArticleId id) override;
  content::EditResult save_edit(WriteTransaction& write, const content::ArticleEdit& edit,
                                content::Timestamp now) override;
  std::optional<content::ArticlePlacement> delete_article(WriteTransaction& write,
                                                          content::ArticleId id,
                                                          content::Timestamp now) override;
  std::vector<content::SavedArticle> publish_due(WriteTransaction& write,
                                                 content::Timestamp now) override;
  std::vector<content::SavedArticle> published_between(content::Timestamp after,
                                                       content::Timestamp until) override;
  std::optional<content::Timestamp> next_due(content::Timestamp now) override;
  std::vector<RevisionSummary> revisions(content::ArticleId article) override;
  std::optional<Revision> find_revision(content::ArticleId article, std::int64_t revision) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
