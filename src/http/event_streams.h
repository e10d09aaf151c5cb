// Server-Sent Events streams (text/event-stream): connections a handler takes over (reply.h's
// Takeover) and keeps open to push events to. An event is formatted once and the same bytes are
// queued on every stream of its channel; each stream writes on its own connection's strand, so
// a slow reader holds up no one, and one whose unsent bytes pass a bound is dropped rather than
// let grow. Streams are limited per client address and in total; a comment line every few
// seconds keeps proxies from closing a quiet stream, and one that received no event for a long
// while is closed (the browser's EventSource reconnects and catches up).
#pragma once

#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "http/reply.h"

namespace gazette::http {

/// Streams one client address may hold open: a reader's tabs, a household behind one router.
inline constexpr std::size_t kDefaultStreamsPerAddress = 16;
/// Streams held open in all: each costs a descriptor and a few kilobytes.
inline constexpr std::size_t kDefaultStreamsTotal = 10'000;
/// What a stream may have waiting to be sent (beyond what the kernel took): a reader this far
/// behind is dropped, and catches up when its EventSource reconnects.
inline constexpr std::size_t kDefaultMaxUnsentBytes = 256 * 1024;
/// A comment line this often keeps proxies and load balancers (often 60 s idle) from closing a
/// quiet stream.
inline constexpr std::chrono::seconds kDefaultHeartbeat{25};
/// A stream that received no event this long is closed (its page may be long forgotten in a
/// tab); an open page's EventSource reconnects at once and catches up.
inline constexpr std::chrono::seconds kDefaultIdleTimeout{30 * 60};
/// How long a refused client is asked to wait before trying again (Retry-After).
inline constexpr std::chrono::seconds kStreamRetryAfter{30};

struct EventStreamLimits {
  std::size_t per_address = kDefaultStreamsPerAddress;
  std::size_t total = kDefaultStreamsTotal;
  std::size_t max_unsent_bytes = kDefaultMaxUnsentBytes;
  std::chrono::seconds heartbeat = kDefaultHeartbeat;
  std::chrono::seconds idle_timeout = kDefaultIdleTimeout;
};

/// Why a stream was not opened.
enum class StreamRefusal {
  address_limit,  // the client's address holds its share: 429
  total_limit,    // the server holds all it may: 503
  stopping,       // the server is stopping: 503
};

class EventStreamHub;

/// One client's stream. Made by EventStreamHub::open(), it queues what is sent to it until the
/// handler's Takeover hands it the connection; it ends when the client goes, is too slow, stays
/// idle too long, or the server stops.
class EventStream : public std::enable_shared_from_this<EventStream> {
 public:
  EventStream(EventStreamHub& hub, std::string channel, std::string address);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  /// Queues `bytes` (whole events); from any thread. `is_event`: false for a heartbeat, which
  /// does not count as activity.
  void send(std::shared_ptr<const std::string> bytes, bool is_event = true);
  /// Takes the client's connection: writes `head` (status line and headers, ending in a blank
  /// line), then what was queued, then what comes.
  void adopt(Socket socket, std::string head);
  /// Closes the stream; from any thread.
  void close();

  const std::string& channel() const { return channel_; }
  const std::string& address() const { return address_; }

 private:
  void start_on_executor();
  void write_queued();
  void on_written(boost::system::error_code error, std::size_t bytes);
  void read_until_closed();
  void arm_heartbeat();
  void close_on_executor();

  EventStreamHub& hub_;
  const std::string channel_;
  const std::string address_;
  std::mutex mutex_;  // guards what send() touches from other threads
  std::deque<std::shared_ptr<const std::string>> queued_;
  std::size_t unsent_bytes_ = 0;  // queued and being written
  bool writing_ = false;
  bool closed_ = false;
  std::optional<Executor> executor_;  // set by adopt()
  std::chrono::steady_clock::time_point last_event_ = std::chrono::steady_clock::now();
  // Used on the connection's strand only, once adopted.
  std::optional<Socket> socket_;
  std::optional<boost::asio::basic_waitable_timer<std::chrono::steady_clock,
                                                  boost::asio::wait_traits<std::chrono::steady_clock>,
                                                  Executor>>
      heartbeat_;
  std::vector<std::shared_ptr<const std::string>> writing_now_;
  std::vector<boost::asio::const_buffer> buffers_;
  std::array<char, 512> discard_{};  // what a client sends on a stream is read and dropped
};

/// The open streams, by channel (an article's, for live coverage), with their limits.
class EventStreamHub {
 public:
  explicit EventStreamHub(EventStreamLimits limits = {}) : limits_(limits) {}

  /// A stream on `channel` for the client at `address`, receiving from now on whatever is
  /// published on its channel; or why not.
  std::variant<std::shared_ptr<EventStream>, StreamRefusal> open(std::string channel,
                                                                 std::string address);
  /// Queues `event` (one or more formatted events) on every stream of `channel`.
  void publish(std::string_view channel, const std::shared_ptr<const std::string>& event);
  /// Closes every stream and refuses new ones: the server is stopping.
  void close_all();

  /// Streams open now (/metrics).
  std::size_t open_count() const;
  /// Streams dropped because their reader fell behind, since start.
  std::size_t dropped_count() const;
  const EventStreamLimits& limits() const { return limits_; }

 private:
  friend class EventStream;
  void remove(EventStream* stream);
  void note_dropped();
  std::vector<std::shared_ptr<EventStream>> streams_of(std::string_view channel);

  const EventStreamLimits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::unordered_map<EventStream*, std::weak_ptr<EventStream>>>
      channels_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::size_t open_ = 0;
  std::size_t dropped_ = 0;
  bool stopping_ = false;
};

}  // namespace gazette::http
