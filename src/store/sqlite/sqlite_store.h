// The embedded SQLite backend of the Store: one file, WAL mode, a connection per reading
// thread and one writer.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/database.h"
#include "store/store.h"

namespace gazette::store::sqlite {

class SqliteStore final : public Store {
 public:
  /// Opens the database at `path` (creating it and its folder when missing) and migrates it.
  explicit SqliteStore(std::string path);
  ~SqliteStore() override;

  content::SiteSettings settings() override;
  void save_settings(const content::SiteSettings& settings) override;

  std::vector<content::Section> sections() override;
  std::optional<content::Section> find_section(std::string_view slug) override;
  std::optional<content::Author> find_author(std::string_view slug) override;
  std::optional<content::Term> find_tag(std::string_view slug) override;
  std::optional<content::Term> find_category(std::string_view slug) override;

  std::optional<content::Article> find_published_article(std::string_view section_slug,
                                                         std::string_view slug) override;
  content::ArticlePage published_articles(const ArticleFilter& filter, const PageRequest& page,
                                          std::optional<content::ArticleId> except) override;

  std::optional<content::MediaFile> find_media(std::string_view name) override;

  SavedArticle save_article(const ArticleDraft& draft) override;

 private:
  class Lease;
  /// A reading connection for the calling thread's use until the lease ends.
  Lease read_connection();

  std::string path_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace gazette::store::sqlite
