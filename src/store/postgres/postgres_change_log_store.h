// The change log on PostgreSQL (store/change_log_store.h); its entries' NOTIFY is what the
// nodes listen to (the listener is issue 13's next part).
#pragma once

#include "store/change_log_store.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresChangeLogStore final : public store::ChangeLogStore {
 public:
  explicit PostgresChangeLogStore(PostgresDatabase& database) : database_(database) {}

  std::vector<ChangeEntry> entries_after(std::int64_t after_id) override;
  std::int64_t latest_id() override;
  std::string change_token() override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
