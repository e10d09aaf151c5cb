// Server: the acceptor, the thread pool, and graceful shutdown on SIGINT/SIGTERM.
#include "http/server.h"

#include <spdlog/spdlog.h>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/connection.h"

namespace gazette::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
// Requests still running this long after a stop are abandoned so that a stop always ends.
constexpr auto kShutdownGrace = std::chrono::seconds(10);
// After a failed accept (out of file descriptors…) the server waits this long before the next,
// rather than spinning on the same error.
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
// Reader forms (comments) are small; routes that take uploads raise it with allow_body_size().
constexpr std::uint64_t kDefaultBodyLimit = 1024 * 1024;
// A server at its connection limit under a flood would otherwise log a line per connection:
// one line a minute says it all, with the count.
constexpr auto kFullLogInterval = std::chrono::minutes(1);
}  // namespace

void Server::limit_connections(std::size_t count) {
  max_connections_ = std::max<std::size_t>(count, 1);
}

void Server::allow_body_size(std::string prefix, std::uint64_t bytes) {
  body_limits_.emplace_back(std::move(prefix), bytes);
}

std::uint64_t Server::body_limit_for(std::string_view target) const {
  for (const auto& [prefix, bytes] : body_limits_) {
    if (target.starts_with(prefix)) return bytes;
  }
  return kDefaultBodyLimit;
}

std::uint64_t Server::largest_body_limit() const {
  std::uint64_t largest = kDefaultBodyLimit;
  for (const auto& [prefix, bytes] : body_limits_) largest = std::max(largest, bytes);
  return largest;
}

Server::Server(const std::string& host, unsigned short port, Responder responder,
               ReadyResponder ready)
    : control_(io_.get_executor()),
      acceptor_(control_),
      signals_(control_, SIGINT, SIGTERM),
      shutdown_deadline_(control_),
      accept_retry_(control_),
      responder_(std::move(responder)),
      ready_(std::move(ready)) {
  tcp::endpoint endpoint(asio::ip::make_address(host), port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

std::string Server::local_address() const {
  auto endpoint = acceptor_.local_endpoint();
  auto address = endpoint.address();
  std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return host + ":" + std::to_string(endpoint.port());
}

void Server::run(unsigned threads) {
  signals_.async_wait([this](boost::system::error_code error, int) {
    if (!error) stop();
  });
  // Started after the first accept and signal wait are queued: an io_context that runs out of
  // work stops, and a thread started on an empty one would stop it for all.
  do_accept();
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& thread : pool) thread.join();
  std::lock_guard lock(connections_mutex_);
  finished_ = true;
}

void Server::stop() {
  asio::post(control_, [this] {
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(connections_mutex_);
      if (stopping_) return;
      stopping_ = true;
      for (auto& [key, connection] : connections_) {
        if (auto alive = connection.lock()) open.push_back(std::move(alive));
      }
    }
    spdlog::info("stopping: finishing {} open connection(s)", open.size());
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    accept_retry_.cancel();
    // run() returns when the last connection ends, or at the deadline, whichever is first.
    if (!open.empty()) {
      shutdown_deadline_.expires_after(kShutdownGrace);
      shutdown_deadline_.async_wait([this](boost::system::error_code error) {
        if (error) return;
        io_.stop();
      });
    }
    for (auto& connection : open) connection->shutdown();
    for (auto& hook : stop_hooks_) hook();
  });
}

void Server::do_accept() {
  acceptor_.async_accept(asio::make_strand(io_), [this](boost::system::error_code error,
                                                        Socket socket) {
    if (!acceptor_.is_open()) return;  // stopped while this accept was completing
    if (error) {
      // A stop closes the acceptor: a pending accept ends with operation_aborted, and one
      // started by a handler that raced with the close gets bad_descriptor. Either way, done.
      if (error != asio::error::operation_aborted && error != asio::error::bad_descriptor) {
        // Out of descriptors despite the reserve (see connection_limit.h): something else
        // holds more than it should. Retried, never in a loop.
        spdlog::warn("accept: {}", error.message());
        accept_retry_.expires_after(kAcceptRetryDelay);
        accept_retry_.async_wait([this](boost::system::error_code wait_error) {
          if (!wait_error && acceptor_.is_open()) do_accept();
        });
      }
      return;
    }
    auto connection = std::make_shared<Connection>(std::move(socket), *this);
    bool room_left = admit(connection);
    connection->start();
    if (!room_left) {
      note_full();
      make_room_for(connection.get());
      return;  // remove() accepts again once a connection has closed
    }
    do_accept();
  });
}

// Registers `connection`; false when it fills the server beyond its limit, and accepting pauses.
bool Server::admit(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(connections_mutex_);
  connections_[connection.get()] = connection;
  if (stopping_) connection->shutdown();
  if (connections_.size() <= max_connections_) return true;
  accepting_paused_.store(true, std::memory_order_relaxed);
  return false;
}

// Closes the connection that has waited longest for a request, other than `newcomer`. None may
// be waiting: every connection is then busy with a request, and each gives its place up after
// its response while accepting is paused.
void Server::make_room_for(const Connection* newcomer) {
  std::shared_ptr<Connection> longest;
  {
    std::lock_guard lock(connections_mutex_);
    std::optional<std::chrono::steady_clock::time_point> oldest;
    // A connection being destroyed waits in remove() for this lock: it is still whole here.
    for (auto& [key, connection] : connections_) {
      if (key == newcomer) continue;
      auto since = key->waiting_since();
      if (!since || (oldest && *oldest <= *since)) continue;
      if (auto alive = connection.lock()) {
        oldest = since;
        longest = std::move(alive);
      }
    }
  }
  if (longest) longest->close_if_waiting();
}

void Server::remove(const Connection* connection) {
  std::lock_guard lock(connections_mutex_);
  connections_.erase(connection);
  if (stopping_ && !finished_ && connections_.empty())
    asio::post(control_, [this] { shutdown_deadline_.cancel(); });
  if (!stopping_ && accepting_paused_.load(std::memory_order_relaxed) &&
      connections_.size() <= max_connections_) {
    accepting_paused_.store(false, std::memory_order_relaxed);
    asio::post(control_, [this] {
      if (acceptor_.is_open()) do_accept();
    });
  }
}

// Says that the connection limit was reached: at once the first time, then at most once per
// kFullLogInterval with how often it happened meanwhile. Runs on the control strand.
void Server::note_full() {
  ++full_since_log_;
  auto now = std::chrono::steady_clock::now();
  if (last_full_log_ != std::chrono::steady_clock::time_point{} &&
      now - last_full_log_ < kFullLogInterval)
    return;
  spdlog::warn(
      "connections: the limit of {} open connections was reached{}; new clients take the place "
      "of those waiting longest for a request, or wait for one to close (raise it with "
      "--max-connections or GAZETTE_MAX_CONNECTIONS, within the open-file limit)",
      max_connections_,
      full_since_log_ > 1
          ? " (" + std::to_string(full_since_log_) + " times since this was last logged)"
          : std::string());
  last_full_log_ = now;
  full_since_log_ = 0;
}

}  // namespace gazette::http
