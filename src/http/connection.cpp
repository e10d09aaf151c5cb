// Connection: the read → handle → write loop of one client (see connection.h).
#include "http/connection.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>

#include <spdlog/spdlog.h>
#include <array>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/http_date.h"
#include "http/request_parser.h"
#include "http/server.h"

namespace gazette::http {

namespace beast = boost::beast;
namespace asio = boost::asio;

namespace {

// A client that sends nothing for this long (idle keep-alive included) is disconnected.
constexpr auto kReadTimeout = std::chrono::seconds(30);
// A client that does not take its response in this long is disconnected.
constexpr auto kWriteTimeout = std::chrono::seconds(30);

void fail(beast::error_code error, const char* what) {
  if (error == asio::error::operation_aborted || error == beast::error::timeout ||
      error == asio::error::eof || error == asio::error::connection_reset ||
      error == beast_http::error::end_of_stream)
    return;
  spdlog::debug("connection {}: {}", what, error.message());
}

}  // namespace

Connection::Connection(Socket socket, Server& server)
    : stream_(std::move(socket)), server_(server) {
  beast::error_code error;
  auto peer = stream_.socket().remote_endpoint(error);
  if (!error) peer_address_ = peer.address().to_string();
}

Connection::~Connection() {
  server_.remove(this);
}

void Connection::start() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
}

void Connection::shutdown() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->closing_ = true;
    // Waiting for a request that has not begun: close now. (A cancel could miss a composed
    // read between two of its steps; a closed socket fails every step.) A request partly
    // received is let in, answered, and the connection closed after it.
    if (self->reading_ && !self->parser_->got_some()) {
      beast::error_code ignored;
      self->stream_.socket().close(ignored);
    }
  });
}

void Connection::do_read() {
  if (closing_) return do_close();
  // Until the target is known, the largest limit of any route; on_header() narrows it.
  prepare_request_parser(parser_, server_.largest_body_limit());
  stream_.expires_after(kReadTimeout);
  reading_ = true;
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&Connection::on_header, shared_from_this()));
}

// Whether `error` ended this request (answered or closed): the read loop stops here.
bool Connection::stopped_by(beast::error_code error) {
  if (!error) return false;
  if (error == beast_http::error::end_of_stream || error == asio::error::operation_aborted) {
    do_close();
  } else if (error == beast_http::error::header_limit || error == beast_http::error::body_limit ||
             error.category() ==
                 beast_http::make_error_code(beast_http::error::bad_version).category()) {
    // The request cannot be trusted past this point: answer why, then close.
    closing_ = true;
    do_write(Reply::of(refuse(error)));
  } else {
    fail(error, "read");
    do_close();
  }
  return true;
}

void Connection::on_header(beast::error_code error, std::size_t) {
  reading_ = false;
  if (stopped_by(error)) return;
  auto limit = server_.body_limit_for(parser_->get().target());
  auto length = parser_->content_length();
  if (length && *length > limit) {
    closing_ = true;
    return do_write(Reply::of(refuse(beast_http::error::body_limit)));
  }
  // Most requests (every GET) have no body: answer now rather than through one more read.
  if (parser_->is_done()) return on_read({}, 0);
  parser_->body_limit(limit);  // what is left of a chunked body is counted against it
  beast_http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&Connection::on_read, shared_from_this()));
}

void Connection::on_read(beast::error_code error, std::size_t) {
  if (stopped_by(error)) return;
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

Reply Connection::answer(const Request& request) const {
  Reply reply;
  try {
    reply = server_.responder_(request);
  } catch (const std::exception& error) {
    // Handlers answer their own errors; reaching here is a bug, but never a dropped connection.
    spdlog::error("{} {}: {}", std::string(request.method_string()), std::string(request.target()),
                  error.what());
    reply = Reply::of(make_response(request, Status::internal_server_error,
                                    "text/plain; charset=utf-8", "Internal error\n"));
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

Response Connection::refuse(beast::error_code error) const {
  Request request;
  request.version(11);
  request.keep_alive(false);
  if (error == beast_http::error::header_limit)
    return make_response(request, Status::request_header_fields_too_large,
                         "text/plain; charset=utf-8", "Request headers too large\n");
  if (error == beast_http::error::body_limit)
    return make_response(request, Status::payload_too_large, "text/plain; charset=utf-8",
                         "Request body too large\n");
  return make_response(request, Status::bad_request, "text/plain; charset=utf-8",
                       "Malformed request\n");
}

void Connection::do_write(Reply reply) {
  bool keep_alive = reply.message.keep_alive() && !closing_;
  response_ = std::make_shared<Response>(std::move(reply.message));
  stream_.expires_after(kWriteTimeout);
  beast_http::async_write(
      stream_, *response_,
      beast::bind_front_handler(&Connection::on_write, shared_from_this(), keep_alive));
}

void Connection::do_write_serialized(std::shared_ptr<const SerializedResponse> response,
                                     bool head_only) {
  serialized_ = std::move(response);
  per_request_headers_.assign("Date: ").append(http_date_now()).append("\r\n");
  if (!keep_alive_)
    per_request_headers_.append("Connection: close\r\n");
  else if (http_10_)
    per_request_headers_.append("Connection: keep-alive\r\n");
  per_request_headers_.append("\r\n");
  std::array<asio::const_buffer, 3> buffers = {
      asio::buffer(serialized_->head), asio::buffer(per_request_headers_),
      head_only ? asio::const_buffer() : asio::buffer(*serialized_->body)};
  stream_.expires_after(kWriteTimeout);
  asio::async_write(
      stream_, buffers,
      beast::bind_front_handler(&Connection::on_write, shared_from_this(), keep_alive_));
}

void Connection::on_write(bool keep_alive, beast::error_code error, std::size_t) {
  response_.reset();
  serialized_.reset();
  if (error) {
    fail(error, "write");
    return do_close();
  }
  if (!keep_alive) return do_close();
  do_read();
}

void Connection::do_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace gazette::http
