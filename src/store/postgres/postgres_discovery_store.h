// The PostgreSQL backend of DiscoveryStore (migrations/0006): search over a GIN-indexed
// tsvector of index terms made in C++ by the word rules SQLite's tokenizer applies
// (search_vector.h), ranked by ts_rank with the parts' weights, the newer first among equals;
// related articles scored in memory by the same bm25 as on SQLite (store/ranking/).
#pragma once

#include "store/discovery_store.h"
#include "store/postgres/database.h"
#include "store/ranking/related_scoring.h"

namespace gazette::store::postgres {

class PostgresDiscoveryStore final : public DiscoveryStore {
 public:
  explicit PostgresDiscoveryStore(PostgresDatabase& database) : database_(database) {}

  std::vector<IndexSource> index_sources(const std::vector<content::ArticleId>& ids) override;
  void write_search_documents(WriteTransaction& write, const std::vector<SearchDocument>& documents,
                              const std::vector<content::ArticleId>& removed,
                              int analyzer_version) override;
  IndexBacklog search_backlog(int analyzer_version) override;
  std::vector<content::ArticleId> articles_with_term(content::TermChanged::Kind kind,
                                                     std::string_view slug) override;
  SearchResults search(const SearchRequest& request) override;

  std::optional<SearchDocument> search_document(content::ArticleId id) override;
  std::int64_t indexed_documents() override;
  std::vector<std::int64_t> document_frequencies(const std::vector<std::string>& terms) override;
  std::vector<RelatedCandidate> related_candidates(content::ArticleId id,
                                                   const std::vector<std::string>& words,
                                                   std::size_t required, int limit) override;
  void save_related(WriteTransaction& write, const std::vector<RelatedList>& lists) override;
  std::vector<content::ArticleId> articles_listing(content::ArticleId related, int limit) override;
  std::vector<content::ArticleId> articles_without_related(int limit) override;
  std::vector<content::ArticleSummary> related_articles(content::ArticleId id, int limit) override;

  std::vector<FeedDetails> feed_details(const std::vector<content::ArticleId>& ids) override;
  std::int64_t sitemap_article_count() override;
  std::vector<SitemapEntry> sitemap_articles(const PageRequest& page) override;
  std::vector<SitemapEntry> articles_published_since(content::Timestamp since, int limit) override;

 private:
  PostgresDatabase& database_;
  RelatedScoring scoring_;
};

}  // namespace gazette::store::postgres
