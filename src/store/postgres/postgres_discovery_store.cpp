// PostgresDiscoveryStore: search, related articles, feeds and sitemaps in SQL (see
// postgres_discovery_store.h). A reader's words never reach tsquery syntax: they are split by
// text/words into letters and digits, stemmed, and each term is quoted in the literal.
#include "store/postgres/postgres_discovery_store.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"
#include "store/postgres/search_snippet.h"
#include "store/postgres/search_vector.h"
#include "store/ranking/bm25.h"

namespace gazette::store::postgres {

using content::ArticleId;
using content::Timestamp;

namespace {

// Scores a tenth apart or closer tie in SQLite's bm25 (search_ranking.h); only its test of
// matches that all tie is made here.
constexpr double kScoreTieScale = 10;
// When every match ties, matches are counted up to this many (SQLite's kExactTotalLimit).
constexpr std::int64_t kExactTotalLimit = 1000;

// ts_rank weighs the parts in its order D (body), C (lead), B (keywords), A (title) as SQLite's
// bm25 weighs its columns (1, 3, 5, 10) — over the title, keywords and lead (`head`): the body
// is too long to read for every match. Scores this close (rounded to a hundredth) are a tie and
// the newer article comes first: one match in the title scores about 0.06, one in the lead
// 0.02, and matches in the body alone 0, so a title match ranks above a lead's, a lead's above
// the body's, and articles matching alike tie.
constexpr std::string_view kRankTier =
    "round(ts_rank('{0.1, 0.3, 0.5, 1.0}', d.head, $1::tsquery) * 100)";

std::int64_t not_negative(std::int64_t value) {
  return std::max<std::int64_t>(value, 0);
}

std::string decimal(double value) {
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

std::vector<ArticleId> read_ids(const Result& rows) {
  std::vector<ArticleId> ids;
  for (int row = 0; row < rows.rows(); ++row) ids.push_back(ArticleId{rows.integer(row, 0)});
  return ids;
}

std::vector<SitemapEntry> read_sitemap_entries(const Result& rows) {
  std::vector<SitemapEntry> entries;
  for (int row = 0; row < rows.rows(); ++row)
    entries.push_back({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2),
                       from_unix(rows.integer(row, 3)), from_unix(rows.integer(row, 4))});
  return entries;
}

// A read of several statements that must see one state of the index (related candidates: the
// document count and lengths with the postings).
class SnapshotRead {
 public:
  explicit SnapshotRead(Connection& connection) : connection_(connection) {
    connection_.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  ~SnapshotRead() {
    try {
      connection_.execute("ROLLBACK");
    } catch (const PostgresError&) {
      // A broken connection ended the transaction; the lease drops it.
    }
  }
  SnapshotRead(const SnapshotRead&) = delete;
  SnapshotRead& operator=(const SnapshotRead&) = delete;

 private:
  Connection& connection_;
};

// Counts out the terms of document `id` (about to be replaced or removed) in `tally`.
void count_out_terms(Connection& connection, std::int64_t id,
                     std::map<std::string, std::int64_t>& tally) {
  auto rows = connection.query(
      "SELECT unnest(tsvector_to_array(terms)) FROM search_documents WHERE article_id = $1",
      Params().add(id));
  for (int row = 0; row < rows.rows(); ++row) --tally[rows.text(row, 0)];
}

// search_terms follows what one write of the index added and removed: one row change a term
// (updating a row once per document would leave the transaction a chain of its versions to
// walk for every document after).
void save_term_counts(Connection& connection, const std::map<std::string, std::int64_t>& tally) {
  std::vector<std::string> terms, counts;
  for (const auto& [term, documents] : tally) {
    if (documents == 0) continue;
    terms.push_back(term);
    counts.push_back(std::to_string(documents));
  }
  if (terms.empty()) return;
  connection.query(
      "INSERT INTO search_terms (term, documents)"
      " SELECT * FROM unnest($1::text[], $2::bigint[])"
      " ON CONFLICT (term) DO UPDATE SET documents = search_terms.documents + excluded.documents",
      Params().add(text_array(terms)).add(text_array(counts)));
}

// Replaces document `id`'s rows of search_postings by `vector`'s (a removed document's go with
// its search_documents row).
void save_postings(Connection& connection, std::int64_t id, const DocumentVector& vector) {
  connection.query("DELETE FROM search_postings WHERE article_id = $1", Params().add(id));
  if (vector.postings.empty()) return;
  std::vector<std::string> terms, frequencies, places;
  for (const auto& posting : vector.postings) {
    terms.push_back(posting.term);
    frequencies.push_back(std::to_string(posting.frequency));
    places.push_back(posting.places);
  }
  connection.query(
      "INSERT INTO search_postings (term, article_id, frequency, length, places)"
      " SELECT p.term, $1, p.frequency, $2, p.places::integer[]"
      " FROM unnest($3::text[], $4::integer[], $5::text[]) AS p(term, frequency, places)",
      Params()
          .add(id)
          .add(std::int64_t{vector.length})
          .add(text_array(terms))
          .add(text_array(frequencies))
          .add(text_array(places)));
}

// How many documents hold `term`.
std::int64_t term_documents(Connection& connection, const std::string& term) {
  auto rows =
      connection.query("SELECT documents FROM search_terms WHERE term = $1", Params().add(term));
  return rows.rows() > 0 ? rows.integer(0, 0) : 0;
}

// True when every match of `query` ties in SQLite's bm25 (search_ranking.h's all_matches_tie):
// each phrase is one word in half the documents or more, whose inverse document frequency is
// nil. Such matches come newest first, unscored, on both backends.
bool all_matches_tie(Connection& connection, const QueryTerms& query, std::int64_t rows) {
  double highest_score = 0;
  for (const auto& group : query.groups) {
    std::int64_t at_least = 0;  // a word is in as many documents as its most frequent term
    if (group.size() == 1)
      for (const auto& term : group.front())
        at_least = std::max(at_least, term_documents(connection, term));
    highest_score += bm25_idf(rows, at_least) * (kBm25K1 + 1);
  }
  return !query.groups.empty() && highest_score * kScoreTieScale < 0.5;
}

}  // namespace

std::vector<IndexSource> PostgresDiscoveryStore::index_sources(const std::vector<ArticleId>& ids) {
  auto connection = database_.read();
  std::vector<IndexSource> sources;
  for (auto id : ids) {
    auto rows = connection->query(
        "SELECT a.updated_at, a.title, a.lead, a.body_html, au.name, s.name, a.published_at"
        " FROM articles a"
        " JOIN authors au ON au.id = a.author_id JOIN sections s ON s.id = a.section_id"
        " WHERE a.id = $1 AND a.status = 'published'",
        Params().add(id.value));
    if (rows.rows() == 0) continue;
    IndexSource source;
    source.id = id;
    source.updated_at = from_unix(rows.integer(0, 0));
    source.title = rows.text(0, 1);
    source.lead = rows.text(0, 2);
    source.body_html = rows.text(0, 3);
    source.keywords = {rows.text(0, 4), rows.text(0, 5)};
    source.published_at = from_unix(rows.integer(0, 6));
    for (const auto& tag : article_tags(*connection, id)) source.keywords.push_back(tag.name);
    for (const auto& category : article_categories(*connection, id))
      source.keywords.push_back(category.name);
    // A search for a co-author finds what they co-signed.
    for (const auto& coauthor : article_coauthors(*connection, id))
      source.keywords.push_back(coauthor.name);
    sources.push_back(std::move(source));
  }
  return sources;
}

void PostgresDiscoveryStore::write_search_documents(WriteTransaction& write,
                                                    const std::vector<SearchDocument>& documents,
                                                    const std::vector<ArticleId>& removed,
                                                    int analyzer_version) {
  if (documents.empty() && removed.empty()) return;
  Connection& connection = connection_of(write, database_);
  text::IndexStemmer stemmer;
  std::map<std::string, std::int64_t> tally;  // term → documents more (or fewer) holding it
  for (const auto& document : documents) {
    auto vector = document_vector(stemmer, document);
    count_out_terms(connection, document.id.value, tally);
    // An article deleted since its source was read is not indexed (its row is gone).
    auto written = connection.query(
        "INSERT INTO search_documents (article_id, indexed_updated_at, analyzer_version,"
        " related_computed, published_at, title, lead, body, keywords, length, terms, head)"
        " SELECT $1, $2, $3, false, $4, $5, $6, $7, $8, $9, $10::tsvector, $11::tsvector"
        " WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1)"
        " ON CONFLICT (article_id) DO UPDATE SET indexed_updated_at = $2, analyzer_version = $3,"
        " related_computed = false, published_at = $4, title = $5, lead = $6, body = $7,"
        " keywords = $8, length = $9, terms = $10::tsvector, head = $11::tsvector",
        Params()
            .add(document.id.value)
            .add(to_unix(document.updated_at))
            .add(std::int64_t{analyzer_version})
            .add(to_unix(document.published_at))
            .add(document.title)
            .add(document.lead)
            .add(document.body)
            .add(document.keywords)
            .add(std::int64_t{vector.length})
            .add(vector.literal)
            .add(vector.head));
    if (written.affected() > 0) {
      for (const auto& term : vector.terms) ++tally[term];
      save_postings(connection, document.id.value, vector);
    }
  }
  for (auto id : removed) {
    count_out_terms(connection, id.value, tally);
    connection.query("DELETE FROM search_documents WHERE article_id = $1", Params().add(id.value));
    connection.query("DELETE FROM related_articles WHERE article_id = $1", Params().add(id.value));
  }
  save_term_counts(connection, tally);
}

IndexBacklog PostgresDiscoveryStore::search_backlog(int analyzer_version) {
  auto connection = database_.read();
  IndexBacklog backlog;
  backlog.outdated = read_ids(connection->query(
      "SELECT a.id FROM articles a LEFT JOIN search_documents d ON d.article_id = a.id"
      " WHERE a.status = 'published' AND (d.article_id IS NULL"
      " OR d.indexed_updated_at <> a.updated_at OR d.analyzer_version <> $1) ORDER BY a.id",
      Params().add(std::int64_t{analyzer_version})));
  backlog.removed = read_ids(connection->query(
      "SELECT d.article_id FROM search_documents d JOIN articles a ON a.id = d.article_id"
      " WHERE a.status <> 'published' ORDER BY d.article_id"));
  return backlog;
}

std::vector<ArticleId> PostgresDiscoveryStore::articles_with_term(content::TermChanged::Kind kind,
                                                                  std::string_view slug) {
  using Kind = content::TermChanged::Kind;
  std::string_view sql;
  switch (kind) {
    case Kind::tag:
      sql =
          "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
          " WHERE t.slug = $1 ORDER BY at.article_id";
      break;
    case Kind::category:
      sql =
          "SELECT ac.article_id FROM article_categories ac JOIN categories c"
          " ON c.id = ac.category_id WHERE c.slug = $1 ORDER BY ac.article_id";
      break;
    case Kind::author:
      sql =
          "SELECT a.id FROM articles a JOIN authors au ON au.id = a.author_id WHERE au.slug = $1"
          " ORDER BY a.id";
      break;
    case Kind::section:
      sql =
          "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.slug = $1"
          " ORDER BY a.id";
      break;
  }
  auto connection = database_.read();
  return read_ids(connection->query(sql, Params().add(slug)));
}

SearchResults PostgresDiscoveryStore::search(const SearchRequest& request) {
  SearchResults results;
  text::IndexStemmer stemmer;
  auto query = query_terms(stemmer, request.phrases);
  if (query.literal.empty()) return results;
  auto connection = database_.read();
  auto now = database_.now_unix();
  auto documents = connection->query("SELECT count(*) FROM search_documents").integer(0, 0);
  // Ranking first, then summaries and snippets for one page only. Matches that all tie are not
  // scored, and counted up to kExactTotalLimit (what 100 pages show), as on SQLite.
  bool tie = all_matches_tie(*connection, query, documents);
  auto ranked = connection->query(
      "SELECT d.article_id FROM search_documents d"
      " WHERE d.terms @@ $1::tsquery AND d.published_at <= $2 ORDER BY " +
          (tie ? std::string() : std::string(kRankTier) + " DESC, ") +
          "d.published_at DESC, d.article_id DESC LIMIT $3 OFFSET $4",
      Params()
          .add(query.literal)
          .add(now)
          .add(not_negative(request.page.limit))
          .add(not_negative(request.page.offset)));
  auto counted = connection->query(
      "SELECT count(*) FROM (SELECT 1 FROM search_documents d WHERE d.terms @@ $1::tsquery"
      " AND d.published_at <= $2" +
          std::string(tie ? " LIMIT " + std::to_string(kExactTotalLimit + 1) : "") + ") matches",
      Params().add(query.literal).add(now));
  results.total = counted.integer(0, 0);
  if (tie && results.total > kExactTotalLimit) {
    results.total = kExactTotalLimit;
    results.total_exact = false;
  }
  for (int row = 0; row < ranked.rows(); ++row) {
    auto id = ranked.integer(row, 0);
    // The index holds published articles only; one unpublished by a process that did not
    // update the index (caught up at the next start) is left out here.
    auto summary = connection->query(std::string(kSummaryColumns) + std::string(kSummaryFrom) +
                                         " WHERE a.id = $1 AND a.status = 'published'"
                                         " AND a.published_at <= $2",
                                     Params().add(id).add(now));
    if (summary.rows() == 0) continue;
    SearchHit hit;
    hit.article = read_summary(summary, 0);
    // The body's best passage; the lead's when the body has no match.
    auto parts = connection->query("SELECT body, lead FROM search_documents WHERE article_id = $1",
                                   Params().add(id));
    if (parts.rows() > 0) {
      for (int part = 0; part < 2; ++part) {
        auto snippet = search_snippet(stemmer, parts.text(0, part), query.groups);
        hit.snippet = std::move(snippet.text);
        if (snippet.matched) break;
      }
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

std::optional<SearchDocument> PostgresDiscoveryStore::search_document(ArticleId id) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT title, lead, body, keywords, indexed_updated_at, published_at"
      " FROM search_documents WHERE article_id = $1",
      Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return SearchDocument{id,
                        from_unix(rows.integer(0, 4)),
                        rows.text(0, 0),
                        rows.text(0, 1),
                        rows.text(0, 2),
                        rows.text(0, 3),
                        from_unix(rows.integer(0, 5))};
}

std::int64_t PostgresDiscoveryStore::indexed_documents() {
  auto connection = database_.read();
  return connection->query("SELECT count(*) FROM search_documents").integer(0, 0);
}

std::vector<std::int64_t> PostgresDiscoveryStore::document_frequencies(
    const std::vector<std::string>& terms) {
  auto connection = database_.read();
  std::vector<std::int64_t> frequencies;
  frequencies.reserve(terms.size());
  for (const auto& term : terms) frequencies.push_back(term_documents(*connection, term));
  return frequencies;
}

std::vector<RelatedCandidate> PostgresDiscoveryStore::related_candidates(
    ArticleId id, const std::vector<std::string>& words, std::size_t required, int limit) {
  std::vector<RelatedCandidate> candidates;
  if (words.empty() || limit <= 0) return candidates;
  auto connection = database_.read();
  SnapshotRead snapshot(*connection);
  auto totals =
      connection->query("SELECT count(*), coalesce(sum(length), 0) FROM search_documents");
  auto rows = totals.integer(0, 0);
  if (rows == 0) return candidates;
  double average_length = static_cast<double>(totals.integer(0, 1)) / static_cast<double>(rows);
  text::IndexStemmer stemmer;
  std::vector<std::shared_ptr<const WordPostings>> postings;
  postings.reserve(words.size());
  for (const auto& word : words) {
    // A word is looked up as search looks it up: under its index terms.
    auto query = query_terms(stemmer, {{word}});
    auto found = std::make_shared<WordPostings>();
    if (!query.literal.empty()) {
      // Its weighted frequency: each place holding one of its terms once (its two stems share
      // their places), weighted by part as bm25 weighs SQLite's columns. A word of one term
      // reads its postings' frequencies; of two, the union of their places.
      std::string_view sql =
          query.terms.size() == 1
              ? "SELECT article_id, length, frequency FROM search_postings"
                " WHERE term = ($1::text[])[1] ORDER BY article_id"
              : "SELECT article_id, min(length), sum(CASE place % 4 WHEN 0 THEN 10 WHEN 1 THEN 5"
                " WHEN 2 THEN 3 ELSE 1 END) FROM (SELECT DISTINCT article_id, length, place"
                " FROM search_postings, unnest(places) AS place WHERE term = ANY($1::text[])) hit"
                " GROUP BY article_id ORDER BY article_id";
      auto rows_of_word = connection->query(sql, Params().add(text_array(query.terms)));
      for (int row = 0; row < rows_of_word.rows(); ++row) {
        found->ids.push_back(rows_of_word.integer(row, 0));
        found->saturations.push_back(
            bm25_saturation(static_cast<double>(rows_of_word.integer(row, 2)),
                            static_cast<double>(rows_of_word.integer(row, 1)), average_length));
      }
    }
    postings.push_back(std::move(found));
  }
  // One more than asked: the article itself, which holds all its words, is usually the best.
  auto best = scoring_.best(postings, rows, std::min(required, words.size()),
                            static_cast<std::size_t>(limit) + 1);
  for (const auto& scored : best) {
    if (scored.id == id.value) continue;
    auto details = connection->query(
        "SELECT (SELECT published_at FROM search_documents WHERE article_id = $2),"
        " (SELECT count(*) FROM article_tags mine JOIN article_tags theirs"
        " ON theirs.tag_id = mine.tag_id WHERE mine.article_id = $1 AND theirs.article_id = $2)",
        Params().add(id.value).add(scored.id));
    candidates.push_back({ArticleId{scored.id}, scored.score,
                          from_unix(details.is_null(0, 0) ? 0 : details.integer(0, 0)),
                          scored.shared_words, static_cast<int>(details.integer(0, 1))});
  }
  return candidates;
}

void PostgresDiscoveryStore::save_related(WriteTransaction& write,
                                          const std::vector<RelatedList>& lists) {
  Connection& connection = connection_of(write, database_);
  for (const auto& list : lists) {
    connection.query("DELETE FROM related_articles WHERE article_id = $1",
                     Params().add(list.id.value));
    std::int64_t position = 0;
    for (const auto& article : list.related) {
      connection.query(
          "INSERT INTO related_articles (article_id, position, related_id, score)"
          " SELECT $1, $2, $3, $4::double precision WHERE EXISTS"
          " (SELECT 1 FROM articles WHERE id = $3)",
          Params()
              .add(list.id.value)
              .add(position++)
              .add(article.id.value)
              .add(decimal(article.score)));
    }
    connection.query("UPDATE search_documents SET related_computed = true WHERE article_id = $1",
                     Params().add(list.id.value));
  }
}

std::vector<ArticleId> PostgresDiscoveryStore::articles_listing(ArticleId related, int limit) {
  auto connection = database_.read();
  return read_ids(
      connection->query("SELECT DISTINCT article_id FROM related_articles WHERE related_id = $1"
                        " ORDER BY article_id LIMIT $2",
                        Params().add(related.value).add(not_negative(limit))));
}

std::vector<ArticleId> PostgresDiscoveryStore::articles_without_related(int limit) {
  auto connection = database_.read();
  return read_ids(
      connection->query("SELECT article_id FROM search_documents WHERE NOT related_computed"
                        " ORDER BY article_id DESC LIMIT $1",
                        Params().add(not_negative(limit))));
}

std::vector<content::ArticleSummary> PostgresDiscoveryStore::related_articles(ArticleId id,
                                                                              int limit) {
  auto connection = database_.read();
  auto rows = connection->query(
      std::string(kSummaryColumns) + std::string(kSummaryFrom) +
          " JOIN related_articles r ON r.related_id = a.id"
          " WHERE r.article_id = $2 AND a.status = 'published' AND a.published_at <= $1"
          " ORDER BY r.position LIMIT $3",
      Params().add(database_.now_unix()).add(id.value).add(not_negative(limit)));
  std::vector<content::ArticleSummary> articles;
  for (int row = 0; row < rows.rows(); ++row) articles.push_back(read_summary(rows, row));
  return articles;
}

std::vector<FeedDetails> PostgresDiscoveryStore::feed_details(const std::vector<ArticleId>& ids) {
  auto connection = database_.read();
  std::vector<FeedDetails> details;
  for (auto id : ids) {
    FeedDetails detail;
    auto rows = connection->query("SELECT updated_at, body_html FROM articles WHERE id = $1",
                                  Params().add(id.value));
    if (rows.rows() > 0) {
      detail.updated_at = from_unix(rows.integer(0, 0));
      detail.body_html = rows.text(0, 1);
    }
    detail.tags = article_tags(*connection, id);
    details.push_back(std::move(detail));
  }
  return details;
}

std::int64_t PostgresDiscoveryStore::sitemap_article_count() {
  auto connection = database_.read();
  return connection
      ->query("SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= $1",
              Params().add(database_.now_unix()))
      .integer(0, 0);
}

std::vector<SitemapEntry> PostgresDiscoveryStore::sitemap_articles(const PageRequest& page) {
  auto connection = database_.read();
  return read_sitemap_entries(connection->query(
      "SELECT s.slug, a.slug, a.title, a.published_at, a.updated_at FROM articles a"
      " JOIN sections s ON s.id = a.section_id"
      " WHERE a.status = 'published' AND a.published_at <= $1 ORDER BY a.id LIMIT $2 OFFSET $3",
      Params()
          .add(database_.now_unix())
          .add(not_negative(page.limit))
          .add(not_negative(page.offset))));
}

std::vector<SitemapEntry> PostgresDiscoveryStore::articles_published_since(Timestamp since,
                                                                           int limit) {
  auto connection = database_.read();
  return read_sitemap_entries(connection->query(
      "SELECT s.slug, a.slug, a.title, a.published_at, a.updated_at FROM articles a"
      " JOIN sections s ON s.id = a.section_id WHERE a.status = 'published'"
      " AND a.published_at <= $1 AND a.published_at >= $2"
      " ORDER BY a.published_at DESC, a.id DESC LIMIT $3",
      Params().add(database_.now_unix()).add(to_unix(since)).add(not_negative(limit))));
}

}  // namespace gazette::store::postgres
