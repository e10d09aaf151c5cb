// Connection: the server's instantiation of BasicConnection (see connection.h), and the helpers
// every instantiation shares.
#include "http/connection.h"

#include <spdlog/spdlog.h>

#include "http/connection_impl.h"
#include "http/server.h"

namespace gazette::http {

namespace connection_detail {

void log_failure(boost::beast::error_code error, const char* what) {
  namespace asio = boost::asio;
  if (error == asio::error::operation_aborted || error == boost::beast::error::timeout ||
      error == asio::error::eof || error == asio::error::connection_reset ||
      error == beast_http::error::end_of_stream)
    return;
  spdlog::debug("connection {}: {}", what, error.message());
}

Response closing_response(Status status, std::string_view text) {
  Request request;
  request.version(11);
  request.keep_alive(false);
  return make_response(request, status, "text/plain; charset=utf-8", std::string(text) + "\n");
}

Response internal_error(const Request& request, const std::exception& error) {
  spdlog::error("{} {}: {}", std::string(request.method_string()), std::string(request.target()),
                error.what());
  return make_response(request, Status::internal_server_error, "text/plain; charset=utf-8",
                       "Internal error\n");
}

}  // namespace connection_detail

template class BasicConnection<Socket, Server>;

}  // namespace gazette::http
