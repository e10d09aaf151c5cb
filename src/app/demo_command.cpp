// `gazette demo`: demo content for a first look at the site (see src/demo/), or with
// --articles N a generated site of N articles for benchmarks.
#include <chrono>
#include <cstdio>

#include "app/commands.h"
#include "demo/demo_content.h"
#include "demo/synthetic_site.h"
#include "discovery/discovery_updater.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int demo(const DemoOptions& options) {
  store::sqlite::ConnectionPool database(options.db);
  store::sqlite::SqliteStore store(database);
  store::sqlite::SqliteDiscoveryStore discovery_store(database);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  content::EventBus events;
  discovery::DiscoveryUpdater discovery_updater(store, discovery_store);

  if (options.articles > 0) {
    // Thousands of articles: the index is built in batches once they are all saved, rather than
    // article by article as the subscriber would.
    publishing::ArticleService articles(store, events);
    auto start = std::chrono::steady_clock::now();
    demo::fill_synthetic_site(articles, options.articles, now, [&](int saved) {
      std::fprintf(stderr, "\rdemo: %d articles saved", saved);
    });
    std::fprintf(stderr, "\n");
    double saving = seconds_since(start);
    start = std::chrono::steady_clock::now();
    auto indexed = discovery_updater.catch_up_index();
    // Related lists take minutes for a large site: `gazette serve` computes them in the
    // background.
    std::printf("demo: %d generated articles saved in %.1f s, %zu indexed in %.1f s\n",
                options.articles, saving, indexed, seconds_since(start));
    return 0;
  }

  discovery_updater.subscribe(events);
  publishing::ArticleService articles(store, events);
  auto summary = demo::fill_demo_site(articles, now);
  std::printf("demo: %d articles in %d sections by %d authors\n", summary.articles,
              summary.sections, summary.authors);
  return 0;
}

}  // namespace gazette::app
