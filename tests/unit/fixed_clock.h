// A clock that says what the test tells it: services under test see the time the test chose.
#pragma once

#include "content/clock.h"

namespace gazette::testing {

class FixedClock final : public content::Clock {
 public:
  explicit FixedClock(content::Timestamp now) : now_(now) {}
  content::Timestamp now() const override { return now_; }
  void set(content::Timestamp now) { now_ = now; }

 private:
  content::Timestamp now_;
};

}  // namespace gazette::testing
