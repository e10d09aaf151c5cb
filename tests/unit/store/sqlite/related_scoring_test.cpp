// Related articles' candidates, scored in memory from each word's documents, are those SQL
// scores with FTS5's own bm25() over `w1 OR … OR wn` (title ×10, keywords ×5, lead ×3), among
// the articles holding one of the required words — and follow the index when it changes.
#include "store/ranking/related_scoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "demo/synthetic_site.h"
#include "discovery/discovery_updater.h"
#include "indexed_site.h"
#include "store/sqlite/fts_expression.h"
#include "test_directory.h"

namespace gazette::store::sqlite {
namespace {

constexpr int kArticles = 300;

using Site = IndexedSite;

// Documents matching `words` (quoted, joined by OR) with bm25() as SQLite computes it (higher
// is better here).
std::map<std::int64_t, double> sql_bm25(ConnectionPool& pool,
                                        const std::vector<std::string>& words) {
  std::string expression;
  for (const auto& word : words)
    expression += (expression.empty() ? "" : " OR ") + fts_quoted(word);
  auto connection = pool.read();
  auto statement = connection->prepare(
      "SELECT rowid, -bm25(search_index, 10.0, 3.0, 1.0, 5.0) FROM search_index"
      " WHERE search_index MATCH ?");
  statement.bind(1, expression);
  std::map<std::int64_t, double> scores;
  while (statement.step()) scores[statement.column_int(0)] = statement.column_double(1);
  return scores;
}

// The candidates SQL would give: the best `limit` + 1 holding a required word, but `id`.
std::vector<std::pair<std::int64_t, double>> reference_candidates(
    ConnectionPool& pool, std::int64_t id, const std::vector<std::string>& words,
    std::size_t required, int limit) {
  auto scores = sql_bm25(pool, words);
  auto holding_required = sql_bm25(pool, {words.begin(), words.begin() + required});
  std::vector<std::pair<std::int64_t, double>> ranked;
  for (const auto& [document, score] : scores)
    if (holding_required.contains(document)) ranked.emplace_back(document, score);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (ranked.size() > static_cast<std::size_t>(limit) + 1) ranked.resize(limit + 1);
  std::erase_if(ranked, [&](const auto& entry) { return entry.first == id; });
  return ranked;
}

class RelatedScoringTest : public ::testing::Test {
 protected:
  RelatedScoringTest() {
    std::filesystem::create_directories(dir_);
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    std::vector<content::ArticleDraft> drafts;
    for (int n = 0; n < kArticles; ++n) drafts.push_back(demo::synthetic_article(n, now));
    site_.save_all(drafts);
    site_.updater.catch_up_index();
  }
  ~RelatedScoringTest() override { std::filesystem::remove_all(dir_); }

  void expect_candidates_as_sql(std::int64_t id, const std::vector<std::string>& words,
                                std::size_t required, int limit) {
    auto found = site_.discovery.related_candidates(content::ArticleId{id}, words, required, limit);
    auto expected = reference_candidates(site_.pool, id, words, required, limit);
    ASSERT_EQ(found.size(), expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].id.value, expected[i].first) << i;
      EXPECT_DOUBLE_EQ(found[i].content_score, expected[i].second) << i;
      // Which words it holds: bit w for word w.
      for (std::size_t w = 0; w < words.size(); ++w) {
        bool holds = sql_bm25(site_.pool, {words[w]}).contains(found[i].id.value);
        EXPECT_EQ(bool(found[i].shared_words & (std::uint64_t{1} << w)), holds)
            << found[i].id.value << " " << words[w];
      }
    }
  }

  std::filesystem::path dir_ = testing::fresh_test_directory("related-scoring");
  Site site_{dir_ / "gazette.db"};
};

// A Syria story's words, a common one, one with distinct French and English stems, a section.
const std::vector<std::string> kWords = {"damas",    "offensive", "rebelles", "syrie",
                                         "mercredi", "politique", "budget"};

TEST_F(RelatedScoringTest, CandidatesAreSqlBm25AmongArticlesHoldingARequiredWord) {
  expect_candidates_as_sql(1, kWords, 2, 40);
  expect_candidates_as_sql(2, kWords, kWords.size(), 40);
  expect_candidates_as_sql(3, kWords, 1, 5);
}

TEST_F(RelatedScoringTest, CandidatesFollowTheIndexWhenItChanges) {
  expect_candidates_as_sql(1, kWords, 2, 40);  // the words' documents are now remembered
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto draft = demo::synthetic_article(kArticles, now);
  draft.title = "Damas : offensive des rebelles en Syrie";
  auto saved = site_.save(draft);
  site_.updater.article_changed(saved.id);
  expect_candidates_as_sql(1, kWords, 2, 40);
  auto found = site_.discovery.related_candidates(content::ArticleId{1}, kWords, 2, 40);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                          [&](const auto& candidate) { return candidate.id == saved.id; }));
}

}  // namespace
}  // namespace gazette::store::sqlite
