// Where a request's body ends, over raw sockets: anything but a lone `chunked` or a
// Content-Length is refused before it is answered (400, or 501 for a coding we do not
// implement) and the connection closed, so a proxy in front that reads the framing otherwise
// cannot have a second, smuggled request answered (RFC 9112, section 6). Chunk lines ending in
// a bare LF get their 400 at once rather than a wait for the read timeout.
#include <boost/asio/ip/tcp.hpp>

#include "published_site.h"

namespace gazette::testing {
namespace {

// A POST whose body, read as chunks, is "hello" — and, read any other way, leaves this request
// behind it for the server to answer: the smuggled one.
const std::string kSmuggled =
    "GET /robots.txt HTTP/1.1\r\nHost: gazette.test\r\nConnection: close\r\n\r\n";

// The home page, on a connection the server closes after it (the client reads until then).
const std::string kHomeAndClose =
    "GET / HTTP/1.1\r\nHost: gazette.test\r\nConnection: close\r\n\r\n";

std::string post_with(const std::string& framing_headers, const std::string& body,
                      const std::string& version = "HTTP/1.1") {
  return "POST /comments/form-token " + version + "\r\nHost: gazette.test\r\n" + framing_headers +
         "\r\n" + body;
}

class RequestFraming : public PublishedSite {
 protected:
  std::vector<int> statuses(const std::string& raw) {
    return raw_response_statuses(server().host(), server().port(), raw);
  }
};

TEST_F(RequestFraming, ALoneChunkedIsReadAndTheNextRequestAnswered) {
  // The baseline: the chunked body is read whole, then the request after it is answered.
  EXPECT_EQ(
      statuses(post_with("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n") + kSmuggled),
      (std::vector<int>{405, 200}));
  EXPECT_EQ(
      statuses(post_with("Transfer-Encoding: Chunked\r\n", "5\r\nhello\r\n0\r\n\r\n") + kSmuggled),
      (std::vector<int>{405, 200}));
}

TEST_F(RequestFraming, ACodingThatIsNotALoneChunkedIsRefusedAndNothingElseAnswered) {
  const std::string chunks = "5\r\nhello\r\n0\r\n\r\n";
  // Chunked not last, not at all, or twice: the body has no known end → 400.
  for (const std::string coding : {"chunked, identity", "xchunked", "identity", "chunked, chunked",
                                   "chunked;ext=1", ", chunked", "", "x-chunked"}) {
    EXPECT_EQ(statuses(post_with("Transfer-Encoding: " + coding + "\r\n", chunks) + kSmuggled),
              (std::vector<int>{400}))
        << "Transfer-Encoding: " << coding;
  }
  // Well framed, but in a coding the server does not undo → 501.
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: gzip, chunked\r\n", chunks) + kSmuggled),
            (std::vector<int>{501}));
  // The same coding split over two header lines, with another between them.
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: gzip\r\nX-Between: 1\r\n"
                               "Transfer-Encoding: chunked\r\n",
                               chunks) +
                     kSmuggled),
            (std::vector<int>{501}));
  // The server still serves.
  EXPECT_EQ(get("/robots.txt").status, 200);
}

TEST_F(RequestFraming, TransferEncodingWithContentLengthIsRefused) {
  // Either order: one reader of the message takes the length, another the chunks.
  EXPECT_EQ(statuses(post_with("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                               "5\r\nhello\r\n0\r\n\r\n") +
                     kSmuggled),
            (std::vector<int>{400}));
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
                               "5\r\nhello\r\n0\r\n\r\n") +
                     kSmuggled),
            (std::vector<int>{400}));
  // Today's smuggling classic: an unknown coding beside a length the server would have used.
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n", "hello") +
                     kSmuggled),
            (std::vector<int>{400}));
}

TEST_F(RequestFraming, TransferEncodingInHttp10IsRefused) {
  EXPECT_EQ(
      statuses(post_with("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n", "HTTP/1.0") +
               kSmuggled),
      (std::vector<int>{400}));
}

// The client keeps its side open, as an attacker would: the 400 comes from what was sent, not
// from the read timeout.
TEST_F(RequestFraming, ChunkLinesEndingInABareLineFeedGetA400AtOnce) {
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: chunked\r\n", "5\nhello\n0\n\n")),
            (std::vector<int>{400}));
  // A chunk-size line after a well-formed chunk.
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\n\n")),
            (std::vector<int>{400}));
  // A trailer line.
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\nX-T: 1\n\n")),
            (std::vector<int>{400}));
}

TEST_F(RequestFraming, AChunkSizeLineWithoutEndGetsA400NotEndlessBuffering) {
  std::string endless = "5;" + std::string(200 * 1024, 'a');
  EXPECT_EQ(statuses(post_with("Transfer-Encoding: chunked\r\n", endless)),
            (std::vector<int>{400}));
}

// A cached page is answered from a plain GET's first bytes, before Beast's parser sees it
// (http/plain_request.h); requests sent together are still answered in order, each once.
TEST_F(RequestFraming, PipelinedGetsOfACachedPageAreEachAnsweredInOrder) {
  const std::string get = "GET / HTTP/1.1\r\nHost: gazette.test\r\n\r\n";
  EXPECT_EQ(statuses(kHomeAndClose), (std::vector<int>{200}));  // now cached
  EXPECT_EQ(statuses(get + get + get + kSmuggled), (std::vector<int>{200, 200, 200, 200}));
}

// A client that connects and leaves without a byte (a port scan, a health check by TCP) ends
// its connection, not the server: the next reader is served.
TEST_F(RequestFraming, AConnectionClosedBeforeAnyByteLeavesTheServerServing) {
  boost::asio::io_context io;
  for (int i = 0; i < 3; ++i) {
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address(server().host()), server().port()});
    socket.close();
  }
  EXPECT_EQ(statuses(kHomeAndClose), (std::vector<int>{200}));
}

}  // namespace
}  // namespace gazette::testing
