// One PostgreSQL database shared by every PostgreSQL store: a pool of connections, migrated at
// start, where writes begin (store::Database). Writers are serialised by one transaction-level
// advisory lock, as SQLite's single writer serialises them: every node's writes run one after
// the other, so the stores' read-then-write steps need no retry loop.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "content/clock.h"
#include "store/postgres/connection.h"
#include "store/write_transaction.h"

namespace gazette::store::postgres {

/// The channel every write's NOTIFY is sent on; its payload is the change-log entry's id.
inline constexpr std::string_view kChangeChannel = "gazette_changes";
/// The advisory lock key every write holds until it ends ("gazette" in ASCII).
inline constexpr std::int64_t kWriteLockKey = 0x67617a65747465;
/// The advisory lock key migrations hold, so nodes starting together migrate once.
inline constexpr std::int64_t kMigrationLockKey = kWriteLockKey + 1;

class PostgresDatabase final : public store::Database {
 public:
  /// Connects to `uri` and applies the migrations the database lacks, in one transaction.
  /// Throws ConnectError (one line: what failed) when the server cannot be reached or refuses.
  explicit PostgresDatabase(std::string uri, const content::Clock* clock = nullptr);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  /// A connection, the caller's alone until the lease ends; returned to the pool if healthy.
  class Lease {
   public:
    Lease(PostgresDatabase& database, std::unique_ptr<Connection> connection);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    PostgresDatabase& database_;
    std::unique_ptr<Connection> connection_;
  };

  Lease read();
  std::unique_ptr<store::WriteTransaction> begin_write() override;

  /// Tells `observer` of every statement the pool's connections run (/metrics), from now on.
  void observe_statements(store::StatementObserver* observer);
  /// Closes the idle connections: after the server was lost and found again (the change
  /// listener reconnected) they are broken, and each would fail its next query.
  void drop_idle_connections();

  const std::string& uri() const { return uri_; }
  /// Now, in Unix seconds, by the database's clock.
  std::int64_t now_unix() const;
  /// This process's name in the change log (its own entries it has published already).
  const std::string& origin() const { return origin_; }

 private:
  friend class PostgresWriteTransaction;
  void end_write();

  content::SystemClock system_clock_;
  const content::Clock& clock_;
  std::string uri_;
  std::string origin_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::set<std::thread::id> writing_threads_;     // under mutex_
  store::StatementObserver* observer_ = nullptr;  // set before serving, read under mutex_
};

}  // namespace gazette::store::postgres
