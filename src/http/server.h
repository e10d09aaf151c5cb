// The HTTP server: accepts connections on one address and serves them on one thread per core,
// each with its own io_context, so a connection never hops threads and no request waits on a
// lock between them. Stopping it finishes the requests in flight, then returns.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/reply.h"

namespace gazette::http {

class Connection;

/// Accepts connections and hands each request to the responder.
class Server {
 public:
  /// Binds `host`:`port` (port 0 picks a free one). Throws std::system_error when it cannot.
  Server(const std::string& host, unsigned short port, Responder responder);
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

  /// The address actually bound, as "127.0.0.1:8080".
  std::string local_address() const;

  /// Serves on `threads` threads until stop() is called or SIGINT/SIGTERM arrives, then lets
  /// the requests in flight finish and returns.
  void run(unsigned threads);
  /// Stops accepting; idle connections close, busy ones close after their response.
  void stop();

 private:
  friend class Connection;
  void do_accept();
  boost::asio::io_context& next_context();
  void add(const std::shared_ptr<Connection>& connection);
  void remove(const Connection* connection);

  // Declared first so that they outlive the io_contexts: destroying a context destroys the
  // handlers it still holds, and with them connections that unregister themselves here.
  std::mutex connections_mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
  bool stopping_ = false;          // guarded by connections_mutex_
  bool finished_ = false;          // run() has returned: nothing may be posted any more
  boost::asio::io_context io_{1};  // accepts, stops, and serves connections like the workers
  std::vector<std::unique_ptr<boost::asio::io_context>> workers_;
  std::vector<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>>
      keep_running_;
  std::size_t next_worker_ = 0;  // round-robin over io_ and workers_, used on the control strand
  // Accepting, stopping and the shutdown deadline run on this strand, whichever thread asks:
  // the acceptor is never closed while an accept handler uses it.
  boost::asio::strand<boost::asio::io_context::executor_type> control_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer shutdown_deadline_;
  boost::asio::steady_timer accept_retry_;
  Responder responder_;
  std::vector<std::pair<std::string, std::uint64_t>> body_limits_;  // set before run()
};

}  // namespace gazette::http
