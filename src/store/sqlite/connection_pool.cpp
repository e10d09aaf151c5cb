// The SQLite connection pool (see connection_pool.h).
#include "store/sqlite/connection_pool.h"

#include <filesystem>

#include "store/sqlite/migrations.h"

namespace gazette::store::sqlite {

ConnectionPool::ConnectionPool(std::string path) : path_(std::move(path)) {
  auto folder = std::filesystem::path(path_).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder);
  writer_ = std::make_unique<Connection>(path_);
  migrate(*writer_);
}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::ReadLease::ReadLease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

ConnectionPool::ReadLease::~ReadLease() {
  std::lock_guard lock(pool_.readers_mutex_);
  pool_.idle_readers_.push_back(std::move(connection_));
}

ConnectionPool::ReadLease ConnectionPool::read() {
  {
    std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      auto connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return ReadLease(*this, std::move(connection));
    }
  }
  return ReadLease(*this, std::make_unique<Connection>(path_));
}

}  // namespace gazette::store::sqlite
