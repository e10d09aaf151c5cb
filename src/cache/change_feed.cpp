// ChangeFeed and its poller (see change_feed.h).
#include "cache/change_feed.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "cache/invalidation.h"
#include "content/dependency_text.h"

namespace gazette::cache {

namespace {

// How often the log is read, at most: another process's write cannot stay unseen longer, and
// under load this is one small query per millisecond, not one per request.
constexpr auto kCheckInterval = std::chrono::milliseconds(1);
// Entries older than this have been read by every running process; the log is trimmed to it.
constexpr std::int64_t kLogRetentionSeconds = 3600;
constexpr auto kPruneInterval = std::chrono::minutes(10);
constexpr std::string_view kEveryPage = "*";

std::string random_origin() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

}  // namespace

ChangeFeed::ChangeFeed(store::ChangeLogStore& log)
    : log_(log), origin_(random_origin()), last_seen_id_(log.latest_id()) {}

void ChangeFeed::record(const content::Event& event) {
  auto dependencies = invalidated_by(event);
  log_.append(origin_,
              dependencies ? content::format_dependencies(*dependencies) : std::string(kEveryPage));
}

void ChangeFeed::apply_remote(PageCache& cache) {
  std::lock_guard lock(mutex_);
  for (const auto& entry : log_.entries_after(last_seen_id_)) {
    last_seen_id_ = entry.id;
    if (entry.origin == origin_) continue;
    // An entry naming every page, or one this version cannot read: anything may have changed.
    auto dependencies = entry.dependencies == kEveryPage
                            ? std::nullopt
                            : content::parse_dependencies(entry.dependencies);
    if (dependencies)
      cache.invalidate(*dependencies);
    else
      cache.clear();
  }
}

void ChangeFeed::refresh(PageCache& cache) {
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
    auto token = log_.change_token();
    {
      std::lock_guard lock(mutex_);
      if (token == last_token_ && !token.empty()) return;
      last_token_ = token;
    }
    apply_remote(cache);
    std::lock_guard lock(mutex_);
    if (now >= next_prune_) {
      log_.prune(kLogRetentionSeconds);
      next_prune_ = now + kPruneInterval;
    }
  } catch (const std::exception& error) {
    // A busy or briefly unreadable database: the next check tries again.
    spdlog::warn("change feed: {}", error.what());
  }
}

}  // namespace gazette::cache
