// The related-articles catch-up on a real (temporary, migrated) SQLite database: it resumes
// where a stopped server left it, and the document frequencies it reads follow the index.
#include "discovery/discovery_updater.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_store.h"
#include "test_directory.h"

namespace gazette::discovery {
namespace {

class DiscoveryUpdaterTest : public ::testing::Test {
 protected:
  ~DiscoveryUpdaterTest() override { std::filesystem::remove_all(dir_); }

  // A server's stores on the test database; a new Site is a restarted server.
  struct Site {
    explicit Site(const std::filesystem::path& db) : pool(db.string()) {}
    /// Saves the drafts in one write, as a generated site does (the index is left behind).
    void save(const std::vector<content::ArticleDraft>& drafts) {
      write_path.run([&](store::WriteTransaction& write) {
        for (const auto& draft : drafts) store.save_article(write, draft, draft.updated_at);
      });
    }
    store::sqlite::ConnectionPool pool;
    store::sqlite::SqliteStore store{pool};
    store::sqlite::SqliteDiscoveryStore discovery{pool};
    content::EventBus events;
    publishing::WritePath write_path{pool, events};
    DiscoveryUpdater updater{store, discovery, write_path};
  };

  static content::ArticleDraft draft(int n, std::string body) {
    content::ArticleDraft draft;
    draft.slug = "article-" + std::to_string(n);
    draft.title = "Article " + std::to_string(n);
    draft.body_html = "<p>" + body + "</p>";
    draft.body_markdown = body;
    draft.section = {"monde", "Monde"};
    draft.author = {"sara", "Sara"};
    draft.published_at = content::Timestamp{std::chrono::seconds(1'700'000'000 + n)};
    draft.updated_at = draft.published_at;
    return draft;
  }

  std::filesystem::path dir_ = testing::fresh_test_directory("discovery");
  std::filesystem::path db_ = dir_ / "gazette.db";
};

TEST_F(DiscoveryUpdaterTest, CatchUpResumesWhereAStoppedServerLeftIt) {
  constexpr int kArticles = kRelatedBatchSize + kRelatedBatchSize / 2;
  {
    Site site(db_);
    std::vector<content::ArticleDraft> drafts;
    for (int n = 0; n < kArticles; ++n)
      drafts.push_back(draft(n, n % 2 ? "Les rebelles avancent vers Damas et Alep."
                                      : "Le budget de la ville et ses impôts."));
    site.save(drafts);
    EXPECT_EQ(site.updater.catch_up_index(), static_cast<std::size_t>(kArticles));
    // Stopped after its first batch.
    int batches = 0;
    EXPECT_EQ(site.updater.catch_up_related([&] { return batches++ < 1; }),
              static_cast<std::size_t>(kRelatedBatchSize));
  }
  Site restarted(db_);
  EXPECT_EQ(restarted.updater.catch_up_index(), 0u);
  EXPECT_EQ(restarted.updater.catch_up_related([] { return true; }),
            static_cast<std::size_t>(kArticles - kRelatedBatchSize));
  EXPECT_EQ(restarted.updater.catch_up_related([] { return true; }), 0u);
}

TEST_F(DiscoveryUpdaterTest, DocumentFrequenciesFollowEditsAndUnpublishing) {
  Site site(db_);
  for (int n = 0; n < 3; ++n) site.save({draft(n, "Offensive sur Damas.")});
  site.updater.catch_up_index();
  // Index terms are stems: « Damas » is indexed as "dam" (and "dama" in English).
  auto frequencies = [&] {
    return site.discovery.document_frequencies({"dam", "offens", "budget"});
  };
  EXPECT_EQ(frequencies(), (std::vector<std::int64_t>{3, 3, 0}));

  auto edited = draft(0, "Le budget de la ville.");
  edited.updated_at += std::chrono::hours(1);
  site.save({edited});
  auto unpublished = draft(1, "Offensive sur Damas.");
  unpublished.status = content::ArticleStatus::draft;
  unpublished.updated_at += std::chrono::hours(1);
  site.save({unpublished});
  site.updater.catch_up_index();
  EXPECT_EQ(frequencies(), (std::vector<std::int64_t>{1, 1, 1}));
}

}  // namespace
}  // namespace gazette::discovery
