// The SQLite backend of DiscoveryStore: FTS5 search_index with the "gazette" tokenizer,
// its fts5vocab, search_documents and related_articles (migrations/0002), search_terms, the
// document frequencies it keeps beside the index (migrations/0007), and the index generation
// with what ranking reads of each document (migrations/0009), mirrored in memory.
#pragma once

#include <optional>

#include "store/discovery_store.h"
#include "store/sqlite/connection_pool.h"
#include "store/sqlite/indexed_documents.h"
#include "store/ranking/related_scoring.h"
#include "store/sqlite/word_postings.h"

namespace gazette::store::sqlite {

class SqliteDiscoveryStore final : public DiscoveryStore {
 public:
  explicit SqliteDiscoveryStore(ConnectionPool& pool) : pool_(pool) {}

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
  ConnectionPool& pool_;
  IndexedDocuments documents_;
  WordPostingsCache postings_;
  RelatedScoring scoring_;

  // A read transaction and the snapshot of the index it sees, of the same generation.
  struct IndexRead {
    std::optional<ReadTransaction> transaction;
    std::shared_ptr<const IndexSnapshot> snapshot;
  };
  void begin_index_read(Connection& connection, IndexRead& read);
};

}  // namespace gazette::store::sqlite
