// The write path on a real (temporary, migrated) SQLite database: a write and the change-log
// entry of what it announced commit together or not at all; the events are published in this
// process only after the commit; a writer killed in between still leaves the entry that tells
// the other processes; and writes do not nest.
#include "publishing/write_path.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "cache/change_feed.h"
#include "content/event_codec.h"
#include "fixed_clock.h"
#include "store/sqlite/sqlite_change_log_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_write_transaction.h"
#include "test_directory.h"

namespace gazette::publishing {
namespace {

const content::Timestamp kNow{std::chrono::seconds(1'733'650'000)};

content::ArticleDraft draft(std::string slug) {
  content::ArticleDraft draft;
  draft.slug = std::move(slug);
  draft.title = "Offensive sur Damas";
  draft.section = {"actualite", "Actualité"};
  draft.author = {"sara", "Sara"};
  draft.published_at = kNow;
  draft.updated_at = kNow;
  return draft;
}

// A thrown error the tests tell apart from any other.
struct BodyFailed : std::runtime_error {
  BodyFailed() : std::runtime_error("the body failed after its writes") {}
};

class WritePathTest : public ::testing::Test {
 protected:
  ~WritePathTest() override { std::filesystem::remove_all(dir_); }

  /// Saves `slug` and announces its ArticleChanged, as ArticleService does.
  static content::SavedArticle save(store::Store& store, store::WriteTransaction& write,
                                    const std::string& slug) {
    auto saved = store.save_article(write, draft(slug), kNow);
    write.announce(content::ArticleChanged{saved.id, saved.before, saved.after});
    return saved;
  }

  bool stored(const std::string& slug) {
    return store_.find_published_article("actualite", slug).has_value();
  }

  std::filesystem::path dir_ = testing::fresh_test_directory("write-path");
  std::string db_ = (dir_ / "gazette.db").string();
  store::sqlite::ConnectionPool pool_{db_};
  store::sqlite::SqliteStore store_{pool_};
  content::EventBus events_;
  WritePath write_path_{pool_, events_};
  // Another process on the same database: its change log is what a running server reads.
  store::sqlite::ConnectionPool other_process_{db_};
  store::sqlite::SqliteChangeLogStore other_log_{other_process_};
};

TEST_F(WritePathTest, ARolledBackWriteLeavesNeitherTheChangeNorItsLogRow) {
  int published = 0;
  events_.subscribe([&](const content::Event&) { ++published; });
  EXPECT_THROW(write_path_.run([&](store::WriteTransaction& write) {
    save(store_, write, "damas");
    throw BodyFailed();
  }),
               BodyFailed);
  EXPECT_FALSE(stored("damas"));
  EXPECT_TRUE(other_log_.entries_after(0).empty());
  EXPECT_EQ(published, 0);
  // The writer is free again: the next write goes through.
  write_path_.run([&](store::WriteTransaction& write) { save(store_, write, "alep"); });
  EXPECT_TRUE(stored("alep"));
}

TEST_F(WritePathTest, TheChangeAndItsLogRowCommitTogetherThenTheEventIsPublished) {
  std::vector<bool> stored_when_published;
  events_.subscribe([&](const content::Event& event) {
    ASSERT_TRUE(std::holds_alternative<content::ArticleChanged>(event));
    stored_when_published.push_back(stored("damas"));
  });
  auto saved =
      write_path_.run([&](store::WriteTransaction& write) { return save(store_, write, "damas"); });
  // Published once, after the commit: a reader could already see the article.
  EXPECT_EQ(stored_when_published, std::vector<bool>{true});

  auto entries = other_log_.entries_after(0);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].own);
  auto event = content::decode_event(entries[0].payload);
  ASSERT_TRUE(std::holds_alternative<content::ArticleChanged>(event));
  EXPECT_EQ(std::get<content::ArticleChanged>(event).id, saved.id);
  EXPECT_TRUE(std::get<content::ArticleChanged>(event).after->visible);
}

TEST_F(WritePathTest, AWriterKilledBetweenCommitAndPublishStillTellsTheOtherProcesses) {
  // A running server's change feed, reading from now on.
  std::vector<content::Event> remote;
  cache::ChangeFeed feed(other_log_, [&](const content::Event& event) { remote.push_back(event); });
  constexpr int kKilledAfterCommit = 42;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // `gazette publish`, killed after its commit and before any subscriber of its own ran.
    store::sqlite::ConnectionPool pool(db_);
    store::sqlite::SqliteStore store(pool);
    content::EventBus events;
    events.subscribe([](const content::Event&) { _exit(kKilledAfterCommit); });
    WritePath write_path(pool, events);
    write_path.run([&](store::WriteTransaction& write) { save(store, write, "damas"); });
    _exit(1);  // not reached: the first event kills it
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), kKilledAfterCommit);

