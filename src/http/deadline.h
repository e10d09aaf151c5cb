// A connection's time limit, watched by one timer that moves only when it must: setting the
// limit for each request costs a clock read, where Beast's tcp_stream queues and cancels a timer
// around every read and write (four timer-queue operations and two more handlers per request).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace gazette::http {

/// A connection's executor: its own strand on the server's io_context. Its steps (a read, a write,
/// its deadline) run one at a time, on whichever serving thread is free.
using Executor = boost::asio::strand<boost::asio::io_context::executor_type>;

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Deadline(const Executor& executor) : timer_(executor) {}

  /// Calls `on_expiry` (on the executor) when the limit last set has passed, unless
  /// cancel() is called first; `owner` is the object the deadline belongs to, which the timer
  /// does not keep alive (a connection ends when its last operation does, not at its deadline).
  void watch(std::weak_ptr<void> owner, std::function<void()> on_expiry);

  /// The limit is `now` + `timeout`. The timer moves only when the limit comes before it is due
  /// to fire; when it fires early, it looks at the limit then and waits again for what is left.
  void expire_after(Clock::duration timeout, Clock::time_point now = Clock::now());

  /// Stops watching: the connection is closing.
  void cancel();

 private:
  void arm(Clock::time_point when);
  void on_timer();

  boost::asio::basic_waitable_timer<Clock, boost::asio::wait_traits<Clock>, Executor> timer_;
  Clock::time_point limit_ = Clock::time_point::max();
  Clock::time_point due_ = Clock::time_point::max();  // when the timer fires; never after limit_
  std::weak_ptr<void> owner_;
  std::function<void()> on_expiry_;
};

/// The deadline of a stream that has no clock (a test's): it never expires.
struct NoDeadline {
  template <class AnyExecutor>
  explicit NoDeadline(const AnyExecutor&) {}
  void watch(std::weak_ptr<void>, std::function<void()>) {}
  void expire_after(Deadline::Clock::duration, Deadline::Clock::time_point = {}) {}
  void cancel() {}
};

}  // namespace gazette::http
