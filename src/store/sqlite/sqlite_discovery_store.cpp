// SqliteDiscoveryStore: search, related articles, feeds and sitemaps in SQL (see
// sqlite_discovery_store.h). User input never reaches FTS5 syntax: the words of a request are
// letters and digits only (text/words), and each is quoted here all the same.
#include "store/sqlite/sqlite_discovery_store.h"

#include "store/sqlite/fts_expression.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search_ranking.h"
#include "store/sqlite/search_tokenizer.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

using content::ArticleId;
using content::Timestamp;

namespace {

// Read transactions begun to meet a snapshot of the same index generation (see
// begin_index_read); a write commits between two attempts at most now and then.
constexpr int kIndexReadAttempts = 16;
// search_index's columns (migrations/0002): title, lead, body, keywords.
constexpr int kLeadColumn = 1;
constexpr int kBodyColumn = 2;

std::vector<std::string> read_names(Connection& connection, std::string_view sql, std::int64_t id) {
  std::vector<std::string> names;
  auto statement = connection.prepare(sql);
  statement.bind(1, id);
  while (statement.step()) names.push_back(statement.column_text(0));
  return names;
}

// Drops document `id` from the index, counting out its terms.
void delete_document(Connection& connection, std::int64_t id, DocumentTermTally& tally) {
  {
    auto statement =
        connection.prepare("SELECT title, lead, body, keywords FROM search_index WHERE rowid = ?");
    statement.bind(1, id);
    if (!statement.step()) return;
    tally.add({statement.column_text(0), statement.column_text(1), statement.column_text(2),
               statement.column_text(3)},
              -1);
  }
  connection.prepare("DELETE FROM search_index WHERE rowid = ?").bind(1, id).run();
}

// search_terms follows what a write of the index added and removed.
void save_term_counts(Connection& connection, const DocumentTermTally& tally) {
  tally.for_each([&](const std::string& term, std::int64_t documents) {
    connection
        .prepare(
            "INSERT INTO search_terms (term, documents) VALUES (?1, ?2)"
            " ON CONFLICT (term) DO UPDATE SET documents = documents + ?2")
        .bind(1, term)
        .bind(2, documents)
        .run();
    if (documents < 0)
      connection.prepare("DELETE FROM search_terms WHERE term = ? AND documents <= 0")
          .bind(1, term)
          .run();
  });
}

SitemapEntry read_sitemap_entry(const Statement& row) {
  return {row.column_text(0), row.column_text(1), row.column_text(2), from_unix(row.column_int(3)),
          from_unix(row.column_int(4))};
}

}  // namespace

std::vector<IndexSource> SqliteDiscoveryStore::index_sources(const std::vector<ArticleId>& ids) {
  auto connection = pool_.read();
  std::vector<IndexSource> sources;
  for (auto id : ids) {
    IndexSource source;
    {
      auto statement = connection->prepare(
          "SELECT a.updated_at, a.title, a.lead, a.body_html, au.name, s.name, a.published_at"
          " FROM articles a"
          " JOIN authors au ON au.id = a.author_id JOIN sections s ON s.id = a.section_id"
          " WHERE a.id = ? AND a.status = 'published'");
      statement.bind(1, id.value);
      if (!statement.step()) continue;
      source.id = id;
      source.updated_at = from_unix(statement.column_int(0));
      source.title = statement.column_text(1);
      source.lead = statement.column_text(2);
      source.body_html = statement.column_text(3);
      source.keywords = {statement.column_text(4), statement.column_text(5)};
      source.published_at = from_unix(statement.column_int(6));
    }
    for (auto sql : {"SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                     " WHERE at.article_id = ? ORDER BY at.position",
                     "SELECT c.name FROM article_categories ac JOIN categories c"
                     " ON c.id = ac.category_id WHERE ac.article_id = ? ORDER BY ac.position"}) {
      for (auto& name : read_names(*connection, sql, id.value))
        source.keywords.push_back(std::move(name));
    }
    // A search for a co-author finds what they co-signed.
    for (const auto& coauthor : article_coauthors(*connection, id))
      source.keywords.push_back(coauthor.name);
    sources.push_back(std::move(source));
  }
  return sources;
}

