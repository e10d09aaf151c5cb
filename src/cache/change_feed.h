// Carries cache invalidations between processes that share one database: this process's
// writes are recorded in the change log, other processes' entries are applied to the cache
// before it answers. So `gazette publish` run beside `gazette serve` shows on the next request.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

#include "cache/page_cache.h"
#include "content/events.h"
#include "store/change_log_store.h"

namespace gazette::cache {

class ChangeFeed {
 public:
  /// Starts reading after the newest entry: a new process has an empty cache to keep fresh.
  explicit ChangeFeed(store::ChangeLogStore& log);

  /// Records what `event` invalidates, for the other processes.
  void record(const content::Event& event);
  /// Applies the entries other processes wrote since the last call.
  void apply_remote(PageCache& cache);
  /// apply_remote(), at most once per check interval: called before every cache lookup, it
  /// keeps the cache as fresh as the database at the cost of a query a millisecond.
  void refresh(PageCache& cache);

 private:
  store::ChangeLogStore& log_;
  const std::string origin_;  // random per process
  std::mutex mutex_;
  std::int64_t last_seen_id_;
  std::string last_token_;  // the change token when the log was last read
  std::atomic<std::int64_t> next_check_ns_{0};
  std::chrono::steady_clock::time_point next_prune_;
};

}  // namespace gazette::cache
