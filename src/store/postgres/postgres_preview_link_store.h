// Embargo preview links on PostgreSQL (store/preview_link_store.h, migrations/0015).
#pragma once

#include "store/postgres/database.h"
#include "store/preview_link_store.h"

namespace gazette::store::postgres {

class PostgresPreviewLinkStore final : public store::PreviewLinkStore {
 public:
  explicit PostgresPreviewLinkStore(PostgresDatabase& database) : database_(database) {}

  std::int64_t create_link(WriteTransaction& write, content::ArticleId article,
                           std::string_view token_hash, std::string_view label,
                           content::Timestamp now) override;
  bool revoke_link(WriteTransaction& write, content::ArticleId article, std::int64_t id,
                   content::Timestamp now) override;
  std::optional<PreviewLink> find_link(std::string_view token_hash) override;
  std::vector<PreviewLink> links_of(content::ArticleId article) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
