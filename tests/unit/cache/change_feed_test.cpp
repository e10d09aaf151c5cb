// ChangeFeed: another process's write reaches this one even when the change token moved before
// the write could be read (SQLite appends to the -wal file before it updates the index readers
// use: a read in between sees the new token and not the write).
#include "cache/change_feed.h"

#include <gtest/gtest.h>

#include <thread>

#include "content/event_codec.h"

namespace gazette::cache {
namespace {

// A log as another process leaves it mid-commit: the token can move before the entry shows.
class LogMidCommit : public store::ChangeLogStore {
 public:
  explicit LogMidCommit(std::chrono::milliseconds settle = std::chrono::seconds{1})
      : settle_(settle) {}
  std::vector<store::ChangeEntry> entries_after(std::int64_t after_id) override {
    ++reads;
    std::vector<store::ChangeEntry> after;
    for (const auto& entry : readable)
      if (entry.id > after_id) after.push_back(entry);
    return after;
  }
  std::int64_t latest_id() override { return readable.empty() ? 0 : readable.back().id; }
  std::string change_token() override { return token; }
  std::chrono::milliseconds token_settle_time() override { return settle_; }

  std::vector<store::ChangeEntry> readable;
  std::string token = "wal:1";
  int reads = 0;

 private:
  std::chrono::milliseconds settle_;
};

store::ChangeEntry live_entry_posted(std::int64_t id) {
  content::LiveChanged posted{content::LiveChanged::Kind::posted, content::ArticleId{7}, id,
                              "monde", "offensive"};
  return {id, false, content::encode_event(posted)};
}

// Past the feed's one-millisecond check interval.
void next_check() { std::this_thread::sleep_for(std::chrono::milliseconds(3)); }

TEST(ChangeFeedTest, AWriteReadableOnlyAfterItsTokenMovedStillArrives) {
  LogMidCommit log;
  std::vector<content::Event> heard;
  ChangeFeed feed(log, [&](const content::Event& event) { heard.push_back(event); });
  feed.refresh();

  log.token = "wal:2";  // the other process appended its commit to the WAL…
  next_check();
  feed.refresh();       // …and this read came before the WAL index said so
  EXPECT_TRUE(heard.empty());

  log.readable.push_back(live_entry_posted(1));  // the index now says so; the token stays
  next_check();
  feed.refresh();
  ASSERT_EQ(heard.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<content::LiveChanged>(heard[0]));
  EXPECT_EQ(std::get<content::LiveChanged>(heard[0]).entry, 1);

  next_check();
  feed.refresh();
  EXPECT_EQ(heard.size(), 1u);  // heard once
}

TEST(ChangeFeedTest, AQuietDatabaseIsNotReadOnceItsTokenHasSettled) {
  LogMidCommit log;
  ChangeFeed feed(log, [](const content::Event&) {});
  feed.refresh();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the log's settle time
  feed.refresh();
  int reads = log.reads;
  for (int check = 0; check < 5; ++check) {
    next_check();
    feed.refresh();
  }
  EXPECT_EQ(log.reads, reads);  // a stat() per check, no query

  log.token = "wal:2";
  next_check();
  feed.refresh();
  EXPECT_EQ(log.reads, reads + 1);
}

TEST(ChangeFeedTest, ALogWhoseTokenFollowsItsCommitsIsReadOnlyWhenItMoves) {
  LogMidCommit log(std::chrono::milliseconds{0});  // as PostgreSQL's: notified after commit
  ChangeFeed feed(log, [](const content::Event&) {});
  feed.refresh();
  int reads = log.reads;
  next_check();
  feed.refresh();
  EXPECT_EQ(log.reads, reads);
  log.token = "notice:2";
  next_check();
  feed.refresh();
  EXPECT_EQ(log.reads, reads + 1);
}

}  // namespace
}  // namespace gazette::cache
