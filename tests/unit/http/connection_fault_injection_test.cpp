// Fault injection in Boost.Beast's manner: a connection and the caching responder behind it are
// driven over Beast's test::stream with a fail_count, which fails the n-th step (a read, a write,
// a lookup, a render) and every step after it. For n = 0, 1, 2… until an exchange completes
// untouched, each run must end without a crash or a hang, destroy its connection, send the
// client only a prefix of what a clean run sends (or a 500 when the render itself failed), and
// leave the page cache holding either nothing for a page or the whole page a clean run caches.
#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/_experimental/test/fail_count.hpp>
#include <boost/beast/_experimental/test/stream.hpp>

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "cache/caching_responder.h"
#include "cache/page_cache.h"
#include "content/cache_dependencies.h"
#include "http/connection_impl.h"

namespace gazette::http {
namespace {

namespace test = boost::beast::test;
namespace asio = boost::asio;

// Small steps make many of them: every read and write of a request or a page is cut into pieces
// this long, and each piece is one more place to fail.
constexpr std::size_t kStepBytes = 97;
// A clean exchange below takes well under this many steps; a loop that reaches it never
// completed, which is a failure of its own.
constexpr std::size_t kMostSteps = 2000;
// Never reached by the exchanges below: the fail_count of a clean run.
constexpr std::size_t kNoFailure = 1'000'000;
constexpr std::size_t kCacheBytes = 1 << 20;
constexpr std::uint64_t kBodyLimit = 1 << 20;

// The reader pages the handler renders (cacheable), and what it answers to a POST (never cached).
std::string page_body(std::string_view target) {
  std::string body = "<!doctype html><title>" + std::string(target) + "</title><main>";
  for (int paragraph = 0; paragraph < 40; ++paragraph)
    body += "<p>Paragraph " + std::to_string(paragraph) + " of " + std::string(target) + ".</p>\n";
  return body + "</main>";
}

// What a connection asks of its host (see connection.h), with the connections alive counted.
class TestHost {
 public:
  using TestConnection = BasicConnection<test::stream, TestHost>;

  explicit TestHost(cache::CachingResponder& caching)
      : responder_([&caching](const Request& request) { return caching.respond(request); }),
        ready_([this, &caching](const RequestHead& head) {
          auto response = caching.ready_response(head);
          if (response) ++answered_early;
          return response;
        }) {}

  void remove(const TestConnection*) { --alive; }
  std::uint64_t largest_body_limit() const { return kBodyLimit; }
  std::uint64_t body_limit_for(std::string_view) const { return kBodyLimit; }
  bool accepting_paused() const { return false; }
  const Responder& responder() const { return responder_; }
  const ReadyResponder& ready_responder() const { return ready_; }

  int alive = 0;
  int answered_early = 0;  // requests answered from their first bytes, before Beast's parser

