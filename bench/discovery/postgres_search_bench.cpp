// Search on PostgreSQL at scale, in process (direct PostgresDiscoveryStore calls, no HTTP): fills
// a PostgreSQL database with the synthetic site (src/demo/synthetic_site.h, the articles of
// `gazette demo --articles N`) and its search index unless it holds them already, then times
// searches of the classes bench/discovery-scale times over HTTP — a common word, a rare word,
// two words, a phrase: p50 and p99, and each class's first searches apart.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "demo/synthetic_site.h"
#include "discovery/plain_text.h"
#include "discovery/related.h"
#include "store/postgres/database.h"
#include "store/postgres/postgres_discovery_store.h"
#include "store/postgres/postgres_store.h"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

constexpr int kSearchesPerClass = 200;
constexpr int kAnalyzer = 1;
constexpr int kRelatedLists = 9;

struct QueryClass {
  const char* name;
  std::vector<std::vector<std::vector<std::string>>> queries;  // each: phrases of words
};

// The words of search_over_http.cpp (common words are in about 89 % of the synthetic articles,
// a topic's words in about 5 %).
const std::vector<QueryClass> kClasses = {
    {"common word",
     {{{"gouvernement"}},
      {{"mercredi"}},
      {{"situation"}},
      {{"président"}},
      {{"région"}},
      {{"millions"}},
      {{"habitants"}},
      {{"responsable"}},
      {{"décision"}},
      {{"important"}}}},
    {"rare word",
     {{{"damas"}},
      {{"budget"}},
      {{"sécheresse"}},
      {{"attaquant"}},
      {{"recette"}},
      {{"urgences"}},
      {{"baccalauréat"}},
      {{"festival"}},
      {{"orchestre"}},
      {{"tramway"}},
      {{"vendanges"}},
      {{"cyberattaque"}},
      {{"loyers"}},
      {{"tribunal"}},
      {{"satellite"}},
      {{"nucléaire"}}}},
    {"two words",
     {{{"damas"}, {"offensive"}},
      {{"budget"}, {"déficit"}},
      {{"climat"}, {"canicule"}},
      {{"stade"}, {"entraîneur"}},
      {{"tarte"}, {"chocolat"}},
      {{"hôpital"}, {"médecins"}},
      {{"école"}, {"rentrée"}},
      {{"film"}, {"réalisateur"}},
      {{"concert"}, {"album"}},
      {{"train"}, {"grève"}},
      {{"gouvernement"}, {"ministre"}},
      {{"loyers"}, {"immobilier"}}}},
    {"phrase",
     {{{"rebelles", "offensive"}},
      {{"le", "budget"}},
      {{"la", "canicule"}},
      {{"le", "match"}},
      {{"une", "recette"}},
      {{"les", "urgences"}},
      {{"la", "rentrée"}},
      {{"le", "festival"}},
      {{"la", "tournée"}},
      {{"les", "retards"}},
      {{"les", "loyers"}},
      {{"le", "tribunal"}}}},
};

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

void fill(store::postgres::PostgresDatabase& database, store::Store& content,
          store::DiscoveryStore& discovery, int count) {
  content::SystemClock clock;
  auto now = clock.now();
  auto start = Clock::now();
  for (int first = 0; first < count; first += demo::kSyntheticBatchSize) {
    auto write = database.begin_write();
    std::vector<store::SearchDocument> documents;
    for (int n = first; n < std::min(count, first + demo::kSyntheticBatchSize); ++n) {
      auto draft = demo::synthetic_article(n, now);
      auto saved = content.save_article(*write, draft, now);
      std::string keywords = draft.author.name + " " + draft.section.name;
      for (const auto& tag : draft.tags) keywords += " " + tag.name;
      for (const auto& category : draft.categories) keywords += " " + category.name;
      documents.push_back({saved.id, now, draft.title, draft.lead,
                           discovery::html_to_text(draft.body_html), keywords, draft.published_at});
    }
    discovery.write_search_documents(*write, documents, {}, kAnalyzer);
    write->commit();
    std::fprintf(stderr, "\r%d articles (%.0f s)",
                 std::min(count, first + demo::kSyntheticBatchSize),
                 milliseconds(Clock::now() - start) / 1000);
  }
  std::fprintf(stderr, "\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s POSTGRESQL_URI ARTICLES\n", argv[0]);
    return 2;
  }
  store::postgres::PostgresDatabase database(argv[1]);
  store::postgres::PostgresStore content(database);
  store::postgres::PostgresDiscoveryStore discovery(database);
  int wanted = std::stoi(argv[2]);
  if (discovery.indexed_documents() == 0) fill(database, content, discovery, wanted);
  {
    auto connection = database.read();
    connection->execute("VACUUM ANALYZE search_documents");
  }
  std::printf("indexed articles: %lld\n", static_cast<long long>(discovery.indexed_documents()));
  for (const auto& query_class : kClasses) {
    std::vector<double> first_times, times;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < query_class.queries.size(); ++i) {
      auto start = Clock::now();
      total += discovery.search({query_class.queries[i], {0, 10}}).total;
      first_times.push_back(milliseconds(Clock::now() - start));
    }
    for (int i = 0; i < kSearchesPerClass; ++i) {
      const auto& query =
          query_class.queries[static_cast<std::size_t>(i) % query_class.queries.size()];
      auto start = Clock::now();
      discovery.search({query, {0, 10}});
      times.push_back(milliseconds(Clock::now() - start));
    }
    std::printf(
        "%-12s p50 %7.1f ms  p99 %7.1f ms  (first searches: p50 %.1f ms; %lld matches a query on "
        "average)\n",
        query_class.name, percentile(times, 0.5), percentile(times, 0.99),
        percentile(first_times, 0.5),
        static_cast<long long>(total / static_cast<std::int64_t>(query_class.queries.size())));
  }
  // Related articles of a few indexed articles, as the catch-up computes them.
  discovery::RelatedArticles related(discovery);
  std::vector<double> related_times;
  for (std::int64_t id = 1; id <= kRelatedLists; ++id) {
    discovery::TermStatistics statistics(discovery);
    auto start = Clock::now();
    related.compute(content::ArticleId{id * 997}, "fr", statistics);
    related_times.push_back(milliseconds(Clock::now() - start));
  }
  std::printf("related articles of one article: p50 %.1f ms (of %d)\n",
              percentile(related_times, 0.5), kRelatedLists);
  return 0;
}
