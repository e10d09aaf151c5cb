// A serving thread's own memo of the pages it served lately. When both cores serve the same page
// (a breaking story), every write a hit makes to shared memory — the cache's reader lock taken
// and released, the page's and the response's reference counts raised and dropped — moves a
// cache line from one core to the other: six such moves per request, a good part of what a hit
// costs beyond its system calls. A thread that served a page keeps it here, with its own copy of
// each response it sent from it, for as long as the cache's generation has not moved (no write
// invalidated anything): its next hits on that page read shared memory and write only their own.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "cache/cached_page.h"
#include "cache/compression.h"
#include "cache/pages_by_key.h"
#include "http/reply.h"

namespace gazette::cache {

/// Pages one thread keeps at most: the hot ones. Past it the memo starts again, so a crawler
/// walking the archive holds few pages out of the cache's budget (those the cache evicted).
inline constexpr std::size_t kHitMemoPages = 64;

/// A page as one thread serves it: the page, and this thread's copies of its 200s.
class MemoizedPage {
 public:
  explicit MemoizedPage(std::shared_ptr<const CachedPage> page) : page_(std::move(page)) {}

  const CachedPage& page() const { return *page_; }

  /// The page's 200 in `encoding`, as this thread's own copy (made on first use): sending it
  /// raises and drops a count no other thread touches. The body is shared, not copied.
  const std::shared_ptr<const http::SerializedResponse>& hit(Encoding encoding);

 private:
  std::shared_ptr<const CachedPage> page_;
  std::array<std::shared_ptr<const http::SerializedResponse>, 3> hits_;
};

class HitMemo {
 public:
  /// This thread's memo of the cache `cache_id` at `generation`: emptied first when the thread
  /// last used it for another cache or at another generation (something was invalidated).
  static HitMemo& of_this_thread(std::uint64_t cache_id, std::uint64_t generation);

  /// The page under `key`, or nullptr.
  MemoizedPage* find(std::string_view key);

  /// Keeps `page` under `key` (a page found in the cache at this memo's generation).
  MemoizedPage& keep(std::string_view key, std::shared_ptr<const CachedPage> page);

 private:
  std::uint64_t cache_id_ = 0;
  std::uint64_t generation_ = 0;
  PagesByKey<MemoizedPage> pages_;
};

}  // namespace gazette::cache
