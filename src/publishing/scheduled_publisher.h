// Scheduled publication: a thread that sleeps until the next scheduled article is due, then
// publishes it through the ArticleService (so ArticleChanged fires at that time) — no reader
// request is needed for an article to go live.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "content/clock.h"
#include "publishing/article_service.h"

namespace gazette::publishing {

/// The longest the publisher sleeps without looking again: it also catches articles another
/// process (`gazette publish`) scheduled without waking it.
constexpr std::chrono::seconds kSchedulerMaxSleep = std::chrono::seconds(60);
/// After a failed run (a locked or full disk), how long before trying again.
constexpr std::chrono::seconds kSchedulerRetryDelay = std::chrono::seconds(5);

class ScheduledPublisher {
 public:
  ScheduledPublisher(ArticleService& articles, const content::Clock& clock)
      : articles_(articles), clock_(clock) {}
  ~ScheduledPublisher();
  ScheduledPublisher(const ScheduledPublisher&) = delete;
  ScheduledPublisher& operator=(const ScheduledPublisher&) = delete;

  /// Starts the thread; it publishes what is already due at once.
  void start();
  /// Looks again now: an article was scheduled, rescheduled or unscheduled.
  void wake();
  /// Stops the thread and waits for it.
  void stop();

 private:
  void run();

  ArticleService& articles_;
  const content::Clock& clock_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gazette::publishing
