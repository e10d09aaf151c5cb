// A serving thread's memo of its hits (cache/hit_memo.h), through the responder that uses it: a
// write, the end of a page's life and another cache each make the next hit look again.
#include "cache/caching_responder.h"

#include "content/dependency_text.h"

#include <gtest/gtest.h>

#include <thread>

namespace gazette::cache {
namespace {

// A site whose every page says what `body` holds when it is rendered, and depends on article 1.
struct Site {
  explicit Site(std::optional<content::Timestamp> expires_at = std::nullopt)
      : responder(
            cache,
            [this, expires_at](const http::Request&) {
              http::Response response{http::Status::ok, 11};
              response.set(http::beast_http::field::content_type, "text/html; charset=utf-8");
              response.body() = body;
              return http::Answer(
                  std::move(response),
                  http::Cacheable{{content::parse_dependency("article:1").value()}, expires_at});
            },
            {}) {}

  // What a plain GET of / gets from the cache alone: its body, or nothing on a miss.
  std::optional<std::string> ready() {
    http::RequestHead head;
    head.method = http::beast_http::verb::get;
    head.target = "/";
    head.host = "example.org";
    auto response = responder.ready_response(head);
    if (!response) return std::nullopt;
    return *response->body;
  }

  // A GET of / through the whole responder: rendered on a miss.
  void render() {
    http::Request request{http::beast_http::verb::get, "/", 11};
    request.set(http::beast_http::field::host, "example.org");
    responder.respond(request);
  }

  PageCache cache{1 << 20};
  std::string body = "<p>first</p>";
  CachingResponder responder;
};

TEST(HitMemo, AnInvalidationIsSeenByTheNextHitOnTheSameThread) {
  Site site;
  site.render();
  EXPECT_EQ(site.ready(), "<p>first</p>");
  EXPECT_EQ(site.ready(), "<p>first</p>");  // from this thread's memo
  site.body = "<p>second</p>";
  site.cache.invalidate({content::parse_dependency("article:1").value()});
  EXPECT_EQ(site.ready(), std::nullopt);
  site.render();
  EXPECT_EQ(site.ready(), "<p>second</p>");
  EXPECT_EQ(site.cache.counters().hits.value(), 3u);
}

TEST(HitMemo, EachCacheIsAnsweredFromItsOwnPages) {
  Site one;
  Site two;
  one.render();
  two.body = "<p>other site</p>";
  two.render();
  EXPECT_EQ(one.ready(), "<p>first</p>");
  EXPECT_EQ(two.ready(), "<p>other site</p>");
  EXPECT_EQ(one.ready(), "<p>first</p>");
}

TEST(HitMemo, APageThatExpiredIsAMissEvenWhenThisThreadServedIt) {
  // Expiry is kept to the second: this page lives until the next second but one.
  auto expires_at =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) +
      std::chrono::seconds(2);
  Site site(expires_at);
  site.render();
  EXPECT_EQ(site.ready(), "<p>first</p>");
  std::this_thread::sleep_until(expires_at + std::chrono::milliseconds(10));
  EXPECT_EQ(site.ready(), std::nullopt);
}

}  // namespace
}  // namespace gazette::cache
