// One client connection: reads requests with explicit limits, answers each through the
// handler, keeps the connection alive between requests, and closes when the server stops or
// needs its place for a new client.
//
// The connection is a template over its stream and its host, as Beast's own algorithms are, so
// the tests can drive it over Beast's test::stream with a fail_count (an I/O step that fails on
// demand) and count the connections alive. The server uses one instantiation, compiled once in
// connection.cpp: the production path is the code it always was, with no virtual call added.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "http/deadline.h"
#include "http/reply.h"

namespace gazette::http {

class Server;

/// A stream that is a TCP socket: it has a peer, Nagle's algorithm, and a deadline on each step.
template <class Stream>
concept TcpSocket = requires(Stream& stream, boost::system::error_code& error) {
  stream.remote_endpoint(error);
  stream.non_blocking(true, error);
};

/// What a connection asks of the server that owns it (Server; a test's host in the tests):
///   void remove(const BasicConnection*)          — the connection is being destroyed
///   std::uint64_t largest_body_limit() const     — the parser's body limit before the target
///   std::uint64_t body_limit_for(std::string_view target) const
///   bool accepting_paused() const                — give the place up after this response
///   const Responder& responder() const           — answers a request
///   const ReadyResponder& ready_responder() const — answers a plain GET from its first bytes
///                                                   (reply.h), or is empty
/// `Stream` is an asynchronous read/write stream that can also write without waiting. A TCP
/// socket gets a deadline on every step; another stream (Beast's test::stream) is never timed out.
template <class Stream, class Host>
class BasicConnection : public std::enable_shared_from_this<BasicConnection<Stream, Host>> {
 public:
  BasicConnection(Stream stream, Host& host);
  ~BasicConnection();

  /// Starts reading the first request.
  void start();
  /// Closes the connection now if it waits for a request, or after the response it is writing.
  void shutdown();
  /// Closes the connection if it is still waiting for a request (nothing in hand is lost), to
  /// make room for a new client.
  void close_if_waiting();
  /// Since when it has been waiting for a request (steady clock), or nothing while it is
  /// reading a body or answering. Read from the server's threads.
  std::optional<std::chrono::steady_clock::time_point> waiting_since() const;

 private:
  using std::enable_shared_from_this<BasicConnection>::shared_from_this;

  void do_read();
  void parse_header();
  bool answer_ready();
  std::string_view pending_bytes() const;  // read from the stream, not yet parsed
  void do_read_header();
  void on_read_header(boost::beast::error_code error, std::size_t bytes);
  void on_header(boost::beast::error_code error);
  void parse_body();
  void do_read_body();
  void on_read_body(boost::beast::error_code error, std::size_t bytes);
  boost::beast::error_code pending_chunk_line_error() const;
  void on_read(boost::beast::error_code error);
  void begin_answer();
  bool stopped_by(boost::beast::error_code error);
  void do_write(Reply reply);
  void do_write_serialized(std::shared_ptr<const SerializedResponse> response, bool head_only);
  void on_write(bool keep_alive, boost::beast::error_code error, std::size_t bytes);
  void do_close();
  void close_stream();
  Reply answer(const Request& request) const;
  Response refuse(boost::beast::error_code error) const;

  Stream stream_;
  // Of the step under way: the request's head, its body, or the response. None for a stream
  // that is not a socket.
  std::conditional_t<TcpSocket<Stream>, Deadline, NoDeadline> deadline_;
  Host& host_;
  boost::beast::flat_buffer buffer_;
  // Made when a request is not answered without it (see answer_ready); `parsing_` says whether
  // it is this request's.
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  bool parsing_ = false;
  std::shared_ptr<Response> response_;                    // kept alive until its write completes
  std::shared_ptr<const SerializedResponse> serialized_;  // likewise, for shared responses
  std::string per_request_headers_;  // Date and Connection for a serialised response
  std::string peer_address_;         // read once: it cannot change while the connection lives
  // steady_clock ticks since its epoch when the wait for a request began; 0 when not waiting.
  std::atomic<std::chrono::steady_clock::rep> waiting_since_{0};
  bool answered_any_ = false;  // a request was answered: later waits are keep-alive waits
  bool reading_ = false;
  bool closing_ = false;
  bool keep_alive_ = true;  // of the request being answered with a serialised response
  bool http_10_ = false;
};

/// The server's connections: TCP, owned by a Server. Compiled once, in connection.cpp.
using Connection = BasicConnection<Socket, Server>;
extern template class BasicConnection<Socket, Server>;

}  // namespace gazette::http
