// The change log on PostgreSQL (store/change_log_store.h); its entries' NOTIFY is what the
// nodes listen to: with a ChangeListener followed, the change token is its count of notices (no
// query), so the log is read only after a notice came.
#pragma once

#include "store/change_log_store.h"
#include "store/postgres/change_listener.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresChangeLogStore final : public store::ChangeLogStore {
 public:
  explicit PostgresChangeLogStore(PostgresDatabase& database) : database_(database) {}

  std::vector<ChangeEntry> entries_after(std::int64_t after_id) override;
  std::int64_t latest_id() override;
  std::string change_token() override;
  std::uint64_t reconnections() override;

  /// From now on, the token and the reconnections are the listener's (`gazette serve`);
  /// without one the token is read from the database (one query).
  void follow(const ChangeListener& listener) { listener_ = &listener; }

 private:
  PostgresDatabase& database_;
  const ChangeListener* listener_ = nullptr;
};

}  // namespace gazette::store::postgres
