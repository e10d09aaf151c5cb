// PageCache storage, dependency index and eviction (see page_cache.h).
#include "cache/page_cache.h"

#include <algorithm>
#include <mutex>

namespace gazette::cache {

namespace {
// Eviction frees down to this share of the budget, so it runs seldom rather than per insert.
constexpr double kEvictionTarget = 0.8;

std::uint64_t next_cache_id() {
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}
}  // namespace

PageCache::PageCache(std::size_t byte_budget) : byte_budget_(byte_budget), id_(next_cache_id()) {}

std::shared_ptr<const CachedPage> PageCache::find(std::string_view key,
                                                  MissCounting counting) const {
  std::shared_lock lock(mutex_);
  auto found = pages_.find(key);
  if (found == pages_.end() || found->second->has_expired()) {
    if (counting == MissCounting::counted) counters_.misses.add();
    return nullptr;
  }
  count_hit(*found->second);
  return found->second;
}

void PageCache::count_hit(const CachedPage& page) const {
  counters_.hits.add();
  auto now = clock_.load(std::memory_order_relaxed);
  if (page.last_used.load(std::memory_order_relaxed) != now)
    page.last_used.store(now, std::memory_order_relaxed);
}

void PageCache::insert(std::shared_ptr<CachedPage> page, std::uint64_t generation) {
  std::unique_lock lock(mutex_);
  // Checked under the lock that invalidate() takes to bump it: no invalidation can slip between.
  if (generation_.load(std::memory_order_acquire) != generation) return;
  remove_locked(page->key());
  page->last_used = clock_.fetch_add(1, std::memory_order_relaxed);
  for (const auto& dependency : page->dependencies())
    pages_by_dependency_[dependency].insert(page->key());
  bytes_ += page->bytes();
  auto key = page->key();
  pages_.emplace(std::move(key), std::move(page));
  if (bytes_ > byte_budget_) evict_locked();
}

void PageCache::invalidate(const std::vector<content::Dependency>& dependencies) {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  for (const auto& dependency : dependencies) {
    auto found = pages_by_dependency_.find(dependency);
    if (found == pages_by_dependency_.end()) continue;
    auto keys = std::move(found->second);
    pages_by_dependency_.erase(found);
    for (const auto& key : keys) remove_locked(key);
  }
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  pages_.clear();
  pages_by_dependency_.clear();
  bytes_ = 0;
}

std::size_t PageCache::page_count() const {
  std::shared_lock lock(mutex_);
  return pages_.size();
}

std::size_t PageCache::bytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

void PageCache::remove_locked(const std::string& key) {
  auto found = pages_.find(key);
  if (found == pages_.end()) return;
  for (const auto& dependency : found->second->dependencies()) {
    auto index = pages_by_dependency_.find(dependency);
    if (index == pages_by_dependency_.end()) continue;
    index->second.erase(key);
    if (index->second.empty()) pages_by_dependency_.erase(index);
  }
  bytes_ -= found->second->bytes();
  pages_.erase(found);
}

void PageCache::evict_locked() {
  std::vector<std::pair<std::uint64_t, std::string>> by_age;
  by_age.reserve(pages_.size());
  for (const auto& [key, page] : pages_) by_age.emplace_back(page->last_used.load(), key);
  std::sort(by_age.begin(), by_age.end());
  auto target = static_cast<std::size_t>(byte_budget_ * kEvictionTarget);
  for (const auto& [age, key] : by_age) {
    if (bytes_ <= target) break;
    remove_locked(key);
    counters_.evictions.add();
  }
}

}  // namespace gazette::cache
