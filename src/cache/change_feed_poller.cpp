// ChangeFeedPoller (see change_feed_poller.h).
#include "cache/change_feed_poller.h"

namespace gazette::cache {

ChangeFeedPoller::ChangeFeedPoller(ChangeFeed& feed, std::function<bool()> wanted,
                                   std::chrono::milliseconds interval)
    : thread_([this, &feed, wanted = std::move(wanted), interval](std::stop_token stop) {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, stop, interval, [] { return false; })) {
          if (stop.stop_requested()) return;
          lock.unlock();
          if (wanted()) feed.refresh();  // catches and logs its own errors
          lock.lock();
        }
      }) {}

ChangeFeedPoller::~ChangeFeedPoller() {
  thread_.request_stop();
  thread_.join();
}

}  // namespace gazette::cache
