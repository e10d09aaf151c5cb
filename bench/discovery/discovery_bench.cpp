// Discovery at scale, in process, on a database made by `gazette demo --articles N`: the time to
// compute the related list of one new article, and to publish one with its index update and the
// related lists it changes. Run by bench/discovery-scale (which times search over HTTP and the
// whole related-articles catch-up with a running server).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "demo/synthetic_site.h"
#include "discovery/discovery_updater.h"
#include "discovery/related.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

// New articles published to time related articles; the median is reported.
constexpr int kNewArticles = 5;

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DATABASE\n", argv[0]);
    return 2;
  }
  store::sqlite::ConnectionPool database(argv[1]);
  store::sqlite::SqliteStore store(database);
  store::sqlite::SqliteDiscoveryStore discovery_store(database);
  auto articles = discovery_store.indexed_documents();
  std::printf("indexed articles: %lld\n", static_cast<long long>(articles));

  // One more article, published as `gazette publish` does: saved, indexed, its related list
  // and its neighbours' computed.
  content::EventBus events;
  content::SystemClock clock;
  publishing::WritePath write_path(database, events);
  store::sqlite::SqliteEditorialStore editorial(database);
  discovery::DiscoveryUpdater updater(store, discovery_store, write_path);
  updater.subscribe(events);
  publishing::ArticleService service(store, editorial, write_path, clock);
  discovery::RelatedArticles related(discovery_store);
  auto now = clock.now();
  std::vector<double> publish_times;
  std::vector<double> related_times;
  for (int n = 0; n < kNewArticles; ++n) {
    auto draft = demo::synthetic_article(static_cast<int>(articles) + 1000 + n, now);
    draft.slug += "-bench";
    auto start = Clock::now();
    auto saved = service.save(draft);
    publish_times.push_back(milliseconds(Clock::now() - start));
    discovery::TermStatistics statistics(discovery_store);
    start = Clock::now();
    related.compute(saved.id, "fr", statistics);
    related_times.push_back(milliseconds(Clock::now() - start));
  }
  std::printf("related articles of one new article: %.1f ms (median of %d)\n",
              median(related_times), kNewArticles);
  std::printf(
      "publishing one article (save, index, its related list and %zu neighbours'): "
      "%.1f ms (median of %d)\n",
      discovery::kNeighboursToUpdate, median(publish_times), kNewArticles);

  return 0;
}
