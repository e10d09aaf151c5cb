// The SQLite backend of the PreviewLinkStore: table preview_links (migrations/0016).
#pragma once

#include "store/preview_link_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqlitePreviewLinkStore final : public PreviewLinkStore {
 public:
  explicit SqlitePreviewLinkStore(ConnectionPool& pool) : pool_(pool) {}

  std::int64_t create_link(WriteTransaction& write, content::ArticleId article,
                           std::string_view token_hash, std::string_view label,
                           content::Timestamp now) override;
  bool revoke_link(WriteTransaction& write, content::ArticleId article, std::int64_t id,
                   content::Timestamp now) override;
  std::optional<PreviewLink> find_link(std::string_view token_hash) override;
  std::vector<PreviewLink> links_of(content::ArticleId article) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
