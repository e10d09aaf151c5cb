// `gazette export-wxr > site.xml`: the whole site as WXR 1.2 on standard output, written as it
// is read (see src/transfer/wxr/wxr_export.h for what it carries).
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/backend.h"
#include "app/commands.h"
#include "transfer/wxr/wxr_export.h"

namespace gazette::app {

int export_wxr(const ExportWxrOptions& options) {
  Backend backend(options.db, FollowWrites::none);
  auto& store = backend.wxr_store;
  std::unique_ptr<transfer::wxr::WxrWriter> writer;
  std::size_t authors = 0, categories = 0, tags = 0, articles = 0;
  store.export_site(
      [&](const store::SiteExport& site) {
        writer = std::make_unique<transfer::wxr::WxrWriter>(std::cout, site);
        authors = site.authors.size();
        categories = site.categories.size();
        tags = site.tags.size();
      },
      [&](const store::ExportedArticle& article) {
        writer->item(article);
        ++articles;
      });
  writer->finish();
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "export-wxr: could not write the file\n");
    return 1;
  }
  std::fprintf(stderr, "export-wxr: %zu articles, %zu authors, %zu categories, %zu tags\n",
               articles, authors, categories, tags);
  return 0;
}

}  // namespace gazette::app
