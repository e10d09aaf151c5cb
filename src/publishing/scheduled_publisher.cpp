// The scheduler thread (see scheduled_publisher.h).
#include "publishing/scheduled_publisher.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace gazette::publishing {

ScheduledPublisher::~ScheduledPublisher() {
  stop();
}

void ScheduledPublisher::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void ScheduledPublisher::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  changed_.notify_all();
}

void ScheduledPublisher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ScheduledPublisher::run() {
  // Articles published with a date in the past of this start are already visible; from here
  // on, each one whose date passes is announced when it does.
  auto announced_until = clock_.now();
  for (;;) {
    std::chrono::system_clock::time_point wake_at;
    try {
      auto current = clock_.now();
      // Announced before publishing the due ones, which would otherwise match it as well.
      int reached = articles_.announce_published_between(announced_until, current);
      int published = articles_.publish_due(current);
      announced_until = current;
      if (published + reached > 0)
        spdlog::info("scheduler: {} article(s) went live", published + reached);
      wake_at = current + kSchedulerMaxSleep;
      if (auto next = articles_.next_due(current)) {
        wake_at =
            std::min(wake_at, std::chrono::system_clock::time_point(std::max(*next, current)));
      }
    } catch (const std::exception& error) {
      spdlog::error("scheduler: {}", error.what());
      wake_at = clock_.now() + kSchedulerRetryDelay;
    }
    std::unique_lock lock(mutex_);
    // An article due "now" (its second has begun) is published on the next second boundary
    // at the latest: the clock is compared in whole seconds.
    changed_.wait_until(lock, wake_at, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

}  // namespace gazette::publishing
