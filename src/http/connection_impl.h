// The definitions of BasicConnection (see connection.h): the read → handle → write loop of one
// client. Included by connection.cpp, which compiles the server's instantiation, and by the tests
// that drive a connection over Beast's test::stream.
#pragma once

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <concepts>

#include "http/connection.h"
#include "http/framing.h"
#include "http/http_date.h"
#include "http/request_parser.h"

namespace gazette::http {

namespace connection_detail {

// What the read buffer may hold before the parser takes it: a request's head (kHeaderLimit), a
// chunk-size line or trailers, and what a pipelining client sent after them. Bodies go from it
// into the request as they arrive, so this bounds only what has no end yet: a chunk-size line
// that never ends gets a 400 at this size rather than growing the buffer without limit.
inline constexpr std::size_t kBufferLimit = 64 * 1024;
// What one read of a body asks the socket for at most.
inline constexpr std::size_t kBodyReadBytes = 16 * 1024;
// A new client sends its request line and headers in its first packets, right after it
// connects (browsers, curl, a proxy in front). One that has sent no complete request head this
// long after connecting is most likely holding a descriptor on purpose (slowloris). Ten
// seconds leave room for a slow mobile link, and are as long as Chromium keeps a preconnected
// socket unused before it gives up on it.
inline constexpr auto kFirstRequestTimeout = std::chrono::seconds(10);
// A client that has been answered may keep its connection this long for its next request
// (idle keep-alive, then that request's head), as browsers do when a reader follows a link.
inline constexpr auto kKeepAliveTimeout = std::chrono::seconds(30);
// A request's body must arrive within this long of its head: a 26 MiB upload at 1 MB/s fits.
inline constexpr auto kBodyTimeout = std::chrono::seconds(30);
// A client that does not take its response in this long is disconnected.
inline constexpr auto kWriteTimeout = std::chrono::seconds(30);

/// Logs an I/O error worth a look (not a client that went away or timed out).
void log_failure(boost::beast::error_code error, const char* what);

/// A plain-text answer to a request that cannot be read further: the connection closes after it.
Response closing_response(Status status, std::string_view text);

/// The 500 for a request whose responder threw `error` (a bug, logged; never a dropped connection).
Response internal_error(const Request& request, const std::exception& error);

/// A stream over TCP: it has a socket to shut down and a deadline for each step.
template <class Stream>
concept OverTcp = requires(Stream& stream, std::chrono::seconds timeout) {
  stream.socket();
  stream.expires_after(timeout);
};

}  // namespace connection_detail

template <class Stream, class Host>
BasicConnection<Stream, Host>::BasicConnection(Stream stream, Host& host)
    : stream_(std::move(stream)), host_(host), buffer_(connection_detail::kBufferLimit) {
  if constexpr (connection_detail::OverTcp<Stream>) {
    boost::beast::error_code error;
    auto peer = stream_.socket().remote_endpoint(error);
    if (!error) peer_address_ = peer.address().to_string();
  }
}

template <class Stream, class Host>
BasicConnection<Stream, Host>::~BasicConnection() {
  host_.remove(this);
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::start() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::shutdown() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->closing_ = true;
    // Waiting for a request that has not begun: close now. (A cancel could miss a composed
    // read between two of its steps; a closed socket fails every step.) A request partly
    // received is let in, answered, and the connection closed after it.
    if (self->reading_ && !self->parser_->got_some()) {
      self->close_stream();
    }
  });
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::close_if_waiting() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->reading_) return;  // its request arrived meanwhile: it is answered as usual
    self->close_stream();
  });
}

template <class Stream, class Host>
std::optional<std::chrono::steady_clock::time_point> BasicConnection<Stream, Host>::waiting_since()
    const {
  auto ticks = waiting_since_.load(std::memory_order_relaxed);
  if (ticks == 0) return std::nullopt;
  return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(ticks));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_read() {
  if (closing_) return do_close();
  // Until the target is known, the largest limit of any route; on_header() narrows it.
  prepare_request_parser(parser_, host_.largest_body_limit());
  expire_after(answered_any_ ? connection_detail::kKeepAliveTimeout
                             : connection_detail::kFirstRequestTimeout);
  reading_ = true;
  waiting_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                       std::memory_order_relaxed);
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      boost::beast::bind_front_handler(&BasicConnection::on_header, shared_from_this()));
}

