// The definitions of BasicConnection (see connection.h): the read → handle → write loop of one
// client. Included by connection.cpp, which compiles the server's instantiation, and by the tests
// that drive a connection over Beast's test::stream.
#pragma once

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>

#include "http/connection.h"
#include "http/framing.h"
#include "http/http_date.h"
#include "http/plain_request.h"
#include "http/read_to_empty.h"
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
// What one read of a request's head asks the socket for at most (as Beast's own read does).
inline constexpr std::size_t kHeaderReadBytes = 64 * 1024;
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

}  // namespace connection_detail

template <class Stream, class Host>
BasicConnection<Stream, Host>::BasicConnection(Stream stream, Host& host)
    : stream_(std::move(stream)),
      deadline_(stream_.get_executor()),
      host_(host),
      buffer_(connection_detail::kBufferLimit) {
  if constexpr (TcpSocket<Stream>) {
    boost::beast::error_code error;
    auto peer = stream_.remote_endpoint(error);
    if (!error) peer_address_ = peer.address().to_string();
  }
}

template <class Stream, class Host>
BasicConnection<Stream, Host>::~BasicConnection() {
  host_.remove(this);
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::start() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if constexpr (TcpSocket<Stream>) {
      boost::beast::error_code ignored;
      // A response leaves in one write; Nagle's algorithm would only hold its last segment back
      // until the client acknowledged the ones before.
      self->stream_.set_option(boost::asio::ip::tcp::no_delay(true), ignored);
      // Responses are written at once, in the turn of the handler that made them: only what the
      // socket cannot take then waits for it (see do_write_serialized).
      self->stream_.non_blocking(true, ignored);
    }
    // Past its deadline a connection is closed: its pending read or write ends with
    // operation_aborted, and the connection with it.
    self->deadline_.watch(self, [connection = self.get()] { connection->close_stream(); });
    self->do_read();
  });
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::shutdown() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->closing_ = true;
    // Waiting for a request that has not begun: close now. (A cancel could miss a composed
    // read between two of its steps; a closed socket fails every step.) A request partly
    // received is let in, answered, and the connection closed after it.
    if (self->reading_ && self->buffer_.size() == 0) self->close_stream();
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
  parsing_ = false;
  auto now = std::chrono::steady_clock::now();
  deadline_.expire_after(answered_any_ ? connection_detail::kKeepAliveTimeout
                                       : connection_detail::kFirstRequestTimeout,
                         now);
  reading_ = true;
  waiting_since_.store(now.time_since_epoch().count(), std::memory_order_relaxed);
  parse_header();
}

// Reads a request's head as Beast's async_read_header does, without its composed operations:
// what the buffer holds first (a pipelined request may be there whole), then from the stream
// until the parser has the whole head or an error. (Bytes of a request's head stay in the buffer
// until the whole head is read: a request has begun when the buffer is not empty.)
template <class Stream, class Host>
void BasicConnection<Stream, Host>::parse_header() {
  if (buffer_.size() == 0) return do_read_header();
  if (!parsing_) {
    // The request's first bytes: a plain GET or HEAD of a page ready to send is answered from
    // them, once its head is whole (a head that may still become one is waited for). Any other
    // request goes to Beast's parser.
    if (answer_ready()) return;
    if (host_.ready_responder() && may_begin_plain_request(pending_bytes()))
      return do_read_header();
    // Until the target is known, the largest limit of any route; on_header() narrows it.
    prepare_request_parser(parser_, host_.largest_body_limit());
    parsing_ = true;
  }
  boost::beast::error_code error;
  buffer_.consume(parser_->put(buffer_.data(), error));
  if (error != beast_http::error::need_more) return on_header(error);
  do_read_header();
}

template <class Stream, class Host>
std::string_view BasicConnection<Stream, Host>::pending_bytes() const {
  return {static_cast<const char*>(buffer_.data().data()), buffer_.size()};
}

