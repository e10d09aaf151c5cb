// Server: the acceptor, the thread pool, and graceful shutdown on SIGINT/SIGTERM.
#include "http/server.h"

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
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
}  // namespace

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

Server::Server(const std::string& host, unsigned short port, Responder responder)
    : control_(io_.get_executor()),
      acceptor_(control_),
      signals_(control_, SIGINT, SIGTERM),
      shutdown_deadline_(control_),
      accept_retry_(control_),
      responder_(std::move(responder)) {
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
  for (unsigned i = 1; i < threads; ++i) {
    workers_.push_back(std::make_unique<asio::io_context>(1));
    // A worker with no connection yet must wait for one rather than return at once.
    keep_running_.push_back(asio::make_work_guard(*workers_.back()));
  }
  signals_.async_wait([this](boost::system::error_code error, int) {
    if (!error) stop();
  });
  do_accept();
  std::vector<std::thread> pool;
  for (auto& worker : workers_) pool.emplace_back([&worker] { worker->run(); });
  io_.run();
  for (auto& thread : pool) thread.join();
  std::lock_guard lock(connections_mutex_);
  finished_ = true;
}

asio::io_context& Server::next_context() {
  std::size_t index = next_worker_++ % (workers_.size() + 1);
  return index == 0 ? io_ : *workers_[index - 1];
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
    keep_running_.clear();
    // run() returns when the last connection ends, or at the deadline, whichever is first.
    if (!open.empty()) {
      shutdown_deadline_.expires_after(kShutdownGrace);
      shutdown_deadline_.async_wait([this](boost::system::error_code error) {
        if (error) return;
        for (auto& worker : workers_) worker->stop();
        io_.stop();
      });
    }
    for (auto& connection : open) connection->shutdown();
  });
}

void Server::do_accept() {
  acceptor_.async_accept(next_context(), [this](boost::system::error_code error, Socket socket) {
    if (!acceptor_.is_open()) return;  // stopped while this accept was completing
    if (error) {
      // A stop closes the acceptor: a pending accept ends with operation_aborted, and one
      // started by a handler that raced with the close gets bad_descriptor. Either way, done.
      if (error != asio::error::operation_aborted && error != asio::error::bad_descriptor) {
        spdlog::warn("accept: {}", error.message());
        accept_retry_.expires_after(kAcceptRetryDelay);
        accept_retry_.async_wait([this](boost::system::error_code wait_error) {
          if (!wait_error && acceptor_.is_open()) do_accept();
        });
      }
      return;
    }
    auto connection = std::make_shared<Connection>(std::move(socket), *this);
    add(connection);
    connection->start();
    do_accept();
  });
}

void Server::add(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(connections_mutex_);
  connections_[connection.get()] = connection;
  if (stopping_) connection->shutdown();
}

void Server::remove(const Connection* connection) {
  std::lock_guard lock(connections_mutex_);
  connections_.erase(connection);
  if (stopping_ && !finished_ && connections_.empty())
    asio::post(control_, [this] { shutdown_deadline_.cancel(); });
}

}  // namespace gazette::http
