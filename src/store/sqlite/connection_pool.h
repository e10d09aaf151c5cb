// One SQLite database file shared by every SQLite store: a pool of reading connections (one per
// thread at a time) and the single writer, which WAL mode lets run beside the readers. Writes
// begin here (store::Database): each is an SqliteWriteTransaction on the writer.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/clock.h"
#include "store/sqlite/database.h"
#include "store/write_transaction.h"

namespace gazette::store::sqlite {

class ConnectionPool final : public store::Database {
 public:
  /// Opens the database at `path` (creating it and its folder when missing) and migrates it.
  /// `clock` (the services' one clock; the computer's when none is given) says what "now" is
  /// for what readers may see (an article published at a date to come is not shown yet) and
  /// for the change log's dates.
  explicit ConnectionPool(std::string path, const content::Clock* clock = nullptr);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  /// A reading connection, the caller's alone until the lease ends.
  class ReadLease {
   public:
    ReadLease(ConnectionPool& pool, std::unique_ptr<Connection> connection);
    ~ReadLease();
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<Connection> connection_;
  };

  /// The writing connection, locked until the lease ends: writes are serialised here rather
  /// than by SQLite's busy handler, so none waits on a lock it could have queued for. Only an
  /// SqliteWriteTransaction takes it. A thread that holds it and asks again gets
  /// std::logic_error instead of waiting for itself forever.
  class WriteLease {
   public:
    explicit WriteLease(ConnectionPool& pool);
    ~WriteLease();
    WriteLease(const WriteLease&) = delete;
    WriteLease& operator=(const WriteLease&) = delete;
    Connection& operator*() { return *pool_.writer_; }
    Connection* operator->() { return pool_.writer_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_lock<std::mutex> lock_;
  };

  ReadLease read();
  /// One write: the writer, in a BEGIN IMMEDIATE transaction (sqlite_write_transaction.h).
  std::unique_ptr<store::WriteTransaction> begin_write() override;

  const std::string& path() const { return path_; }
  /// Now, in Unix seconds, by the pool's clock.
  std::int64_t now_unix() const;
  /// This pool's name in the change log: random, so each process tells its own entries (whose
  /// events it published already) from the others'.
  const std::string& origin() const { return origin_; }

 private:
  friend class SqliteWriteTransaction;

  content::SystemClock system_clock_;  // when no clock is handed in
  const content::Clock& clock_;
  std::string path_;
  std::string origin_;
  std::mutex writer_mutex_;
  std::atomic<std::thread::id> writer_thread_{};  // who holds the write lease, if anyone
  std::unique_ptr<Connection> writer_;
  // When the writer next trims the change log; read and set under the write lease.
  std::chrono::steady_clock::time_point next_log_trim_{};
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace gazette::store::sqlite
