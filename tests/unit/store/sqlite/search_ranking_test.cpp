// Search on a real SQLite database of 1,200 generated articles ranks exactly as SQL's ORDER BY
// over FTS5's own bm25() did (title ×10, keywords ×5, lead ×3; scores rounded to a tenth, the
// newer first among ties), counts matches that tie up to kExactTotalLimit, and sees a write —
// by this process or another — at its next search.
#include "store/sqlite/search_ranking.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "demo/synthetic_site.h"
#include "discovery/discovery_updater.h"
#include "discovery/search_query.h"
#include "indexed_site.h"
#include "store/sqlite/rows.h"
#include "test_directory.h"

namespace gazette::store::sqlite {
namespace {

// More than kExactTotalLimit articles hold each common word of the generated site (89 % of them).
constexpr int kArticles = 1200;

using Site = IndexedSite;

// The query's phrases quoted and joined by AND, as search built its MATCH before.
std::string reference_expression(const std::vector<std::vector<std::string>>& phrases) {
  std::string expression;
  for (const auto& phrase : phrases) {
    std::string words;
    for (const auto& word : phrase) words += (words.empty() ? "" : " ") + word;
    expression += (expression.empty() ? "" : " AND ") + fts_quoted(words);
  }
  return expression;
}

// A page ranked by SQLite itself: the rank of migrations/0002 (bm25 with the column weights).
std::vector<std::int64_t> reference_page(ConnectionPool& pool, const std::string& query,
                                         std::int64_t offset, std::int64_t limit) {
  auto connection = pool.read();
  auto statement = connection->prepare(
      "SELECT a.id FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid"
      " WHERE search_index MATCH ?1 AND a.status = 'published' AND a.published_at <= ?2"
      " ORDER BY round(rank, 1), a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4");
  statement.bind(1, reference_expression(discovery::parse_search_query(query).phrases))
      .bind(2, pool.now_unix())
      .bind(3, limit)
      .bind(4, offset);
  std::vector<std::int64_t> ids;
  while (statement.step()) ids.push_back(statement.column_int(0));
  return ids;
}

std::int64_t reference_total(ConnectionPool& pool, const std::string& query) {
  auto connection = pool.read();
  auto statement = connection->prepare(
      "SELECT count(*) FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid"
      " WHERE search_index MATCH ?1 AND a.status = 'published' AND a.published_at <= ?2");
  statement.bind(1, reference_expression(discovery::parse_search_query(query).phrases))
      .bind(2, pool.now_unix());
  return statement.step() ? statement.column_int(0) : 0;
}

SearchResults search(Site& site, const std::string& query, std::int64_t offset = 0,
                     std::int64_t limit = 10) {
  return site.discovery.search({discovery::parse_search_query(query).phrases, {offset, limit}});
}

std::vector<std::int64_t> ids_of(const SearchResults& results) {
  std::vector<std::int64_t> ids;
  for (const auto& hit : results.hits) ids.push_back(hit.article.id.value);
  return ids;
}

content::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

class SearchRanking : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("gazette-search-ranking-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    Site site(*dir_ / "gazette.db");
    std::vector<content::ArticleDraft> drafts;
    for (int n = 0; n < kArticles; ++n) drafts.push_back(demo::synthetic_article(n, now()));
    site.save_all(drafts);
    site.updater.catch_up_index();
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  // Each test its own copy, so that writes stay in it.
  void SetUp() override {
    db_ = testing::fresh_test_directory("search-ranking");
    std::filesystem::create_directories(db_);
    std::filesystem::copy_file(*dir_ / "gazette.db", db_ / "gazette.db");
  }
  void TearDown() override { std::filesystem::remove_all(db_); }

  // The page of `query` from `site` and from SQL's bm25, and the totals, agree.
  static void expect_ranked_as_sql(Site& site, const std::string& query, std::int64_t offset) {
    auto found = search(site, query, offset);
    EXPECT_EQ(ids_of(found), reference_page(site.pool, query, offset, 10))
        << query << " from " << offset;
    auto total = reference_total(site.pool, query);
    if (found.total_exact)
      EXPECT_EQ(found.total, total) << query;
    else
      EXPECT_TRUE(found.total == kExactTotalLimit && total > kExactTotalLimit) << query;
  }

  static std::filesystem::path* dir_;
  std::filesystem::path db_;
};

std::filesystem::path* SearchRanking::dir_ = nullptr;

const std::vector<std::string> kQueries = {
    "damas",                  // a topic's word: about 5 % of the articles
    "budget",                 // a word with one stem in French and English
    "politique",              // a section: its articles' keywords
    "\"le budget\"",          // a phrase
    "damas offensive",        // two words
    "gouvernement ministre",  // a common word and a topic's
    "gouvernement",           // in 89 % of the articles: every match ties, newest first
    "mercredi",               // the same, with two stems (mercred, mercredi)
    "mercredi lundi",         // two of them
    "(1234)",                 // one article's number: a title match
};

TEST_F(SearchRanking, RanksAsBm25InSqlWithNewerArticlesFirstAmongTies) {
  Site site(db_ / "gazette.db");
  for (const auto& query : kQueries) {
    for (std::int64_t offset : {0, 10, 990}) expect_ranked_as_sql(site, query, offset);
  }
}

// Ranked by a walk of the index, as a query with a word in many documents is: the same pages.
TEST_F(SearchRanking, AWalkOfTheIndexRanksAsPostingsDo) {
  Site site(db_ / "gazette.db");
  for (const auto& query : kQueries) {
    for (std::int64_t offset : {0, 10, 990}) {
      auto connection = site.pool.read();
      ReadTransaction read(*connection);
      IndexedDocuments documents;
      auto snapshot = documents.current(*connection);
      WordPostingsCache postings;
      text::IndexStemmer stemmer;
      auto expression = term_expression(stemmer, discovery::parse_search_query(query).phrases);
      auto walked = rank_search(*connection, *snapshot, postings, expression, {offset, 10},
                                site.pool.now_unix(), /*max_postings_ranked=*/0);
      EXPECT_EQ(walked.ids, reference_page(site.pool, query, offset, 10))
          << query << " from " << offset;
      if (walked.total_exact) EXPECT_EQ(walked.total, reference_total(site.pool, query)) << query;
    }
  }
}

TEST_F(SearchRanking, CountsMatchesThatAllTieUpToTheLimitAndScoredOnesAll) {
  Site site(db_ / "gazette.db");
  auto common = search(site, "gouvernement");
  EXPECT_FALSE(common.total_exact);
  EXPECT_EQ(common.total, kExactTotalLimit);
  EXPECT_GT(reference_total(site.pool, "gouvernement"), kExactTotalLimit);
  // Its last page is still there, the oldest articles.
  EXPECT_EQ(search(site, "gouvernement", kExactTotalLimit - 10).hits.size(), 10u);

  auto topic = search(site, "damas");
  EXPECT_TRUE(topic.total_exact);
  EXPECT_EQ(topic.total, reference_total(site.pool, "damas"));
}

TEST_F(SearchRanking, AWriteShowsAtTheNextSearchOfEveryProcess) {
  Site reader(db_ / "gazette.db");
  Site writer(db_ / "gazette.db");  // another process on the same database
  EXPECT_TRUE(search(reader, "zanzibar").hits.empty());
  auto before = search(reader, "damas").total;

  auto draft = demo::synthetic_article(kArticles, now());
  draft.title = "Zanzibar : offensive sur Damas";
  draft.body_html = "<p>Damas, Damas et encore Damas.</p>";
  auto saved = writer.save(draft);
  writer.updater.article_changed(saved.id);
  EXPECT_EQ(ids_of(search(reader, "zanzibar")), std::vector<std::int64_t>{saved.id.value});
  EXPECT_EQ(search(reader, "damas").total, before + 1);
  expect_ranked_as_sql(reader, "damas", 0);

  // A longer body: its length, read for every match, changes with it.
  draft.body_html = "<p>" + std::string(2000, 'x') + " Damas " + draft.lead + draft.lead + "</p>";
  draft.updated_at += std::chrono::seconds(1);
  writer.save(draft);
  writer.updater.article_changed(saved.id);
  expect_ranked_as_sql(reader, "damas", 0);
  // An older date: the order of ties follows it.
  draft.published_at -= std::chrono::hours(24 * 365 * 10);
  draft.updated_at += std::chrono::seconds(1);
  writer.save(draft);
  writer.updater.article_changed(saved.id);
  expect_ranked_as_sql(reader, "mercredi", 990);

  draft.status = content::ArticleStatus::draft;
  draft.updated_at += std::chrono::seconds(1);
  writer.save(draft);
  writer.updater.article_changed(saved.id);
  EXPECT_TRUE(search(reader, "zanzibar").hits.empty());
  EXPECT_EQ(search(reader, "damas").total, before);
}

TEST_F(SearchRanking, ScheduledArticlesAppearWhenTheirTimeComes) {
  Site site(db_ / "gazette.db");
  auto draft = demo::synthetic_article(kArticles, now());
  draft.title = "Zanzibar demain, gouvernement";
  draft.published_at = now() + std::chrono::hours(24);
  auto saved = site.save(draft);
  site.updater.article_changed(saved.id);
  EXPECT_TRUE(search(site, "zanzibar").hits.empty());
  EXPECT_EQ(search(site, "zanzibar").total, 0);
  // The newest of the common word's matches, yet not shown before its time.
  auto common = ids_of(search(site, "gouvernement"));
  EXPECT_EQ(std::find(common.begin(), common.end(), saved.id.value), common.end());
  expect_ranked_as_sql(site, "gouvernement", 0);
}

TEST_F(SearchRanking, SnippetsMarkTheMatchedWordsAfterWordsTooLongToIndex) {
  Site site(db_ / "gazette.db");
  auto draft = demo::synthetic_article(kArticles, now());
  draft.title = "Un titre";
  draft.lead = "Rien ici.";
  // A run of 80 letters is no word (text/words skips it): the positions after it must
  // still point at the right words.
  draft.body_html = "<p>L’État, " + std::string(80, 'z') + " et les offensives zanzibarites.</p>";
  auto saved = site.save(draft);
  site.updater.article_changed(saved.id);
  auto found = search(site, "zanzibarite offensive");
  ASSERT_EQ(found.hits.size(), 1u);
  std::string expected = std::string("les ") + kMatchBegin + "offensives" + kMatchEnd + " " +
                         kMatchBegin + "zanzibarites" + kMatchEnd;
  EXPECT_NE(found.hits[0].snippet.find(expected), std::string::npos) << found.hits[0].snippet;
}

}  // namespace
}  // namespace gazette::store::sqlite
