// What the leader among the nodes sharing a database does (store/leadership.h): scheduled
// publication, and the related-articles catch-up on an idle-priority thread. Started when this
// process is elected, stopped when it steps down; on SQLite, from start to stop as before.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "content/clock.h"
#include "discovery/discovery_updater.h"
#include "publishing/article_service.h"
#include "publishing/scheduled_publisher.h"

namespace gazette::app {

class LeaderDuties {
 public:
  LeaderDuties(publishing::ArticleService& articles, discovery::DiscoveryUpdater& discovery,
               const content::Clock& clock)
      : articles_(articles), discovery_(discovery), clock_(clock) {}
  ~LeaderDuties() { end(); }
  LeaderDuties(const LeaderDuties&) = delete;
  LeaderDuties& operator=(const LeaderDuties&) = delete;

  /// This process leads: the scheduler starts (publishing what is due at once) and the
  /// related lists not computed yet are computed.
  void begin();
  /// It no longer does: both stop, and begin() may follow again.
  void end();
  /// An article was scheduled, rescheduled or unscheduled (here or on another node): the
  /// scheduler, if this process runs it, looks again.
  void article_changed();

 private:
  publishing::ArticleService& articles_;
  discovery::DiscoveryUpdater& discovery_;
  const content::Clock& clock_;
  std::mutex mutex_;
  // A new one each term: a publisher once stopped does not start again.
  std::unique_ptr<publishing::ScheduledPublisher> scheduler_;  // under mutex_
  std::jthread related_catch_up_;
};

}  // namespace gazette::app
