// PostgresChangeLogStore (see postgres_change_log_store.h).
#include "store/postgres/postgres_change_log_store.h"

namespace gazette::store::postgres {

std::vector<ChangeEntry> PostgresChangeLogStore::entries_after(std::int64_t after_id) {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT id, origin, payload FROM change_log WHERE id > $1 ORDER BY id",
                        Params().add(after_id));
  std::vector<ChangeEntry> entries;
  for (int row = 0; row < rows.rows(); ++row)
    entries.push_back(
        {rows.integer(row, 0), rows.text(row, 1) == database_.origin(), rows.text(row, 2)});
  return entries;
}

std::int64_t PostgresChangeLogStore::latest_id() {
  auto connection = database_.read();
  return connection->query("SELECT coalesce(max(id), 0) FROM change_log").integer(0, 0);
}

std::string PostgresChangeLogStore::change_token() {
  if (listener_) return std::to_string(listener_->notices());
  // The snapshot's bounds move whenever a transaction that wrote anything starts or ends.
  auto connection = database_.read();
  return connection->query("SELECT pg_current_snapshot()::text").text(0, 0);
}

std::uint64_t PostgresChangeLogStore::reconnections() {
  return listener_ ? listener_->reconnections() : 0;
}

}  // namespace gazette::store::postgres
