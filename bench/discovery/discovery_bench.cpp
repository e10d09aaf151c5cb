// Discovery at scale, on a database made by `gazette demo --articles N`: search latency (p50,
// p99) for one-word, two-word and phrase queries, and the time to publish one more article with
// its index update and related articles. Run by bench/discovery-scale.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "demo/synthetic_site.h"
#include "discovery/discovery_updater.h"
#include "discovery/related.h"
#include "discovery/search.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

// Each query class runs this many searches: enough for a stable p99.
constexpr int kRunsPerClass = 300;
// New articles published to time related articles; the median is reported.
constexpr int kNewArticles = 5;
// Batches of related lists the catch-up computes to time its rate: a few hundred lists.
constexpr int kCatchUpBatches = 3;

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

void measure(store::DiscoveryStore& store, const char* name,
             const std::vector<std::string>& queries) {
  std::vector<double> times;
  std::int64_t results = 0;
  for (int run = 0; run < kRunsPerClass; ++run) {
    const auto& query = queries[run % queries.size()];
    auto start = Clock::now();
    auto page = discovery::search(store, query, 1);
    times.push_back(milliseconds(Clock::now() - start));
    results += page.total;
  }
  std::printf("search %-9s p50 %7.2f ms  p99 %7.2f ms  (%d searches, %lld matches on average)\n",
              name, percentile(times, 0.5), percentile(times, 0.99), kRunsPerClass,
              static_cast<long long>(results / kRunsPerClass));
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

  measure(discovery_store, "one-word",
          {"damas",     "budget",       "sécheresse", "attaquant", "recette",
           "urgences",  "baccalauréat", "festival",   "orchestre", "tramway",
           "vendanges", "cyberattaque", "loyers",     "tribunal",  "satellite",
           "nucléaire", "croisière",    "bruxelles",  "etat",      "gouvernement"});
  measure(discovery_store, "two-word",
          {"damas offensive", "budget déficit", "climat canicule", "stade entraîneur",
           "tarte chocolat", "hôpital médecins", "école rentrée", "film réalisateur",
           "concert album", "train grève", "récolte blé", "données logiciel", "loyers immobilier",
           "procès avocat", "fusée lune", "gaz factures"});
  measure(discovery_store, "phrase",
          {"\"rebelles offensive\"", "\"le budget\"", "\"la canicule\"", "\"le match\"",
           "\"une recette\"", "\"les urgences\"", "\"la rentrée\"", "\"le festival\"",
           "\"la tournée\"", "\"les retards\"", "\"la récolte\"", "\"le réseau\"", "\"les loyers\"",
           "\"le tribunal\"", "\"le satellite\"", "\"la centrale\""});

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
              percentile(related_times, 0.5), kNewArticles);
  std::printf(
      "publishing one article (save, index, its related list and %zu neighbours'): "
      "%.1f ms (median of %d)\n",
      discovery::kNeighboursToUpdate, percentile(publish_times, 0.5), kNewArticles);

  // The catch-up `gazette serve` runs over a generated site, whose lists are not computed yet;
  // stopped after kCatchUpBatches (it asks before each batch).
  int batches = 0;
  auto start = Clock::now();
  auto computed = updater.catch_up_related([&] { return batches++ < kCatchUpBatches; });
  auto seconds = milliseconds(Clock::now() - start) / 1000;
  std::printf("related catch-up: %zu lists in %.1f s, %.1f articles/s\n", computed, seconds,
              seconds > 0 ? static_cast<double>(computed) / seconds : 0.0);
  return 0;
}
