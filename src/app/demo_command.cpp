// `gazette demo`: demo content for a first look at the site (see src/demo/).
#include <cstdio>

#include "app/commands.h"
#include "discovery/discovery_updater.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "demo/demo_content.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {

int demo(const DemoOptions& options) {
  store::sqlite::ConnectionPool database(options.db);
  store::sqlite::SqliteStore store(database);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  store::sqlite::SqliteDiscoveryStore discovery_store(database);
  content::EventBus events;
  discovery::DiscoveryUpdater discovery_updater(store, discovery_store);
  discovery_updater.subscribe(events);
  publishing::ArticleService articles(store, events);
  auto summary = demo::fill_demo_site(articles, now);
  std::printf("demo: %d articles in %d sections by %d authors\n", summary.articles,
              summary.sections, summary.authors);
  return 0;
}

}  // namespace gazette::app
