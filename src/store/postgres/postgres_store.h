// The content Store on PostgreSQL (store/store.h): what `gazette publish` writes and the
// reader pages read.
#pragma once

#include "store/postgres/database.h"
#include "store/store.h"

namespace gazette::store::postgres {

class PostgresStore final : public store::Store {
 public:
  explicit PostgresStore(PostgresDatabase& database) : database_(database) {}

  content::SiteSettings settings() override;
  void save_settings(WriteTransaction& write, const content::SiteSettings& settings) override;
  std::vector<content::Section> sections() override;
  std::optional<content::Section> find_section(std::string_view slug) override;
  std::optional<content::Author> find_author(std::string_view slug) override;
  std::optional<content::Term> find_tag(std::string_view slug) override;
  std::optional<content::Term> find_category(std::string_view slug) override;
  std::optional<content::Article> find_published_article(std::string_view section_slug,
                                                         std::string_view slug) override;
  content::ArticlePage published_articles(const ArticleFilter& filter, const PageRequest& page,
                                          std::optional<content::ArticleId> except) override;
  std::vector<content::ArticleSummary> pinned_articles(std::int64_t limit) override;
  std::vector<content::Term> published_tags() override;
  std::vector<content::Author> published_authors() override;
  std::optional<content::MediaFile> find_media(std::string_view name) override;

  std::vector<content::ChangeNote> change_notes(content::ArticleId article) override;
  std::vector<content::ListedCorrection> corrections(const PageRequest& page) override;
  content::SavedArticle save_article(WriteTransaction& write, const content::ArticleDraft& draft,
                                     content::Timestamp now) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
