// The leader among nodes sharing a database: one at a time holds the advisory lock and leads;
// when it resigns or its connection is cut, it steps down and a node leads again.
#include "store/postgres/leader_lock.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "eventually.h"
#include "store/postgres/database.h"
#include "test_database.h"

namespace gazette::store::postgres {
namespace {

using testing::eventually;

// A node's view of its term: whether it leads, and how many times it started and stopped.
struct Term {
  std::atomic<bool> leading = false;
  std::atomic<int> led = 0;
  std::atomic<int> stepped_down = 0;
  void campaign(LeaderLock& lock) {
    lock.campaign(
        [this] {
          leading = true;
          ++led;
        },
        [this] {
          leading = false;
          ++stepped_down;
        });
  }
};

class LeaderLockTest : public ::testing::Test {
 protected:
  testing::PostgresTestDatabase test_database_;
  PostgresDatabase migrated_{test_database_.uri()};
  Connection admin_{testing::PostgresTestDatabase::cluster_uri()};
};

TEST_F(LeaderLockTest, OfTwoNodesOneLeadsAndTheOtherTakesOverWhenItResigns) {
  LeaderLock first_lock(test_database_.uri()), second_lock(test_database_.uri());
  Term first, second;
  first.campaign(first_lock);
  ASSERT_TRUE(eventually([&] { return first.leading.load(); }));
  second.campaign(second_lock);
  // The second asks every check interval, and is refused while the first holds the lock.
  std::this_thread::sleep_for(3 * kLeaderCheckInterval);
  EXPECT_FALSE(second.leading);
  first_lock.resign();
  EXPECT_EQ(first.stepped_down, 1);
  EXPECT_FALSE(first.leading);
  EXPECT_TRUE(eventually([&] { return second.leading.load(); }));
  second_lock.resign();
  EXPECT_EQ(second.stepped_down, 1);
}

TEST_F(LeaderLockTest, ALeaderWhoseConnectionIsCutStepsDownAndOneNodeLeadsAgain) {
  LeaderLock first_lock(test_database_.uri()), second_lock(test_database_.uri());
  Term first, second;
  first.campaign(first_lock);
  ASSERT_TRUE(eventually([&] { return first.leading.load(); }));
  second.campaign(second_lock);
  admin_.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
      "AND database = (SELECT oid FROM pg_database WHERE datname = $1)",
      Params().add(test_database_.name()));
  EXPECT_TRUE(eventually([&] { return first.stepped_down == 1; }));
  // Either may win the lock back; exactly one does.
  EXPECT_TRUE(eventually([&] { return first.leading != second.leading; }));
  std::this_thread::sleep_for(3 * kLeaderCheckInterval);
  EXPECT_NE(first.leading, second.leading);
}

}  // namespace
}  // namespace gazette::store::postgres
