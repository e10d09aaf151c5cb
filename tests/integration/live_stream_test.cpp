// The live coverage's event stream (ARTICLE_PATH/live) on the real binary, read over a socket as
// a browser's EventSource would: an entry posted by `gazette live post` (another process, so on
// PostgreSQL it comes through LISTEN/NOTIFY) reaches an open stream without a request; the end
// of the coverage too; the limits per address answer 429 while pages keep being served; a slow
// reader holds up no one; what is not a live article's stream is a 404.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "published_site.h"

namespace gazette::testing {
namespace {

// How long a test waits for an event before it fails (not a timing target: a bound on a hang).
constexpr auto kEventWait = std::chrono::seconds(15);

/// A client's stream: a GET of `target` on a socket kept open, read as bytes arrive.
class StreamClient {
 public:
  StreamClient(unsigned short port, const std::string& target, int receive_buffer = 0) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (receive_buffer > 0)
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    timeval timeout{.tv_sec = 1, .tv_usec = 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string request = "GET " + target +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    EXPECT_EQ(::send(fd_, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
  }
  ~StreamClient() { ::close(fd_); }
  StreamClient(const StreamClient&) = delete;
  StreamClient& operator=(const StreamClient&) = delete;

  /// Reads until what arrived holds `needle` (true) or the stream closed or kEventWait passed.
  bool wait_for(const std::string& needle) {
    auto until = std::chrono::steady_clock::now() + kEventWait;
    while (received_.find(needle) == std::string::npos) {
      if (std::chrono::steady_clock::now() > until) return false;
      char buffer[4096];
      auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got == 0) return false;
      if (got > 0) received_.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
  }
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  std::string received_;
};

std::string stream_of(const std::string& article_path) {
  return article_path + "live";
}

using LiveStream = PublishedSiteOnEachBackend;

TEST_P(LiveStream, EntriesAndTheEndReachAnOpenStreamWithoutARequest) {
  auto first = run_gazette_with_input({"live", "post", kReferencePath, "--db", db()},
                                      "Les combattants entrent dans Damas\n");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto page = get(kReferencePath);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-stream=\"" + stream_of(kReferencePath) + "\""),
            std::string::npos);

  StreamClient stream(server().port(), stream_of(kReferencePath));
  ASSERT_TRUE(stream.wait_for("\r\n\r\n")) << stream.received();
  EXPECT_NE(stream.received().find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(stream.received().find("text/event-stream"), std::string::npos);

  auto second = run_gazette_with_input({"live", "post", kReferencePath, "--key", "--db", db()},
                                       "Homs **en fête** <script>alert(1)</script>\n");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ASSERT_TRUE(stream.wait_for("en fête")) << stream.received();
  EXPECT_NE(stream.received().find("event: entry"), std::string::npos);
  EXPECT_NE(stream.received().find("\"key\":true"), std::string::npos);
  EXPECT_NE(stream.received().find("<strong>en fête</strong>"), std::string::npos);
  // The entry's HTML went through the sanitizer (key_text is plain text, set as text).
  auto html = stream.received().find("\"html\":\"");
  ASSERT_NE(html, std::string::npos);
  auto html_end = stream.received().find("\",\"", html + 8);
  EXPECT_EQ(stream.received().substr(html, html_end - html).find("<script"), std::string::npos);

  ASSERT_EQ(run_gazette({"live", "end", kReferencePath, "--db", db()}).exit_code, 0);
  ASSERT_TRUE(stream.wait_for("event: ended")) << stream.received();
  EXPECT_NE(stream.received().find("Fin du direct"), std::string::npos);
}

TEST_P(LiveStream, AStreamOpenedLateCatchesUpFromThePageItWasGiven) {
  ASSERT_EQ(
      run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "Avant\n").exit_code,
      0);
  // A page rendered before the entry below asks for what changed since its second.
  StreamClient stream(server().port(), stream_of(kReferencePath) + "?since=0");
  ASSERT_TRUE(stream.wait_for("Avant")) << stream.received();
}

TEST_P(LiveStream, WhatIsNotALiveArticlesStreamIsA404) {
  EXPECT_EQ(get("/actualite/absent/live").status, 404);
  EXPECT_EQ(get(stream_of(kReferencePath)).status, 404);  // published, never live
}

GAZETTE_ON_EACH_BACKEND(LiveStream);

using LiveStreamLimits = PublishedSite;

TEST_F(LiveStreamLimits, AnAddressOverItsShareIsAnsweredWith429AndPagesStillServed) {
  ASSERT_EQ(
      run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "Un\n").exit_code, 0);
  ServerProcess limited(db(), {"--streams-per-address", "2"});
  StreamClient one(limited.port(), stream_of(kReferencePath));
  StreamClient two(limited.port(), stream_of(kReferencePath));
  ASSERT_TRUE(one.wait_for("retry:"));
  ASSERT_TRUE(two.wait_for("retry:"));
  auto third = http_request(limited.host(), limited.port(), "GET", stream_of(kReferencePath), {});
  EXPECT_EQ(third.status, 429);
  EXPECT_FALSE(third.header("retry-after").empty());
  EXPECT_EQ(http_request(limited.host(), limited.port(), "GET", kReferencePath, {}).status, 200);

  auto metrics = http_request(limited.host(), limited.port(), "GET", "/metrics", {});
  EXPECT_NE(metrics.body.find("gazette_open_streams 2"), std::string::npos) << metrics.body;
}

TEST_F(LiveStreamLimits, AReaderThatNeverReadsHoldsUpNoOtherStream) {
  ASSERT_EQ(
      run_gazette_with_input({"live", "post", kReferencePath, "--db", db()}, "Un\n").exit_code, 0);
  ServerProcess node(db(), {"--stream-buffer", "65536"});
  StreamClient stalled(node.port(), stream_of(kReferencePath), /*receive_buffer=*/1024);
  StreamClient reader(node.port(), stream_of(kReferencePath));
  ASSERT_TRUE(reader.wait_for("retry:"));
  // Long entries: far more than the stalled reader's buffers and its share on the server.
  const std::string paragraph(9'000, 'x');
  constexpr int kEntries = 12;
  for (int i = 0; i < kEntries; ++i) {
    auto posted = run_gazette_with_input({"live", "post", kReferencePath, "--db", db()},
                                         "Entrée " + std::to_string(i) + " " + paragraph + "\n");
    ASSERT_EQ(posted.exit_code, 0) << posted.err;
  }
  EXPECT_TRUE(reader.wait_for("Entrée " + std::to_string(kEntries - 1)));
  EXPECT_EQ(get(kReferencePath).status, 200);
}

}  // namespace
}  // namespace gazette::testing
