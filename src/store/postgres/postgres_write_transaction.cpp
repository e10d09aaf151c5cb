// PostgreSQL writes, their change-log rows and their NOTIFY (see postgres_write_transaction.h).
#include "store/postgres/postgres_write_transaction.h"

#include <stdexcept>

#include "content/event_codec.h"

namespace gazette::store::postgres {

namespace {

// Entries older than this have been read by every running node; writers trim the log to it.
constexpr std::int64_t kLogRetentionSeconds = 3600;

}  // namespace

PostgresWriteTransaction::PostgresWriteTransaction(PostgresDatabase& database)
    : database_(database), lease_(database.read()) {
  // The timeout is SQLite's busy timeout: a write kept waiting this long by another (an import
  // writes a whole export in one transaction) gives up, and its request is a 503 to try again,
  // rather than hold a serving thread for as long as the other runs. One round trip for both.
  lease_->execute("BEGIN; SET LOCAL lock_timeout = '5s'");
  open_ = true;
  lease_->query("SELECT pg_advisory_xact_lock($1)", Params().add(kWriteLockKey));
}

PostgresWriteTransaction::~PostgresWriteTransaction() {
  if (open_) {
    try {
      lease_->execute("ROLLBACK");
    } catch (const PostgresError&) {
      // A broken connection rolled back with it; the lease drops it (unhealthy).
    }
  }
  database_.end_write();
}

Connection& PostgresWriteTransaction::connection() {
  if (committed()) throw std::logic_error("a store written to after its transaction committed");
  return *lease_;
}

void PostgresWriteTransaction::record(const content::Event& event) {
  auto now = database_.now_unix();
  auto inserted = lease_->query(
      "INSERT INTO change_log (origin, payload, created_at) VALUES ($1, $2, $3) RETURNING id",
      Params().add(database_.origin()).add(content::encode_event(event)).add(now));
  lease_->query("SELECT pg_notify($1, $2)", Params().add(kChangeChannel).add(inserted.text(0, 0)));
  lease_->query("DELETE FROM change_log WHERE created_at < $1",
                Params().add(now - kLogRetentionSeconds));
}

void PostgresWriteTransaction::commit_writes() {
  open_ = false;  // a failed COMMIT ends the transaction too
  lease_->execute("COMMIT");
}

Connection& connection_of(store::WriteTransaction& transaction, const PostgresDatabase& database) {
  auto* postgres = dynamic_cast<PostgresWriteTransaction*>(&transaction);
  if (!postgres) throw std::logic_error("a PostgreSQL store was handed another backend's write");
  if (&postgres->database() != &database)
    throw std::logic_error("a PostgreSQL store was handed a write of another database");
  return postgres->connection();
}

}  // namespace gazette::store::postgres
