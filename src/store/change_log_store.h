// The change log: the events each write announced (store::WriteTransaction::announce, in the
// write's own transaction), readable by every process sharing the database, so each one drops
// the cached pages another's write changed (`gazette publish` beside `gazette serve`).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace gazette::store {

struct ChangeEntry {
  std::int64_t id = 0;
  /// Written by this process, whose event bus has already published it.
  bool own = false;
  std::string payload;  // the event, as content::encode_event wrote it
};

class ChangeLogStore {
 public:
  virtual ~ChangeLogStore() = default;
  /// Entries after `after_id`, oldest first.
  virtual std::vector<ChangeEntry> entries_after(std::int64_t after_id) = 0;
  /// The newest entry's id (0 when empty): where a process starting now begins to read.
  virtual std::int64_t latest_id() = 0;
  /// A value that changes whenever anything in the database may have changed, far cheaper to
  /// read than the log itself: readers check it before querying for new entries.
  virtual std::string change_token() = 0;
  /// How long after the token moved a commit may still be unreadable, so readers keep reading
  /// the log that long: none where the token moves only once the commit is visible.
  virtual std::chrono::milliseconds token_settle_time() { return std::chrono::milliseconds{0}; }
  /// How many times this process may have missed changes since it opened the database (a lost
  /// PostgreSQL connection, made again): the log may not say everything that changed meanwhile
  /// (it is trimmed), so a reader that sees this move drops whatever it cached. A SQLite log,
  /// read from the file itself, misses nothing.
  virtual std::uint64_t reconnections() { return 0; }
};

}  // namespace gazette::store
