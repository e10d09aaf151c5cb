// The change log in SQLite (see store/change_log_store.h): rows of `change_log`, written by
// SqliteWriteTransaction and read here.
#pragma once

#include "store/change_log_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteChangeLogStore final : public ChangeLogStore {
 public:
  explicit SqliteChangeLogStore(ConnectionPool& pool) : pool_(pool) {}
  std::vector<ChangeEntry> entries_after(std::int64_t after_id) override;
  std::int64_t latest_id() override;
  std::string change_token() override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