 private:
  Responder responder_;
  ReadyResponder ready_;
};

// One run of an exchange: what the client received and how the connection ended.
struct Run {
  std::string received;
  bool finished = false;         // nothing was left waiting when the io_context ran dry
  bool connection_gone = false;  // the connection object was destroyed
  int connections_alive = 0;     // as the host counted them
};

// The headers of a response whose values change from run to run (dates, timings).
constexpr std::array<std::string_view, 3> kVariableHeaders = {
    "\r\nDate: ", "\r\nLast-Modified: ", "\r\nServer-Timing: "};

// `bytes` with the values that change from run to run replaced, and whether the cache answered
// (a follow-up run may find cached what the clean run rendered; only a miss has Server-Timing).
std::string without_variable_fields(const std::string& bytes) {
  static const std::regex timing("Server-Timing: [^\r]*\r\n");
  static const std::regex variable("(Date|Last-Modified|X-Cache): [^\r]*");
  return std::regex_replace(std::regex_replace(bytes, timing, ""), variable, "$1: *");
}

// Whether `received` is the beginning of `expected`, byte for byte but for the values of
// kVariableHeaders. (Both come from an empty cache: the same misses and hits.) `received` may
// stop anywhere, even inside a header's name or value.
bool is_beginning_of(const std::string& expected, const std::string& received) {
  std::size_t e = 0;
  std::size_t r = 0;
  while (r < received.size()) {
    if (e >= expected.size() || expected[e] != received[r]) return false;
    ++e;
    ++r;
    for (auto header : kVariableHeaders) {
      if (e < header.size() || expected.compare(e - header.size(), header.size(), header) != 0)
        continue;
      e = expected.find('\r', e);
      r = received.find('\r', r);
      if (r == std::string::npos) return true;  // cut inside the value
      break;
    }
  }
  return true;
}

// The pages, the cache, the responder and the host: a fresh site has an empty cache. Its render
// and its lookups count against the fail_count of the run in progress, as the stream's steps do.
struct Site {
  Site()
      : cache(kCacheBytes),
        caching(
            cache,
            [this](const Request& request) -> Answer {
              failures->fail();  // the render is a step that may fail, as a template might throw
              if (request.method() == beast_http::verb::post) {
                return make_response(request, Status::ok, "text/plain; charset=utf-8",
                                     "received " + std::to_string(request.body().size()) +
                                         " bytes: " + request.body());
              }
              auto target = std::string(request.target());
              return Answer(
                  make_response(request, Status::ok, "text/html; charset=utf-8", page_body(target)),
                  Cacheable{{content::dependency::home_list()}, {}});
            },
            [this] { failures->fail(); }),  // the change feed's refresh before a lookup
        host(caching) {}

