// The SQLite backend of the TermStore: sections, categories, tags and author profiles.
#pragma once

#include "store/sqlite/connection_pool.h"
#include "store/term_store.h"

namespace gazette::store::sqlite {

class SqliteTermStore final : public TermStore {
 public:
  explicit SqliteTermStore(ConnectionPool& pool) : pool_(pool) {}

  bool save_section(WriteTransaction& write, std::string_view slug, std::string_view name,
                    std::string_view description, bool create) override;
  std::vector<content::Term> categories() override;
  std::vector<content::Term> tags_starting_with(std::string_view prefix,
                                                std::int64_t limit) override;
  std::vector<LabelUsage> labels(LabelKind kind) override;
  LabelRename rename_label(WriteTransaction& write, LabelKind kind, std::string_view slug,
                           std::string_view name, std::string_view new_slug) override;
  std::optional<std::vector<content::ArticleId>> merge_label(WriteTransaction& write,
                                                             LabelKind kind, std::string_view from,
                                                             std::string_view into) override;
  std::optional<std::vector<content::ArticleId>> delete_label(WriteTransaction& write,
                                                              LabelKind kind,
                                                              std::string_view slug) override;
  std::vector<content::Author> authors() override;
  std::optional<content::Author> find_author_profile(std::string_view slug) override;
  bool save_author_profile(WriteTransaction& write, std::string_view slug,
                           const AuthorProfileEdit& profile) override;
  bool create_author(WriteTransaction& write, const content::Term& author) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
