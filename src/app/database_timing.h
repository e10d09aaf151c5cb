// Time spent in SQLite, for /metrics: every connection the process opens while a
// DatabaseTiming lives is traced (SQLite's auto-extension hook), and each statement's run, from
// its first step to its end, is added to two counters. Readers on a cache hit never get here.
#pragma once

#include "metrics/sharded_counter.h"

namespace gazette::app {

class DatabaseTiming {
 public:
  /// Traces the connections opened from now on: create it before the database is opened.
  DatabaseTiming();
  ~DatabaseTiming();
  DatabaseTiming(const DatabaseTiming&) = delete;
  DatabaseTiming& operator=(const DatabaseTiming&) = delete;

  /// Statements run to their end, and the nanoseconds they took.
  metrics::ShardedCounter statements;
  metrics::ShardedCounter nanoseconds;
};

}  // namespace gazette::app
