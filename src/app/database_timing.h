// Time spent in the database, for /metrics: each statement's run is added to two counters.
// SQLite: every connection the process opens while a DatabaseTiming lives is traced (SQLite's
// auto-extension hook), from a statement's first step to its end; PostgreSQL: the backend tells
// it of each query (store::StatementObserver). Readers on a cache hit never get here.
#pragma once

#include <cstdint>

#include "metrics/sharded_counter.h"
#include "store/statement_observer.h"

namespace gazette::app {

class DatabaseTiming final : public store::StatementObserver {
 public:
  /// Traces the connections opened from now on: create it before the database is opened.
  DatabaseTiming();
  ~DatabaseTiming() override;
  DatabaseTiming(const DatabaseTiming&) = delete;
  DatabaseTiming& operator=(const DatabaseTiming&) = delete;

  void statement_ran(std::chrono::nanoseconds took) override {
    statements.add();
    nanoseconds.add(static_cast<std::uint64_t>(took.count()));
  }

  /// Statements run to their end, and the nanoseconds they took.
  metrics::ShardedCounter statements;
  metrics::ShardedCounter nanoseconds;
};

}  // namespace gazette::app
