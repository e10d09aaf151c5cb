// The thread that works a queue kept in the database (the newsletter's mail, the webhooks'
// deliveries) on the node that leads: a round works what is due, then the thread waits until
// this process queues more (wake()), until the round's own next due time, or until the next
// look unasked — other processes queue without waking it. A round that throws (the database
// gone for a moment) is logged and tried again at the next one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>

#include <spdlog/spdlog.h>

namespace gazette::publishing {

class QueueWorker {
 public:
  /// Works what is due, stopping early when `stop` is requested; returns how long to wait
  /// before the next round unasked.
  using Round = std::function<std::chrono::milliseconds(std::stop_token stop)>;

  /// `queue` names the queue in the log ("newsletter: the mail queue"); after a round that
  /// failed, the next comes `poll` later.
  QueueWorker(std::string queue, std::chrono::milliseconds poll, Round round)
      : queue_(std::move(queue)), poll_(poll), round_(std::move(round)) {}
  ~QueueWorker() { stop(); }
  QueueWorker(const QueueWorker&) = delete;
  QueueWorker& operator=(const QueueWorker&) = delete;

  /// Works on a thread of its own until stop(); start() again after a stop() starts anew.
  void start() {
    stop();
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
  }
  void stop() {
    if (thread_.joinable()) {
      thread_.request_stop();
      thread_.join();
    }
  }
  /// Something was queued: look now rather than at the next round.
  void wake() {
    {
      std::lock_guard lock(mutex_);
      pending_wake_ = true;
    }
    woken_.notify_all();
  }
  /// Waits `pause` (a sending rate's gap) unless `stop` is requested first.
  void pause(std::stop_token stop, std::chrono::milliseconds pause) {
    std::unique_lock lock(mutex_);
    woken_.wait_for(lock, stop, pause, [] { return false; });
  }

 private:
  void run(std::stop_token stop) {
    while (!stop.stop_requested()) {
      auto wait = poll_;
      try {
        wait = round_(stop);
      } catch (const std::exception& error) {
        spdlog::warn("{} could not be read: {}", queue_, error.what());
      }
      std::unique_lock lock(mutex_);
      woken_.wait_for(lock, stop, wait, [this] { return pending_wake_; });
      pending_wake_ = false;
    }
  }

  std::string queue_;
  std::chrono::milliseconds poll_;
  Round round_;
  std::mutex mutex_;
  std::condition_variable_any woken_;
  bool pending_wake_ = false;  // under mutex_
  std::jthread thread_;        // last: stopped before the rest goes
};

}  // namespace gazette::publishing