// Answers the request at the start of the buffer when it is a plain GET or HEAD
// (http/plain_request.h) of a response ready to send; false leaves it to Beast's parser.
template <class Stream, class Host>
bool BasicConnection<Stream, Host>::answer_ready() {
  const auto& ready = host_.ready_responder();
  if (!ready) return false;
  auto plain = read_plain_request(pending_bytes());
  if (!plain) return false;
  plain->head.peer_address = peer_address_;
  std::shared_ptr<const SerializedResponse> response;
  try {
    response = ready(plain->head);
  } catch (const std::exception&) {
    return false;  // the Responder answers it, and says what went wrong
  }
  if (!response) return false;
  bool head_only = plain->head.method == beast_http::verb::head;
  bool keep_alive = plain->head.keep_alive;
  http_10_ = plain->head.version == 10;
  buffer_.consume(plain->length);  // the head's views are not used past this line
  begin_answer();
  keep_alive_ = keep_alive && !closing_;
  do_write_serialized(std::move(response), head_only);
  return true;
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_read_header() {
  auto room = boost::beast::read_size(buffer_, connection_detail::kHeaderReadBytes);
  if (room == 0) return on_header(beast_http::error::buffer_overflow);
  stream_.async_read_some(
      ReadToEmpty(buffer_.prepare(room)),
      boost::beast::bind_front_handler(&BasicConnection::on_read_header, shared_from_this()));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_read_header(boost::beast::error_code error,
                                                   std::size_t bytes) {
  buffer_.commit(bytes);
  if (error == boost::asio::error::eof) {
    // Closed between requests: the end of the stream. Within a request's head: a partial one.
    // (Beast's parser exists from the request's first bytes on: none came, none was made.)
    if (parsing_ && parser_->got_some()) {
      error = {};
      parser_->put_eof(error);
    } else {
      error = beast_http::error::end_of_stream;
    }
  }
  if (error) return on_header(error);
  parse_header();
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
void BasicConnection<Stream, Host>::on_header(boost::beast::error_code error) {
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
  if (parser_->is_done()) return on_read({});
  parser_->body_limit(limit);  // what is left of a chunked body is counted against it
  parser_->eager(true);        // each put() parses all it can: what it leaves is framing
  deadline_.expire_after(connection_detail::kBodyTimeout);
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
  if (parser_->is_done()) return on_read({});
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
      ReadToEmpty(buffer_.prepare(room)),
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

// A request has been read whole, however it was read: the connection now answers it.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::begin_answer() {
  reading_ = false;
  waiting_since_.store(0, std::memory_order_relaxed);
  answered_any_ = true;
  // New clients wait for a place: this one gives its place up after its response, rather than
  // keep it idle for its next request.
  if (host_.accepting_paused()) closing_ = true;
}

// A request has been read whole by Beast's parser: the connection now answers it.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::on_read(boost::beast::error_code error) {
  if (stopped_by(error)) return;
  begin_answer();
  auto& request = parser_->get();
  if (closing_) request.keep_alive(false);
  // The client's address, for handlers that limit or block by address (comments, sign-in);
  // whatever a client sent under this name is replaced.
  request.set(kPeerAddressHeader, peer_address_);
  auto reply = answer(request);
  if (reply.takeover) {
    if constexpr (TcpSocket<Stream>) {
      // The socket leaves this connection, which ends here and frees its place.
      deadline_.cancel();
      return reply.takeover(std::move(stream_));
    } else {
      closing_ = true;
      return do_write(Reply::of(connection_detail::closing_response(
          Status::service_unavailable, "Streams need a TCP connection")));
    }
  }
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
  deadline_.expire_after(connection_detail::kWriteTimeout);
  beast_http::async_write(
      stream_, *response_,
      boost::beast::bind_front_handler(&BasicConnection::on_write, shared_from_this(), keep_alive));
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_write_serialized(
    std::shared_ptr<const SerializedResponse> response, bool head_only) {
  // String views, not C strings: appending them measures no length at each request.
  using namespace std::string_view_literals;
  per_request_headers_.assign("Date: "sv).append(http_date_now()).append("\r\n"sv);
  if (!keep_alive_)
    per_request_headers_.append("Connection: close\r\n"sv);
  else if (http_10_)
    per_request_headers_.append("Connection: keep-alive\r\n"sv);
  per_request_headers_.append("\r\n"sv);
  std::array<boost::asio::const_buffer, 3> buffers = {
      boost::asio::buffer(response->head), boost::asio::buffer(per_request_headers_),
      head_only || !response->body ? boost::asio::const_buffer()
                                   : boost::asio::buffer(*response->body)};
  // A page the socket's send buffer can take (nearly always) is written now, in one writev,
  // with no operation queued and no handler to run for it.
  boost::beast::error_code error;
  auto written = stream_.write_some(buffers, error);
  if (error == boost::asio::error::would_block) error = {};
  if (error || written == boost::asio::buffer_size(buffers))
    return on_write(keep_alive_, error, written);
  // The rest when the client has taken the beginning.
  for (auto& buffer : buffers) {
    auto sent = std::min(written, buffer.size());
    buffer += sent;
    written -= sent;
  }
  serialized_ = std::move(response);
  deadline_.expire_after(connection_detail::kWriteTimeout);
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
  // A pipelined request already in the buffer is read in a handler of its own: a client
  // sending many at once must not deepen this call stack request after request.
  if (buffer_.size() > 0) {
    return boost::asio::post(stream_.get_executor(),
                             [self = shared_from_this()] { self->do_read(); });
  }
  do_read();
}

template <class Stream, class Host>
void BasicConnection<Stream, Host>::do_close() {
  deadline_.cancel();
  if constexpr (TcpSocket<Stream>) {
    boost::beast::error_code ignored;
    stream_.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  }
  close_stream();
}

// Closes the stream: every step in progress or to come fails, which ends the loop.
template <class Stream, class Host>
void BasicConnection<Stream, Host>::close_stream() {
  if constexpr (TcpSocket<Stream>) {
    boost::beast::error_code ignored;
    stream_.close(ignored);
  } else {
    stream_.close();
  }
}

}  // namespace gazette::http
