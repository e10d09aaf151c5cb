// Numbering the threads that count (see sharded_counter.h).
#include "metrics/sharded_counter.h"

namespace gazette::metrics {

std::size_t this_thread_shard() {
  // The one process-wide number the counters need: which thread came first. A function-local
  // counter rather than a hash of the thread id, which may send every thread to one shard.
  static std::atomic<std::size_t> next_thread{0};
  thread_local const std::size_t shard =
      next_thread.fetch_add(1, std::memory_order_relaxed) % kCounterShards;
  return shard;
}

}  // namespace gazette::metrics
