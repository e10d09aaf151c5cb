// ChangeFeed and its poller (see change_feed.h).
#include "cache/change_feed.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "content/event_codec.h"

namespace gazette::cache {

namespace {

// How often the log is read, at most: another process's write cannot stay unseen longer, and
// under load this is one stat() per millisecond, not one query per request.
constexpr auto kCheckInterval = std::chrono::milliseconds(1);

}  // namespace

ChangeFeed::ChangeFeed(store::ChangeLogStore& log, RemoteEventHandler on_remote_event,
                       MissedChangesHandler on_missed_changes)
    : log_(log),
      on_remote_event_(std::move(on_remote_event)),
      on_missed_changes_(std::move(on_missed_changes)),
      last_seen_id_(log.latest_id()),
      reconnections_seen_(log.reconnections()) {}

void ChangeFeed::apply_remote() {
  std::lock_guard lock(mutex_);
  for (const auto& entry : log_.entries_after(last_seen_id_)) {
    last_seen_id_ = entry.id;
    // This process published its own events on its bus when it wrote them.
    if (entry.own) continue;
    on_remote_event_(content::decode_event(entry.payload));
  }
}

void ChangeFeed::refresh() {
  auto now = std::chrono::steady_clock::now();
  auto now_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  auto due = next_check_ns_.load(std::memory_order_relaxed);
  // One thread per interval does the check; the others go straight to the cache.
  if (now_ns < due ||
      !next_check_ns_.compare_exchange_strong(
          due,
          now_ns + std::chrono::duration_cast<std::chrono::nanoseconds>(kCheckInterval).count()))
    return;
  try {
    if (auto reconnections = log_.reconnections(); reconnections != reconnections_seen_) {
      // Everything cached may be stale, and the log may no longer hold all that changed (it is
      // trimmed): drop it all, and read on from the newest entry.
      auto latest = log_.latest_id();
      std::lock_guard lock(mutex_);
      last_seen_id_ = latest;
      last_token_.clear();
      reconnections_seen_ = reconnections;
      if (on_missed_changes_) on_missed_changes_();
      return;
    }
    auto token = log_.change_token();
    {
      std::lock_guard lock(mutex_);
      if (token != last_token_ || token.empty()) {
        last_token_ = token;
        token_moved_at_ = now;
      } else if (now - token_moved_at_ > log_.token_settle_time()) {
        // Unchanged, and past the time the backend's token may run ahead of its commits
        // (SQLite's: store::ChangeLogStore::token_settle_time).
        return;
      }
    }
    apply_remote();
  } catch (const std::exception& error) {
    // A busy or briefly unreadable database: the next check tries again.
    spdlog::warn("change feed: {}", error.what());
  }
}

}  // namespace gazette::cache
