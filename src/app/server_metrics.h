// Everything /metrics reports, counted where it happens with lock-free sharded counters, and its
// page in Prometheus's text format.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "app/database_timing.h"
#include "app/page_kind.h"
#include "cache/page_cache.h"
#include "comments/comment_service.h"
#include "metrics/latency_histogram.h"
#include "metrics/sharded_counter.h"

namespace gazette::app {

/// The status codes counted one by one; any other is counted as "other".
inline constexpr std::array<unsigned, 20> kCountedStatuses = {200, 204, 301, 302, 303, 304, 400,
                                                              401, 403, 404, 405, 409, 413, 414,
                                                              415, 422, 429, 431, 500, 503};

/// How many refusal reasons there are: Refusal::duplicate is the last one.
inline constexpr std::size_t kRefusalCount =
    static_cast<std::size_t>(comments::Refusal::duplicate) + 1;

/// What the page shows besides the counters: read when it is asked for.
struct MetricsSnapshot {
  const cache::PageCache& page_cache;
  const DatabaseTiming& database;
  std::size_t open_streams = 0;                     // live coverage's event streams: none yet
  std::optional<double> next_scheduled_in_seconds;  // the next scheduled article, if any
};

class ServerMetrics {
 public:
  /// One answered request: its kind of page, status, body bytes and the time taken to answer.
  void count_request(PageKind kind, unsigned status, std::uint64_t body_bytes,
                     std::chrono::nanoseconds duration);
  /// A request answered from its first bytes, before the full parse (http/plain_request.h);
  /// counted by count_request() as well.
  void count_early_answer() { answered_early_.add(); }
  void count_comment_refusal(comments::Refusal reason) {
    comment_refusals_[static_cast<std::size_t>(reason)].add();
  }
  /// An article became visible to readers (published now, by the scheduler, or by its date).
  void count_publication() { publications_.add(); }

  /// The /metrics page.
  std::string page(const MetricsSnapshot& snapshot) const;

 private:
  static constexpr std::size_t kStatusSlots = kCountedStatuses.size() + 1;  // the last: other
  std::array<std::array<metrics::ShardedCounter, kStatusSlots>, kPageKindCount> requests_;
  std::array<metrics::ShardedCounter, kPageKindCount> body_bytes_;
  std::array<metrics::LatencyHistogram, kPageKindCount> latency_;
  std::array<metrics::ShardedCounter, kRefusalCount> comment_refusals_;
  metrics::ShardedCounter answered_early_;
  metrics::ShardedCounter publications_;
};

}  // namespace gazette::app
