// PostgresSignInAttemptStore: failure windows in SQL (see postgres_sign_in_attempt_store.h).
#include "store/postgres/postgres_sign_in_attempt_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

bool PostgresSignInAttemptStore::count_attempt(WriteTransaction& write,
                                               const std::vector<AttemptLimit>& limits,
                                               content::Timestamp now,
                                               std::chrono::seconds window) {
  Connection& connection = connection_of(write, database_);
  // Ended windows go first: the table holds the last window's keys, never more.
  connection.query("DELETE FROM sign_in_failures WHERE window_started <= $1",
                   Params().add(to_unix(now) - window.count()));
  for (const auto& limit : limits) {
    auto count = connection.query("SELECT failures FROM sign_in_failures WHERE key = $1",
                                  Params().add(limit.key));
    if (count.rows() > 0 && count.integer(0, 0) >= limit.max_failures) return false;
  }
  for (const auto& limit : limits)
    connection.query(
        "INSERT INTO sign_in_failures (key, window_started, failures) VALUES ($1, $2, 1)"
        " ON CONFLICT (key) DO UPDATE SET failures = sign_in_failures.failures + 1",
        Params().add(limit.key).add(to_unix(now)));
  return true;
}

void PostgresSignInAttemptStore::take_back(WriteTransaction& write, std::string_view key) {
  connection_of(write, database_)
      .query("UPDATE sign_in_failures SET failures = failures - 1 WHERE key = $1 AND failures > 0",
             Params().add(key));
}

void PostgresSignInAttemptStore::forget(WriteTransaction& write, std::string_view key) {
  connection_of(write, database_)
      .query("DELETE FROM sign_in_failures WHERE key = $1", Params().add(key));
}

}  // namespace gazette::store::postgres
