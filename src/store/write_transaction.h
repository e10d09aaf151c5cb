// One write to the database, whatever the backend: what is done through it, and the events it
// announces, commit together or not at all. An announcement is written where other processes
// read it (SQLite: a change_log row; PostgreSQL: a NOTIFY) inside the same transaction, so no
// crash can leave a committed change that other processes never hear of. Only services begin
// writes (through publishing::WritePath, which publishes the announced events in this process
// after the commit).
#pragma once

#include <memory>
#include <stdexcept>
#include <vector>

#include "content/events.h"

namespace gazette::store {

/// One write in progress: every store write method takes it as its first parameter. Rolled back
/// when destroyed uncommitted (an exception on the way, a refusal found late). Not thread-safe:
/// one thread uses it from begin_write() to its end.
class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  /// Records that `event` happens with this write, for the other processes sharing the
  /// database (in this transaction: gone with it if it rolls back) and for the in-process
  /// publication after the commit.
  void announce(const content::Event& event);
  /// Commits the writes and their announcements; after this the transaction is over and
  /// takes no more writes.
  void commit();

  /// Whether commit() ran.
  bool committed() const { return committed_; }
  /// The events announced, in order (the write path publishes them after the commit).
  const std::vector<content::Event>& announced() const { return announced_; }

 protected:
  WriteTransaction() = default;
  /// Writes the change-log entry of `event` inside the transaction.
  virtual void record(const content::Event& event) = 0;
  /// Commits; throws on a database error (the transaction is then rolled back).
  virtual void commit_writes() = 0;

 private:
  std::vector<content::Event> announced_;
  bool committed_ = false;
};

/// The database the stores share, as writers see it.
class Database {
 public:
  virtual ~Database() = default;
  /// Begins a write, waiting for the one in progress (in this process or another) to end.
  /// Writes do not nest: a thread that already holds one gets std::logic_error (it would
  /// otherwise wait for itself forever).
  virtual std::unique_ptr<WriteTransaction> begin_write() = 0;
};

inline void WriteTransaction::announce(const content::Event& event) {
  if (committed_) throw std::logic_error("an event announced after its write committed");
  record(event);
  announced_.push_back(event);
}

inline void WriteTransaction::commit() {
  if (committed_) throw std::logic_error("a write committed twice");
  commit_writes();
  committed_ = true;
}

}  // namespace gazette::store
