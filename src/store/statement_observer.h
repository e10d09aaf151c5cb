// Told of every statement a backend runs and how long it took: the time spent in the database
// that /metrics reports, whichever backend it is.
#pragma once

#include <chrono>

namespace gazette::store {

class StatementObserver {
 public:
  virtual ~StatementObserver() = default;
  /// A statement ran to its end in `took`; called from any thread.
  virtual void statement_ran(std::chrono::nanoseconds took) = 0;
};

}  // namespace gazette::store