void SqliteDiscoveryStore::write_search_documents(WriteTransaction& write,
                                                  const std::vector<SearchDocument>& documents,
                                                  const std::vector<ArticleId>& removed,
                                                  int analyzer_version) {
  if (documents.empty() && removed.empty()) return;
  Connection& connection = writer_of(write, pool_);
  // Every process's next search or related list sees the new generation and reads what changed.
  auto generation = next_index_generation(connection);
  DocumentTermTally tally;
  for (const auto& document : documents) {
    delete_document(connection, document.id.value, tally);
    tally.add({document.title, document.lead, document.body, document.keywords}, 1);
    connection
        .prepare(
            "INSERT INTO search_index (rowid, title, lead, body, keywords) VALUES (?, ?, ?, ?, ?)")
        .bind(1, document.id.value)
        .bind(2, document.title)
        .bind(3, document.lead)
        .bind(4, document.body)
        .bind(5, document.keywords)
        .run();
    connection
        .prepare(
            "INSERT INTO search_documents (article_id, indexed_updated_at, analyzer_version,"
            " related_computed, published_at, generation) VALUES (?1, ?2, ?3, 0, ?4, ?5)"
            " ON CONFLICT (article_id) DO UPDATE SET indexed_updated_at = ?2,"
            " analyzer_version = ?3, related_computed = 0, published_at = ?4, generation = ?5")
        .bind(1, document.id.value)
        .bind(2, to_unix(document.updated_at))
        .bind(3, std::int64_t{analyzer_version})
        .bind(4, to_unix(document.published_at))
        .bind(5, generation)
        .run();
  }
  for (auto id : removed) {
    delete_document(connection, id.value, tally);
    connection.prepare("DELETE FROM search_documents WHERE article_id = ?").bind(1, id.value).run();
    connection.prepare("DELETE FROM related_articles WHERE article_id = ?").bind(1, id.value).run();
  }
  save_term_counts(connection, tally);
}

IndexBacklog SqliteDiscoveryStore::search_backlog(int analyzer_version) {
  auto connection = pool_.read();
  IndexBacklog backlog;
  {
    auto statement = connection->prepare(
        "SELECT a.id FROM articles a LEFT JOIN search_documents d ON d.article_id = a.id"
        " WHERE a.status = 'published' AND (d.article_id IS NULL"
        " OR d.indexed_updated_at <> a.updated_at OR d.analyzer_version <> ?1) ORDER BY a.id");
    statement.bind(1, std::int64_t{analyzer_version});
    while (statement.step()) backlog.outdated.push_back(ArticleId{statement.column_int(0)});
  }
  {
    auto statement = connection->prepare(
        "SELECT d.article_id FROM search_documents d JOIN articles a ON a.id = d.article_id"
        " WHERE a.status <> 'published'");
    while (statement.step()) backlog.removed.push_back(ArticleId{statement.column_int(0)});
  }
  return backlog;
}

std::vector<ArticleId> SqliteDiscoveryStore::articles_with_term(content::TermChanged::Kind kind,
                                                                std::string_view slug) {
  using Kind = content::TermChanged::Kind;
  std::string_view sql;
  switch (kind) {
    case Kind::tag:
      sql =
          "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
          " WHERE t.slug = ?";
      break;
    case Kind::category:
      sql =
          "SELECT ac.article_id FROM article_categories ac JOIN categories c"
          " ON c.id = ac.category_id WHERE c.slug = ?";
      break;
    case Kind::author:
      sql = "SELECT a.id FROM articles a JOIN authors au ON au.id = a.author_id WHERE au.slug = ?";
      break;
    case Kind::section:
      sql = "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.slug = ?";
      break;
  }
  auto connection = pool_.read();
  auto statement = connection->prepare(sql);
  statement.bind(1, slug);
  std::vector<ArticleId> ids;
  while (statement.step()) ids.push_back(ArticleId{statement.column_int(0)});
  return ids;
}

void SqliteDiscoveryStore::begin_index_read(Connection& connection, IndexRead& read) {
  // The snapshot may be newer than this transaction (another thread brought it up to a write
  // committed since it began): then read again, from after that write. Each attempt takes
  // microseconds; only a snapshot that never catches up could exhaust them.
  for (int attempt = 0; attempt < kIndexReadAttempts; ++attempt) {
    read.transaction.reset();
    read.transaction.emplace(connection);
    read.snapshot = documents_.current(connection);
    if (read.snapshot->generation == index_generation(connection)) return;
  }
  throw DatabaseError("the index snapshot does not follow the index");
}

