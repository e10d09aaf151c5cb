// One SQLite database file shared by every SQLite store: a pool of reading connections (one per
// thread at a time) and the single writer, which WAL mode lets run beside the readers.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

class ConnectionPool {
 public:
  /// Opens the database at `path` (creating it and its folder when missing) and migrates it.
  explicit ConnectionPool(std::string path);
  ~ConnectionPool();
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
  /// than by SQLite's busy handler, so none waits on a lock it could have queued for.
  class WriteLease {
   public:
    explicit WriteLease(ConnectionPool& pool) : lock_(pool.writer_mutex_), writer_(*pool.writer_) {}
    Connection& operator*() { return writer_; }
    Connection* operator->() { return &writer_; }

   private:
    std::unique_lock<std::mutex> lock_;
    Connection& writer_;
  };

  ReadLease read();
  WriteLease write() { return WriteLease(*this); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace gazette::store::sqlite
