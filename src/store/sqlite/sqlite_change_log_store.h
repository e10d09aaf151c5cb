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
  /// A commit appends to the -wal file (the token moves) before it updates the WAL index that
  /// readers consult: a read in between sees the new token but not the commit, and the token
  /// does not move again until the next write. A writer descheduled in that window on a loaded
  /// machine can stay there a while; a second of indexed reads after each write costs little.
  std::chrono::milliseconds token_settle_time() override { return std::chrono::seconds{1}; }

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
