// A counter that serving threads bump without a lock, an allocation or a shared cache line:
// each thread adds to its own shard with a relaxed atomic, and a scrape sums the shards.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gazette::metrics {

/// Shards per counter: more than the serving threads of a usual machine, so that two threads
/// rarely share one (they still count right when they do, only slower).
inline constexpr std::size_t kCounterShards = 16;

/// This thread's shard, the same for every counter: threads are numbered as they first count.
std::size_t this_thread_shard();

class ShardedCounter {
 public:
  void add(std::uint64_t amount = 1) {
    shards_[this_thread_shard()].value.fetch_add(amount, std::memory_order_relaxed);
  }
  std::uint64_t value() const {
    std::uint64_t total = 0;
    for (const auto& shard : shards_) total += shard.value.load(std::memory_order_relaxed);
    return total;
  }

 private:
  // One cache line each: a thread's increments never invalidate another thread's shard.
  struct alignas(64) Shard {
    std::atomic<std::uint64_t> value{0};
  };
  std::array<Shard, kCounterShards> shards_;
};

}  // namespace gazette::metrics
