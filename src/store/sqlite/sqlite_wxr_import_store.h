// SqliteWxrImportStore: WordPress imports and old-URL redirects in SQL (tables of
// migrations/0006, writing the content tables of 0001 and 0004 in the same transaction).
#pragma once

#include "store/sqlite/connection_pool.h"
#include "store/wxr_import_store.h"

namespace gazette::store::sqlite {

class SqliteWxrImportStore final : public WxrImportStore {
 public:
  explicit SqliteWxrImportStore(ConnectionPool& pool) : pool_(pool) {}

  WxrImportResult import_site(const WxrImport& site) override;
  bool article_slug_taken(std::string_view slug) override;
  std::optional<std::int64_t> imported_article(std::string_view source,
                                               std::string_view key) override;
  SiteExport export_site() override;
  std::optional<std::string> find_redirect(std::string_view from) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
