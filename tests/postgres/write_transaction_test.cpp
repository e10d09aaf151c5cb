// What only PostgreSQL adds to a write (the rest is the contract suites'): each announcement
// is a NOTIFY sent by the transaction that commits the change — heard by a listening node at
// the commit, never for a rolled-back write — and migrations run once, at start.
#include "store/postgres/postgres_write_transaction.h"

#include <gtest/gtest.h>

#include "store/postgres/postgres_change_log_store.h"
#include "test_database.h"

namespace gazette::store::postgres {
namespace {

constexpr int kNoWaitMs = 0;
constexpr int kWaitForNotifyMs = 10'000;  // only a failing test waits this long

class PostgresWriteTest : public ::testing::Test {
 protected:
  PostgresWriteTest() { listener_.execute("LISTEN " + std::string(kChangeChannel)); }

  testing::PostgresTestDatabase test_database_;
  PostgresDatabase database_{test_database_.uri()};
  PostgresChangeLogStore log_{database_};
  Connection listener_{test_database_.uri()};  // another node, listening
};

TEST_F(PostgresWriteTest, ARolledBackWriteSendsNoNotificationAndLeavesNoLogRow) {
  {
    auto write = database_.begin_write();
    write->announce(content::SettingsChanged{});
  }
  EXPECT_TRUE(log_.entries_after(0).empty());
  // A later committed write is heard, and only it.
  auto write = database_.begin_write();
  write->announce(content::SettingsChanged{});
  write->commit();
  auto heard = listener_.notifications(std::string(kChangeChannel), kWaitForNotifyMs);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0], std::to_string(log_.latest_id()));
}

TEST_F(PostgresWriteTest, TheNotificationIsSentAtTheCommitNotBefore) {
  auto write = database_.begin_write();
  write->announce(content::SettingsChanged{});
  EXPECT_TRUE(listener_.notifications(std::string(kChangeChannel), kNoWaitMs).empty());
  write->commit();
  auto heard = listener_.notifications(std::string(kChangeChannel), kWaitForNotifyMs);
  ASSERT_EQ(heard.size(), 1u);
  auto entries = log_.entries_after(0);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(heard[0], std::to_string(entries[0].id));
  EXPECT_TRUE(entries[0].own);
}

TEST_F(PostgresWriteTest, ASecondProcessStartingFindsTheSchemaMigrated) {
  PostgresDatabase second(test_database_.uri());
  Connection connection(test_database_.uri());
  auto applied = connection.query("SELECT count(*) FROM schema_migrations").integer(0, 0);
  EXPECT_GT(applied, 0);
  PostgresChangeLogStore second_log(second);
  EXPECT_EQ(second_log.latest_id(), 0);
}

TEST(PostgresConnect, AWrongAddressIsNamedInOneLine) {
  try {
    Connection connection("postgresql://host:notaport/db");
    FAIL() << "connected";
  } catch (const ConnectError& error) {
    EXPECT_EQ(error.reason(), ConnectError::Reason::bad_address);
    EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
  }
}

TEST(PostgresConnect, AnUnknownUserIsRefused) {
  auto uri = testing::PostgresTestDatabase::cluster_uri();
  uri.replace(uri.find("postgres@"), std::string("postgres@").size(), "personne@");
  try {
    Connection connection(uri);
    FAIL() << "connected";
  } catch (const ConnectError& error) {
    EXPECT_EQ(error.reason(), ConnectError::Reason::refused) << error.what();
    EXPECT_NE(std::string(error.what()).find("personne"), std::string::npos) << error.what();
  }
}

TEST(PostgresConnect, NoServerIsUnreachableWithoutAHang) {
  // A socket folder with no server in it: refused at once.
  try {
    Connection connection("postgresql://postgres@/postgres?host=/nonexistent-gazette&port=5432");
    FAIL() << "connected";
  } catch (const ConnectError& error) {
    EXPECT_EQ(error.reason(), ConnectError::Reason::unreachable) << error.what();
  }
  EXPECT_NE(with_connect_timeout("postgresql://h/db").find("connect_timeout=5"), std::string::npos);
  EXPECT_EQ(with_connect_timeout("postgresql://h/db?connect_timeout=2"),
            "postgresql://h/db?connect_timeout=2");
}

}  // namespace
}  // namespace gazette::store::postgres