  EXPECT_TRUE(stored("damas"));
  feed.apply_remote();
  ASSERT_EQ(remote.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<content::ArticleChanged>(remote[0]));
  EXPECT_EQ(std::get<content::ArticleChanged>(remote[0]).after->slug, "damas");
}

TEST_F(WritePathTest, AProcessSkipsItsOwnEntriesInTheFeed) {
  std::vector<content::Event> remote;
  store::sqlite::SqliteChangeLogStore own_log(pool_);
  cache::ChangeFeed feed(own_log, [&](const content::Event& event) { remote.push_back(event); });
  write_path_.run([&](store::WriteTransaction& write) { save(store_, write, "damas"); });
  feed.apply_remote();
  EXPECT_TRUE(remote.empty());  // published on this process's bus already
  EXPECT_EQ(other_log_.entries_after(0).size(), 1u);
}

TEST_F(WritePathTest, WritesDoNotNest) {
  EXPECT_THROW(write_path_.run([&](store::WriteTransaction& write) {
    save(store_, write, "damas");
    pool_.begin_write();  // would wait for itself forever
  }),
               std::logic_error);
  EXPECT_FALSE(stored("damas"));
  write_path_.run([&](store::WriteTransaction& write) { save(store_, write, "alep"); });
  EXPECT_TRUE(stored("alep"));
}

TEST_F(WritePathTest, AStoreRefusesAnotherDatabasesWrite) {
  store::sqlite::SqliteStore other_store(other_process_);
  auto write = pool_.begin_write();
  EXPECT_THROW(other_store.save_article(*write, draft("damas"), kNow), std::logic_error);
  write->commit();
  EXPECT_THROW(store_.save_article(*write, draft("damas"), kNow), std::logic_error);
}

// One clock: the database's readers see "now" by the clock the services are given, not by a
// clock of their own — an article dated in an hour is not shown until the clock says so.
TEST(OneClock, TheDatabaseShowsWhatIsPublishedByTheServicesClock) {
  auto dir = testing::fresh_test_directory("one-clock");
  {
    testing::FixedClock clock(kNow - std::chrono::hours(1));
    store::sqlite::ConnectionPool pool((dir / "gazette.db").string(), &clock);
    store::sqlite::SqliteStore store(pool);
    content::EventBus events;
    WritePath write_path(pool, events);
    write_path.run(
        [&](store::WriteTransaction& write) { store.save_article(write, draft("damas"), kNow); });
    EXPECT_FALSE(store.find_published_article("actualite", "damas").has_value());
    clock.set(kNow);
    EXPECT_TRUE(store.find_published_article("actualite", "damas").has_value());
  }
  std::filesystem::remove_all(dir);
}

TEST_F(WritePathTest, WhatTheBeforeCommitHookWritesCommitsWithTheWriteOrRollsBackWithIt) {
  // The webhooks' hook, reduced: one more article per write that announced something.
  int hooked = 0;
  write_path_.before_commit([&](store::WriteTransaction& write) {
    if (write.announced().empty()) return;
    ++hooked;
    store_.save_article(write, draft("hook-" + std::to_string(hooked)), kNow);
  });
  write_path_.run([&](store::WriteTransaction& write) { save(store_, write, "damas"); });
  EXPECT_TRUE(stored("damas"));
  EXPECT_TRUE(stored("hook-1"));
  write_path_.run([](store::WriteTransaction&) {});  // nothing announced: nothing added
  EXPECT_EQ(hooked, 1);

  EXPECT_THROW(write_path_.run([&](store::WriteTransaction& write) {
    save(store_, write, "alep");
    throw BodyFailed();
  }),
               BodyFailed);
  EXPECT_EQ(hooked, 1);  // the body failed: the hook never ran
  write_path_.before_commit([&](store::WriteTransaction&) { throw BodyFailed(); });
  EXPECT_THROW(
      write_path_.run([&](store::WriteTransaction& write) { save(store_, write, "homs"); }),
      BodyFailed);
  EXPECT_FALSE(stored("homs"));  // a failing hook rolls the write back
}

}  // namespace
}  // namespace gazette::publishing
