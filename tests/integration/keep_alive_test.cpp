// A keep-alive client's next request is answered however it arrives: right after the response,
// in two parts, pipelined, after a request with a body, or while the server is still writing a
// response the client has not taken yet. The server waits for a keep-alive client's next request
// without first asking its socket when the last read left it empty (http/read_to_empty.h); a
// wait begun on a wrong "empty" would leave the request unread until the keep-alive timeout
// (30 s), so every read here gives up after 10 s and fails the test.
#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <regex>
#include <thread>

#include "published_site.h"

namespace gazette::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

std::string get_of(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: gazette.test\r\n\r\n";
}

// A client's connection: its socket, and what it read past the last response.
struct Client {
  tcp::socket socket;
  beast::flat_buffer buffer;
};

class KeepAlive : public PublishedSite {
 protected:
  // A connection to the server whose reads fail after 10 s. `receive_buffer`, when not 0, is the
  // client's socket buffer, set before connecting so that the server's window is that small.
  Client connect(int receive_buffer = 0) {
    tcp::socket socket(io_);
    socket.open(tcp::v4());
    if (receive_buffer)
      setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVBUF, &receive_buffer,
                 sizeof receive_buffer);
    timeval timeout{10, 0};
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    socket.connect({asio::ip::make_address(server().host()), server().port()});
    return {std::move(socket), {}};
  }

  // The next response on `socket`: its status and body, or a failure of the test.
  std::pair<int, std::string> read_response(Client& client) {
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    beast::error_code error;
    beast::http::read(client.socket, client.buffer, parser, error);
    EXPECT_FALSE(error) << error.message();
    if (error) return {0, ""};
    EXPECT_TRUE(parser.get().keep_alive());
    return {parser.get().result_int(), parser.get().body()};
  }

  void send(Client& client, const std::string& bytes) {
    asio::write(client.socket, asio::buffer(bytes));
  }

  // What a page's body is, read on a connection of its own.
  std::string page(const std::string& target) {
    auto client = connect();
    send(client, get_of(target));
    auto [status, body] = read_response(client);
    EXPECT_EQ(status, 200) << target;
    return body;
  }

 private:
  asio::io_context io_;
};

TEST_F(KeepAlive, EveryRequestSentRightAfterTheLastResponseIsAnswered) {
  const std::vector<std::string> targets = {kReferencePath, "/", "/robots.txt"};
  std::map<std::string, std::string> bodies;
  for (const auto& target : targets) bodies[target] = page(target);
  auto client = connect();
  for (int i = 0; i < 300; ++i) {
    const auto& target = targets[i % targets.size()];
    send(client, get_of(target));
    auto [status, body] = read_response(client);
    ASSERT_EQ(status, 200) << "request " << i << ": " << target;
    ASSERT_EQ(body, bodies[target]) << "request " << i;
  }
}

TEST_F(KeepAlive, ARequestWhoseHeadComesInTwoPartsIsAnsweredOnceWhole) {
  auto client = connect();
  auto request = get_of(kReferencePath);
  for (int i = 0; i < 5; ++i) {
    // The first part is read and found short: the server waits for the rest.
    send(client, request.substr(0, 20));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    send(client, request.substr(20));
    EXPECT_EQ(read_response(client).first, 200) << "request " << i;
  }
}

TEST_F(KeepAlive, PipelinedAndFollowingRequestsAreAnsweredInOrder) {
  auto article = page(kReferencePath);
  auto home = page("/");
  auto client = connect();
  send(client, get_of("/robots.txt") + get_of(kReferencePath) + get_of("/"));
  EXPECT_EQ(read_response(client).first, 200);
  EXPECT_EQ(read_response(client).second, article);
  EXPECT_EQ(read_response(client).second, home);
  // And one more once the pipeline is empty.
  send(client, get_of("/robots.txt"));
  EXPECT_EQ(read_response(client).first, 200);
}

TEST_F(KeepAlive, TheRequestAfterOneWithABodyIsAnswered) {
  auto client = connect();
  for (int i = 0; i < 3; ++i) {
    // A body the server reads (and refuses: no such form), then a page.
    send(client, "POST /search/ HTTP/1.1\r\nHost: gazette.test\r\nContent-Length: 5\r\n\r\nhello");
    EXPECT_GE(read_response(client).first, 400);
    send(client, get_of(kReferencePath));
    EXPECT_EQ(read_response(client).first, 200) << "round " << i;
  }
}

TEST_F(KeepAlive, ARequestSentWhileTheServerStillWritesIsAnsweredAfterIt) {
  auto article = page(kReferencePath);
  // The article's photo, 23 kB: more than the server's socket takes at once for this client.
  std::smatch found;
  ASSERT_TRUE(std::regex_search(
      article, found, std::regex(R"re(og:image" content="http://gazette\.test(/media/[^"]+)")re")));
  auto photo_target = found[1].str();
  auto photo = page(photo_target);
  ASSERT_GT(photo.size(), 20000u);
  // A small window: the server cannot write the photo at once, and waits for the client.
  auto client = connect(1024);
  for (int i = 0; i < 3; ++i) {
    send(client, get_of(photo_target));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // The server is still writing: this request arrives while it does not read.
    send(client, get_of(kReferencePath));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(read_response(client).second, photo) << "round " << i;
    EXPECT_EQ(read_response(client).second, article) << "round " << i;
  }
}

}  // namespace
}  // namespace gazette::testing