  cache::PageCache cache;
  cache::CachingResponder caching;
  TestHost host;
  test::fail_count* failures = nullptr;  // of the run in progress
};

// Sends `requests` to a connection of `site` whose every step counts against `failures`, then
// closes the client's side, and runs until nothing is left to do.
Run run_exchange(const std::string& requests, Site& site, test::fail_count& failures) {
  site.failures = &failures;
  asio::io_context io;
  test::stream server_side(io, failures);
  test::stream client(io);
  server_side.connect(client);
  server_side.read_size(kStepBytes);
  server_side.write_size(kStepBytes);
  asio::write(client, asio::buffer(requests));
  client.close();  // the server reads the requests, then the end of the stream

  auto connection = std::make_shared<TestHost::TestConnection>(std::move(server_side), site.host);
  ++site.host.alive;
  std::weak_ptr<TestHost::TestConnection> watched = connection;
  connection->start();
  connection.reset();
  // test::stream completes every step inside this io_context: when it has nothing ready, either
  // all is done or something waits forever.
  while (io.poll() > 0) {
  }
  Run run;
  run.finished = io.stopped();
  run.connection_gone = watched.expired();
  run.connections_alive = site.host.alive;
  run.received = std::string(client.str());
  return run;
}

// The page under `key`, as its bytes: empty when the cache holds nothing for it.
std::string cached_bytes(const cache::PageCache& cache, const std::string& key) {
  auto page = cache.find(key);
  if (!page) return {};
  const auto& variant = page->variant(cache::Encoding::identity);
  return without_variable_fields(variant.head) + *variant.body;
}

struct Exchange {
  std::string requests;
  std::vector<std::string> cached_keys;  // host + target of the pages it may cache
  int answered_early = 0;  // of its requests, how many a clean run answers before parsing them
};

// Fails each step of `exchange` in turn, and checks what each failure leaves behind.
void inject_every_failure(const Exchange& exchange) {
  test::fail_count never(kNoFailure);
  Site clean_site;
  auto clean = run_exchange(exchange.requests, clean_site, never);
  ASSERT_TRUE(clean.finished && clean.connection_gone);
  ASSERT_EQ(clean_site.host.answered_early, exchange.answered_early);
  auto expected = without_variable_fields(clean.received);
  ASSERT_NE(expected.find("HTTP/1.1 200 OK"), std::string::npos) << expected;
  std::vector<std::string> expected_pages;
  for (const auto& key : exchange.cached_keys) {
    expected_pages.push_back(cached_bytes(clean_site.cache, key));
    ASSERT_FALSE(expected_pages.back().empty()) << key << " is not cached by a clean run";
  }

  std::size_t step = 0;
  for (; step < kMostSteps; ++step) {
    SCOPED_TRACE("failing from step " + std::to_string(step));
    test::fail_count failures(step);
    Site site;
    auto run = run_exchange(exchange.requests, site, failures);
    ASSERT_TRUE(run.finished) << "a step waits forever";
    ASSERT_TRUE(run.connection_gone) << "the connection outlived its exchange";
    ASSERT_EQ(run.connections_alive, 0);

    // What reached the client is what a clean run sends, cut short; or, when the render failed,
    // that followed by a 500 (the connection answers a responder's exception).
    auto error = run.received.find("HTTP/1.1 500 Internal Server Error");
    EXPECT_TRUE(is_beginning_of(clean.received, run.received.substr(0, error))) << run.received;

    // Each page is cached whole, byte for byte as a clean run caches it, or not at all.
    for (std::size_t i = 0; i < exchange.cached_keys.size(); ++i) {
      auto cached = cached_bytes(site.cache, exchange.cached_keys[i]);
      if (!cached.empty()) {
        EXPECT_EQ(cached, expected_pages[i]) << exchange.cached_keys[i];
      }
    }

    // Nothing the failure left behind (a cached page, a render in flight) changes what the next
    // client gets.
    test::fail_count no_more(kNoFailure);
    auto again = run_exchange(exchange.requests, site, no_more);
    EXPECT_TRUE(again.finished && again.connection_gone);
    EXPECT_EQ(without_variable_fields(again.received), expected);

    if (without_variable_fields(run.received) == expected)
      break;  // this exchange completed: every step before has failed
  }
  EXPECT_LT(step, kMostSteps) << "the exchange never completed";
  // Many steps failed in turn: the requests, and the pages in pieces of kStepBytes.
  EXPECT_GT(step, exchange.requests.size() / kStepBytes + 2);
}

TEST(ConnectionFaultInjection, CacheMissThenHitOnOneConnection) {
  inject_every_failure(
      {"GET /world/ HTTP/1.1\r\nHost: gazette.test\r\n\r\n"
       "GET /world/ HTTP/1.1\r\nHost: gazette.test\r\nAccept-Encoding: gzip\r\n\r\n",
       {"gazette.test/world/"},
       1});
}

// Hits answered from the request's first bytes (http/plain_request.h): a GET, a HEAD, and a
// revalidation answered 304, each written at once, and what the socket did not take written
// later — every step of that path failing in turn.
TEST(ConnectionFaultInjection, HitsAnsweredBeforeTheParser) {
  const std::string get = "GET /world/ HTTP/1.1\r\nHost: gazette.test\r\n\r\n";
  inject_every_failure({get + get + "HEAD /world/ HTTP/1.1\r\nHost: gazette.test\r\n\r\n" +
                            "GET /world/ HTTP/1.1\r\nHost: gazette.test\r\n"
                            "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n\r\n" +
                            get,
                        {"gazette.test/world/"},
                        4});
}

TEST(ConnectionFaultInjection, KeepAlivePairClosedByTheClient) {
  inject_every_failure(
      {"GET /a/ HTTP/1.1\r\nHost: gazette.test\r\n\r\n"
       "HEAD /b/ HTTP/1.1\r\nHost: gazette.test\r\nConnection: close\r\n\r\n",
       {"gazette.test/a/", "gazette.test/b/"},
       0});
}

TEST(ConnectionFaultInjection, PostWithABody) {
  std::string body(700, 'x');
  inject_every_failure(
      {"POST /comments/ HTTP/1.1\r\nHost: gazette.test\r\nContent-Type: "
       "text/plain\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body +
           "GET /after/ HTTP/1.1\r\nHost: gazette.test\r\n\r\n",
       {"gazette.test/after/"}});
}

TEST(ConnectionFaultInjection, ChunkedBody) {
  std::string chunks;
  for (int i = 0; i < 6; ++i) chunks += "40\r\n" + std::string(64, char('a' + i)) + "\r\n";
  inject_every_failure(
      {"POST /comments/ HTTP/1.1\r\nHost: gazette.test\r\nContent-Type: "
       "text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
           chunks + "0\r\n\r\n",
       {}});
}

}  // namespace
}  // namespace gazette::http
