// The server under a crowd of slow clients, over raw sockets: it holds at most its limit of
// connections (within the open-file limit, or --max-connections), and a new reader still gets
// its page at once — it takes the place of the connection that has waited longest for a
// request, rather than waiting for the slow ones to time out.
#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>

#include "published_site.h"

namespace gazette::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// Whether the server has closed `socket`: readable at once with nothing to read (no waiting).
bool closed_by_server(tcp::socket& socket) {
  pollfd ready{socket.native_handle(), POLLIN, 0};
  if (poll(&ready, 1, 0) <= 0) return false;
  char byte;
  return recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
}

// Waits until the server closes `socket`, reading what it sends meanwhile.
void wait_for_close(tcp::socket& socket) {
  beast::error_code error;
  char buffer[4096];
  while (!error) socket.read_some(asio::buffer(buffer), error);
}

class ServerLimits : public PublishedSite {
 protected:
  tcp::endpoint endpoint(const ServerProcess& server) {
    return {asio::ip::make_address(server.host()), server.port()};
  }

  // A client that got one page and keeps its connection for the next (keep-alive).
  tcp::socket idle_keep_alive_client(const ServerProcess& server) {
    tcp::socket socket(io_);
    socket.connect(endpoint(server));
    beast::http::request<beast::http::empty_body> request{beast::http::verb::get, "/robots.txt",
                                                          11};
    request.set(beast::http::field::host, "gazette.test");
    beast::http::write(socket, request);
    beast::flat_buffer buffer;
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket, buffer, response);
    EXPECT_EQ(response.result_int(), 200u);
    EXPECT_TRUE(response.keep_alive());
    return socket;
  }

  asio::io_context io_;
};

TEST_F(ServerLimits, SlowClientsBeyondTheOpenFileLimitDoNotShutReadersOut) {
  // 128 descriptors: 72 kept for the server's own files on one thread, room for 56 connections.
  // (One thread: the server reads the busy client's head below before it accepts the crowd.)
  ServerProcess server(db(), {"--threads", "1"}, {"prlimit", "--nofile=128:128"});
  // A client in the middle of sending a body: busy, so never the one to give its place up.
  tcp::socket busy(io_);
  busy.connect(endpoint(server));
  asio::write(busy, asio::buffer(std::string("POST /comments/form-token HTTP/1.1\r\nHost: x\r\n"
                                             "Content-Length: 10\r\n\r\nhello")));
  // Nearly three times as many slow clients as there is room for (slowloris): half send
  // nothing, half a request line and never the end of their headers.
  constexpr int kSlowClients = 150;
  std::vector<tcp::socket> slow;
  for (int i = 0; i < kSlowClients; ++i) {
    slow.emplace_back(io_);
    slow.back().connect(endpoint(server));
    if (i % 2) asio::write(slow.back(), asio::buffer(std::string("GET / HTTP/1.1\r\nHost: x\r\n")));
  }
  auto reader = http_request(server.host(), server.port(), "GET", kReferencePath);
  EXPECT_EQ(reader.status, 200);
  EXPECT_NE(reader.body.find("<h1"), std::string::npos);
  // The reader was let in while the busy client is still connected: by taking the place of
  // slow ones, not after the read timeout (which closes the busy client first) had freed
  // descriptors, as before there was a limit.
  EXPECT_FALSE(closed_by_server(busy));
  asio::write(busy, asio::buffer(std::string("world")));
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> answer;
  beast::http::read(busy, buffer, answer);
  EXPECT_EQ(answer.result_int(), 405u);
  EXPECT_EQ(server.stop(), 0);
}

TEST_F(ServerLimits, ANewClientTakesThePlaceOfTheConnectionIdleLongest) {
  ServerProcess server(db(), {"--max-connections", "4"});
  std::vector<tcp::socket> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(idle_keep_alive_client(server));
  EXPECT_EQ(http_request(server.host(), server.port(), "GET", kReferencePath).status, 200);
  // The first idle one gave its place up; had another been chosen, the first would close only
  // at the keep-alive timeout, and every other one with it.
  wait_for_close(idle[0]);
  for (int i = 1; i < 4; ++i) EXPECT_FALSE(closed_by_server(idle[i])) << i;
  EXPECT_EQ(server.stop(), 0);
}

TEST_F(ServerLimits, TheLimitIsReadFromTheEnvironment) {
  setenv("GAZETTE_MAX_CONNECTIONS", "1", 1);
  ServerProcess server(db());
  unsetenv("GAZETTE_MAX_CONNECTIONS");
  auto idle = idle_keep_alive_client(server);
  EXPECT_EQ(http_request(server.host(), server.port(), "GET", "/").status, 200);
  wait_for_close(idle);
  EXPECT_EQ(server.stop(), 0);
}

TEST_F(ServerLimits, ABusyClientKeepsItsPlaceAndTheNewcomerIsServedBeyondTheLimit) {
  // One place, taken by a client sending a body slowly: the next client is let in beyond the
  // limit rather than the busy one closed, and gives its place up after its response.
  ServerProcess server(db(), {"--max-connections", "1"});
  tcp::socket busy(io_);
  busy.connect(endpoint(server));
  asio::write(busy, asio::buffer(std::string("POST /comments/form-token HTTP/1.1\r\nHost: x\r\n"
                                             "Content-Length: 10\r\n\r\nhello")));
  tcp::socket next(io_);
  next.connect(endpoint(server));
  asio::write(next, asio::buffer(std::string("GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")));
  beast::flat_buffer next_buffer;
  beast::http::response<beast::http::string_body> second;
  beast::http::read(next, next_buffer, second);
  EXPECT_EQ(second.result_int(), 200u);
  EXPECT_FALSE(second.keep_alive());
  wait_for_close(next);

  EXPECT_FALSE(closed_by_server(busy));
  asio::write(busy, asio::buffer(std::string("world")));
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> first;
  beast::http::read(busy, buffer, first);
  EXPECT_EQ(first.result_int(), 405u);
  EXPECT_EQ(server.stop(), 0);
}

TEST_F(ServerLimits, RefusesToStartWhenTheOpenFileLimitLeavesNoRoom) {
  EXPECT_THROW(ServerProcess(db(), {"--threads", "2"}, {"prlimit", "--nofile=64:64"}),
               std::runtime_error);
}

}  // namespace
}  // namespace gazette::testing
