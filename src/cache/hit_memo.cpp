// HitMemo: a serving thread's pages, kept while the cache's generation stands (see hit_memo.h).
#include "cache/hit_memo.h"

namespace gazette::cache {

const std::shared_ptr<const http::SerializedResponse>& MemoizedPage::hit(Encoding encoding) {
  auto& own = hits_[static_cast<std::size_t>(encoding)];
  if (!own) own = std::make_shared<const http::SerializedResponse>(*page_->variant(encoding).hit);
  return own;
}

HitMemo& HitMemo::of_this_thread(std::uint64_t cache_id, std::uint64_t generation) {
  // The memo outlives the caches a thread serves (tests start many servers on one thread): it
  // is tied to one cache and generation at a time, and forgets all it kept when either changes.
  thread_local HitMemo memo;
  if (memo.cache_id_ != cache_id || memo.generation_ != generation) {
    memo.pages_.clear();
    memo.cache_id_ = cache_id;
    memo.generation_ = generation;
  }
  return memo;
}

MemoizedPage* HitMemo::find(std::string_view key) {
  auto found = pages_.find(key);
  return found == pages_.end() ? nullptr : &found->second;
}

MemoizedPage& HitMemo::keep(std::string_view key, std::shared_ptr<const CachedPage> page) {
  if (pages_.size() >= kHitMemoPages) pages_.clear();
  return pages_.insert_or_assign(std::string(key), MemoizedPage(std::move(page))).first->second;
}

}  // namespace gazette::cache
