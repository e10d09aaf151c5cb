// The leader's advisory lock and its connection (see leader_lock.h).
#include "store/postgres/leader_lock.h"

#include <spdlog/spdlog.h>

#include <memory>

#include "store/postgres/connection.h"

namespace gazette::store::postgres {

LeaderLock::~LeaderLock() {
  resign();
}

void LeaderLock::campaign(std::function<void()> lead, std::function<void()> step_down) {
  lead_ = std::move(lead);
  step_down_ = std::move(step_down);
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void LeaderLock::resign() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();  // the thread steps down before it ends
}

void LeaderLock::run(std::stop_token stop) {
  std::unique_ptr<Connection> connection;
  bool leading = false;
  auto step_down = [&](const char* why) {
    if (!leading) return;
    leading = false;
    spdlog::info("leader: stepping down ({})", why);
    step_down_();
  };
  while (!stop.stop_requested()) {
    try {
      if (!connection) {
        connection = std::make_unique<Connection>(uri_);
        connection->execute("SET application_name = 'gazette leader lock'");
      }
      if (leading) {
        // The lock lives as long as the session: a query that goes through means it is held.
        connection->execute("SELECT 1");
      } else if (connection->query("SELECT pg_try_advisory_lock($1)", Params().add(kLeaderLockKey))
                     .text(0, 0) == "t") {
        leading = true;
        spdlog::info("leader: this node runs scheduled publication and the related catch-up");
        lead_();
      }
    } catch (const PostgresError& error) {
      connection.reset();  // closing it frees the lock, if the server still held it
      step_down(error.what());
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, kLeaderCheckInterval, [] { return false; });
  }
  step_down("stopping");
  // The connection closes here, and with it the lock: another node takes over at once.
}

}  // namespace gazette::store::postgres
