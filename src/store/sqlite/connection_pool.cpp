// The SQLite connection pool (see connection_pool.h).
#include "store/sqlite/connection_pool.h"

#include <filesystem>
#include <stdexcept>

#include "store/change_origin.h"
#include "store/sqlite/migrations.h"

namespace gazette::store::sqlite {

ConnectionPool::ConnectionPool(std::string path, const content::Clock* clock)
    : clock_(clock ? *clock : system_clock_),
      path_(std::move(path)),
      origin_(random_change_origin()) {
  auto folder = std::filesystem::path(path_).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder);
  writer_ = std::make_unique<Connection>(path_);
  migrate(*writer_, now_unix());
}

std::int64_t ConnectionPool::now_unix() const {
  return clock_.now().time_since_epoch().count();
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

ConnectionPool::WriteLease::WriteLease(ConnectionPool& pool) : pool_(pool) {
  if (pool.writer_thread_.load() == std::this_thread::get_id())
    throw std::logic_error("a write begun inside another write on the same thread");
  lock_ = std::unique_lock(pool.writer_mutex_);
  pool.writer_thread_.store(std::this_thread::get_id());
}

ConnectionPool::WriteLease::~WriteLease() {
  pool_.writer_thread_.store(std::thread::id{});
}

}  // namespace gazette::store::sqlite
