// Starting and stopping the leader's jobs (see leader_duties.h).
#include "app/leader_duties.h"

#include <pthread.h>
#include <sched.h>
#include <spdlog/spdlog.h>

namespace gazette::app {

void LeaderDuties::begin() {
  std::lock_guard lock(mutex_);
  if (scheduler_) return;
  scheduler_ = std::make_unique<publishing::ScheduledPublisher>(articles_, clock_);
  scheduler_->start();
  related_catch_up_ = std::jthread([this](std::stop_token stop) {
    // An idle-priority thread: a site of 100,000 imported articles keeps it busy for hours,
    // and readers come first — it only uses what the serving threads leave.
    sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    auto computed = discovery_.catch_up_related([&] { return !stop.stop_requested(); });
    if (computed) spdlog::info("related articles: {} lists computed", computed);
  });
}

void LeaderDuties::end() {
  std::unique_ptr<publishing::ScheduledPublisher> stopped;
  {
    std::lock_guard lock(mutex_);
    stopped = std::move(scheduler_);
  }
  if (stopped) stopped->stop();
  related_catch_up_.request_stop();
  if (related_catch_up_.joinable()) related_catch_up_.join();
}

void LeaderDuties::article_changed() {
  std::lock_guard lock(mutex_);
  if (scheduler_) scheduler_->wake();
}

}  // namespace gazette::app
