// The LISTEN connection and its reconnections (see change_listener.h).
#include "store/postgres/change_listener.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "store/postgres/connection.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

ChangeListener::ChangeListener(std::string uri, std::function<void()> on_listening_again)
    : uri_(std::move(uri)),
      on_listening_again_(std::move(on_listening_again)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

ChangeListener::~ChangeListener() {
  thread_.request_stop();
  changed_.notify_all();
}

std::optional<std::string> ChangeListener::down() const {
  std::lock_guard lock(mutex_);
  return down_;
}

bool ChangeListener::wait_until_listening(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return listened_; });
}

void ChangeListener::set_down(std::optional<std::string> reason) {
  {
    std::lock_guard lock(mutex_);
    if (!reason) listened_ = true;
    down_ = std::move(reason);
  }
  changed_.notify_all();
}

void ChangeListener::run(std::stop_token stop) {
  auto delay = kReconnectFirstDelay;
  bool listened_before = false;
  while (!stop.stop_requested()) {
    try {
      Connection connection(uri_);
      connection.execute("SET application_name = 'gazette change listener'; LISTEN " +
                         std::string(kChangeChannel));
      // Listening again: what was committed while no one listened is not in any notice.
      if (listened_before) {
        if (on_listening_again_) on_listening_again_();
        reconnections_.fetch_add(1, std::memory_order_acq_rel);
        spdlog::info("change listener: listening again (notices sent meanwhile were missed)");
      }
      listened_before = true;
      delay = kReconnectFirstDelay;
      set_down(std::nullopt);
      auto next_heartbeat = std::chrono::steady_clock::now() + kListenHeartbeat;
      while (!stop.stop_requested()) {
        auto payloads = connection.notifications(std::string(kChangeChannel),
                                                 static_cast<int>(kListenPollInterval.count()));
        if (!payloads.empty()) notices_.fetch_add(payloads.size(), std::memory_order_acq_rel);
        if (std::chrono::steady_clock::now() >= next_heartbeat) {
          connection.execute("SELECT 1");
          next_heartbeat = std::chrono::steady_clock::now() + kListenHeartbeat;
        }
        if (!connection.healthy()) throw PostgresError("the listening connection was lost");
      }
      return;
    } catch (const PostgresError& error) {
      set_down(std::string(error.what()));
      spdlog::warn("change listener: {}; trying again in {} ms", error.what(), delay.count());
    }
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, stop, delay, [] { return false; });
    delay = std::min(delay * 2, kReconnectLongestDelay);
  }
}

}  // namespace gazette::store::postgres
