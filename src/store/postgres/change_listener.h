// Hears other nodes' writes as they commit: a connection of its own, on a thread of its own,
// LISTENing on kChangeChannel (each write's NOTIFY, sent by the transaction that commits it).
// The change feed reads the change log only when a notice has come (PostgresChangeLogStore's
// token is the count of notices). A lost connection is made again with back-off; until then
// the listener says why it is down (/readyz), and once it is back the reconnection is counted
// so that the feed drops every cached page: notices sent meanwhile went to nobody.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace gazette::store::postgres {

/// How long the listener waits for a notice before checking that it should keep going.
inline constexpr std::chrono::milliseconds kListenPollInterval{200};
/// How often an idle listening connection is checked (a query): a connection broken without
/// a word from the network (a cable, a firewall) is found within this.
inline constexpr std::chrono::seconds kListenHeartbeat{5};
/// The first wait after a failed connection, doubled on each failure up to the longest: a
/// restarting server is found again quickly, a server down for long is not hammered.
inline constexpr std::chrono::milliseconds kReconnectFirstDelay{100};
inline constexpr std::chrono::milliseconds kReconnectLongestDelay{5000};

class ChangeListener {
 public:
  /// Connects to `uri` and listens, on a thread of its own, until destroyed. Does not throw
  /// when the server cannot be reached: it keeps trying, and down() says why.
  /// `on_listening_again` runs on that thread after each reconnection.
  explicit ChangeListener(std::string uri, std::function<void()> on_listening_again = {});
  ~ChangeListener();
  ChangeListener(const ChangeListener&) = delete;
  ChangeListener& operator=(const ChangeListener&) = delete;

  /// Notices received so far: moves with every write another process commits.
  std::uint64_t notices() const { return notices_.load(std::memory_order_acquire); }
  /// Connections made again after one was lost (notices may have been missed before each).
  std::uint64_t reconnections() const { return reconnections_.load(std::memory_order_acquire); }
  /// Why the listener is not listening (one line), or nothing while it is.
  std::optional<std::string> down() const;
  /// Waits until the listener has listened once (or `timeout` passed); true if it has.
  bool wait_until_listening(std::chrono::milliseconds timeout);

 private:
  void run(std::stop_token stop);
  void set_down(std::optional<std::string> reason);

  std::string uri_;
  std::function<void()> on_listening_again_;
  std::atomic<std::uint64_t> notices_{0};
  std::atomic<std::uint64_t> reconnections_{0};
  mutable std::mutex mutex_;
  std::condition_variable_any changed_;
  std::optional<std::string> down_ = "not connected yet";
  bool listened_ = false;
  std::jthread thread_;  // last: it stops and joins before the members above go
};

}  // namespace gazette::store::postgres