SearchResults SqliteDiscoveryStore::search(const SearchRequest& request) {
  SearchResults results;
  text::IndexStemmer stemmer;
  auto expression = term_expression(stemmer, request.phrases);
  if (expression.text.empty()) return results;
  auto connection = pool_.read();
  IndexRead read;
  begin_index_read(*connection, read);
  auto now = pool_.now_unix();
  // Ranking first, then summaries and snippets for one page only: snippet() costs a pass over
  // the document, which a popular word would otherwise pay for every match.
  auto ranked = rank_search(*connection, *read.snapshot, postings_, expression, request.page, now);
  results.total = ranked.total;
  results.total_exact = ranked.total_exact;
  for (auto id : ranked.ids) {
    SearchHit hit;
    {
      // The index holds published articles only; an article unpublished by a process that did
      // not update the index (it is caught up at the next start) is left out here.
      auto statement = connection->prepare(
          std::string(kSummaryColumns) + std::string(kSummaryFrom) +
          " WHERE a.id = ?1 AND a.status = 'published' AND a.published_at <= ?2");
      statement.bind(1, id).bind(2, now);
      if (!statement.step()) continue;
      hit.article = read_summary(statement);
    }
    // The body's best passage; the lead's when the body has no match (the title is shown
    // anyway, and keywords are a list of names).
    for (int column : {kBodyColumn, kLeadColumn}) {
      auto statement = connection->prepare(
          "SELECT snippet(search_index, ?3, ?4, ?5, '…', 28) FROM search_index"
          " WHERE search_index MATCH ?1 AND rowid = ?2");
      statement.bind(1, expression.text)
          .bind(2, id)
          .bind(3, std::int64_t{column})
          .bind(4, std::string_view(&kMatchBegin, 1))
          .bind(5, std::string_view(&kMatchEnd, 1));
      if (!statement.step()) break;
      hit.snippet = statement.column_text(0);
      if (hit.snippet.find(kMatchBegin) != std::string::npos) break;
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

std::optional<SearchDocument> SqliteDiscoveryStore::search_document(ArticleId id) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT search_index.title, search_index.lead, search_index.body, search_index.keywords,"
      " d.indexed_updated_at, d.published_at"
      " FROM search_index JOIN search_documents d ON d.article_id = search_index.rowid"
      " WHERE search_index.rowid = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return SearchDocument{id,
                        from_unix(statement.column_int(4)),
                        statement.column_text(0),
                        statement.column_text(1),
                        statement.column_text(2),
                        statement.column_text(3),
                        from_unix(statement.column_int(5))};
}

std::int64_t SqliteDiscoveryStore::indexed_documents() {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT count(*) FROM search_documents");
  return statement.step() ? statement.column_int(0) : 0;
}

std::vector<std::int64_t> SqliteDiscoveryStore::document_frequencies(
    const std::vector<std::string>& terms) {
  auto connection = pool_.read();
  std::vector<std::int64_t> frequencies;
  frequencies.reserve(terms.size());
  for (const auto& term : terms) {
    auto statement = connection->prepare("SELECT documents FROM search_terms WHERE term = ?");
    statement.bind(1, term);
    frequencies.push_back(statement.step() ? statement.column_int(0) : 0);
  }
  return frequencies;
}

std::vector<RelatedCandidate> SqliteDiscoveryStore::related_candidates(
    ArticleId id, const std::vector<std::string>& words, std::size_t required, int limit) {
  std::vector<RelatedCandidate> candidates;
  if (words.empty() || limit <= 0) return candidates;
  auto connection = pool_.read();
  IndexRead read;
  begin_index_read(*connection, read);
  text::IndexStemmer stemmer;
  std::vector<std::shared_ptr<const WordPostings>> postings;
  postings.reserve(words.size());
  for (const auto& word : words) {
    // A word is looked up as search looks it up: its index terms (or quoted, not one word).
    auto expression = term_expression(stemmer, {{word}});
    postings.push_back(
        expression.groups.empty()
            ? std::make_shared<const WordPostings>()
            : postings_.postings(*connection, *read.snapshot, expression.groups.front().text));
  }
  // One more than asked: the article itself, which holds all its words, is usually the best.
  auto best = scoring_.best(postings, read.snapshot->rows, std::min(required, words.size()),
                            static_cast<std::size_t>(limit) + 1);
  for (const auto& scored : best) {
    if (scored.id == id.value) continue;
    const auto* document = read.snapshot->find(scored.id);
    auto tags = connection->prepare(
        "SELECT count(*) FROM article_tags mine JOIN article_tags theirs"
        " ON theirs.tag_id = mine.tag_id WHERE mine.article_id = ?1 AND theirs.article_id = ?2");
    tags.bind(1, id.value).bind(2, scored.id);
    candidates.push_back({ArticleId{scored.id}, scored.score,
                          from_unix(document ? document->published_at : 0), scored.shared_words,
                          tags.step() ? static_cast<int>(tags.column_int(0)) : 0});
  }
  return candidates;
}

void SqliteDiscoveryStore::save_related(WriteTransaction& write,
                                        const std::vector<RelatedList>& lists) {
  Connection& connection = writer_of(write, pool_);
  for (const auto& list : lists) {
    connection.prepare("DELETE FROM related_articles WHERE article_id = ?")
        .bind(1, list.id.value)
        .run();
    std::int64_t position = 0;
    for (const auto& article : list.related) {
      connection
          .prepare(
              "INSERT INTO related_articles (article_id, position, related_id, score)"
              " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?3)")
          .bind(1, list.id.value)
          .bind(2, position++)
          .bind(3, article.id.value)
          .bind_double(4, article.score)
          .run();
    }
    connection.prepare("UPDATE search_documents SET related_computed = 1 WHERE article_id = ?")
        .bind(1, list.id.value)
        .run();
  }
}

std::vector<ArticleId> SqliteDiscoveryStore::articles_listing(ArticleId related, int limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT DISTINCT article_id FROM related_articles WHERE related_id = ? LIMIT ?");
  statement.bind(1, related.value).bind(2, std::int64_t{limit});
  std::vector<ArticleId> ids;
  while (statement.step()) ids.push_back(ArticleId{statement.column_int(0)});
  return ids;
}

std::vector<ArticleId> SqliteDiscoveryStore::articles_without_related(int limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT article_id FROM search_documents WHERE related_computed = 0"
      " ORDER BY article_id DESC LIMIT ?");
  statement.bind(1, std::int64_t{limit});
  std::vector<ArticleId> ids;
  while (statement.step()) ids.push_back(ArticleId{statement.column_int(0)});
  return ids;
}

