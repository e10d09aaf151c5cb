// Leadership on PostgreSQL (store/leadership.h): a session-level advisory lock held on a
// connection of its own. The server frees it the moment that connection closes — the leader's
// process killed, its machine gone once TCP gives up — and the next node to ask takes the lead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/leadership.h"

namespace gazette::store::postgres {

/// The advisory lock key of the leader ("gazette" + 2; the write and migration locks are +0, +1).
inline constexpr std::int64_t kLeaderLockKey = 0x67617a65747465 + 2;
/// How often a node that is not the leader asks for the lock, and a leader checks it still
/// holds its connection: a dead leader is replaced within about this.
inline constexpr std::chrono::seconds kLeaderCheckInterval{1};

class LeaderLock final : public store::Leadership {
 public:
  explicit LeaderLock(std::string uri) : uri_(std::move(uri)) {}
  ~LeaderLock() override;

  void campaign(std::function<void()> lead, std::function<void()> step_down) override;
  void resign() override;

 private:
  void run(std::stop_token stop);

  std::string uri_;
  std::function<void()> lead_;
  std::function<void()> step_down_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace gazette::store::postgres
