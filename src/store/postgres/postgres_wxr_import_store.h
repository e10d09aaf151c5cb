// PostgresWxrImportStore: WordPress imports and old-URL redirects on PostgreSQL (tables of
// migrations/0007, writing the content and comment tables in the same write transaction), as
// SqliteWxrImportStore does on SQLite.
#pragma once

#include "store/postgres/database.h"
#include "store/wxr_import_store.h"

namespace gazette::store::postgres {

class PostgresWxrImportStore final : public WxrImportStore {
 public:
  explicit PostgresWxrImportStore(PostgresDatabase& database) : database_(database) {}

  std::unique_ptr<WxrImportWriter> begin_import(WriteTransaction& write, std::string source,
                                                content::Timestamp now) override;
  void export_site(const std::function<void(const SiteExport&)>& site,
                   const std::function<void(const ExportedArticle&)>& article) override;
  std::optional<std::string> find_redirect(std::string_view from) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