std::vector<content::ArticleSummary> SqliteDiscoveryStore::related_articles(ArticleId id,
                                                                            int limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      std::string(kSummaryColumns) + std::string(kSummaryFrom) +
      " JOIN related_articles r ON r.related_id = a.id"
      " WHERE r.article_id = ?2 AND a.status = 'published' AND a.published_at <= ?1"
      " ORDER BY r.position LIMIT ?3");
  statement.bind(1, pool_.now_unix()).bind(2, id.value).bind(3, std::int64_t{limit});
  std::vector<content::ArticleSummary> articles;
  while (statement.step()) articles.push_back(read_summary(statement));
  return articles;
}

std::vector<FeedDetails> SqliteDiscoveryStore::feed_details(const std::vector<ArticleId>& ids) {
  auto connection = pool_.read();
  std::vector<FeedDetails> details;
  for (auto id : ids) {
    FeedDetails detail;
    auto statement = connection->prepare("SELECT updated_at, body_html FROM articles WHERE id = ?");
    statement.bind(1, id.value);
    if (statement.step()) {
      detail.updated_at = from_unix(statement.column_int(0));
      detail.body_html = statement.column_text(1);
    }
    auto tags = connection->prepare(
        "SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
        " WHERE at.article_id = ? ORDER BY at.position");
    tags.bind(1, id.value);
    while (tags.step()) detail.tags.push_back({tags.column_text(0), tags.column_text(1)});
    details.push_back(std::move(detail));
  }
  return details;
}

std::int64_t SqliteDiscoveryStore::sitemap_article_count() {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= ?");
  statement.bind(1, pool_.now_unix());
  return statement.step() ? statement.column_int(0) : 0;
}

std::vector<SitemapEntry> SqliteDiscoveryStore::sitemap_articles(const PageRequest& page) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT s.slug, a.slug, a.title, a.published_at, a.updated_at FROM articles a"
      " JOIN sections s ON s.id = a.section_id"
      " WHERE a.status = 'published' AND a.published_at <= ?1 ORDER BY a.id LIMIT ?2 OFFSET ?3");
  statement.bind(1, pool_.now_unix()).bind(2, page.limit).bind(3, page.offset);
  std::vector<SitemapEntry> entries;
  while (statement.step()) entries.push_back(read_sitemap_entry(statement));
  return entries;
}

std::vector<SitemapEntry> SqliteDiscoveryStore::articles_published_since(Timestamp since,
                                                                         int limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT s.slug, a.slug, a.title, a.published_at, a.updated_at FROM articles a"
      " JOIN sections s ON s.id = a.section_id WHERE a.status = 'published'"
      " AND a.published_at <= ?1 AND a.published_at >= ?2 ORDER BY a.published_at DESC LIMIT ?3");
  statement.bind(1, pool_.now_unix()).bind(2, to_unix(since)).bind(3, std::int64_t{limit});
  std::vector<SitemapEntry> entries;
  while (statement.step()) entries.push_back(read_sitemap_entry(statement));
  return entries;
}

}  // namespace gazette::store::sqlite
