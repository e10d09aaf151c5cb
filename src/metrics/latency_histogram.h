// A latency histogram in Prometheus's shape (cumulative buckets, a sum and a count) whose
// observations are a few relaxed atomic additions: no lock, no allocation.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

#include "metrics/sharded_counter.h"

namespace gazette::metrics {

/// The buckets' upper bounds in seconds: a cache hit takes tens of microseconds, a render
/// milliseconds, a search or an upload up to seconds.
inline constexpr std::array<double, 14> kLatencyBucketSeconds = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

class LatencyHistogram {
 public:
  void observe(std::chrono::nanoseconds duration) {
    auto nanoseconds = static_cast<std::uint64_t>(duration.count() < 0 ? 0 : duration.count());
    std::size_t bucket = 0;
    while (bucket < kLatencyBucketSeconds.size() &&
           static_cast<double>(nanoseconds) > kLatencyBucketSeconds[bucket] * 1e9)
      ++bucket;
    buckets_[bucket].add();
    sum_nanoseconds_.add(nanoseconds);
  }

  /// Observations at most kLatencyBucketSeconds[i] (i == size(): all of them), as Prometheus
  /// counts them: cumulatively.
  std::array<std::uint64_t, kLatencyBucketSeconds.size() + 1> cumulative_counts() const {
    std::array<std::uint64_t, kLatencyBucketSeconds.size() + 1> counts{};
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) counts[i] = total += buckets_[i].value();
    return counts;
  }
  double sum_seconds() const { return static_cast<double>(sum_nanoseconds_.value()) / 1e9; }

 private:
  std::array<ShardedCounter, kLatencyBucketSeconds.size() + 1> buckets_;  // the last: +Inf
  ShardedCounter sum_nanoseconds_;
};

}  // namespace gazette::metrics
