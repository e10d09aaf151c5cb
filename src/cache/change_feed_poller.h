// Reads the change feed on a clock while someone waits for changes without asking: the feed is
// otherwise read before each request (cache/change_feed.h), and an open event stream makes no
// request — an entry posted by `gazette live post` or on another node would wait for the next
// reader's click.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "cache/change_feed.h"

namespace gazette::cache {

/// How often the feed is read while streams are open: the most an event waits to leave this node
/// after it reached the database (a stat() on SQLite, a counter's read on PostgreSQL).
inline constexpr std::chrono::milliseconds kStreamFeedInterval{50};

class ChangeFeedPoller {
 public:
  /// Calls feed.refresh() every `interval` while `wanted()` says so, until destroyed.
  ChangeFeedPoller(ChangeFeed& feed, std::function<bool()> wanted,
                   std::chrono::milliseconds interval = kStreamFeedInterval);
  ~ChangeFeedPoller();
  ChangeFeedPoller(const ChangeFeedPoller&) = delete;
  ChangeFeedPoller& operator=(const ChangeFeedPoller&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: started once the rest is in place, stopped first
};

}  // namespace gazette::cache
