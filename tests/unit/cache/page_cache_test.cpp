// PageCache: what it keeps, what a write drops, and what it refuses to keep.
#include "cache/page_cache.h"

#include "content/dependency_text.h"

#include <gtest/gtest.h>

namespace gazette::cache {
namespace {

// The dependencies named as the change log writes them ("article:1 list:home").
std::vector<content::Dependency> named(std::initializer_list<std::string_view> names) {
  std::vector<content::Dependency> dependencies;
  for (auto name : names) dependencies.push_back(content::parse_dependency(name).value());
  return dependencies;
}

std::shared_ptr<CachedPage> page(const std::string& key,
                                 std::initializer_list<std::string_view> dependencies,
                                 const std::string& body = "<p>page</p>") {
  http::Response response{http::Status::ok, 11};
  response.set(http::beast_http::field::content_type, "text/html; charset=utf-8");
  response.body() = body;
  return std::make_shared<CachedPage>(key, response, http::Cacheable{named(dependencies), {}});
}

// A page that changes by itself `from_now` (the handler says when, beside the response).
std::shared_ptr<CachedPage> expiring_page(const std::string& key, std::chrono::seconds from_now) {
  http::Response response{http::Status::ok, 11};
  response.body() = "<p>page</p>";
  auto at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now() +
                                                               from_now);
  return std::make_shared<CachedPage>(key, response, http::Cacheable{named({"article:1"}), at});
}

TEST(PageCache, DropsExactlyThePagesDependingOnAnInvalidatedName) {
  PageCache cache(1 << 20);
  cache.insert(page("/a/", {"article:1", "list:home"}), cache.generation());
  cache.insert(page("/b/", {"article:2"}), cache.generation());
  cache.insert(page("/", {"list:home", "article:1", "article:2"}), cache.generation());
  cache.invalidate(named({"article:1"}));
  EXPECT_EQ(cache.find("/a/"), nullptr);
  EXPECT_EQ(cache.find("/"), nullptr);
  EXPECT_NE(cache.find("/b/"), nullptr);
}

TEST(PageCache, RefusesAPageRenderedBeforeAnInvalidation) {
  PageCache cache(1 << 20);
  auto before = cache.generation();
  cache.invalidate(named({"article:1"}));  // a write committed while the page was being rendered
  cache.insert(page("/a/", {"article:1"}), before);
  EXPECT_EQ(cache.find("/a/"), nullptr);
}

TEST(PageCache, TreatsAnExpiredPageAsAMiss) {
  PageCache cache(1 << 20);
  cache.insert(expiring_page("/a/", std::chrono::seconds(-1)), cache.generation());
  EXPECT_EQ(cache.find("/a/"), nullptr);
  cache.insert(expiring_page("/b/", std::chrono::hours(1)), cache.generation());
  EXPECT_NE(cache.find("/b/"), nullptr);
}

TEST(PageCache, EvictsTheLeastRecentlyUsedPagesBeyondItsBudget) {
  std::string body(20 * 1024, 'x');
  auto one = page("/1/", {}, body);
  PageCache cache(one->bytes() * 3 + one->bytes() / 2);
  cache.insert(one, cache.generation());
  cache.insert(page("/2/", {}, body), cache.generation());
  cache.insert(page("/3/", {}, body), cache.generation());
  ASSERT_NE(cache.find("/1/"), nullptr);  // used again: /2/ is now the oldest
  cache.insert(page("/4/", {}, body), cache.generation());
  EXPECT_EQ(cache.find("/2/"), nullptr);
  EXPECT_NE(cache.find("/1/"), nullptr);
  EXPECT_NE(cache.find("/4/"), nullptr);
  EXPECT_LE(cache.bytes(), one->bytes() * 3 + one->bytes() / 2);
}

TEST(CachedPage, KeepsEachEncodingWithItsOwnValidator) {
  auto cached = page("/a/", {}, std::string(4096, 'a'));
  const auto& identity = cached->variant(Encoding::identity);
  const auto& brotli = cached->variant(Encoding::brotli);
  const auto& gzip = cached->variant(Encoding::gzip);
  EXPECT_NE(cached->etag(Encoding::identity), cached->etag(Encoding::brotli));
  EXPECT_NE(cached->etag(Encoding::identity), cached->etag(Encoding::gzip));
  EXPECT_EQ(identity.hit->body->size(), 4096u);
  EXPECT_LT(brotli.hit->body->size(), 100u);
  EXPECT_NE(gzip.hit->head.find("Content-Encoding: gzip\r\n"), std::string::npos);
  EXPECT_NE(gzip.hit->head.find("ETag: " + cached->etag(Encoding::gzip) + "\r\n"),
            std::string::npos);
  EXPECT_TRUE(cached->matches(cached->etag(Encoding::gzip)));
  EXPECT_EQ(&cached->variant(Encoding::gzip), &gzip);  // compressed once, then kept
}

TEST(Compression, NegotiatesTheBestAcceptedEncoding) {
  EXPECT_EQ(negotiate_encoding("gzip, deflate, br"), Encoding::brotli);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.5, br;q=0"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("identity"), Encoding::identity);
  EXPECT_EQ(negotiate_encoding(""), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("gzip;q=0"), Encoding::identity);
}

}  // namespace
}  // namespace gazette::cache
