// A write in SQLite: the pool's writer, locked for the transaction's life, in a BEGIN
// IMMEDIATE transaction; each announcement is a change_log row (migrations/0010) in the same
// transaction. SQLite store write methods reach the writer only through writer_of().
#pragma once

#include "store/sqlite/connection_pool.h"
#include "store/write_transaction.h"

namespace gazette::store::sqlite {

class SqliteWriteTransaction final : public store::WriteTransaction {
 public:
  explicit SqliteWriteTransaction(ConnectionPool& pool);

  /// The writer, while the transaction is open.
  Connection& connection();
  const ConnectionPool& pool() const { return pool_; }

 protected:
  void record(const content::Event& event) override;
  void commit_writes() override;

 private:
  ConnectionPool& pool_;
  ConnectionPool::WriteLease writer_;
  Transaction transaction_;  // after writer_: rolled back before the lock is let go
};

/// The writer of `transaction`, checked: it must be an open SQLite write of `pool`'s database
/// (a store handed another backend's transaction, or one already committed, is a bug:
/// std::logic_error).
Connection& writer_of(store::WriteTransaction& transaction, const ConnectionPool& pool);

}  // namespace gazette::store::sqlite
