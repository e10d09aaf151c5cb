// The HTTP server: accepts connections on one address and serves them on one thread per core.
// The threads share one io_context, and each connection has its own strand on it: whichever
// thread is free takes the next ready connection, so no request waits behind a thread that is
// busy (a render, a write waiting for the database) or paused by the kernel for another
// program while another thread idles. It holds at most a set number of connections open,
// making room for new clients by closing those that wait longest for a request. Stopping it
// finishes the requests in flight, then returns.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/connection.h"
#include "http/reply.h"

namespace gazette::http {

/// Accepts connections and hands each request to the responder.
class Server {
 public:
  /// Binds `host`:`port` (port 0 picks a free one). Throws std::system_error when it cannot.
  /// `ready`, when given, is asked first for plain GETs and HEADs (see reply.h).
  Server(const std::string& host, unsigned short port, Responder responder,
         ReadyResponder ready = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Lets request bodies to paths starting with `prefix` be up to `bytes` long (instead of the
  /// default 1 MiB), for uploads. Call before run().
  void allow_body_size(std::string prefix, std::uint64_t bytes);
  /// The largest body a request to `target` may carry.
  std::uint64_t body_limit_for(std::string_view target) const;
  /// The largest body any route accepts: the parser's limit until the target is known.
  std::uint64_t largest_body_limit() const;

  /// Holds at most `count` client connections open (call before run()). A new client beyond it
  /// takes the place of the connection that has waited longest for a request (an idle
  /// keep-alive, or a client that has not finished sending its request's head); when every
  /// connection is busy with a request, it is served all the same (one over: the descriptor
  /// reserve covers it) and accepting waits until a connection closes. Logged, at most once a
  /// minute.
  void limit_connections(std::size_t count);
  /// Whether new clients are waiting for a place: a connection then closes after its response
  /// rather than staying open for its client's next request.
  bool accepting_paused() const { return accepting_paused_.load(std::memory_order_relaxed); }

  /// The address actually bound, as "127.0.0.1:8080".
  std::string local_address() const;

  /// Serves on `threads` threads until stop() is called or SIGINT/SIGTERM arrives, then lets
  /// the requests in flight finish and returns.
  void run(unsigned threads);
  /// Stops accepting; idle connections close, busy ones close after their response.
  void stop();
  /// Runs `hook` when the server stops (call before run()): what holds sockets taken over from
  /// connections (reply.h's Takeover) closes them then, so that run() can return.
  void on_stop(std::function<void()> hook) { stop_hooks_.push_back(std::move(hook)); }

 private:
  template <class Stream, class Host>
  friend class BasicConnection;
  const Responder& responder() const { return responder_; }
  const ReadyResponder& ready_responder() const { return ready_; }
  void do_accept();
  bool admit(const std::shared_ptr<Connection>& connection);
  void make_room_for(const Connection* newcomer);
  void remove(const Connection* connection);
  void note_full();

  // Declared first so that they outlive the io_contexts: destroying a context destroys the
  // handlers it still holds, and with them connections that unregister themselves here.
  std::mutex connections_mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
  bool stopping_ = false;  // guarded by connections_mutex_
  std::size_t max_connections_ = std::numeric_limits<std::size_t>::max();  // set before run()
  // Set (under connections_mutex_) when a new connection filled the server beyond its limit
  // and accepting stopped; remove() starts it again once a place is free.
  std::atomic<bool> accepting_paused_ = false;
  // The log line saying the limit was reached: when it was last written (on the control strand)
  // and how often the limit was reached since.
  std::chrono::steady_clock::time_point last_full_log_{};
  std::size_t full_since_log_ = 0;
  bool finished_ = false;          // run() has returned: nothing may be posted any more
  boost::asio::io_context io_;     // run by every serving thread
  // Accepting, stopping and the shutdown deadline run on this strand, whichever thread asks:
  // the acceptor is never closed while an accept handler uses it.
  boost::asio::strand<boost::asio::io_context::executor_type> control_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer shutdown_deadline_;
  boost::asio::steady_timer accept_retry_;
  Responder responder_;
  ReadyResponder ready_;
  std::vector<std::pair<std::string, std::uint64_t>> body_limits_;  // set before run()
  std::vector<std::function<void()>> stop_hooks_;                    // set before run()
};

}  // namespace gazette::http