// Whether `error` ended this request (answered or closed): the read loop stops here.
template <class Stream, class Host>
bool BasicConnection<Stream, Host>::stopped_by(boost::beast::error_code error) {
  if (!error) return false;
  if (error == beast_http::error::end_of_stream || error == boost::asio::error::operation_aborted) {
    do_close();
  } else if (error == beast_http::error::header_limit || error == beast_http::error::body_limit ||
             error.category() ==
                 beast_http::make_error_code(beast_http::error::bad_version).category()) {
    // The request cannot be trusted past this point: answer why, then close.
    closing_ = true;
    do_write(Reply::of(refuse(error)));
  } else {
    connection_detail::log_failure(error, "read");
    do_close();
  }
  return true;
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_header(boost::beast::error_code error, std::size_t) {
  reading_ = false;
  waiting_since_.store(0, std::memory_order_relaxed);
  if (stopped_by(error)) return;
  // Before anything else, and before a bodiless request is answered: a body this server and a
  // proxy in front would delimit differently is where a smuggled request hides.
  if (auto refusal = check_framing(parser_->get())) {
    closing_ = true;
    return do_write(
        Reply::of(connection_detail::closing_response(refusal->status, refusal->reason)));
  }
  auto limit = host_.body_limit_for(parser_->get().target());
  auto length = parser_->content_length();
  if (length && *length > limit) {
    closing_ = true;
    return do_write(Reply::of(refuse(beast_http::error::body_limit)));
  }
  // Most requests (every GET) have no body: answer now rather than through one more read.
  if (parser_->is_done()) return on_read({}, 0);
  parser_->body_limit(limit);  // what is left of a chunked body is counted against it
  parser_->eager(true);        // each put() parses all it can: what it leaves is framing
  expire_after(connection_detail::kBodyTimeout);
  parse_body();
}

// The body is read here rather than by Beast's async_read, which keeps reading while its parser
// waits for the end of a line: between two reads, what the parser left is checked.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::parse_body() {
  boost::beast::error_code error;
  while (!parser_->is_done() && buffer_.size() > 0) {
    auto used = parser_->put(buffer_.data(), error);
    buffer_.consume(used);
    if (error == beast_http::error::need_more) {
      error = {};
      break;
    }
    if (error || used == 0) break;
  }
  if (!error && !parser_->is_done()) error = pending_chunk_line_error();
  if (stopped_by(error)) return;
  if (parser_->is_done()) return on_read({}, 0);
  do_read_body();
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_read_body() {
  auto room = boost::beast::read_size(buffer_, connection_detail::kBodyReadBytes);
  // The parser could not use what fills the buffer: a chunk-size line or trailers too long.
  if (room == 0) {
    stopped_by(beast_http::error::buffer_overflow);
    return;
  }
  stream_.async_read_some(
      buffer_.prepare(room),
      boost::beast::bind_front_handler(&BasicConnection::on_read_body, shared_from_this()));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_read_body(boost::beast::error_code error,
                                                 std::size_t bytes) {
  buffer_.commit(bytes);
  // The client closed before its body ended: nothing to answer.
  if (error == boost::asio::error::eof) error = beast_http::error::partial_message;
  if (stopped_by(error)) return;
  parse_body();
}

// An error when what the parser left unread (in a chunked body, always a chunk-size line or the
// trailers, never data) holds a line ending in a bare LF. The parser would wait for a CR that
// never comes, until the timeout; some proxies take the LF alone as the end of the line.
template <class Stream, class Host>
boost::beast::error_code BasicConnection<Stream, Host>::pending_chunk_line_error() const {
  if (!parser_->chunked()) return {};
  std::string_view pending(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  for (auto lf = pending.find('\n'); lf != std::string_view::npos;
       lf = pending.find('\n', lf + 1)) {
    if (lf == 0 || pending[lf - 1] != '\r') return beast_http::error::bad_chunk;
  }
  return {};
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_read(boost::beast::error_code error, std::size_t) {
  if (stopped_by(error)) return;
  answered_any_ = true;
  // New clients wait for a place: this one gives its place up after its response, rather than
  // keep it idle for its next request.
  if (host_.accepting_paused()) closing_ = true;
  auto& request = parser_->get();
  if (closing_) request.keep_alive(false);
  // The client's address, for handlers that limit or block by address (comments, sign-in);
  // whatever a client sent under this name is replaced.
  request.set(kPeerAddressHeader, peer_address_);
  auto reply = answer(request);
  if (reply.serialized) {
    bool head_only = request.method() == beast_http::verb::head;
    keep_alive_ = request.keep_alive() && !closing_;
    http_10_ = request.version() == 10;
    return do_write_serialized(std::move(reply.serialized), head_only);
  }
  do_write(std::move(reply));
}

template <class Stream, class Host>
Reply BasicConnection<Stream, Host>::answer(const Request& request) const {
  Reply reply;
  try {
    reply = host_.responder()(request);
  } catch (const std::exception& error) {
    // Handlers answer their own errors; reaching here is a bug, but never a dropped connection.
    reply = Reply::of(connection_detail::internal_error(request, error));
  }
  if (reply.serialized) return reply;
  auto& response = reply.message;
  if (closing_) response.keep_alive(false);
  response.set(beast_http::field::date, http_date_now());
  if (request.method() == beast_http::verb::head) {
    // HEAD: the headers of a GET, Content-Length included, and no body.
    auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  return reply;
}

template <class Stream, class Host>
Response BasicConnection<Stream, Host>::refuse(boost::beast::error_code error) const {
  if (error == beast_http::error::header_limit)
    return connection_detail::closing_response(Status::request_header_fields_too_large,
                                               "Request headers too large");
  if (error == beast_http::error::body_limit)
    return connection_detail::closing_response(Status::payload_too_large, "Request body too large");
  return connection_detail::closing_response(Status::bad_request, "Malformed request");
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_write(Reply reply) {
  bool keep_alive = reply.message.keep_alive() && !closing_;
  response_ = std::make_shared<Response>(std::move(reply.message));
  expire_after(connection_detail::kWriteTimeout);
  beast_http::async_write(
      stream_, *response_,
      boost::beast::bind_front_handler(&BasicConnection::on_write, shared_from_this(), keep_alive));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_write_serialized(
    std::shared_ptr<const SerializedResponse> response, bool head_only) {
  serialized_ = std::move(response);
  per_request_headers_.assign("Date: ").append(http_date_now()).append("\r\n");
  if (!keep_alive_)
    per_request_headers_.append("Connection: close\r\n");
  else if (http_10_)
    per_request_headers_.append("Connection: keep-alive\r\n");
  per_request_headers_.append("\r\n");
  std::array<boost::asio::const_buffer, 3> buffers = {
      boost::asio::buffer(serialized_->head), boost::asio::buffer(per_request_headers_),
      head_only ? boost::asio::const_buffer() : boost::asio::buffer(*serialized_->body)};
  expire_after(connection_detail::kWriteTimeout);
  boost::asio::async_write(stream_, buffers,
                           boost::beast::bind_front_handler(&BasicConnection::on_write,
                                                            shared_from_this(), keep_alive_));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_write(bool keep_alive, boost::beast::error_code error,
                                             std::size_t) {
  response_.reset();
  serialized_.reset();
  if (error) {
    connection_detail::log_failure(error, "write");
    return do_close();
  }
  if (!keep_alive) return do_close();
  do_read();
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_close() {
  if constexpr (connection_detail::OverTcp<Stream>) {
    boost::beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  }
  close_stream();
}

// Closes the stream: every step in progress or to come fails, which ends the loop.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::close_stream() {
  if constexpr (connection_detail::OverTcp<Stream>) {
    boost::beast::error_code ignored;
    stream_.socket().close(ignored);
  } else {
    stream_.close();
  }
}

// Gives the next step `timeout` to complete. A stream that is not TCP (a test's) has no clock.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::expire_after(std::chrono::steady_clock::duration timeout) {
  if constexpr (connection_detail::OverTcp<Stream>) stream_.expires_after(timeout);
}

}  // namespace gazette::http
