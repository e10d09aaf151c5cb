// The storage side of discovery (src/discovery/): the full-text search index, the related
// articles computed for each article, and the reads feeds and sitemaps make. A backend keeps
// the index its own way (SQLite FTS5 now; PostgreSQL text search later) behind this interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/events.h"
#include "content/types.h"
#include "store/store.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// What an article gives the search index, as stored (only for published articles).
struct IndexSource {
  content::ArticleId id;
  content::Timestamp updated_at{};
  content::Timestamp published_at{};
  std::string title;
  std::string lead;
  std::string body_html;
  std::vector<std::string> keywords;  // names of its tags, categories, author and section
};

/// A document of the search index: plain text in the parts search weighs differently.
struct SearchDocument {
  content::ArticleId id;
  content::Timestamp updated_at{};  // the article's when indexed, to tell when it is outdated
  std::string title;
  std::string lead;
  std::string body;
  std::string keywords;
  content::Timestamp published_at{};  // the article's: ranking reads it for every match
};

/// The articles the index is behind on, for a catch-up after writes it did not see.
struct IndexBacklog {
  std::vector<content::ArticleId> outdated;  // published, not indexed or indexed before a change
  std::vector<content::ArticleId> removed;   // indexed but no longer published (or gone)
};

/// A search: every phrase must match; a phrase is one or more words, in order. Words are
/// those of text/words (letters and digits only), never query syntax.
struct SearchRequest {
  std::vector<std::vector<std::string>> phrases;
  PageRequest page;
};

/// Snippets mark the matched words with these bytes: control characters never indexed (the
/// index holds plain text without them), so the caller can escape the snippet and then turn
/// them into <mark> safely.
inline constexpr char kMatchBegin = '\x02';
inline constexpr char kMatchEnd = '\x03';

struct SearchHit {
  content::ArticleSummary article;
  std::string snippet;  // plain text with kMatchBegin/kMatchEnd around matches
};

struct SearchResults {
  std::vector<SearchHit> hits;
  std::int64_t total = 0;
  /// False when there are more matches than `total`: a backend may stop counting matches that
  /// all tie (words in most articles) past what pages can show.
  bool total_exact = true;
};

/// An article that shares words with another, as the index scores it.
struct RelatedCandidate {
  content::ArticleId id;
  double content_score = 0;  // bm25 relevance to the other article's words; higher is closer
  content::Timestamp published_at{};
  std::uint64_t shared_words = 0;  // bit i: it holds the i-th word looked up (up to 62)
  int shared_tags = 0;
};

struct RelatedArticle {
  content::ArticleId id;
  double score = 0;
};

/// The related articles computed for one article, best first.
struct RelatedList {
  content::ArticleId id;
  std::vector<RelatedArticle> related;
};

/// What a feed entry needs beyond the article's summary.
struct FeedDetails {
  content::Timestamp updated_at{};
  std::string body_html;
  std::vector<content::Term> tags;
};

/// An article as a sitemap lists it.
struct SitemapEntry {
  std::string section_slug;
  std::string slug;
  std::string title;
  content::Timestamp published_at{};
  content::Timestamp updated_at{};
};

/// Discovery storage. Implementations are thread-safe, like Store.
class DiscoveryStore {
 public:
  virtual ~DiscoveryStore() = default;

  // --- the search index
  /// The indexable parts of those of `ids` that are published (scheduled ones included: reads
  /// filter by date, so an article appears in search when its time comes).
  virtual std::vector<IndexSource> index_sources(const std::vector<content::ArticleId>& ids) = 0;
  /// Replaces `documents` and drops `removed` and their related lists.
  virtual void write_search_documents(WriteTransaction& write,
                                      const std::vector<SearchDocument>& documents,
                                      const std::vector<content::ArticleId>& removed,
                                      int analyzer_version) = 0;
  virtual IndexBacklog search_backlog(int analyzer_version) = 0;
  /// Published articles filed under the term (whose index keywords name it).
  virtual std::vector<content::ArticleId> articles_with_term(content::TermChanged::Kind kind,
                                                             std::string_view slug) = 0;
  /// Visible articles matching every phrase, best first (title matches weigh most), the newer
  /// first among equals.
  virtual SearchResults search(const SearchRequest& request) = 0;

  // --- related articles
  virtual std::optional<SearchDocument> search_document(content::ArticleId id) = 0;
  virtual std::int64_t indexed_documents() = 0;
  /// How many indexed documents hold each term (index terms: stems, as the tokenizer makes them).
  virtual std::vector<std::int64_t> document_frequencies(const std::vector<std::string>& terms) = 0;
  /// Indexed articles other than `id` holding any of the first `required` of `words` (at most
  /// 62), most relevant first by bm25 over all of `words`, with which of the words and how
  /// many tags they share with `id`.
  virtual std::vector<RelatedCandidate> related_candidates(content::ArticleId id,
                                                           const std::vector<std::string>& words,
                                                           std::size_t required, int limit) = 0;
  /// Replaces the related list of each article and marks it computed.
  virtual void save_related(WriteTransaction& write, const std::vector<RelatedList>& lists) = 0;
  /// Articles whose related list names `related` (at most `limit`).
  virtual std::vector<content::ArticleId> articles_listing(content::ArticleId related,
                                                           int limit) = 0;
  /// Indexed articles whose related list was not computed yet (at most `limit`).
  virtual std::vector<content::ArticleId> articles_without_related(int limit) = 0;
  /// The related list of `id`, visible articles only, best first.
  virtual std::vector<content::ArticleSummary> related_articles(content::ArticleId id,
                                                                int limit) = 0;

  // --- feeds and sitemaps
  virtual std::vector<FeedDetails> feed_details(const std::vector<content::ArticleId>& ids) = 0;
  virtual std::int64_t sitemap_article_count() = 0;
  /// Visible articles in a stable order (oldest first), a page at a time.
  virtual std::vector<SitemapEntry> sitemap_articles(const PageRequest& page) = 0;
  /// Visible articles published at or after `since`, newest first.
  virtual std::vector<SitemapEntry> articles_published_since(content::Timestamp since,
                                                             int limit) = 0;
};

}  // namespace gazette::store
