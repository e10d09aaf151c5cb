// The system clock (see clock.h).
#include "content/clock.h"

namespace gazette::content {

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace gazette::content
