// Carries events between processes that share one database: every write announces its events
// in the change log inside its own transaction (store::WriteTransaction::announce); the feed
// reads the entries other processes wrote, decodes them and hands each event to the handler
// (page-cache invalidation) before this process answers. So `gazette publish` run beside
// `gazette serve` shows on the next request.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "content/events.h"
#include "store/change_log_store.h"

namespace gazette::cache {

class ChangeFeed {
 public:
  /// What to do with an event another process announced.
  using RemoteEventHandler = std::function<void(const content::Event&)>;
  /// What to do when other processes' changes may have been missed (the log's reconnections
  /// moved): drop everything cached.
  using MissedChangesHandler = std::function<void()>;

  /// Starts reading after the newest entry: a new process has an empty cache to keep fresh.
  ChangeFeed(store::ChangeLogStore& log, RemoteEventHandler on_remote_event,
             MissedChangesHandler on_missed_changes = {});

  /// Hands the events other processes announced since the last call to the handler, in order.
  void apply_remote();
  /// apply_remote(), at most once per check interval and only when the log's change token
  /// moved (or moved within the log's token_settle_time): called before every cache lookup, it keeps the cache as fresh as the database at
  /// the cost of a stat() a millisecond (SQLite) or of a counter's read (PostgreSQL, whose
  /// listener counts notices). After a reconnection, the missed-changes handler runs instead.
  void refresh();

 private:
  store::ChangeLogStore& log_;
  RemoteEventHandler on_remote_event_;
  MissedChangesHandler on_missed_changes_;
  std::mutex mutex_;
  std::int64_t last_seen_id_;
  std::uint64_t reconnections_seen_ = 0;
  std::string last_token_;  // the change token when the log was last read
  std::chrono::steady_clock::time_point token_moved_at_;
  std::atomic<std::int64_t> next_check_ns_{0};
};

}  // namespace gazette::cache
