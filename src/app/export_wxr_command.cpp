// `gazette export-wxr > site.xml`: the whole site as WXR 1.2 on standard output (see
// src/transfer/wxr/wxr_export.h for what it carries).
#include <cstdio>
#include <iostream>

#include "app/backend.h"
#include "app/commands.h"
#include "store/sqlite/sqlite_wxr_import_store.h"
#include "transfer/wxr/wxr_export.h"

namespace gazette::app {

int export_wxr(const ExportWxrOptions& options) {
  Backend backend(options.db, FollowWrites::none);
  store::sqlite::SqliteWxrImportStore store(backend.database);
  auto site = store.export_site();
  transfer::wxr::write_wxr(site, std::cout);
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "export-wxr: could not write the file\n");
    return 1;
  }
  std::fprintf(stderr, "export-wxr: %zu articles, %zu authors, %zu categories, %zu tags\n",
               site.articles.size(), site.authors.size(), site.categories.size(), site.tags.size());
  return 0;
}

}  // namespace gazette::app
