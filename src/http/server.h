// The HTTP server: accepts connections on one address and serves them on a pool of threads
// that share one io_context. Stopping it finishes the requests in flight, then returns.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/message.h"

namespace gazette::http {

class Connection;

/// Accepts connections and hands each request to the handler.
class Server {
 public:
  /// Binds `host`:`port` (port 0 picks a free one). Throws std::system_error when it cannot.
  Server(const std::string& host, unsigned short port, Handler handler);
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
  void add(const std::shared_ptr<Connection>& connection);
  void remove(const Connection* connection);

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  // Stopping and the shutdown deadline run on this strand, whichever thread asks.
  boost::asio::strand<boost::asio::io_context::executor_type> control_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer shutdown_deadline_;
  Handler handler_;
  std::mutex connections_mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
  bool stopping_ = false;  // guarded by connections_mutex_
  std::vector<std::pair<std::string, std::uint64_t>> body_limits_;  // set before run()
};

}  // namespace gazette::http
