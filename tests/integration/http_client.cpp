// Test HTTP client over Boost.Beast (see http_client.h).
#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>

namespace gazette::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::string HttpResponse::header(const std::string& name) const {
  auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

HttpResponse http_request(const std::string& host, unsigned short port, const std::string& method,
                          const std::string& target,
                          const std::map<std::string, std::string>& headers,
                          const std::string& body) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address(host), port});
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, host + ":" + std::to_string(port));
  request.set(http::field::user_agent, "gazette-tests");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty() || method == "POST") request.prepare_payload();
  // A server refusing an oversized request answers and closes before reading it all, so a
  // failed write is not a failed test: the response is what counts.
  beast::error_code write_error;
  http::write(socket, request, write_error);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(socket, buffer, parser);
  const auto& response = parser.get();
  HttpResponse result;
  result.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    result.headers[name] = std::string(field.value());
  }
  result.body = response.body();
  beast::error_code ignored;
  socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return result;
}

int raw_request_status(const std::string& host, unsigned short port, const std::string& raw) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address(host), port});
  beast::error_code error;
  asio::write(socket, asio::buffer(raw), error);
  // The server may answer and close before it has read everything we sent; that is fine.
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response, error);
  if (error) return 0;
  return static_cast<int>(response.result_int());
}

}  // namespace gazette::testing

namespace gazette::testing {

std::vector<int> raw_response_statuses(const std::string& host, unsigned short port,
                                       const std::string& raw) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address(host), port});
  beast::error_code error;
  asio::write(socket, asio::buffer(raw), error);
  std::vector<int> statuses;
  beast::flat_buffer buffer;
  for (;;) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(socket, buffer, parser, error);
    if (error) break;
    statuses.push_back(static_cast<int>(parser.get().result_int()));
  }
  return statuses;
}

std::string form_encode(const std::map<std::string, std::string>& fields) {
  static const char* kHex = "0123456789ABCDEF";
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    for (const auto* text : {&name, &value}) {
      for (unsigned char c : *text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          body += static_cast<char>(c);
        } else {
          body += '%';
          body += kHex[c >> 4];
          body += kHex[c & 15];
        }
      }
      if (text == &name) body += '=';
    }
  }
  return body;
}

}  // namespace gazette::testing
