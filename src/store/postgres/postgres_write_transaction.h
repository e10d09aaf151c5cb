// A write in PostgreSQL: a pooled connection in a transaction holding the write lock
// (database.h); each announcement is a change_log row and a NOTIFY on kChangeChannel in the same
// transaction, so other nodes hear of the change exactly when it commits. PostgreSQL store
// write methods reach the connection only through connection_of().
#pragma once

#include "store/postgres/database.h"
#include "store/write_transaction.h"

namespace gazette::store::postgres {

class PostgresWriteTransaction final : public store::WriteTransaction {
 public:
  explicit PostgresWriteTransaction(PostgresDatabase& database);
  ~PostgresWriteTransaction() override;

  /// The transaction's connection, while it is open.
  Connection& connection();
  const PostgresDatabase& database() const { return database_; }

 protected:
  void record(const content::Event& event) override;
  void commit_writes() override;

 private:
  PostgresDatabase& database_;
  PostgresDatabase::Lease lease_;
  bool open_ = false;
};

/// The connection of `transaction`, checked: it must be an open PostgreSQL write of `database`
/// (another backend's transaction, another database's, or one already committed is a bug:
/// std::logic_error).
Connection& connection_of(store::WriteTransaction& transaction, const PostgresDatabase& database);

}  // namespace gazette::store::postgres
