// A plain HTTP/1.1 client for integration tests, on Boost.Beast: one connection per request,
// or raw bytes for requests a well-behaved client would never send.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gazette::testing {

/// `fields` as an application/x-www-form-urlencoded body (names and values percent-encoded).
std::string form_encode(const std::map<std::string, std::string>& fields);

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string header(const std::string& name) const;
};

/// GET (or another `method`) `target` from host:port, with extra `headers`.
HttpResponse http_request(const std::string& host, unsigned short port, const std::string& method,
                          const std::string& target,
                          const std::map<std::string, std::string>& headers = {},
                          const std::string& body = "");

/// Sends `raw` bytes and returns the status of the response (0 when the server just closed).
int raw_request_status(const std::string& host, unsigned short port, const std::string& raw);

/// Sends `raw` bytes (without closing our side) and returns the status of every response the
/// server sent until it closed the connection: a smuggled request would add one.
std::vector<int> raw_response_statuses(const std::string& host, unsigned short port,
                                       const std::string& raw);

}  // namespace gazette::testing
