// The listener a node keeps on kChangeChannel: each committed write moves its count of notices
// (the change feed's token); a lost connection is made again and counted, so the feed drops
// every cached page; while the server refuses it, the listener says why.
#include "store/postgres/change_listener.h"

#include <gtest/gtest.h>

#include <atomic>

#include "cache/change_feed.h"
#include "eventually.h"
#include "store/postgres/postgres_change_log_store.h"
#include "test_database.h"

namespace gazette::store::postgres {
namespace {

using testing::eventually;

class ChangeListenerTest : public ::testing::Test {
 protected:
  void write_something(PostgresDatabase& database) {
    auto write = database.begin_write();
    write->announce(content::SettingsChanged{});
    write->commit();
  }
  // Ends the listener's session, as a server restart or a network fault would.
  void cut_the_listener() {
    admin_.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND "
        "application_name = 'gazette change listener'",
        Params().add(test_database_.name()));
  }

  testing::PostgresTestDatabase test_database_;
  PostgresDatabase other_node_{test_database_.uri()};  // the writer
  Connection admin_{testing::PostgresTestDatabase::cluster_uri()};
};

TEST_F(ChangeListenerTest, EachCommittedWriteOfAnotherNodeMovesTheNotices) {
  ChangeListener listener(test_database_.uri());
  ASSERT_TRUE(listener.wait_until_listening(testing::kEventuallyTimeout));
  EXPECT_FALSE(listener.down());
  EXPECT_EQ(listener.notices(), 0u);
  write_something(other_node_);
  write_something(other_node_);
  EXPECT_TRUE(eventually([&] { return listener.notices() == 2; })) << listener.notices();
  EXPECT_EQ(listener.reconnections(), 0u);
}

TEST_F(ChangeListenerTest, ALostConnectionIsMadeAgainCountedAndHearsWritesAgain) {
  std::atomic<int> listening_again = 0;
  ChangeListener listener(test_database_.uri(), [&] { ++listening_again; });
  ASSERT_TRUE(listener.wait_until_listening(testing::kEventuallyTimeout));
  cut_the_listener();
  ASSERT_TRUE(eventually([&] { return listener.reconnections() == 1 && !listener.down(); }));
  EXPECT_EQ(listening_again, 1);
  auto before = listener.notices();
  write_something(other_node_);
  EXPECT_TRUE(eventually([&] { return listener.notices() > before; }));
}

TEST_F(ChangeListenerTest, WhileTheServerRefusesItSaysWhyThenComesBack) {
  ChangeListener listener(test_database_.uri());
  ASSERT_TRUE(listener.wait_until_listening(testing::kEventuallyTimeout));
  admin_.execute("ALTER DATABASE " + test_database_.name() + " ALLOW_CONNECTIONS false");
  cut_the_listener();
  EXPECT_TRUE(eventually([&] { return listener.down().has_value(); }));
  admin_.execute("ALTER DATABASE " + test_database_.name() + " ALLOW_CONNECTIONS true");
  EXPECT_TRUE(eventually([&] { return !listener.down() && listener.reconnections() == 1; }))
      << listener.down().value_or("listening");
}

TEST_F(ChangeListenerTest, TheChangeFeedReadsTheLogOnANoticeAndDropsEverythingAfterAReconnection) {
  PostgresDatabase this_node(test_database_.uri());
  ChangeListener listener(test_database_.uri(), [&] { this_node.drop_idle_connections(); });
  ASSERT_TRUE(listener.wait_until_listening(testing::kEventuallyTimeout));
  PostgresChangeLogStore log(this_node);
  log.follow(listener);
  std::atomic<int> remote_events = 0;
  std::atomic<int> drops = 0;
  cache::ChangeFeed feed(
      log, [&](const content::Event&) { ++remote_events; }, [&] { ++drops; });
  write_something(other_node_);
  EXPECT_TRUE(eventually([&] {
    feed.refresh();
    return remote_events == 1;
  }));
  cut_the_listener();
  EXPECT_TRUE(eventually([&] {
    feed.refresh();
    return drops == 1;
  }));
  // The pool's connections were dropped with the old session's: the log still reads.
  write_something(other_node_);
  EXPECT_TRUE(eventually([&] {
    feed.refresh();
    return remote_events == 2;
  }));
  EXPECT_EQ(drops, 1);
}

}  // namespace
}  // namespace gazette::store::postgres
