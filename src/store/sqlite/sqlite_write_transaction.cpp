// SQLite writes and their change-log rows (see sqlite_write_transaction.h).
#include "store/sqlite/sqlite_write_transaction.h"

#include <stdexcept>

#include "content/event_codec.h"
#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {

namespace {

// Entries older than this have been read by every running process (each reads the log at
// least once a millisecond while it serves); the writers trim the log to it.
constexpr std::int64_t kLogRetentionSeconds = 3600;
constexpr auto kLogTrimInterval = std::chrono::minutes(10);

}  // namespace

std::unique_ptr<store::WriteTransaction> ConnectionPool::begin_write() {
  return std::make_unique<SqliteWriteTransaction>(*this);
}

SqliteWriteTransaction::SqliteWriteTransaction(ConnectionPool& pool)
    : pool_(pool), writer_(pool), transaction_(*writer_) {}

Connection& SqliteWriteTransaction::connection() {
  if (committed()) throw std::logic_error("a store written to after its transaction committed");
  return *writer_;
}

void SqliteWriteTransaction::record(const content::Event& event) {
  auto now = pool_.now_unix();
  writer_->prepare("INSERT INTO change_log (origin, payload, created_at) VALUES (?, ?, ?)")
      .bind(1, pool_.origin())
      .bind(2, content::encode_event(event))
      .bind(3, now)
      .run();
  // The log is trimmed by those who make it grow, in their transaction, now and then.
  auto steady = std::chrono::steady_clock::now();
  if (steady >= pool_.next_log_trim_) {
    writer_->prepare("DELETE FROM change_log WHERE created_at < ?")
        .bind(1, now - kLogRetentionSeconds)
        .run();
    pool_.next_log_trim_ = steady + kLogTrimInterval;
  }
}

void SqliteWriteTransaction::commit_writes() {
  transaction_.commit();
}

Connection& writer_of(store::WriteTransaction& transaction, const ConnectionPool& pool) {
  auto* sqlite = dynamic_cast<SqliteWriteTransaction*>(&transaction);
  if (!sqlite) throw std::logic_error("an SQLite store was handed another backend's write");
  if (&sqlite->pool() != &pool)
    throw std::logic_error("an SQLite store was handed a write of another database");
  return sqlite->connection();
}

}  // namespace gazette::store::sqlite
