// Page cache: rendered reader pages keyed by URL, dropped by dependency. A write names what it
// changed (an article, a tag's listing…: content/cache_dependencies.h) and exactly the pages
// that showed it go; the rest stay. Least recently used pages go first when the memory budget is
// reached.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cache/cached_page.h"
#include "cache/pages_by_key.h"
#include "metrics/sharded_counter.h"

namespace gazette::cache {

/// What the cache did, for /metrics: lookups that found a fresh page, lookups that did not,
/// and pages dropped to stay within the budget.
struct CacheCounters {
  metrics::ShardedCounter hits;
  metrics::ShardedCounter misses;
  metrics::ShardedCounter evictions;
};

class PageCache {
 public:
  /// Keeps at most about `byte_budget` bytes of pages (all encodings counted).
  explicit PageCache(std::size_t byte_budget);

  /// Whether a lookup that finds nothing counts as a miss.
  enum class MissCounting { counted, left_to_the_next_lookup };

  /// The fresh page under `key`, or nothing. A lookup that is followed by another for the same
  /// request when it finds nothing (the server's first look at a plain GET, before the full
  /// parse) leaves the miss to that one: each request counts once.
  std::shared_ptr<const CachedPage> find(std::string_view key,
                                         MissCounting counting = MissCounting::counted) const;

  /// The invalidation generation: read it before rendering a page, pass it to insert().
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  /// This cache among those the process ever made: threads' memos of it (hit_memo.h) know it by
  /// this, never by its address, which a later cache may reuse.
  std::uint64_t id() const { return id_; }

  /// Counts a hit on `page`, found earlier and still fresh (a serving thread's memo of it), and
  /// marks it used as find() does: the least recently used page goes first, not the hottest.
  void count_hit(const CachedPage& page) const;

  /// Keeps `page` unless something was invalidated since `generation` was read: the page may
  /// have been rendered from data that changed under it, so it is not trusted.
  void insert(std::shared_ptr<CachedPage> page, std::uint64_t generation);

  /// Drops every page that depends on one of `dependencies`.
  void invalidate(const std::vector<content::Dependency>& dependencies);
  /// Drops every page (settings or theme changed).
  void clear();

  std::size_t page_count() const;
  std::size_t bytes() const;
  const CacheCounters& counters() const { return counters_; }

 private:
  void remove_locked(const std::string& key);
  void evict_locked();

  const std::size_t byte_budget_;
  const std::uint64_t id_;
  mutable std::shared_mutex mutex_;
  PagesByKey<std::shared_ptr<CachedPage>> pages_;
  std::unordered_map<content::Dependency, std::unordered_set<std::string>> pages_by_dependency_;
  std::size_t bytes_ = 0;
  // Its own cache line: every hit reads it, and the lock beside it is written by misses.
  alignas(64) std::atomic<std::uint64_t> generation_{0};
  // The LRU clock: it ticks at each insert (the only time eviction runs), and a page found is
  // stamped with its current value. Pages used since the last insert tie; in exchange a hit
  // only reads it, and writes a page's stamp only when the clock has moved — a page every
  // thread serves is not written at every hit, which would bounce its cache line (and this
  // clock's) between the cores.
  std::atomic<std::uint64_t> clock_{0};
  mutable CacheCounters counters_;
};

}  // namespace gazette::cache
