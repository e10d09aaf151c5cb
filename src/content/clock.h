// The one clock: every service takes it in its constructor and asks it the time, so a test can
// hand in a fixed one and nothing reads the system clock behind the services' backs.
#pragma once

#include "content/types.h"

namespace gazette::content {

class Clock {
 public:
  virtual ~Clock() = default;
  /// The time now, to the second (what the database stores and dates show).
  virtual Timestamp now() const = 0;
};

/// The computer's clock (UTC).
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

}  // namespace gazette::content
