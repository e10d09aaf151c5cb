// The PostgreSQL connection pool (see database.h).
#include "store/postgres/database.h"

#include <stdexcept>

#include "store/change_origin.h"
#include "store/postgres/migrations.h"
#include "store/postgres/postgres_write_transaction.h"

namespace gazette::store::postgres {

PostgresDatabase::PostgresDatabase(std::string uri, const content::Clock* clock)
    : clock_(clock ? *clock : system_clock_),
      uri_(std::move(uri)),
      origin_(random_change_origin()) {
  auto first = std::make_unique<Connection>(uri_);
  migrate(*first, now_unix());
  idle_.push_back(std::move(first));
}

PostgresDatabase::~PostgresDatabase() = default;

std::int64_t PostgresDatabase::now_unix() const {
  return clock_.now().time_since_epoch().count();
}

PostgresDatabase::Lease::Lease(PostgresDatabase& database, std::unique_ptr<Connection> connection)
    : database_(database), connection_(std::move(connection)) {}

PostgresDatabase::Lease::~Lease() {
  if (!connection_ || !connection_->healthy()) return;  // a broken one is not reused
  std::lock_guard lock(database_.mutex_);
  database_.idle_.push_back(std::move(connection_));
}

PostgresDatabase::Lease PostgresDatabase::read() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  auto connection = std::make_unique<Connection>(uri_);
  {
    std::lock_guard lock(mutex_);
    connection->observe(observer_);
  }
  return Lease(*this, std::move(connection));
}

void PostgresDatabase::observe_statements(store::StatementObserver* observer) {
  std::lock_guard lock(mutex_);
  observer_ = observer;
  for (auto& connection : idle_) connection->observe(observer);
}

void PostgresDatabase::drop_idle_connections() {
  std::vector<std::unique_ptr<Connection>> dropped;
  std::lock_guard lock(mutex_);
  dropped.swap(idle_);
}

std::unique_ptr<store::WriteTransaction> PostgresDatabase::begin_write() {
  {
    std::lock_guard lock(mutex_);
    // The second write would wait on the advisory lock its own thread holds, forever.
    if (!writing_threads_.insert(std::this_thread::get_id()).second)
      throw std::logic_error("a write begun inside another write on the same thread");
  }
  try {
    return std::make_unique<PostgresWriteTransaction>(*this);
  } catch (...) {
    end_write();
    throw;
  }
}

void PostgresDatabase::end_write() {
  std::lock_guard lock(mutex_);
  writing_threads_.erase(std::this_thread::get_id());
}

}  // namespace gazette::store::postgres
