// `gazette publish FILE.md`: one article from a Markdown file into the database.
#include <cstdio>

#include "app/commands.h"
#include "discovery/discovery_updater.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_store.h"
#include "transfer/article_publisher.h"

namespace gazette::app {

int publish(const PublishOptions& options) {
  store::sqlite::ConnectionPool database(options.db);
  store::sqlite::SqliteStore store(database);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  store::sqlite::SqliteDiscoveryStore discovery_store(database);
  content::EventBus events;
  discovery::DiscoveryUpdater discovery_updater(store, discovery_store);
  discovery_updater.subscribe(events);
  publishing::ArticleService articles(store, events);
  auto result = transfer::publish_article_file(options.file, articles, now);
  if (auto* error = std::get_if<transfer::PublishError>(&result)) {
    std::fprintf(stderr, "gazette publish: %s\n", error->message.c_str());
    return 1;
  }
  const auto& saved = std::get<store::SavedArticle>(result);
  std::printf("%s article %lld\n", saved.created ? "created" : "updated",
              static_cast<long long>(saved.id.value));
  // The last line is the article's path, for scripts.
  std::printf("/%s/%s/\n", saved.section_slug.c_str(), saved.slug.c_str());
  return 0;
}

}  // namespace gazette::app
