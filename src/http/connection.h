// One client connection: reads requests with explicit limits, answers each through the
// handler, keeps the connection alive between requests, and closes when the server stops.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include <memory>
#include <optional>

#include "http/message.h"

namespace gazette::http {

class Server;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, Server& server);
  ~Connection();

  /// Starts reading the first request.
  void start();
  /// Closes the connection now if it waits for a request, or after the response it is writing.
  void shutdown();

 private:
  void do_read();
  void on_header(boost::beast::error_code error, std::size_t bytes);
  void on_read(boost::beast::error_code error, std::size_t bytes);
  bool stopped_by(boost::beast::error_code error);
  void do_write(Response response);
  void on_write(bool keep_alive, boost::beast::error_code error, std::size_t bytes);
  void do_close();
  Response answer(const Request& request) const;
  Response refuse(boost::beast::error_code error) const;

  boost::beast::tcp_stream stream_;
  Server& server_;
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::shared_ptr<Response> response_;  // kept alive until its write completes
  bool reading_ = false;
  bool closing_ = false;
};

}  // namespace gazette::http
