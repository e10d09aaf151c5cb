// Waiting for something another thread or process does: polls `condition` until it holds or a
// generous time has passed. Never a timing assertion — only a failing test waits this long.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace gazette::testing {

inline constexpr auto kEventuallyTimeout = std::chrono::seconds(30);
inline constexpr auto kEventuallyPoll = std::chrono::milliseconds(20);

/// Whether `condition` came to hold within kEventuallyTimeout.
inline bool eventually(const std::function<bool()>& condition) {
  auto deadline = std::chrono::steady_clock::now() + kEventuallyTimeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(kEventuallyPoll);
  }
  return true;
}

}  // namespace gazette::testing
