// SqliteWxrImportStore: WordPress imports and old-URL redirects in SQL (tables of
// migrations/0006, writing the content tables of 0001 and 0004 in the same transaction).
#pragma once

#include "store/sqlite/connection_pool.h"
#include "store/wxr_import_store.h"

namespace gazette::store::sqlite {

class SqliteWxrImportStore final : public WxrImportStore {
 public:
  explicit SqliteWxrImportStore(ConnectionPool& pool) : pool_(pool) {}

  std::unique_ptr<WxrImportWriter> begin_import(WriteTransaction& write, std::string source,
                                                content::Timestamp now) override;
  void export_site(const std::function<void(const SiteExport&)>& site,
                   const std::function<void(const ExportedArticle&)>& article) override;
  std::optional<std::string> find_redirect(std::string_view from) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
